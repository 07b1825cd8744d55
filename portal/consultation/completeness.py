"""Completeness: a site that drafts legal documents publishes them for comment and reports back."""

import datetime as dt

from django.utils import timezone

from portal.completeness.registry import Finding, Status, register
from portal.completeness.selectors import admin_add_url, admin_edit_url
from portal.consultation.models import ConsultationPage
from portal.consultation.selectors import consultations_missing_report
from portal.pages.selectors import page_at
from portal.rules.services import MissingRule, rule_value
from portal.units.constants import UnitKind

INDEX_PATH = "lay-y-kien"


def _index_fix_url(context) -> str:
    index = page_at(context.home, INDEX_PATH)
    if index is None:
        return ""
    return admin_add_url(index, ConsultationPage)


@register(
    "lay-y-kien",
    title="Lấy ý kiến góp ý dự thảo văn bản",
    legal_basis="NĐ 43/2011/NĐ-CP Điều 10 khoản 10; NĐ 42/2022/NĐ-CP Điều 8; Luật Ban hành văn bản QPPL 2025",
    kinds={UnitKind.PROVINCE, UnitKind.AGENCY, UnitKind.DISTRICT},
    group="Tương tác",
    order=720,
)
def check_consultations(unit, context) -> Finding:
    now = context.now
    consultations = ConsultationPage.objects.live().filter(unit=unit)
    started = list(consultations.filter(opens_at__lte=now).only("id", "title", "opens_at", "closes_at").order_by("-opens_at")[:20])
    if not started:
        return Finding(
            Status.MISSING,
            "Chưa đăng dự thảo nào để lấy ý kiến góp ý của tổ chức, cá nhân.",
            _index_fix_url(context),
        )
    try:
        due_days = int(rule_value("consultation.report_due_days", on=context.today))
    except MissingRule:
        due_days = None
    if due_days is not None:
        overdue = list(consultations_missing_report(unit.pk, closed_before=now - dt.timedelta(days=due_days))[:5])
        if overdue:
            titles = "; ".join(f"“{page.title}” (hết hạn {timezone.localtime(page.closes_at):%d/%m/%Y})" for page in overdue)
            return Finding(
                Status.STALE,
                f"Quá {due_days} ngày sau khi hết hạn góp ý mà chưa công bố báo cáo tổng hợp, tiếp thu, giải trình: {titles}.",
                admin_edit_url(overdue[0]),
            )
    open_now = [page for page in started if page.closes_at > now]
    detail = f"Đã đăng {len(started)} dự thảo lấy ý kiến" + (f", {len(open_now)} đang lấy ý kiến." if open_now else ".")
    warnings = [page.window_warning() for page in open_now]
    warnings = [warning for warning in warnings if warning]
    if warnings:
        detail += " Lưu ý: " + " ".join(warnings)
    return Finding(Status.PRESENT, detail)
