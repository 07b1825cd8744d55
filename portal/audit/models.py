"""The tamper-evident audit chain and the archive of deleted pages kept for their retention period."""

from django.conf import settings
from django.db import models

GENESIS_HASH = "0" * 64


class AuditAnchor(models.Model):
    """The single checkpoint the chain starts from: the last purged entry (seq 0 and zeros before any purge).

    Its table sorts before the entries' on purpose: on SQLite the delete guard is off only while it is empty
    (Django's test flush empties tables in name order)."""

    seq = models.PositiveBigIntegerField("Số thứ tự mục cuối đã xoá", default=0)
    hash = models.CharField("Mã băm mục cuối đã xoá", max_length=64, default=GENESIS_HASH)
    purged_before = models.DateTimeField("Đã xoá các mục trước", null=True, blank=True)
    purged_at = models.DateTimeField("Thời điểm xoá", null=True, blank=True)
    purged_by = models.CharField("Người xoá", max_length=150, blank=True)

    class Meta:
        verbose_name = "Mốc đầu chuỗi nhật ký"
        verbose_name_plural = "Mốc đầu chuỗi nhật ký"

    def __str__(self):
        return f"#{self.seq} {self.hash[:12]}"


class AuditEntry(models.Model):
    """One handling of information, login or permission change. Append-only: the database refuses UPDATE and
    DELETE (triggers in migration 0002); each row carries the hash of the previous one."""

    seq = models.PositiveBigIntegerField("Số thứ tự", unique=True)
    occurred_at = models.DateTimeField("Thời điểm", db_index=True)
    actor_id = models.BigIntegerField("Mã người thực hiện", null=True, blank=True)
    actor_name = models.CharField("Người thực hiện", max_length=150)
    action = models.CharField("Hành động", max_length=255, db_index=True)
    object_type = models.CharField("Loại đối tượng", max_length=100, blank=True)
    object_id = models.CharField("Mã đối tượng", max_length=64, blank=True)
    object_label = models.CharField("Đối tượng", max_length=255, blank=True)
    unit_code = models.CharField("Đơn vị (trang)", max_length=20, blank=True)
    ip_address = models.CharField("Địa chỉ IP", max_length=45, blank=True)
    user_agent = models.CharField("Trình duyệt", max_length=300, blank=True)
    data = models.JSONField("Chi tiết", default=dict, blank=True)
    prev_hash = models.CharField("Mã băm mục trước", max_length=64)
    hash = models.CharField("Mã băm", max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = "Mục nhật ký"
        verbose_name_plural = "Nhật ký hệ thống"
        indexes = [
            models.Index(fields=["actor_name", "seq"], name="audit_entry_actor_seq"),
            models.Index(fields=["unit_code", "seq"], name="audit_entry_unit_seq"),
        ]

    def __str__(self):
        return f"#{self.seq} {self.action}"


class RetainedPage(models.Model):
    """A page deleted within its retention period: withdrawn from public view, kept with its revisions."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="Trang")
    unit = models.ForeignKey("units.Unit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="Đơn vị")
    title = models.CharField("Tiêu đề", max_length=255)
    url_path = models.TextField("Đường dẫn", blank=True)
    first_published_at = models.DateTimeField("Đăng lần đầu")
    deleted_at = models.DateTimeField("Xoá lúc")
    deleted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="Người xoá")
    retain_until = models.DateField("Lưu trữ đến hết ngày", db_index=True)

    class Meta:
        ordering = ["-deleted_at"]
        verbose_name = "Tin, bài đã xoá (lưu trữ)"
        verbose_name_plural = "Tin, bài đã xoá (lưu trữ)"

    def __str__(self):
        return self.title
