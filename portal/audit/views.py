"""Admin screens: the audit log (operator: every site; board head: their own) and the archive of deleted pages."""

import csv
import datetime as dt
import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal.audit import permissions, selectors, services
from portal.audit.models import RetainedPage
from portal.units.models import Unit

PAGE_SIZE = 50
CSV_LIMIT = 100_000


def _date(value: str) -> dt.date | None:
    value = (value or "").strip()
    try:
        if "/" in value:
            day, month, year = (int(part) for part in value.split("/"))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _units_for(unit_ids):
    units = Unit.objects.exclude(site=None).order_by("sort_order", "code")
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    return list(units.only("pk", "code", "name", "label")[:500])


class _Echo:
    def write(self, value):
        return value


def _csv_stream(entries):
    writer = csv.writer(_Echo())
    yield "\ufeff"
    yield writer.writerow(["Số thứ tự", "Thời điểm", "Mã người thực hiện", "Người thực hiện", "Hành động", "Loại đối tượng",
                           "Mã đối tượng", "Đối tượng", "Đơn vị", "Địa chỉ IP", "Trình duyệt", "Chi tiết", "Mã băm mục trước", "Mã băm"])
    for entry in entries.iterator(chunk_size=2000):
        row = selectors.export_row(entry)
        row["data"] = json.dumps(row["data"], ensure_ascii=False, sort_keys=True)
        yield writer.writerow([row[name] for name in selectors.EXPORT_FIELDS])


def log_index(request):
    unit_ids = permissions.log_units(request.user)
    if unit_ids is not None and not unit_ids:
        raise PermissionDenied
    units = _units_for(unit_ids)
    allowed_codes = None if unit_ids is None else [unit.code for unit in units]
    chosen = request.GET.get("don-vi", "").strip()
    if chosen:
        if allowed_codes is not None and chosen not in allowed_codes:
            raise Http404
        codes = [chosen]
    else:
        codes = allowed_codes
    filters = {
        "username": request.GET.get("nguoi-dung", "").strip()[:150],
        "action": request.GET.get("hanh-dong", "").strip()[:100],
        "date_from": _date(request.GET.get("tu-ngay", "")),
        "date_to": _date(request.GET.get("den-ngay", "")),
    }
    entries = selectors.entries_filtered(unit_codes=codes, **filters)
    if request.GET.get("tai-ve") == "csv":
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = StreamingHttpResponse(_csv_stream(entries.order_by("seq")[:CSV_LIMIT]), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="nhat-ky-{stamp}.csv"'
        services.audit_append(
            action="portal.audit.export", actor=request.user, unit_code=chosen,
            data={"unit": chosen or "", "username": filters["username"], "action_prefix": filters["action"],
                  "from": filters["date_from"].isoformat() if filters["date_from"] else "",
                  "to": filters["date_to"].isoformat() if filters["date_to"] else ""},
        )
        return response
    page_obj = Paginator(entries.order_by("-seq"), PAGE_SIZE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "audit/log.html", {
        "page_obj": page_obj, "units": units, "chosen": chosen, "filters": filters,
        "raw": {key: request.GET.get(key, "") for key in ("nguoi-dung", "hanh-dong", "tu-ngay", "den-ngay")},
    })


def archive_index(request):
    unit_ids = permissions.archive_units(request.user)
    if unit_ids is not None and not unit_ids:
        raise PermissionDenied
    units = _units_for(unit_ids)
    chosen = request.GET.get("don-vi", "").strip()
    scope = unit_ids
    if chosen:
        unit = next((u for u in units if str(u.pk) == chosen), None)
        if unit is None:
            raise Http404
        scope = {unit.pk}
    page_obj = Paginator(selectors.retained_pages(unit_ids=scope), PAGE_SIZE).get_page(request.GET.get("p"))
    for retained in page_obj.object_list:
        retained.can_restore = permissions.can_restore(request.user, retained)
    return TemplateResponse(request, "audit/archive.html", {"page_obj": page_obj, "units": units, "chosen": chosen})


@require_POST
def archive_restore(request, retained_id):
    retained = get_object_or_404(RetainedPage.objects.select_related("page"), pk=retained_id)
    if not permissions.can_restore(request.user, retained):
        raise PermissionDenied
    title = retained.title
    services.page_restore(retained=retained, user=request.user)
    messages.success(request, f"Đã khôi phục “{title}”. Trang đang ở trạng thái bản nháp; xuất bản lại nếu cần.")
    return redirect("wagtailadmin_explore", retained.page.get_parent().pk)
