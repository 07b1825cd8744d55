"""The admin form of a legal document (publication gate) and the public listing's filter form."""

import datetime as dt

from django import forms
from django.utils.html import format_html, format_html_join

from portal.legaldocs.constants import (
    FIELD_SUGGESTIONS,
    FILES_LABEL,
    MANDATORY_FIELDS,
    NATIONAL_BODIES,
    DocumentType,
    ValidityStatus,
)
from portal.pages.forms import PortalPageForm


class SuggestionsInput(forms.TextInput):
    """A free-text input with a <datalist> of suggestions (the browser offers them as one types)."""

    def __init__(self, suggestions=(), attrs=None):
        super().__init__(attrs)
        self.suggestions = suggestions

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id') or name}-goi-y"
        attrs = {**(attrs or {}), "list": list_id, "autocomplete": "off"}
        html = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}">', ((s,) for s in self.suggestions))
        return format_html('{}<datalist id="{}">{}</datalist>', html, list_id, options)


class LegalDocumentPageForm(PortalPageForm):
    """Drafts may lack any attribute; publishing, submitting for review or approving may not.

    Wagtail defers required fields only for "Lưu nháp" (``is_deferred_validation``); every
    other action comes through here with the full check, reported per field in Vietnamese.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "issuing_body" in self.fields:
            from portal.units.models import Unit

            units = list(Unit.objects.order_by("sort_order", "name").values_list("name", flat=True))
            self.fields["issuing_body"].widget = SuggestionsInput(suggestions=[*NATIONAL_BODIES, *units])
        if "field" in self.fields:
            self.fields["field"].widget = SuggestionsInput(suggestions=FIELD_SUGGESTIONS)

    def _unit_id(self):
        if self.instance.unit_id:
            return self.instance.unit_id
        parent = getattr(self, "parent_page", None)
        return getattr(parent.specific_deferred, "unit_id", None) if parent is not None else None

    def _file_count(self) -> int:
        formset = self.formsets.get("files")
        if formset is None:
            return 0
        formset.is_valid()
        count = 0
        for form in formset.forms:
            if formset.can_delete and formset._should_delete_form(form):
                continue
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("document") or data.get("external_url"):
                count += 1
        return count

    def clean(self):
        from portal.legaldocs.models import LegalDocumentPage, normalise_number, number_key

        cleaned = super().clean()
        number = normalise_number(cleaned.get("number") or "")
        if "number" in cleaned:
            cleaned["number"] = number
        if number:
            clash = (
                LegalDocumentPage.objects.filter(unit_id=self._unit_id(), number_key=number_key(number))
                .exclude(pk=self.instance.pk)
                .only("id", "title")
                .first()
            )
            if clash is not None:
                self.add_error("number", f"Số, ký hiệu này đã có ở văn bản “{clash.title}” của trang này.")
        self.instance._publication_checked = True
        if not self.is_deferred_validation:
            for name, label in MANDATORY_FIELDS.items():
                value = cleaned.get(name)
                if name in self.fields and name not in self.errors and (value is None or str(value).strip() == ""):
                    self.add_error(
                        name, f"Chưa có {label}: văn bản chỉ được đăng, gửi duyệt khi có đủ {label} (NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm a)."
                    )
            if not self._file_count():
                self.add_error(
                    None, f"Chưa có {FILES_LABEL}: hãy đính kèm ít nhất một tệp PDF, DOC hoặc DOCX trước khi đăng hoặc gửi duyệt."
                )
        return cleaned


# --- the public listing's filters ------------------------------------------------------------

ANY = ("", "Tất cả")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _date_field(label):
    return forms.DateField(
        label=label, required=False, input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class LegalDocumentFilterForm(forms.Form):
    q = forms.CharField(label="Từ khoá (số, ký hiệu, trích yếu)", required=False, max_length=200)
    so = forms.CharField(label="Số, ký hiệu chính xác", required=False, max_length=100, help_text="Ví dụ: 06/2015/QĐ-UBND")
    loai = forms.ChoiceField(label="Hình thức văn bản", required=False, choices=[ANY, *DocumentType.choices])
    co_quan = forms.ChoiceField(label="Cơ quan ban hành", required=False)
    linh_vuc = forms.ChoiceField(label="Lĩnh vực", required=False)
    hieu_luc = forms.ChoiceField(label="Tình trạng hiệu lực", required=False, choices=[ANY, *ValidityStatus.choices])
    nguoi_ky = forms.CharField(label="Người ký", required=False, max_length=100)
    quy_pham = forms.ChoiceField(
        label="Loại văn bản", required=False,
        choices=[ANY, ("1", "Văn bản quy phạm pháp luật"), ("0", "Văn bản chỉ đạo, điều hành")],
    )
    nam = forms.IntegerField(label="Năm ban hành", required=False, min_value=1945, max_value=2100)
    ban_hanh_tu = _date_field("Ban hành từ ngày")
    ban_hanh_den = _date_field("Ban hành đến ngày")
    hieu_luc_tu = _date_field("Có hiệu lực từ ngày")
    hieu_luc_den = _date_field("Có hiệu lực đến ngày")
    don_vi = forms.ChoiceField(label="Đơn vị đăng", required=False)

    def __init__(self, data=None, *, choices):
        super().__init__(data)
        self.fields["co_quan"].choices = [ANY, *((v, v) for v in choices["issuing_bodies"])]
        self.fields["linh_vuc"].choices = [ANY, *((v, v) for v in choices["fields"])]
        if choices.get("units"):
            self.fields["don_vi"].choices = [ANY, *choices["units"]]
        else:
            del self.fields["don_vi"]
        self.fields["nam"].widget.attrs.update(inputmode="numeric")
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-goi-y"

    def _describe_errors(self):
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = " ".join(filter(None, [attrs.get("aria-describedby"), f"id_{name}-loi"]))

    def clean(self):
        cleaned = super().clean()
        for start, end in (("ban_hanh_tu", "ban_hanh_den"), ("hieu_luc_tu", "hieu_luc_den")):
            if cleaned.get(start) and cleaned.get(end) and cleaned[start] > cleaned[end]:
                self.add_error(end, "Ngày kết thúc phải sau ngày bắt đầu.")
        return cleaned

    def cleaned_filters(self) -> dict:
        """The valid filters only (an invalid one is reported next to its field and ignored)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        self._describe_errors()
        data = getattr(self, "cleaned_data", {})
        mapping = {
            "q": "text", "so": "number", "loai": "document_type", "co_quan": "issuing_body", "linh_vuc": "field",
            "hieu_luc": "status", "nguoi_ky": "signer", "nam": "year", "ban_hanh_tu": "issued_from",
            "ban_hanh_den": "issued_to", "hieu_luc_tu": "effective_from", "hieu_luc_den": "effective_to", "don_vi": "unit_label",
        }
        filters = {}
        for name, key in mapping.items():
            value = data.get(name)
            if value not in (None, "") and name not in self.errors:
                filters[key] = value.strip() if isinstance(value, str) else value
        if data.get("quy_pham") in ("0", "1"):
            filters["normative"] = data["quy_pham"] == "1"
        return filters


def parse_date(value: str) -> dt.date | None:
    """dd/mm/yyyy or ISO yyyy-mm-dd; None if neither."""
    value = (value or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date, no time zone
        except ValueError:
            continue
    return None
