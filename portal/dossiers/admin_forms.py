"""Forms of the one-stop back office (/admin/mot-cua/): one small form per officer action.

Each form only collects input and hands it to its service in `perform`; the service checks the
permission and the transition table and raises DossierError with a message for the officer.
"""

import datetime as dt

from django import forms
from django.utils import timezone

from portal.core.forms import DescribedFieldsMixin
from portal.dossiers import permissions, services
from portal.dossiers.constants import TRANSITIONS, DossierStatus, EventAction, ResultDelivery
from portal.rules.services import rule_value, working_days_add
from portal.units.models import Unit

S = DossierStatus
DATE_FORMAT = "%d/%m/%Y"
# How far the suggested new appointment of Mẫu 04 lies after the current one.
APOLOGY_SUGGESTED_WORKING_DAYS = 2


def _text(label, *, required=True, rows=4, help_text="", message=""):
    return forms.CharField(
        label=label, required=required, help_text=help_text, max_length=4000,
        widget=forms.Textarea(attrs={"rows": rows, "cols": 60}),
        error_messages={"required": message or f"Hãy nhập “{label}”.",
                        "max_length": "Nội dung quá dài (tối đa %(limit_value)d ký tự)."},
    )


class ActionForm(DescribedFieldsMixin, forms.Form):
    """Base: `action` (an EventAction value), the heading and button shown, and the service call."""

    action = ""
    title = ""
    button = ""
    intro = ""
    multipart = False
    reception = False  # True: the reception point acts (can_receive), else the handling unit (can_process)

    def __init__(self, *args, dossier, user, **kwargs):
        kwargs.setdefault("auto_id", f"{self.action}-%s")
        super().__init__(*args, **kwargs)
        self.dossier, self.user = dossier, user

    @classmethod
    def acts_as_reception(cls, dossier) -> bool:
        return cls.reception

    @classmethod
    def allowed(cls, user, dossier) -> bool:
        """The table allows the action from the current state and the user may do it as reception or handler."""
        sources, _ = TRANSITIONS[EventAction(cls.action)]
        if dossier.status not in sources:
            return False
        if cls.acts_as_reception(dossier):
            return permissions.can_receive(user, dossier)
        return permissions.can_process(user, dossier)

    def usable(self) -> bool:
        return True

    def perform(self) -> str:
        """Call the service; returns the success message. May raise DossierError."""
        raise NotImplementedError


class ReceiveForm(ActionForm):
    action = EventAction.RECEIVE
    title = "Tiếp nhận hồ sơ"
    button = "Tiếp nhận và lập giấy hẹn (Mẫu 01)"
    intro = "Hồ sơ đầy đủ, hợp lệ: thời hạn giải quyết bắt đầu tính và ngày hẹn trả kết quả được ấn định."
    reception = True

    def perform(self):
        dossier = services.dossier_receive(dossier=self.dossier, actor=self.user)
        appointment = f"{dossier.appointment_date:%d/%m/%Y}" if dossier.appointment_date else "theo quy định"
        return f"Đã tiếp nhận hồ sơ {dossier.code}. Ngày hẹn trả kết quả: {appointment}."


class RequestSupplementForm(ActionForm):
    action = EventAction.REQUEST_SUPPLEMENT
    title = "Yêu cầu bổ sung, hoàn thiện hồ sơ"
    button = "Gửi yêu cầu bổ sung (Mẫu 02)"
    intro = "Hướng dẫn một lần, đầy đủ những giấy tờ cần bổ sung, hoàn thiện."
    note = _text("Giấy tờ cần bổ sung, hoàn thiện", help_text="Mỗi nội dung một dòng.",
                 message="Hãy ghi rõ giấy tờ cần bổ sung, hoàn thiện.")

    @classmethod
    def acts_as_reception(cls, dossier):
        return dossier.status == S.SUBMITTED  # before receipt the reception point asks; after, the handling unit

    def usable(self):
        # Mẫu 02 guides once: hide the form when the rule's number of requests is used up.
        limit = rule_value("dossier.supplement_max_requests", on=timezone.localdate())
        return self.dossier.supplement_requests < limit

    def perform(self):
        dossier = services.dossier_request_supplement(dossier=self.dossier, actor=self.user, note=self.cleaned_data["note"])
        if dossier.status == S.SUSPENDED:
            return f"Đã gửi yêu cầu bổ sung hồ sơ {dossier.code} (Mẫu 02); thời hạn giải quyết tạm dừng."
        return f"Đã gửi yêu cầu bổ sung, hoàn thiện hồ sơ {dossier.code} (Mẫu 02)."


