"""Versioned domain API. Each app owns its router; this only mounts them."""

from ninja import NinjaAPI

from portal.units.api import router as units_router

api_v1 = NinjaAPI(
    title="Cổng thông tin điện tử tỉnh — API",
    version="1",
    description="API dữ liệu của nền tảng Cổng thông tin điện tử cấp tỉnh.",
    urls_namespace="api-v1",
    docs_url="/",
)
api_v1.add_router("", units_router)
