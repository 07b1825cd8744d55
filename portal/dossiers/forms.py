"""Citizen-facing forms: the dossier form built from the procedure's e-form fields, supplement, rating, lookup."""

import datetime as dt
import uuid

from django import forms
from django.core.validators import RegexValidator

from portal.core.uploads import validate_upload
from portal.dossiers.constants import Rating, ResultDelivery

PHONE = RegexValidator(r"^(\+84|0)\d{9,10}$", "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).")


class VietnameseDateField(forms.DateField):
    input_formats = ["%d/%m/%Y", "%Y-%m-%d"]
    default_error_messages = {"invalid": "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 25/03/2026."}

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"})
        return attrs


def _schema_field(spec: dict) -> forms.Field:
    kind = spec.get("type", "text")
    common = {"label": spec["label"], "required": False, "help_text": spec.get("help", "")}
    if kind == "textarea":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, **common)
    if kind == "date":
        return VietnameseDateField(**common)
    if kind == "number":
        return forms.DecimalField(error_messages={"invalid": "Nhập một số."}, **common)
    if kind == "email":
        return forms.EmailField(error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."}, **common)
    if kind == "phone":
        return forms.CharField(validators=[PHONE], max_length=15, widget=forms.TextInput(attrs={"inputmode": "tel"}), **common)
    if kind == "choice":
        choices = [("", "— Chọn —")] + [(choice, choice) for choice in spec.get("choices", [])]
        return forms.ChoiceField(choices=choices, **common)
    return forms.CharField(max_length=500, **common)


class DossierForm(forms.Form):
    """Everything the citizen fills in. Nothing is required to save a draft; the service checks completeness on submit."""

    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    handling_unit = forms.TypedChoiceField(label="Cơ quan giải quyết", coerce=int)
    receiving_unit = forms.TypedChoiceField(
        label="Nơi tiếp nhận hồ sơ", coerce=int,
        help_text="Bạn có thể nộp tại bất kỳ nơi tiếp nhận nào trong tỉnh; hồ sơ được chuyển đến cơ quan giải quyết.",
    )
    applicant_name = forms.CharField(label="Họ và tên người nộp", max_length=200, required=False,
                                     widget=forms.TextInput(attrs={"autocomplete": "name"}))
    applicant_id_number = forms.CharField(label="Số định danh cá nhân / mã số doanh nghiệp", max_length=20, required=False,
                                          widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    applicant_phone = forms.CharField(label="Điện thoại", max_length=15, required=False, validators=[PHONE],
                                      widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
    applicant_email = forms.EmailField(label="Thư điện tử", required=False,
                                       error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
                                       widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    applicant_address = forms.CharField(label="Địa chỉ", max_length=300, required=False,
                                        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}))
    result_delivery = forms.ChoiceField(label="Nhận kết quả", widget=forms.RadioSelect)
    postal_address = forms.CharField(label="Địa chỉ nhận kết quả qua bưu chính", max_length=300, required=False)

    def __init__(self, *args, procedure, handling_units, reception_units, **kwargs):
        super().__init__(*args, **kwargs)
        self.procedure = procedure
        self.fields["handling_unit"].choices = [(unit.pk, unit.display_name) for unit in handling_units]
        self.fields["receiving_unit"].choices = [(unit.pk, unit.display_name) for unit in reception_units]
        deliveries = [ResultDelivery.IN_PERSON]
        if procedure.postal_result:
            deliveries.append(ResultDelivery.POST)
        if procedure.online_result:
            deliveries.append(ResultDelivery.ONLINE)
        self.fields["result_delivery"].choices = [(choice.value, choice.label) for choice in deliveries]
        self.schema_names = []
        for spec in procedure.form_schema or []:
            name = f"f_{spec['name']}"
            self.fields[name] = _schema_field(spec)
            self.schema_names.append((name, spec))
        self.paper_fields = []
        for paper in procedure.papers.all():
            if not (paper.required or paper.originals or paper.copies):
                continue  # a note of the national record, not a paper to attach (shown on the procedure page)
            name = f"paper_{paper.pk}"
            label = paper.name if len(paper.name) <= 160 else paper.name[:157] + "…"
            self.fields[name] = forms.FileField(label=label, required=False, help_text=paper.quantity_text)
            self.paper_fields.append((name, paper))

    @staticmethod
    def new_key() -> str:
        return uuid.uuid4().hex

    def clean(self):
        cleaned = super().clean()
        for name, _paper in self.paper_fields:
            upload = cleaned.get(name)
            if upload:
                try:
                    validate_upload(upload)
                except forms.ValidationError as error:
                    self.add_error(name, error)
                upload.seek(0)
        return cleaned

    def applicant(self) -> dict:
        data = self.cleaned_data
        return {key.removeprefix("applicant_"): data.get(key, "") for key in
                ("applicant_name", "applicant_id_number", "applicant_phone", "applicant_email", "applicant_address")}

    def form_data(self) -> dict:
        values = {}
        for name, spec in self.schema_names:
            value = self.cleaned_data.get(name)
            if isinstance(value, dt.date):
                value = value.strftime("%d/%m/%Y")
            values[spec["name"]] = "" if value is None else str(value)
        return values

    def files_with_papers(self) -> list:
        return [(paper, self.cleaned_data[name]) for name, paper in self.paper_fields if self.cleaned_data.get(name)]

    @classmethod
    def initial_from(cls, dossier=None, profile=None) -> dict:
        if dossier is not None:
            initial = {name: getattr(dossier, name) for name in (
                "applicant_name", "applicant_id_number", "applicant_phone", "applicant_email", "applicant_address",
                "result_delivery", "postal_address")}
            initial.update({"handling_unit": dossier.handling_unit_id, "receiving_unit": dossier.receiving_unit_id,
                            "idempotency_key": dossier.idempotency_key or cls.new_key()})
            initial.update({f"f_{key}": value for key, value in (dossier.form_data or {}).items()})
            return initial
        initial = {"idempotency_key": cls.new_key()}
        if profile is not None:
            initial.update({
                "applicant_name": profile.organisation_name or profile.full_name, "applicant_id_number": profile.id_number or profile.tax_code,
                "applicant_phone": profile.phone, "applicant_email": profile.email, "applicant_address": profile.address,
            })
        return initial


class SupplementForm(forms.Form):
    note = forms.CharField(label="Nội dung bổ sung", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    file = forms.FileField(label="Giấy tờ bổ sung", required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_upload(upload)
            upload.seek(0)
        return upload


class RatingForm(forms.Form):
    rating = forms.ChoiceField(label="Mức độ hài lòng của ông/bà", choices=Rating.choices, widget=forms.RadioSelect,
                               error_messages={"required": "Hãy chọn một mức độ hài lòng."})
    comment = forms.CharField(label="Ý kiến (không bắt buộc)", required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class LookupForm(forms.Form):
    code = forms.CharField(label="Mã hồ sơ", max_length=64, error_messages={"required": "Nhập mã hồ sơ ghi trên giấy tiếp nhận."},
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    phone_tail = forms.RegexField(
        label="4 số cuối điện thoại của người nộp", regex=r"^\d{4}$", max_length=4,
        error_messages={"required": "Nhập 4 số cuối điện thoại.", "invalid": "Nhập đúng 4 chữ số."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
