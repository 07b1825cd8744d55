"""Completeness: the site publishes legal documents with every mandatory attribute (NĐ 42/2022 Điều 4.1.a)."""

from django.db.models import Exists, OuterRef, Q

from portal.completeness.registry import Finding, Status, register
from portal.completeness.selectors import admin_add_url, admin_edit_url
from portal.legaldocs.constants import MANDATORY_FIELDS
from portal.legaldocs.models import LegalDocumentFile, LegalDocumentIndexPage, LegalDocumentPage
from portal.legaldocs.selectors import stale_in_force


def complete_documents(unit_id):
    """Live documents of the unit with every mandatory attribute and at least one file."""
    has_file = LegalDocumentFile.objects.filter(page=OuterRef("pk")).filter(Q(document__isnull=False) | ~Q(external_url=""))
    qs = LegalDocumentPage.objects.live().filter(unit_id=unit_id, issue_date__isnull=False, effective_date__isnull=False)
    for name in MANDATORY_FIELDS:
        if name not in ("issue_date", "effective_date"):
            qs = qs.exclude(**{name: ""})
    return qs.filter(Exists(has_file))


@register(
    "van-ban",
    title="Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành",
    legal_basis="NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm a; NĐ 43/2011/NĐ-CP Điều 10 khoản 6",
    group="Văn bản",
    order=350,
)
def check_legal_documents(unit, context) -> Finding:
    index = LegalDocumentIndexPage.objects.filter(unit=unit).order_by("path").first()
    if not complete_documents(unit.pk).exists():
        return Finding(
            Status.MISSING,
            "Chưa đăng văn bản nào có đủ hình thức, cơ quan ban hành, số, ký hiệu, ngày ban hành, ngày có hiệu lực, "
            "trích yếu, lĩnh vực và tệp văn bản để tải về.",
            admin_add_url(index, LegalDocumentPage) if index else "",
        )
    stale = list(stale_in_force(unit.pk, context.today)[:6])
    if stale:
        names = "; ".join(f"{d.number or d.title} (hết hiệu lực {d.expiry_date:%d/%m/%Y})" for d in stale[:5])
        more = " và văn bản khác" if len(stale) > 5 else ""
        return Finding(
            Status.STALE,
            f"Văn bản đã qua ngày hết hiệu lực nhưng tình trạng vẫn ghi “Còn hiệu lực”: {names}{more}. "
            "Hãy cập nhật tình trạng hiệu lực.",
            admin_edit_url(stale[0]),
        )
    return Finding(Status.PRESENT, "Đã đăng văn bản có đủ thuộc tính bắt buộc.")
