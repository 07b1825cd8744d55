import hashlib

from django.db import models

from portal.moderation.constants import ViolationCategory


class ProhibitedTerm(models.Model):
    """A word or phrase that sends a citizen's text to a moderator with a warning (it never auto-publishes anyway)."""

    term = models.CharField("Từ, cụm từ", max_length=200, unique=True)
    category = models.CharField("Nhóm hành vi bị cấm", max_length=8, choices=ViolationCategory.choices)
    active = models.BooleanField("Đang áp dụng", default=True)
    note = models.CharField("Ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "Từ ngữ cần kiểm tra"
        verbose_name_plural = "Danh sách từ ngữ cần kiểm tra (NĐ 72/2013 Điều 5)"
        ordering = ["term"]

    def __str__(self):
        return self.term


class ConsentNotice(models.Model):
    """The text a person agrees to when they send personal data; each version is kept unchanged."""

    purpose = models.CharField("Mục đích", max_length=64, db_index=True, help_text="Ví dụ: hoi-dap, gop-y-du-thao.")
    version = models.PositiveIntegerField("Phiên bản", default=1)
    text = models.TextField("Nội dung thông báo")
    sha256 = models.CharField(max_length=64, editable=False)
    published_at = models.DateTimeField("Áp dụng từ", auto_now_add=True)

    class Meta:
        verbose_name = "Thông báo xử lý dữ liệu cá nhân"
        verbose_name_plural = "Thông báo xử lý dữ liệu cá nhân"
        constraints = [models.UniqueConstraint(fields=["purpose", "version"], name="consent_notice_version")]
        ordering = ["purpose", "-version"]

    def __str__(self):
        return f"{self.purpose} v{self.version}"

    def save(self, *args, **kwargs):
        self.sha256 = hashlib.sha256(self.text.encode()).hexdigest()
        super().save(*args, **kwargs)


class ConsentRecord(models.Model):
    """Evidence that a person agreed to a notice (Luật BVDLCN 91/2025 Điều 9; NĐ 356/2025): who, to what, when."""

    notice = models.ForeignKey(ConsentNotice, on_delete=models.PROTECT, related_name="records", verbose_name="Thông báo")
    notice_sha256 = models.CharField("Mã băm thông báo", max_length=64)
    subject_name = models.CharField("Họ tên", max_length=255)
    subject_email = models.EmailField("Thư điện tử", blank=True)
    subject_ref = models.CharField("Hồ sơ liên quan", max_length=64, db_index=True, help_text="Ví dụ: mã câu hỏi.")
    channel = models.CharField("Kênh", max_length=32, default="web")
    ip_address = models.GenericIPAddressField("Địa chỉ IP", null=True, blank=True)
    given_at = models.DateTimeField("Thời điểm đồng ý", auto_now_add=True)
    withdrawn_at = models.DateTimeField("Thời điểm rút lại", null=True, blank=True)

    class Meta:
        verbose_name = "Bằng chứng đồng ý"
        verbose_name_plural = "Bằng chứng đồng ý"
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.subject_name} — {self.notice}"
