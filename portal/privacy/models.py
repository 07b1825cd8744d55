"""Personal-data protection (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, NĐ 356/2025/NĐ-CP).

- `PrivacyNotice`: the versioned privacy notice of a unit's site (the main portal's applies where a unit has none);
- `DataSubjectRequest`: a person's request (see, copy, correct, delete, restrict, object, withdraw consent), with
  the legal deadlines computed from the dated rules when it is received;
- `RetentionRun`: one line per kind of data each time the retention schedule is applied (counts, never the data);
- `PersonalDataBreach`: the breach log with its timeline.

Writes go through `portal.privacy.services`.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from portal.privacy.constants import (
    OPEN_REQUEST_STATUSES,
    RequestChannel,
    RequestKind,
    RequestStatus,
    RetentionAction,
)


class PrivacyNotice(models.Model):
    """One version of a site's privacy notice; versions are never edited, a change is a new version."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="privacy_notices", verbose_name="Đơn vị (bên kiểm soát dữ liệu)")
    version = models.PositiveIntegerField("Phiên bản", editable=False)
    purposes = models.TextField("Mục đích xử lý", help_text="Mỗi dòng một mục đích.")
    data_kinds = models.TextField("Loại dữ liệu cá nhân được xử lý", help_text="Mỗi dòng một loại dữ liệu.")
    sharing = models.TextField(
        "Tổ chức, cá nhân được chia sẻ dữ liệu", blank=True, help_text="Ví dụ: cơ quan có thẩm quyền giải quyết hồ sơ.",
    )
    extra = models.TextField("Nội dung khác", blank=True)
    published_at = models.DateTimeField("Áp dụng từ", default=timezone.now)
    sha256 = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False)

    class Meta:
        verbose_name = "Chính sách bảo vệ dữ liệu cá nhân"
        verbose_name_plural = "Chính sách bảo vệ dữ liệu cá nhân"
        ordering = ["unit", "-version"]
        constraints = [models.UniqueConstraint(fields=["unit", "version"], name="privacy_notice_unit_version")]

    def __str__(self):
        return f"{self.unit} — phiên bản {self.version} ({timezone.localtime(self.published_at):%d/%m/%Y})"

    def save(self, *args, **kwargs):
        self.sha256 = self.content_hash()
        super().save(*args, **kwargs)

    def content_hash(self) -> str:
        text = "\n\x1e".join((self.purposes, self.data_kinds, self.sharing, self.extra))
        return hashlib.sha256(text.encode()).hexdigest()

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class DataSubjectRequest(models.Model):
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="data_subject_requests", verbose_name="Đơn vị tiếp nhận")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="data_subject_requests",
        verbose_name="Tài khoản người yêu cầu",
    )
    kind = models.CharField("Loại yêu cầu", max_length=16, choices=RequestKind.choices)
    channel = models.CharField("Hình thức nhận", max_length=8, choices=RequestChannel.choices, default=RequestChannel.WEB)
    requester_name = models.CharField("Người yêu cầu", max_length=200)
    requester_contact = models.CharField("Liên lạc của người yêu cầu", max_length=254, blank=True)
    details = models.TextField("Nội dung yêu cầu", blank=True)
    status = models.CharField("Trạng thái", max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED, db_index=True)
    received_at = models.DateTimeField("Nhận lúc")
    ack_due = models.DateField("Hạn xác nhận đã nhận")
    complete_due = models.DateField("Hạn hoàn thành")
    extended_until = models.DateField("Gia hạn đến", null=True, blank=True)
    extension_reason = models.TextField("Lý do gia hạn", blank=True)
    acknowledged_at = models.DateTimeField("Xác nhận lúc", null=True, blank=True)
    completed_at = models.DateTimeField("Kết thúc lúc", null=True, blank=True)
    outcome = models.TextField("Kết quả, ghi chú xử lý", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người ghi nhận")
    reminded_on = models.DateField("Đã nhắc ngày", null=True, blank=True)

    class Meta:
        verbose_name = "Yêu cầu của chủ thể dữ liệu"
        verbose_name_plural = "Yêu cầu của chủ thể dữ liệu"
        ordering = ["complete_due", "received_at", "pk"]
        indexes = [models.Index(fields=["unit", "status", "complete_due"], name="privacy_request_queue")]

    def __str__(self):
        return f"Yêu cầu số {self.pk}: {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES

    @property
    def due(self) -> dt.date:
        """The deadline that applies now: the extended one when there is one."""
        return self.extended_until or self.complete_due

    def ack_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.acknowledged_at is None and self.is_open and today > self.ack_due

    def overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and (today > self.due or self.ack_overdue(today))

    def due_soon(self, today: dt.date | None = None, days: int = 2) -> bool:
        today = today or timezone.localdate()
        return self.is_open and not self.overdue(today) and (
            (self.due - today).days <= days or (self.acknowledged_at is None and (self.ack_due - today).days <= 1)
        )


class RetentionRun(models.Model):
    """What the retention job did for one kind of data: how many rows, under which rule. Never the data itself."""

    ran_at = models.DateTimeField("Thời điểm", db_index=True)
    kind = models.CharField("Loại dữ liệu", max_length=48)
    label = models.CharField("Mô tả", max_length=255)
    rule_key = models.CharField("Mã tham số", max_length=100)
    rule_value = models.JSONField("Giá trị")
    rule_unit = models.CharField("Đơn vị tính", max_length=64, blank=True)
    legal_basis = models.CharField("Căn cứ pháp lý", max_length=500)
    cutoff = models.DateTimeField("Dữ liệu trước thời điểm")
    action = models.CharField("Thao tác", max_length=16, choices=RetentionAction.choices)
    count = models.PositiveIntegerField("Số bản ghi")
    dry_run = models.BooleanField("Chạy thử", default=False)

    class Meta:
        verbose_name = "Lần áp dụng thời hạn lưu trữ"
        verbose_name_plural = "Nhật ký áp dụng thời hạn lưu trữ dữ liệu cá nhân"
        ordering = ["-ran_at", "kind"]

    def __str__(self):
        return f"{self.label}: {self.count} ({timezone.localtime(self.ran_at):%d/%m/%Y %H:%M})"


class PersonalDataBreach(models.Model):
    unit = models.ForeignKey("units.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Đơn vị liên quan")
    detected_at = models.DateTimeField("Phát hiện lúc")
    description = models.TextField("Mô tả sự việc")
    categories = models.TextField("Loại dữ liệu cá nhân bị ảnh hưởng")
    affected_count = models.PositiveIntegerField("Số chủ thể bị ảnh hưởng (ước tính)", default=0)
    measures = models.TextField("Biện pháp đã thực hiện", blank=True)
    notified_authority_at = models.DateTimeField("Thông báo cơ quan chuyên trách lúc", null=True, blank=True)
    notified_subjects_at = models.DateTimeField("Thông báo chủ thể dữ liệu lúc", null=True, blank=True)
    closed_at = models.DateTimeField("Kết thúc lúc", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người ghi nhận", editable=False)
    created_at = models.DateTimeField("Ghi nhận lúc", auto_now_add=True)

    class Meta:
        verbose_name = "Vi phạm dữ liệu cá nhân"
        verbose_name_plural = "Vi phạm dữ liệu cá nhân"
        ordering = ["-detected_at"]

    def __str__(self):
        return f"Vi phạm phát hiện {timezone.localtime(self.detected_at):%d/%m/%Y %H:%M}"

    def authority_due(self) -> dt.datetime:
        from portal.rules.services import rule_value

        hours = int(rule_value("pdp.breach_notify_hours", on=timezone.localdate(self.detected_at)))
        return self.detected_at + dt.timedelta(hours=hours)

    def authority_overdue(self, now: dt.datetime | None = None) -> bool:
        """Nobody told the authority and the deadline has passed (or it was told late)."""
        due = self.authority_due()
        if self.notified_authority_at is None:
            return (now or timezone.now()) > due
        return self.notified_authority_at > due

    authority_overdue.boolean = True
    authority_overdue.short_description = "Quá hạn thông báo cơ quan chuyên trách"

    def timeline(self) -> list[tuple[str, dt.datetime]]:
        steps = [
            ("Phát hiện", self.detected_at),
            ("Ghi nhận", self.created_at),
            ("Thông báo cơ quan chuyên trách", self.notified_authority_at),
            ("Thông báo chủ thể dữ liệu", self.notified_subjects_at),
            ("Kết thúc", self.closed_at),
        ]
        return sorted(((label, at) for label, at in steps if at), key=lambda step: step[1])