class RefuseForm(ActionForm):
    action = EventAction.REFUSE
    title = "Từ chối tiếp nhận, giải quyết"
    button = "Từ chối (Mẫu 03)"
    reason = _text("Lý do từ chối", help_text="Mỗi lý do một dòng; người nộp nhận được nguyên văn.",
                   message="Phải ghi rõ lý do từ chối.")

    @classmethod
    def acts_as_reception(cls, dossier):
        return dossier.status in (S.SUBMITTED, S.SUPPLEMENT_REQUESTED)

    def perform(self):
        dossier = services.dossier_refuse(dossier=self.dossier, actor=self.user, reason=self.cleaned_data["reason"])
        return f"Đã từ chối tiếp nhận, giải quyết hồ sơ {dossier.code} (Mẫu 03)."


class StartForm(ActionForm):
    action = EventAction.START
    title = "Chuyển xử lý"
    button = "Chuyển đơn vị giải quyết"
    reception = True
    note = _text("Ghi chú bàn giao", required=False, rows=2)

    def perform(self):
        dossier = services.dossier_start(dossier=self.dossier, actor=self.user, note=self.cleaned_data["note"])
        return f"Đã chuyển hồ sơ {dossier.code} đến {dossier.handling_unit.display_name} để giải quyết."


def transfer_targets(user, dossier):
    """Units that may take the dossier over: those handling its procedure (any unit for a superuser)."""
    units = Unit.objects.exclude(pk=dossier.handling_unit_id).order_by("sort_order", "name")
    if not user.is_superuser:
        units = units.filter(procedure_handlings__procedure_id=dossier.procedure_id)
    return units


