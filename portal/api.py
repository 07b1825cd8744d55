"""Versioned domain API. Each app owns its router; this only mounts them."""

from ninja import NinjaAPI

from portal.completeness.api import router as completeness_router
from portal.consultation.api import router as consultation_router
from portal.dossiers.api import router as dossiers_router
from portal.dossiers.api_statistics import router as dossier_statistics_router
from portal.interaction.api import router as interaction_router
from portal.legaldocs.api import router as legaldocs_router
from portal.pages.api import router as pages_router
from portal.payments.api import router as payments_router
from portal.procedures.api import router as procedures_router
from portal.schedule.api import router as schedule_router
from portal.search.api import router as search_router
from portal.units.api import router as units_router

api_v1 = NinjaAPI(
    title="Cổng thông tin điện tử tỉnh — API",
    version="1",
    description="API dữ liệu của nền tảng Cổng thông tin điện tử cấp tỉnh: đơn vị, tin bài, văn bản, lịch công tác, "
    "lấy ý kiến dự thảo, hỏi đáp và kiểm tra đầy đủ thông tin bắt buộc (NĐ 42/2022/NĐ-CP Điều 5).",
    urls_namespace="api-v1",
    docs_url="/",
)
api_v1.add_router("", units_router)
api_v1.add_router("", search_router)
api_v1.add_router("", pages_router)
api_v1.add_router("", legaldocs_router)
api_v1.add_router("", schedule_router)
api_v1.add_router("", consultation_router)
api_v1.add_router("", interaction_router)
api_v1.add_router("", completeness_router)
api_v1.add_router("", procedures_router)
api_v1.add_router("", dossiers_router)
api_v1.add_router("", payments_router)
api_v1.add_router("", dossier_statistics_router)
