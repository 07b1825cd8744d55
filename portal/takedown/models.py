"""Takedown requests (gỡ bỏ thông tin vi phạm, 3-hour limit) and visitors' violation reports."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from portal.takedown.constants import (
    Channel,
    ItemKind,
    ReportCategory,
    ReportStatus,
    TakedownStatus,
)


class TakedownRequest(models.Model):
    """Who asked to take what down, when; and when it was done (elapsed time against the limit)."""

    requester_name = models.CharField("Người yêu cầu", max_length=255)
    requester_organisation = models.CharField("Cơ quan, tổ chức yêu cầu", max_length=255, blank=True)
    requester_contact = models.CharField("Liên hệ", max_length=255, blank=True, help_text="Điện thoại, thư điện tử hoặc số văn bản.")
    channel = models.CharField("Hình thức tiếp nhận", max_length=16, choices=Channel.choices)
    received_at = models.DateTimeField("Thời điểm tiếp nhận", default=timezone.now)
    legal_basis = models.TextField("Căn cứ, lý do gỡ bỏ")
    status = models.CharField("Trạng thái", max_length=16, choices=TakedownStatus.choices, default=TakedownStatus.RECEIVED)
    rejection_reason = models.TextField("Lý do không gỡ", blank=True)
    executed_at = models.DateTimeField("Thời điểm gỡ bỏ", null=True, blank=True)
    executed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="Người gỡ bỏ"
    )
    elapsed = models.DurationField("Thời gian từ khi tiếp nhận đến khi gỡ", null=True, blank=True)
    breached = models.BooleanField("Quá thời hạn gỡ bỏ", default=False)
    limit_hours = models.PositiveSmallIntegerField("Thời hạn gỡ bỏ (giờ)", default=3)
    escalation_level = models.PositiveSmallIntegerField("Mức nhắc đã gửi", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="Người nhập"
    )
    created_at = models.DateTimeField("Thời điểm nhập", auto_now_add=True)

    class Meta:
        verbose_name = "Yêu cầu gỡ bỏ thông tin"
        verbose_name_plural = "Yêu cầu gỡ bỏ thông tin"
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "received_at"], name="takedown_req_status_received")]

    def __str__(self):
        return f"Yêu cầu gỡ bỏ số {self.pk} ({self.requester_organisation or self.requester_name})"

    @property
    def deadline(self):
        return self.received_at + timezone.timedelta(hours=self.limit_hours)


class TakedownItem(models.Model):
    """One thing to remove: a page, a published answer or an approved comment, with a label and URL snapshot."""

    request = models.ForeignKey(TakedownRequest, on_delete=models.CASCADE, related_name="items", verbose_name="Yêu cầu")
    kind = models.CharField("Loại", max_length=16, choices=ItemKind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="Trang (đơn vị)")
    label = models.CharField("Tên mục", max_length=500)
    url = models.URLField("Địa chỉ", max_length=1000)
    removed_at = models.DateTimeField("Đã gỡ lúc", null=True, blank=True)

    class Meta:
        verbose_name = "Mục cần gỡ bỏ"
        verbose_name_plural = "Mục cần gỡ bỏ"
        ordering = ["pk"]

    def __str__(self):
        return self.label

    def target(self):
        return self.content_type.get_object_for_this_type(pk=self.object_id)


class ViolationReport(models.Model):
    """A visitor's report on a public item with user-generated content: a ticket with a resolution deadline."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="Trang (đơn vị)")
    kind = models.CharField("Loại", max_length=16, choices=ItemKind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item_label = models.CharField("Mục bị báo cáo", max_length=500)
    item_url = models.URLField("Địa chỉ", max_length=1000)
    category = models.CharField("Nhóm vi phạm", max_length=16, choices=ReportCategory.choices)
    description = models.TextField("Mô tả")
    contact_email = models.EmailField("Thư điện tử người báo cáo", blank=True)
    status = models.CharField("Trạng thái", max_length=16, choices=ReportStatus.choices, default=ReportStatus.NEW)
    received_at = models.DateTimeField("Thời điểm nhận", default=timezone.now)
    resolve_due = models.DateField("Hạn xử lý")
    resolved_at = models.DateTimeField("Thời điểm xử lý xong", null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="Người xử lý"
    )
    resolution_note = models.TextField("Kết quả xử lý", blank=True)
    takedown = models.ForeignKey(
        TakedownRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports", verbose_name="Yêu cầu gỡ bỏ"
    )

    class Meta:
        verbose_name = "Báo cáo vi phạm"
        verbose_name_plural = "Báo cáo vi phạm"
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["unit", "status", "resolve_due"], name="takedown_report_unit_status")]

    def __str__(self):
        return f"Báo cáo vi phạm số {self.pk}: {self.item_label}"

    @property
    def resolution_time(self):
        return self.resolved_at - self.received_at if self.resolved_at else None

    @property
    def is_open(self) -> bool:
        return self.status in (ReportStatus.NEW, ReportStatus.REVIEWING)

    @property
    def is_overdue(self) -> bool:
        if self.is_open:
            return timezone.localdate() > self.resolve_due
        return self.resolved_at is not None and timezone.localtime(self.resolved_at).date() > self.resolve_due
