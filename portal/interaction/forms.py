import re

from django import forms

from portal.interaction.constants import QuestionKind
from portal.interaction.selectors import topics_for_unit
from portal.moderation.forms import PublicSubmissionForm

_PHONE = re.compile(r"^\+?[0-9 .\-]{8,15}$")


class DescribedFieldsMixin:
    """Link each field to its help text and its error (WCAG 1.3.1, 3.3.1): `<id>_helptext`, `<id>_error`."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            ids = [f"{bound.auto_id}_helptext"] if field.help_text else []
            if bound.errors:
                ids.append(f"{bound.auto_id}_error")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class QuestionForm(DescribedFieldsMixin, PublicSubmissionForm):
    """What a citizen fills in on “/hoi-dap/gui/”."""

    consent_purpose = "hoi-dap"

    kind = forms.ChoiceField(label="Bạn muốn gửi", choices=QuestionKind.choices, initial=QuestionKind.QUESTION, widget=forms.RadioSelect)
    topic = forms.ModelChoiceField(label="Lĩnh vực", queryset=None, required=False, empty_label="— Chọn lĩnh vực —")
    title = forms.CharField(label="Tiêu đề", max_length=255, help_text="Tóm tắt nội dung trong một câu.")
    content = forms.CharField(label="Nội dung", max_length=10000, widget=forms.Textarea(attrs={"rows": 8}))
    asker_name = forms.CharField(label="Họ và tên", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    asker_email = forms.EmailField(
        label="Thư điện tử",
        help_text="Để nhận mã tra cứu và câu trả lời; không bao giờ được công khai.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    asker_phone = forms.CharField(
        label="Số điện thoại (không bắt buộc)", max_length=20, required=False, widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"})
    )
    asker_address = forms.CharField(
        label="Địa chỉ (không bắt buộc)", max_length=255, required=False, widget=forms.TextInput(attrs={"autocomplete": "address-line1"})
    )
    attachment = forms.FileField(
        label="Tệp đính kèm (không bắt buộc)",
        required=False,
        help_text="PDF, Word, Excel, OpenDocument hoặc ảnh JPEG, PNG.",
    )

    field_order = [
        "kind", "topic", "title", "content", "asker_name", "asker_email", "asker_phone", "asker_address", "attachment", "consent",
    ]

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        topics = topics_for_unit(unit.pk)
        self.fields["topic"].queryset = topics
        if not topics.exists():
            del self.fields["topic"]
        else:
            self.fields["topic"].required = True
            self.fields["topic"].error_messages["required"] = "Hãy chọn lĩnh vực."
        for name, message in (
            ("title", "Hãy nhập tiêu đề."),
            ("content", "Hãy nhập nội dung."),
            ("asker_name", "Hãy nhập họ và tên."),
            ("asker_email", "Hãy nhập thư điện tử để nhận câu trả lời."),
        ):
            self.fields[name].error_messages["required"] = message
        self.fields["asker_email"].error_messages["invalid"] = "Thư điện tử chưa đúng dạng, ví dụ: ten@example.com."

    def clean_asker_phone(self):
        phone = self.cleaned_data.get("asker_phone", "").strip()
        if phone and not _PHONE.match(phone):
            raise forms.ValidationError("Số điện thoại chỉ gồm chữ số (8–15 số), ví dụ: 0232 3822 000.")
        return phone


class LookupForm(DescribedFieldsMixin, forms.Form):
    code = forms.CharField(
        label="Mã tra cứu", max_length=20, help_text="Ví dụ: HD-260130-7K3Q.",
        error_messages={"required": "Hãy nhập mã tra cứu."},
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label="Thư điện tử đã dùng khi gửi",
        error_messages={"required": "Hãy nhập thư điện tử.", "invalid": "Thư điện tử chưa đúng dạng, ví dụ: ten@example.com."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ListingFilterForm(forms.Form):
    """The public listing's filters, read from GET (`linh-vuc`, `loai`, `tu-khoa`)."""

    def __init__(self, data, *, topics):
        super().__init__(data)
        self.fields["linh-vuc"] = forms.TypedChoiceField(
            label="Lĩnh vực", required=False, coerce=int, empty_value=None,
            choices=[("", "Tất cả lĩnh vực"), *((t.pk, t.name) for t in topics)],
        )
        self.fields["loai"] = forms.ChoiceField(label="Loại", required=False, choices=[("", "Tất cả"), *QuestionKind.choices])
        self.fields["tu-khoa"] = forms.CharField(
            label="Từ khóa", required=False, max_length=100, widget=forms.TextInput(attrs={"type": "search"})
        )

    def filters(self) -> dict:
        self.is_valid()  # a bad value drops only its own filter
        data = self.cleaned_data
        return {"topic_id": data.get("linh-vuc"), "kind": data.get("loai") or None, "q": data.get("tu-khoa") or None}
