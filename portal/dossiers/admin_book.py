"""Admin views of the tracking book (Mẫu 06). urlpatterns are mounted under /admin/mot-cua/so-theo-doi/.

GET ?unit=<id>&tu=dd/mm/yyyy&den=dd/mm/yyyy shows the book as a printable table; &pdf=1 downloads Mẫu 06.
A unit the user holds no role on answers 404, so ids reveal nothing.
"""

import datetime as dt
import re

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from portal.core.forms import DescribedFieldsMixin
from portal.dossiers.book import tracking_book_rows, tracking_book_totals
from portal.editorial.permissions import user_roles
from portal.units.models import Unit

DATE_FORMAT = "%d/%m/%Y"
# A book is kept per year; a longer period would be one unreadable table.
MAX_PERIOD_DAYS = 366


def book_units(user):
    """Units whose book the user may read: every unit for a superuser, else those they hold any role on."""
    units = Unit.objects.order_by("sort_order", "name")
    if user.is_superuser:
        return units
    return units.filter(pk__in=[unit_id for unit_id, roles in user_roles(user).items() if roles])


class BookForm(DescribedFieldsMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label="Đơn vị", queryset=Unit.objects.none(), empty_label="– Chọn đơn vị –",
        error_messages={"required": "Hãy chọn đơn vị.", "invalid_choice": "Đơn vị không hợp lệ."},
    )
    tu = forms.DateField(
        label="Từ ngày", input_formats=[DATE_FORMAT], help_text="Ngày/tháng/năm, ví dụ 01/03/2026.",
        error_messages={"required": "Hãy nhập ngày bắt đầu.", "invalid": "Ngày bắt đầu phải viết theo dạng ngày/tháng/năm, ví dụ 01/03/2026."},
    )
    den = forms.DateField(
        label="Đến ngày", input_formats=[DATE_FORMAT], help_text="Ngày/tháng/năm, ví dụ 31/03/2026.",
        error_messages={"required": "Hãy nhập ngày kết thúc.", "invalid": "Ngày kết thúc phải viết theo dạng ngày/tháng/năm, ví dụ 31/03/2026."},
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda unit: unit.display_name
        for name in ("tu", "den"):
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 10})

    def clean(self):
        data = super().clean()
        start, end = data.get("tu"), data.get("den")
        if start and end:
            if end < start:
                self.add_error("den", "Ngày kết thúc phải trùng hoặc sau ngày bắt đầu.")
            elif (end - start).days >= MAX_PERIOD_DAYS:
                self.add_error("den", f"Mỗi lần xem tối đa {MAX_PERIOD_DAYS} ngày; hãy chia kỳ nhỏ hơn.")
        return data


def _filename(unit, start: dt.date, end: dt.date) -> str:
    code = re.sub(r"[^A-Za-z0-9.-]+", "-", unit.code).strip("-") or str(unit.pk)
    return f"so-theo-doi-{code}-{start:%Y%m%d}-{end:%Y%m%d}.pdf"


def book(request):
    units = book_units(request.user)
    allowed = {unit.pk: unit for unit in units}
    if not allowed:
        raise PermissionDenied
    requested = request.GET.get("unit", "")
    if requested.isdigit() and int(requested) not in allowed:
        raise Http404  # another unit's book, or no such unit: the same answer

    if "tu" in request.GET or "den" in request.GET or requested:
        form = BookForm(request.GET, units=units)
    else:
        today = timezone.localdate()
        initial = {"tu": today.replace(day=1).strftime(DATE_FORMAT), "den": today.strftime(DATE_FORMAT)}
        if len(allowed) == 1:
            initial["unit"] = next(iter(allowed))
        form = BookForm(initial=initial, units=units)

    valid = form.is_bound and form.is_valid()
    form.describe()
    context = {"form": form, "rows": None}
    if valid:
        unit, start, end = form.cleaned_data["unit"], form.cleaned_data["tu"], form.cleaned_data["den"]
        if request.GET.get("pdf") == "1":
            from portal.dossiers.documents import form_06_book

            response = HttpResponse(form_06_book(unit, start, end), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{_filename(unit, start, end)}"'
            response["Cache-Control"] = "private, no-store"
            response["X-Content-Type-Options"] = "nosniff"
            return response
        rows = tracking_book_rows(unit, start, end)
        query = request.GET.copy()
        query["pdf"] = "1"
        context.update({
            "unit": unit, "start": start, "end": end, "rows": rows, "totals": tracking_book_totals(rows),
            "pdf_query": query.urlencode(), "today": timezone.localdate(),
        })
    return TemplateResponse(request, "dossiers/admin/book.html", context)


urlpatterns = [path("", book, name="dossiers_book")]
