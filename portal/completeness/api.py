import datetime as dt

from ninja import Router, Schema

from portal.completeness.selectors import site_completeness
from portal.core.api import api_unit_or_404

router = Router(tags=["Kiểm tra đầy đủ thông tin"])


class ItemOut(Schema):
    code: str
    title: str
    group: str
    legal_basis: str
    status: str
    status_label: str
    detail: str
    fix_url: str


class CompletenessOut(Schema):
    hostname: str
    unit_code: str
    unit_name: str
    checked_at: dt.datetime
    complete: bool
    present: int
    missing: int
    stale: int
    items: list[ItemOut]


@router.get(
    "/sites/{hostname}/completeness",
    response=CompletenessOut,
    summary="Thông tin bắt buộc của một trang: có, thiếu hay chưa cập nhật",
)
def site_completeness_view(request, hostname: str):
    from portal.completeness.registry import Status

    unit = api_unit_or_404(hostname)
    report = site_completeness(unit)
    return CompletenessOut(
        hostname=unit.hostname,
        unit_code=unit.code,
        unit_name=unit.display_name,
        checked_at=report.checked_at,
        complete=report.complete,
        present=report.count(Status.PRESENT),
        missing=report.count(Status.MISSING),
        stale=report.count(Status.STALE),
        items=[
            ItemOut(
                code=i.code, title=i.title, group=i.group, legal_basis=i.legal_basis, status=str(i.status),
                status_label=i.status_label, detail=i.detail, fix_url=i.fix_url,
            )
            for i in report.items
        ],
    )
