"""The outbox: every message to a citizen is a row first, delivered by a task with retries."""

from django.db import models


class MessageChannel(models.TextChoices):
    EMAIL = "email", "Thư điện tử"
    SMS = "sms", "Tin nhắn SMS"


class MessageStatus(models.TextChoices):
    PENDING = "pending", "Chờ gửi"
    SENT = "sent", "Đã gửi"
    FAILED = "failed", "Gửi không thành công"


class Message(models.Model):
    channel = models.CharField("Kênh", max_length=8, choices=MessageChannel.choices)
    recipient = models.CharField("Người nhận", max_length=254)
    subject = models.CharField("Tiêu đề", max_length=255, blank=True)
    body = models.TextField("Nội dung")
    reference = models.CharField("Liên quan đến", max_length=100, blank=True, db_index=True, help_text="Ví dụ mã hồ sơ.")
    event = models.CharField("Sự kiện", max_length=50, blank=True)
    status = models.CharField("Trạng thái", max_length=8, choices=MessageStatus.choices, default=MessageStatus.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField("Số lần gửi", default=0)
    next_attempt_at = models.DateTimeField("Gửi lại lúc", null=True, blank=True)
    last_error = models.TextField("Lỗi gần nhất", blank=True)
    provider = models.CharField("Nhà cung cấp", max_length=50, blank=True)
    provider_message_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField("Gửi lúc", null=True, blank=True)

    class Meta:
        verbose_name = "Thông báo"
        verbose_name_plural = "Thông báo"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.recipient}: {self.subject or self.body[:40]}"
