"""Admin forms for a procedure: its content, capabilities, e-form (JSON, validated) and papers."""

import json

from django import forms

from portal.procedures.models import ApplicantType, Channel, Field, GovernmentLevel, Procedure
from portal.procedures.services import FORM_FIELD_TYPES, form_schema_errors

FORM_SCHEMA_HELP = (
    "Danh sách các trường người dân điền khi nộp hồ sơ trực tuyến, viết theo JSON. Mỗi trường gồm: "
    "“name” (tên kỹ thuật, chữ thường không dấu, ví dụ ho_ten), “label” (nhãn hiển thị), "
    f"“type” ({', '.join(f'{k} = {v}' for k, v in FORM_FIELD_TYPES.items())}), “required” (true/false), "
    "“choices” (danh sách lựa chọn, chỉ với choice) và “help” (gợi ý, không bắt buộc). "
    'Ví dụ: [{"name": "ho_ten", "label": "Họ và tên", "type": "text", "required": true}]'
)


class ProcedureForm(forms.ModelForm):
    levels = forms.MultipleChoiceField(
        label="Cấp thực hiện", choices=GovernmentLevel.choices, widget=forms.CheckboxSelectMultiple, required=False,
    )
    applicant_types = forms.MultipleChoiceField(
        label="Đối tượng thực hiện", choices=ApplicantType.choices, widget=forms.CheckboxSelectMultiple, required=False,
    )
    channel_kinds = forms.MultipleChoiceField(
        label="Cách thức thực hiện (hình thức nộp hồ sơ)", choices=Channel.choices, widget=forms.CheckboxSelectMultiple,
        required=False, help_text="Bắt buộc khi công khai. Thời hạn, phí từng hình thức nhập từ CSDL quốc gia được giữ nguyên.",
    )
    form_schema = forms.CharField(
        label="Trường của biểu mẫu điện tử", required=False, help_text=FORM_SCHEMA_HELP,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )

    class Meta:
        model = Procedure
        fields = [
            "name", "field", "levels", "primary_level", "applicant_types", "competent_agency", "implementing_agency",
            "decision_number", "steps", "channel_kinds", "time_limit_days", "time_limit_text", "fee_amount", "fee_text", "conditions",
            "result", "legal_basis", "online_submission", "online_processing", "online_payment", "online_result",
            "postal_result", "form_schema",
        ]
        help_texts = {
            "fee_text": "Ghi “Miễn phí” hoặc “Không” nếu thủ tục không thu phí, lệ phí: đây là trường bắt buộc khi công khai.",
            "time_limit_days": "Số ngày làm việc; nếu thời hạn tính theo giờ, tháng hoặc là một khoảng thì ghi ở ô nguyên văn.",
            "online_payment": "Chỉ bật khi cổng thanh toán đã sẵn sàng cho thủ tục này.",
        }
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in (
            "name", "competent_agency", "implementing_agency", "steps", "fee_text", "conditions", "result", "legal_basis",
        )}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = Field.objects.order_by("name")
        if not self.is_bound:
            self.initial["channel_kinds"] = list(dict.fromkeys(c.get("channel") for c in self.instance.channels or []))
            self.initial["form_schema"] = json.dumps(self.instance.form_schema or [], ensure_ascii=False, indent=2)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs.setdefault("aria-describedby", f"id_{name}_helptext")

    def clean_form_schema(self):
        raw = (self.cleaned_data.get("form_schema") or "").strip()
        if not raw:
            return []
        try:
            schema = json.loads(raw)
        except ValueError as error:
            raise forms.ValidationError(f"Không đọc được JSON (dòng {getattr(error, 'lineno', '?')}): hãy kiểm tra dấu ngoặc, dấu phẩy, dấu nháy kép.") from error
        errors = form_schema_errors(schema)
        if errors:
            raise forms.ValidationError(errors)
        return schema

    def changes(self) -> dict:
        values = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "channel_kinds"}
        # Keep the imported rows (days, fee) of the channels still ticked; add a plain row for new ones.
        wanted = self.cleaned_data.get("channel_kinds") or []
        kept = [row for row in self.instance.channels or [] if row.get("channel") in wanted]
        present = {row.get("channel") for row in kept}
        kept += [
            {"channel": kind, "days": values.get("time_limit_days"), "fee_text": values.get("fee_text", "")}
            for kind in wanted if kind not in present
        ]
        values["channels"] = kept
        return values


class PaperForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label="Tên giấy tờ", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    originals = forms.IntegerField(label="Số bản chính", min_value=0, max_value=99, initial=1, required=False)
    copies = forms.IntegerField(label="Số bản sao", min_value=0, max_value=99, initial=0, required=False)
    required = forms.BooleanField(label="Bắt buộc", required=False, initial=True)
    template_name = forms.CharField(label="Tên mẫu đơn, tờ khai", max_length=255, required=False)
    template_file = forms.FileField(
        label="Tệp mẫu đơn (PDF, Word, Excel, ODT)", required=False,
        help_text="Người dân tải mẫu này về; có mẫu để tải thì thủ tục đạt mức độ 2.",
    )
    clear_template = forms.BooleanField(label="Gỡ tệp mẫu hiện có", required=False)
    delete = forms.BooleanField(label="Xoá giấy tờ này", required=False)


PaperFormSet = forms.formset_factory(PaperForm, extra=1)


def paper_initial(procedure) -> list[dict]:
    return [
        {"id": p.pk, "name": p.name, "originals": p.originals, "copies": p.copies, "required": p.required,
         "template_name": p.template_name}
        for p in procedure.papers.all()
    ]
