"""Dossiers (hồ sơ) of administrative procedures and everything that happens to them.

State changes go through `portal.dossiers.services` only (transition table in constants.py);
each leaves a `DossierEvent`, which is also the hand-off record of Mẫu 05.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models

from portal.dossiers.constants import (
    DossierStatus,
    EventAction,
    FileKind,
    Rating,
    ResultDelivery,
    SubmissionChannel,
)


def private_storage():
    """Citizens' papers and results are never public files; permission-checked views serve them."""
    return storages["private"]


class Dossier(models.Model):
    code = models.CharField("Mã hồ sơ", max_length=64, unique=True, null=True, blank=True)
    procedure = models.ForeignKey("procedures.Procedure", on_delete=models.PROTECT, related_name="dossiers", verbose_name="Thủ tục")
    receiving_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="received_dossiers", verbose_name="Nơi tiếp nhận",
    )
    handling_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="handled_dossiers", verbose_name="Đơn vị giải quyết",
    )
    status = models.CharField("Trạng thái", max_length=24, choices=DossierStatus.choices, default=DossierStatus.DRAFT, db_index=True)
    channel = models.CharField("Hình thức nộp", max_length=16, choices=SubmissionChannel.choices, default=SubmissionChannel.ONLINE)

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="dossiers",
        verbose_name="Tài khoản người nộp",
    )
    applicant_name = models.CharField("Người nộp", max_length=200, blank=True)
    applicant_id_number = models.CharField("Số định danh cá nhân / mã số doanh nghiệp", max_length=20, blank=True)
    applicant_phone = models.CharField("Điện thoại", max_length=20, blank=True)
    applicant_email = models.EmailField("Thư điện tử", blank=True)
    applicant_address = models.CharField("Địa chỉ", max_length=300, blank=True)
    form_data = models.JSONField("Nội dung tờ khai", default=dict, blank=True)
    # Who asked (an account "user:<id>" or an API client "api:<name>") and the key they sent: one dossier per pair.
    idempotency_scope = models.CharField(max_length=80, blank=True, default="")
    idempotency_key = models.CharField(max_length=64, blank=True, default="")

    fee_amount = models.PositiveBigIntegerField("Phí, lệ phí (đồng)", default=0)
    result_delivery = models.CharField(
        "Hình thức nhận kết quả", max_length=16, choices=ResultDelivery.choices, default=ResultDelivery.IN_PERSON,
    )
    postal_address = models.CharField("Địa chỉ nhận qua bưu chính", max_length=300, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField("Nộp lúc", null=True, blank=True, db_index=True)
    received_at = models.DateTimeField("Tiếp nhận lúc", null=True, blank=True, db_index=True)
    clock_start = models.DateField("Bắt đầu tính hạn từ ngày", null=True, blank=True)
    legal_due_date = models.DateField("Hạn giải quyết theo quy định", null=True, blank=True, db_index=True)
    appointment_date = models.DateField("Ngày hẹn trả kết quả", null=True, blank=True, db_index=True)
    suspended_at = models.DateTimeField("Tạm dừng tính hạn từ", null=True, blank=True)
    suspended_working_days = models.PositiveIntegerField("Số ngày làm việc đã tạm dừng", default=0)
    supplement_requests = models.PositiveSmallIntegerField("Số lần yêu cầu bổ sung", default=0)
    resolved_at = models.DateTimeField("Có kết quả lúc", null=True, blank=True, db_index=True)
    returned_at = models.DateTimeField("Trả kết quả lúc", null=True, blank=True)
    closed_at = models.DateTimeField("Kết thúc lúc", null=True, blank=True)
    refusal_reason = models.TextField("Lý do từ chối", blank=True)
    supplement_note = models.TextField("Nội dung yêu cầu bổ sung", blank=True)
    result_summary = models.TextField("Kết quả giải quyết", blank=True)

    class Meta:
        verbose_name = "Hồ sơ"
        verbose_name_plural = "Hồ sơ"
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["idempotency_scope", "idempotency_key"], condition=~models.Q(idempotency_key=""),
                name="dossiers_one_dossier_per_idempotency_key",
            ),
        ]
        indexes = [
            models.Index(fields=["handling_unit", "status", "appointment_date"]),
            models.Index(fields=["receiving_unit", "received_at"]),
        ]

    def __str__(self):
        return self.code or f"Bản nháp #{self.pk}"

    @property
    def phone_tail(self) -> str:
        digits = "".join(ch for ch in self.applicant_phone if ch.isdigit())
        return digits[-4:]


class DossierSequence(models.Model):
    """The last number given to a unit's dossiers on a day; bumped with one upsert (services.dossier_next_number)."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="dossiers_sequence_unit_day")]

    def __str__(self):
        return f"{self.unit_id} {self.day}: {self.last}"


class DossierFile(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField("Loại", max_length=16, choices=FileKind.choices, default=FileKind.PAPER)
    paper = models.ForeignKey("procedures.ProcedurePaper", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    file = models.FileField("Tệp", upload_to="dossiers/%Y/%m/", storage=private_storage)
    original_name = models.CharField("Tên tệp", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = "Tệp hồ sơ"
        verbose_name_plural = "Tệp hồ sơ"
        ordering = ["dossier", "uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class DossierEvent(models.Model):
    """One step in the dossier's life: who, when, from which state to which, and any hand-off (Mẫu 05)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("Thao tác", max_length=24, choices=EventAction.choices)
    from_status = models.CharField(max_length=24, choices=DossierStatus.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=DossierStatus.choices, blank=True)
    at = models.DateTimeField("Thời điểm", db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    actor_name = models.CharField("Người thực hiện", max_length=200, blank=True)
    from_unit = models.ForeignKey("units.Unit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="Bên giao")
    to_unit = models.ForeignKey("units.Unit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="Bên nhận")
    note = models.TextField("Ghi chú", blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "Diễn biến hồ sơ"
        verbose_name_plural = "Diễn biến hồ sơ"
        ordering = ["dossier", "at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%d/%m/%Y %H:%M})"


class DossierApology(models.Model):
    """Mẫu 04: the written apology with a new appointment date when a dossier will be late."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="apologies")
    issued_at = models.DateTimeField("Thời điểm gửi")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reason = models.TextField("Lý do chậm")
    previous_date = models.DateField("Ngày hẹn cũ")
    new_date = models.DateField("Ngày hẹn mới")
    late = models.BooleanField("Xin lỗi muộn", default=False, help_text="Gửi sau thời hạn phải gửi phiếu xin lỗi.")

    class Meta:
        verbose_name = "Phiếu xin lỗi và hẹn lại (Mẫu 04)"
        verbose_name_plural = "Phiếu xin lỗi và hẹn lại (Mẫu 04)"
        ordering = ["dossier", "issued_at"]

    def __str__(self):
        return f"Mẫu 04: hẹn lại {self.new_date:%d/%m/%Y}"


class DossierRating(models.Model):
    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="rating")
    rating = models.CharField("Mức độ hài lòng", max_length=16, choices=Rating.choices)
    comment = models.TextField("Ý kiến", blank=True)
    rated_at = models.DateTimeField("Đánh giá lúc")
    # Copied so statistics stay right if the dossier is later anonymised.
    handling_unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    procedure = models.ForeignKey("procedures.Procedure", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "Đánh giá mức độ hài lòng"
        verbose_name_plural = "Đánh giá mức độ hài lòng"

    def __str__(self):
        return self.get_rating_display()
