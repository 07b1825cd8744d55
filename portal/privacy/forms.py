"""Forms of “Dữ liệu của tôi” and the staff queue; every box that means agreement starts unticked."""

from django import forms

from portal.interaction.forms import DescribedFieldsMixin
from portal.privacy.constants import RequestChannel, RequestKind


class RequestForm(DescribedFieldsMixin, forms.Form):
    kind = forms.ChoiceField(label="Bạn muốn", choices=RequestKind.choices)
    details = forms.CharField(
        label="Nội dung yêu cầu", max_length=4000, required=False,
        help_text="Ví dụ: dữ liệu nào cần sửa, vì sao phản đối xử lý. Không cần ghi lại số định danh hay mật khẩu.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label="Tôi hiểu rằng tài khoản sẽ bị xoá vĩnh viễn và không khôi phục được",
        error_messages={"required": "Hãy đánh dấu xác nhận trước khi xoá tài khoản."},
    )


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label="Tôi đồng ý để cơ quan xử lý dữ liệu cá nhân của tôi theo chính sách nêu trên",
        error_messages={"required": "Hãy đánh dấu đồng ý nếu bạn muốn tiếp tục nộp hồ sơ trực tuyến."},
    )


class StaffRequestForm(DescribedFieldsMixin, forms.Form):
    """A request received on paper or by e-mail, recorded by staff."""

    unit = forms.ModelChoiceField(label="Đơn vị tiếp nhận", queryset=None)
    kind = forms.ChoiceField(label="Loại yêu cầu", choices=RequestKind.choices)
    channel = forms.ChoiceField(label="Hình thức nhận", choices=[c for c in RequestChannel.choices if c[0] != RequestChannel.WEB])
    requester_name = forms.CharField(label="Họ tên người yêu cầu", max_length=200)
    requester_contact = forms.CharField(label="Địa chỉ liên lạc (thư điện tử, điện thoại hoặc địa chỉ)", max_length=254, required=False)
    received_on = forms.DateField(label="Ngày nhận", widget=forms.DateInput(attrs={"type": "date"}))
    details = forms.CharField(label="Nội dung yêu cầu", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ExtendForm(forms.Form):
    days = forms.IntegerField(label="Số ngày gia hạn", min_value=1)
    reason = forms.CharField(label="Lý do gia hạn (thông báo cho người yêu cầu)", widget=forms.Textarea(attrs={"rows": 3}))


class CloseForm(forms.Form):
    outcome = forms.CharField(label="Kết quả, lý do", required=False, widget=forms.Textarea(attrs={"rows": 3}))
