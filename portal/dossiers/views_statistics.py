"""Public page “Thống kê giải quyết hồ sơ” (L-61-stats): the province on the main portal, one unit on its site."""

from decimal import Decimal
from urllib.parse import urlencode

from django import forms
from django.http import Http404
from django.shortcuts import render

from portal.dossiers import statistics
from portal.pages.chrome import chrome_for_request
from portal.units.selectors import unit_for_hostname

TITLE = "Thống kê giải quyết hồ sơ"
PRESETS = {
    "thang": ("Tháng này", statistics.period_this_month),
    "quy": ("Quý này", statistics.period_this_quarter),
    "nam": ("Năm nay", statistics.period_this_year),
}
DATE_HELP = "Nhập theo dạng ngày/tháng/năm, ví dụ 01/03/2026."
NBSP = "\u00a0"


def vn_int(value: int) -> str:
    """1234 → "1.234" (Vietnamese groups thousands with dots)."""
    return f"{value:,}".replace(",", ".")


def vn_percent(value: Decimal | None) -> str:
    """95.5 → "95,5 %"; None (nothing to divide by) → "—"."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + f"{NBSP}%"


class PeriodForm(forms.Form):
    """The custom period: two dates, dd/mm/yyyy; the presets are plain links."""

    start = forms.DateField(label="Từ ngày", input_formats=["%d/%m/%Y"], help_text=DATE_HELP)
    end = forms.DateField(label="Đến ngày", input_formats=["%d/%m/%Y"], help_text=DATE_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, what in (("start", "ngày bắt đầu"), ("end", "ngày kết thúc")):
            field = self.fields[name]
            field.error_messages["required"] = f"Hãy nhập {what}."
            field.error_messages["invalid"] = f"{what.capitalize()} chưa đúng dạng ngày/tháng/năm, ví dụ 01/03/2026."
            field.widget = forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "size": 10, "aria-describedby": f"{self[name].auto_id}_helptext"},
            )
        self.period = None

    def add_prefix(self, field_name):
        # Vietnamese parameter names in the address: ?tu-ngay=01/03/2026&den-ngay=31/03/2026
        return {"start": "tu-ngay", "end": "den-ngay"}.get(field_name, field_name)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            try:
                self.period = statistics.period_check(start, end)
            except statistics.PeriodError as error:
                self.add_error(error.field, str(error))
        return data

    def full_clean(self):
        super().full_clean()
        # Link each field to its hint and its error (WCAG 1.3.1, 3.3.1).
        for name, field in self.fields.items():
            bound = self[name]
            if bound.errors:
                field.widget.attrs["aria-describedby"] = f"{bound.auto_id}_helptext {bound.auto_id}_error"
                field.widget.attrs["aria-invalid"] = "true"


def _cells(stats: statistics.DossierStats) -> dict[str, str]:
    """Every figure of a scope as Vietnamese text, for the templates."""
    names = (
        "carried_over", "received", "received_online", "received_in_person", "received_post", "handled",
        "resolved", "resolved_early", "resolved_on_time", "resolved_late", "resolved_in_time", "refused", "withdrawn",
        "in_progress", "in_progress_overdue", "in_progress_on_track",
        "ratings", "rated_very_satisfied", "rated_satisfied", "rated_dissatisfied",
    )
    rates = (
        "on_time_rate", "late_rate", "online_share", "very_satisfied_rate", "satisfied_rate", "dissatisfied_rate",
        "satisfaction_rate",
    )
    cells = {name: vn_int(getattr(stats, name)) for name in names}
    cells.update({name: vn_percent(getattr(stats, name)) for name in rates})
    cells["closed"] = vn_int(stats.refused + stats.withdrawn)
    return cells


def _period_from_request(request) -> tuple[statistics.Period | None, str, PeriodForm]:
    """(period, chosen preset or "", the date form); period is None when the dates are wrong."""
    if "tu-ngay" in request.GET or "den-ngay" in request.GET:
        form = PeriodForm(request.GET)
        return (form.period if form.is_valid() else None), "", form
    preset = request.GET.get("ky", "thang")
    if preset not in PRESETS:
        preset = "thang"
    period = PRESETS[preset][1]()
    form = PeriodForm(initial={"start": period.start.strftime("%d/%m/%Y"), "end": period.end.strftime("%d/%m/%Y")})
    return period, preset, form


def statistics_page(request):
    unit = unit_for_hostname(request.get_host().split(":")[0])
    if unit is None:
        raise Http404("Không có trang nào với tên miền này.")
    period, preset, form = _period_from_request(request)
    context = chrome_for_request(request, TITLE, crumbs=[("Dịch vụ công", "/dich-vu-cong/")])
    scope = None if unit.is_main else unit
    context.update({
        "unit": unit,
        "is_main": unit.is_main,
        "form": form,
        "presets": [(key, label, f"?ky={key}", key == preset) for key, (label, _) in PRESETS.items()],
        "period": period,
        "max_days": statistics.MAX_PERIOD_DAYS,
    })
    if period is not None:
        totals = statistics.dossier_statistics(start=period.start, end=period.end, unit=scope)
        query = urlencode({"tu-ngay": f"{period.start:%d/%m/%Y}", "den-ngay": f"{period.end:%d/%m/%Y}"})
        context.update({
            "stats": totals,
            "cells": _cells(totals),
            "procedure_rows": [
                {"code": row.procedure.national_code, "name": row.procedure.name, "cells": _cells(row.stats)}
                for row in statistics.dossier_statistics_by_procedure(start=period.start, end=period.end, unit=scope)
            ],
            "unit_rows": [
                {
                    "name": row.unit.display_name,
                    "url": f"{row.unit.site_url}dich-vu-cong/thong-ke/?{query}" if row.unit.site_url and not row.unit.is_main else "",
                    "cells": _cells(row.stats),
                }
                for row in statistics.dossier_statistics_by_unit(start=period.start, end=period.end)
            ] if unit.is_main else [],
        })
    return render(request, "dossiers/statistics.html", context)
