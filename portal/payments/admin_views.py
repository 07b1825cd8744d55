"""Admin: daily reconciliation of online payments against the gateways' settlements, per unit."""

import datetime as dt
import re

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from portal.payments import permissions
from portal.payments.selectors import payments_reconcile
from portal.units.models import Unit


def parse_day(text: str) -> dt.date | None:
    """dd/mm/yyyy as people write it; also yyyy-mm-dd (from a date input)."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None and (match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)):
        parts = match.groups()
    if parts is None:
        return None
    try:
        return dt.date(*(int(p) for p in parts))
    except ValueError:
        return None


def reconciliation(request):
    unit_ids = permissions.units_user_reconciles(request.user)
    if unit_ids is not None and not unit_ids:
        raise PermissionDenied
    error = ""
    text = request.GET.get("ngay", "").strip()
    day = parse_day(text) if text else timezone.localdate()
    if day is None:
        error = "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026."
        day = timezone.localdate()
    units = Unit.objects.order_by("sort_order", "name").only("pk", "name", "short_name", "sort_order", "code")
    units = list(units.filter(pk__in=unit_ids) if unit_ids is not None else units.filter(payments__isnull=False).distinct())
    try:
        chosen = int(request.GET.get("don-vi") or 0)
    except ValueError:
        chosen = 0
    if chosen and (unit_ids is None or chosen in unit_ids):
        unit_ids = {chosen}
    rows = payments_reconcile(day, unit_ids=unit_ids)
    context = {
        "day": day, "day_text": text if error else day.strftime("%d/%m/%Y"), "error": error, "rows": rows,
        "units": units, "chosen": chosen, "all_balanced": all(r.balanced for r in rows),
    }
    return TemplateResponse(request, "payments/admin/reconciliation.html", context)