class TransferForm(ActionForm):
    action = EventAction.TRANSFER
    title = "Chuyển đơn vị giải quyết"
    button = "Chuyển hồ sơ (ghi Mẫu 05)"
    to_unit = forms.ModelChoiceField(
        label="Chuyển đến đơn vị", queryset=Unit.objects.none(), empty_label="– Chọn đơn vị –",
        error_messages={"required": "Hãy chọn đơn vị nhận hồ sơ.", "invalid_choice": "Đơn vị nhận không hợp lệ."},
    )
    note = _text("Ghi chú bàn giao", required=False, rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = transfer_targets(self.user, self.dossier)
        self.fields["to_unit"].label_from_instance = lambda unit: unit.display_name

    def usable(self):
        return self.fields["to_unit"].queryset.exists()

    def perform(self):
        dossier = services.dossier_transfer(dossier=self.dossier, actor=self.user, to_unit=self.cleaned_data["to_unit"],
                                            note=self.cleaned_data["note"])
        return f"Đã chuyển hồ sơ {dossier.code} đến {dossier.handling_unit.display_name}."


class SuspendForm(ActionForm):
    action = EventAction.SUSPEND
    title = "Tạm dừng tính thời hạn"
    button = "Tạm dừng"
    note = _text("Lý do tạm dừng", rows=2, message="Hãy ghi lý do tạm dừng.")

    def perform(self):
        dossier = services.dossier_suspend(dossier=self.dossier, actor=self.user, note=self.cleaned_data["note"])
        return f"Đã tạm dừng tính thời hạn giải quyết hồ sơ {dossier.code}."


class ResumeForm(ActionForm):
    action = EventAction.RESUME
    title = "Tiếp tục tính thời hạn"
    button = "Tiếp tục giải quyết"
    intro = "Ngày hẹn và hạn giải quyết được lùi thêm số ngày làm việc đã tạm dừng."

    def perform(self):
        dossier = services.dossier_resume(dossier=self.dossier, actor=self.user)
        appointment = f"{dossier.appointment_date:%d/%m/%Y}" if dossier.appointment_date else "theo quy định"
        return f"Hồ sơ {dossier.code} tiếp tục được giải quyết. Ngày hẹn trả kết quả: {appointment}."


class ResultForm(ActionForm):
    action = EventAction.RESULT
    title = "Có kết quả giải quyết"
    button = "Ghi nhận kết quả"
    multipart = True
    summary = _text("Tóm tắt kết quả giải quyết", rows=3, message="Hãy ghi tóm tắt kết quả giải quyết.")
    result_file = forms.FileField(label="Tệp kết quả (PDF, Word, ảnh)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.dossier.result_delivery == ResultDelivery.ONLINE:
            self.fields["result_file"].help_text = "Bắt buộc: người nộp chọn nhận kết quả trực tuyến."
        else:
            delivery = self.dossier.get_result_delivery_display().lower()
            self.fields["result_file"].help_text = f"Không bắt buộc; hình thức nhận kết quả đã chọn: {delivery}."

    def perform(self):
        dossier = services.dossier_result(dossier=self.dossier, actor=self.user, summary=self.cleaned_data["summary"],
                                          result_file=self.cleaned_data.get("result_file"))
        return f"Đã ghi nhận kết quả giải quyết hồ sơ {dossier.code}; người nộp đã được thông báo."


class ReturnForm(ActionForm):
    action = EventAction.RETURN
    title = "Trả kết quả"
    button = "Xác nhận đã trả kết quả"
    reception = True
    method = forms.ChoiceField(label="Hình thức trả", choices=ResultDelivery.choices,
                               error_messages={"required": "Hãy chọn hình thức trả kết quả.",
                                               "invalid_choice": "Hình thức trả kết quả không hợp lệ."})
    note = _text("Ghi chú", required=False, rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].initial = self.dossier.result_delivery

    def perform(self):
        dossier = services.dossier_return(dossier=self.dossier, actor=self.user, method=self.cleaned_data["method"],
                                          note=self.cleaned_data["note"])
        return f"Đã trả kết quả hồ sơ {dossier.code} ({dossier.get_result_delivery_display().lower()})."


def suggested_new_date(dossier) -> dt.date:
    base = max(dossier.appointment_date or timezone.localdate(), timezone.localdate())
    return working_days_add(base, APOLOGY_SUGGESTED_WORKING_DAYS)


class ApologiseForm(ActionForm):
    action = EventAction.APOLOGISE
    title = "Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"
    button = "Gửi phiếu xin lỗi (Mẫu 04)"
    reason = _text("Lý do chậm trả kết quả", rows=3, message="Hãy ghi lý do chậm trả kết quả.")
    new_date = forms.DateField(
        label="Ngày hẹn trả mới", input_formats=[DATE_FORMAT],
        help_text="Ngày/tháng/năm, ví dụ 15/03/2026; phải là ngày làm việc sau ngày hẹn hiện tại.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 10}),
        error_messages={"required": "Hãy nhập ngày hẹn trả mới.",
                        "invalid": "Ngày hẹn mới phải viết theo dạng ngày/tháng/năm, ví dụ 15/03/2026."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["new_date"] = suggested_new_date(self.dossier).strftime(DATE_FORMAT)

    def perform(self):
        apology = services.dossier_apologise(dossier=self.dossier, actor=self.user, reason=self.cleaned_data["reason"],
                                             new_date=self.cleaned_data["new_date"])
        message = (f"Đã gửi phiếu xin lỗi và hẹn lại (Mẫu 04) cho hồ sơ {self.dossier.code}; "
                   f"ngày hẹn mới: {apology.new_date:%d/%m/%Y}.")
        if apology.late:
            message += " Phiếu gửi sau thời hạn nên được ghi là xin lỗi muộn."
        return message


# In the order they are shown on the dossier page.
ACTION_FORMS: dict[str, type[ActionForm]] = {
    form.action.value: form
    for form in (ReceiveForm, StartForm, RequestSupplementForm, ApologiseForm, ResultForm, ReturnForm, TransferForm,
                 SuspendForm, ResumeForm, RefuseForm)
}


def available_forms(user, dossier, bound: ActionForm | None = None) -> list[ActionForm]:
    """Exactly the actions the table allows from the current state and the user may do, as forms."""
    shown = []
    for action, form_class in ACTION_FORMS.items():
        if not form_class.allowed(user, dossier):
            continue
        form = bound if bound is not None and bound.action == action else form_class(dossier=dossier, user=user)
        if form.usable():
            shown.append(form.describe())
    return shown
