"""Online payment of a dossier's fees (NĐ 42/2022 Điều 11: a procedure with a fee is toàn trình only if it can be paid online).

A `Payment` is one attempt to pay a dossier's fee through one gateway; it becomes paid once,
whatever the gateway sends afterwards (services.payment_confirm). Every callback the gateways
send, valid or not, is kept as a `PaymentCallback` for audit and for the sandbox's settlement.
"""

from django.conf import settings
from django.db import models


class PaymentStatus(models.TextChoices):
    PENDING = "pending", "Chờ thanh toán"
    PAID = "paid", "Đã thanh toán"
    FAILED = "failed", "Không thành công"
    CANCELLED = "cancelled", "Đã hủy"


class CallbackOutcome(models.TextChoices):
    PAID = "paid", "Ghi nhận đã thanh toán"
    DUPLICATE = "duplicate", "Trùng lặp, đã ghi nhận trước đó"
    PAID_AGAIN = "paid_again", "Giao dịch thứ hai cho khoản đã thanh toán"
    FAILED = "failed", "Giao dịch không thành công"
    CANCELLED = "cancelled", "Người nộp hủy giao dịch"
    IGNORED = "ignored", "Bỏ qua (khoản đã thanh toán)"
    FORGED = "forged", "Chữ ký không hợp lệ"
    AMOUNT_MISMATCH = "amount_mismatch", "Số tiền không khớp"
    UNKNOWN_ORDER = "unknown_order", "Không có giao dịch này"
    CONFLICT = "conflict", "Mã giao dịch đã dùng cho khoản khác"


def vnd(amount: int) -> str:
    """50000 → “50.000 đồng” (Vietnamese thousands separator)."""
    return f"{int(amount):,}".replace(",", ".") + " đồng"


class Payment(models.Model):
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, related_name="payments", verbose_name="Hồ sơ")
    # The handling unit when the payment started: fees are collected for (and reconciled by) that unit.
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="payments", verbose_name="Đơn vị thu")
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="Người nộp tiền",
    )
    amount = models.PositiveBigIntegerField("Số tiền (đồng)")
    status = models.CharField("Trạng thái", max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.PENDING, db_index=True)
    gateway = models.CharField("Cổng thanh toán", max_length=32)
    order_ref = models.CharField("Mã đơn thanh toán", max_length=40, unique=True)
    transaction_id = models.CharField("Mã giao dịch của cổng thanh toán", max_length=100, blank=True, default="")
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    paid_at = models.DateTimeField("Thanh toán lúc", null=True, blank=True)

    class Meta:
        verbose_name = "Khoản thanh toán"
        verbose_name_plural = "Khoản thanh toán"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gateway", "transaction_id"], condition=~models.Q(transaction_id=""),
                name="payments_one_payment_per_gateway_transaction",
            ),
        ]
        indexes = [models.Index(fields=["unit", "status", "paid_at"]), models.Index(fields=["status", "paid_at"])]

    def __str__(self):
        return f"{self.order_ref} ({vnd(self.amount)})"

    @property
    def amount_display(self) -> str:
        return vnd(self.amount)


class PaymentCallback(models.Model):
    """One callback as received, kept whatever it said: the audit trail of what the gateways told us."""

    gateway = models.CharField("Cổng thanh toán", max_length=32)
    payload = models.JSONField("Nội dung nhận được", default=dict)
    order_ref = models.CharField("Mã đơn thanh toán", max_length=40, blank=True, db_index=True)
    payment = models.ForeignKey(Payment, on_delete=models.SET_NULL, null=True, blank=True, related_name="callbacks")
    signature_valid = models.BooleanField("Chữ ký hợp lệ", default=False)
    outcome = models.CharField("Kết quả xử lý", max_length=24, choices=CallbackOutcome.choices)
    detail = models.CharField("Chi tiết", max_length=255, blank=True)
    received_at = models.DateTimeField("Nhận lúc", db_index=True)
    remote_ip = models.GenericIPAddressField("Địa chỉ IP gửi", null=True, blank=True)

    class Meta:
        verbose_name = "Thông báo từ cổng thanh toán"
        verbose_name_plural = "Thông báo từ cổng thanh toán"
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["gateway", "signature_valid", "received_at"])]

    def __str__(self):
        return f"{self.gateway} {self.order_ref or '?'} – {self.get_outcome_display()}"
