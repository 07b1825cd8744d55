"""Licences of aggregate information sites (Nghị định 72/2013 Điều 8, 23) and the per-site hook
for the national website-monitoring service (EMC)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.compliance.validators import validate_https_url, validate_tracking_id


class AggregateSiteLicence(models.Model):
    """Giấy phép thiết lập trang thông tin điện tử tổng hợp of one unit's site."""

    unit = models.OneToOneField(
        "units.Unit", on_delete=models.CASCADE, related_name="aggregate_licence", verbose_name="Đơn vị"
    )
    number = models.CharField("Số giấy phép", max_length=64)
    issued_on = models.DateField("Ngày cấp")
    issuing_body = models.CharField("Cơ quan cấp", max_length=255)
    valid_until = models.DateField("Có giá trị đến ngày")
    responsible_name = models.CharField("Người chịu trách nhiệm quản lý nội dung", max_length=255)
    responsible_title = models.CharField("Chức vụ người chịu trách nhiệm", max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Giấy phép trang tổng hợp"
        verbose_name_plural = "Giấy phép trang tổng hợp"

    def __str__(self):
        return f"Giấy phép số {self.number} – {self.unit}"

    def clean(self):
        super().clean()
        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            raise ValidationError({"valid_until": "Ngày hết hạn phải sau ngày cấp."})

    def is_valid_on(self, day) -> bool:
        return self.issued_on <= day <= self.valid_until


class AggregateSite(models.Model):
    """Marks a unit's site as acting as an aggregate information site (trang thông tin điện tử
    tổng hợp); it may only be active while the unit holds a valid licence."""

    unit = models.OneToOneField(
        "units.Unit", on_delete=models.CASCADE, related_name="aggregate_site", verbose_name="Đơn vị"
    )
    is_active = models.BooleanField(
        "Đang hoạt động là trang tổng hợp",
        default=False,
        help_text="Chỉ bật được khi đơn vị có giấy phép thiết lập trang thông tin điện tử tổng hợp còn hiệu lực.",
    )
    activated_at = models.DateTimeField("Thời điểm kích hoạt", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "Trang thông tin tổng hợp"
        verbose_name_plural = "Trang thông tin tổng hợp"

    def __str__(self):
        return f"Trang tổng hợp – {self.unit}"

    def clean(self):
        super().clean()
        if self.is_active and self.unit_id:
            licence = AggregateSiteLicence.objects.filter(unit_id=self.unit_id).first()
            today = timezone.localdate()
            if licence is None:
                raise ValidationError(
                    {"is_active": "Chưa có giấy phép thiết lập trang thông tin điện tử tổng hợp: không thể kích hoạt."}
                )
            if not licence.is_valid_on(today):
                raise ValidationError(
                    {"is_active": f"Giấy phép số {licence.number} không còn hiệu lực: không thể kích hoạt."}
                )


class LicenceAlert(models.Model):
    """One expiry alert sent for one licence term and threshold (so each is sent once)."""

    licence = models.ForeignKey(AggregateSiteLicence, on_delete=models.CASCADE, related_name="alerts")
    threshold_days = models.PositiveIntegerField("Số ngày báo trước")
    valid_until = models.DateField("Hạn của giấy phép khi báo")
    sent_at = models.DateTimeField("Thời điểm gửi", default=timezone.now)

    class Meta:
        verbose_name = "Cảnh báo hết hạn giấy phép"
        verbose_name_plural = "Cảnh báo hết hạn giấy phép"
        constraints = [
            models.UniqueConstraint(fields=["licence", "threshold_days", "valid_until"], name="licence_alert_once")
        ]

    def __str__(self):
        return f"{self.licence} – {self.threshold_days} ngày"


@register_setting(icon="view")
class MonitoringSetting(BaseSiteSetting):
    """Mã giám sát của hệ thống EMC (Cục Chuyển đổi số quốc gia) cho trang."""

    enabled = models.BooleanField("Bật mã giám sát EMC", default=False)
    tracking_id = models.CharField(
        "Mã định danh trang trên hệ thống EMC", max_length=64, blank=True, validators=[validate_tracking_id],
        help_text="Chỉ gồm chữ, số, dấu gạch ngang, gạch dưới và dấu chấm.",
    )
    script_url = models.URLField(
        "Địa chỉ tệp mã giám sát (https)", blank=True, validators=[validate_https_url],
        help_text="Để trống để dùng địa chỉ mặc định của nền tảng (PORTAL_EMC_SCRIPT_URL).",
    )

    class Meta:
        verbose_name = "Giám sát EMC"

    def clean(self):
        super().clean()
        if self.enabled and not self.tracking_id:
            raise ValidationError({"tracking_id": "Hãy nhập mã định danh trang do hệ thống EMC cấp."})
