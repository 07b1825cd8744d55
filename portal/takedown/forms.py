from django import forms
from django.utils import timezone

from portal.moderation.forms import PublicSubmissionForm
from portal.takedown.constants import Channel, ReportCategory
from portal.takedown.resolve import ItemNotFound, item_from_url


class TakedownRequestForm(forms.Form):
    """What the operator or a Trưởng ban types in when a request arrives."""

    requester_name = forms.CharField(label="Người yêu cầu", max_length=255)
    requester_organisation = forms.CharField(
        label="Cơ quan, tổ chức yêu cầu", max_length=255, required=False, help_text="Ví dụ: Sở Thông tin và Truyền thông."
    )
    requester_contact = forms.CharField(
        label="Liên hệ hoặc số văn bản", max_length=255, required=False, help_text="Điện thoại, thư điện tử hoặc số, ngày văn bản."
    )
    channel = forms.ChoiceField(label="Hình thức tiếp nhận", choices=[c for c in Channel.choices if c[0] != Channel.REPORT])
    received_at = forms.DateTimeField(
        label="Thời điểm tiếp nhận",
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Thời hạn gỡ bỏ tính từ thời điểm này.",
    )
    legal_basis = forms.CharField(label="Căn cứ, lý do gỡ bỏ", widget=forms.Textarea(attrs={"rows": 3}))
    urls = forms.CharField(
        label="Địa chỉ các mục cần gỡ",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Dán địa chỉ công khai của tin, bài, trang hoặc câu trả lời hỏi đáp, mỗi dòng một địa chỉ. "
        "Với góp ý dự thảo, dán địa chỉ trang dự thảo kèm #gy-<số> của góp ý.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("received_at", timezone.localtime().replace(second=0, microsecond=0))

    def clean_urls(self):
        items, errors = [], []
        for line in self.cleaned_data["urls"].splitlines():
            if not line.strip():
                continue
            try:
                items.append(item_from_url(line.strip()))
            except ItemNotFound as error:
                errors.append(str(error))
        if errors:
            raise forms.ValidationError(errors)
        if not items:
            raise forms.ValidationError("Hãy nêu ít nhất một địa chỉ.")
        return items


class ViolationReportForm(PublicSubmissionForm):
    """“Báo cáo vi phạm”: what is wrong, and optionally an e-mail to hear the outcome (consent only then)."""

    category = forms.ChoiceField(label="Nội dung vi phạm thuộc nhóm", choices=ReportCategory.choices, widget=forms.RadioSelect)
    description = forms.CharField(
        label="Mô tả vi phạm", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Nêu đoạn nội dung vi phạm và lý do.",
    )
    contact_email = forms.EmailField(
        label="Thư điện tử để nhận kết quả (không bắt buộc)", required=False,
        help_text="Không bao giờ được công khai.", widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["category", "description", "contact_email", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from portal.takedown.services import report_consent_notice

        self.notice = report_consent_notice()
        self.fields["consent"].required = False
        self.fields["category"].error_messages["required"] = "Hãy chọn nhóm vi phạm."
        self.fields["description"].error_messages["required"] = "Hãy mô tả nội dung vi phạm."
        self.fields["contact_email"].error_messages["invalid"] = "Thư điện tử chưa đúng dạng, ví dụ: ten@example.com."

    def clean(self):
        data = super().clean()
        if data.get("contact_email") and not data.get("consent"):
            self.add_error("consent", "Bạn để lại thư điện tử thì cần đánh dấu đồng ý xử lý dữ liệu cá nhân.")
        return data
