"""Legal numbers as dated configuration: each value has a start date and the instrument it comes from."""

from django.core.exceptions import ValidationError
from django.db import models


class LegalRule(models.Model):
    """One value of one legal parameter, valid from a date until the next row for the same key."""

    key = models.CharField("Mã tham số", max_length=100, db_index=True)
    title = models.CharField("Tên tham số", max_length=255)
    value = models.JSONField("Giá trị", help_text="Số, chuỗi hoặc danh sách, theo loại tham số.")
    unit = models.CharField("Đơn vị tính", max_length=64, blank=True, help_text="Ví dụ: ngày làm việc, ngày, giờ, lần.")
    valid_from = models.DateField("Áp dụng từ ngày")
    legal_basis = models.CharField("Căn cứ pháp lý", max_length=500)
    confirmed = models.BooleanField(
        "Đã đối chiếu văn bản gốc", default=True, help_text="Bỏ chọn khi con số chưa được xác nhận với văn bản gốc."
    )
    note = models.TextField("Ghi chú", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Tham số pháp lý"
        verbose_name_plural = "Tham số pháp lý"
        ordering = ["key", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["key", "valid_from"], name="legal_rule_key_valid_from")]

    def __str__(self):
        return f"{self.title}: {self.value} {self.unit} (từ {self.valid_from:%d/%m/%Y})"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", "Nghỉ lễ, Tết"
    DAY_OFF = "day_off", "Nghỉ bù hoặc hoán đổi (nghỉ)"
    WORKING_DAY = "working_day", "Làm việc bù (ngày cuối tuần đi làm)"


class CalendarDay(models.Model):
    """A date that differs from the usual Monday–Friday week: a holiday, a swapped day off, a make-up working day."""

    date = models.DateField("Ngày", unique=True)
    kind = models.CharField("Loại ngày", max_length=16, choices=DayKind.choices)
    name = models.CharField("Tên ngày", max_length=255)
    legal_basis = models.CharField("Căn cứ", max_length=500, help_text="Bộ luật Lao động Điều 112, thông báo hằng năm của Bộ ...")

    class Meta:
        verbose_name = "Ngày đặc biệt trong lịch làm việc"
        verbose_name_plural = "Lịch ngày nghỉ, ngày làm bù"
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.name} ({self.get_kind_display()})"

    def clean(self):
        super().clean()
        weekend = self.date and self.date.weekday() >= 5
        if self.kind == DayKind.WORKING_DAY and self.date and not weekend:
            raise ValidationError({"kind": "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật."})
