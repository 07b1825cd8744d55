"""Accounts of citizens and businesses on the online public services (L-32-dvc.1).

A citizen is a plain Django user (generated username, never staff, no groups) with a CitizenProfile.
Writes go through `portal.citizens.services`; reads through `portal.citizens.selectors`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from portal.citizens.constants import AccountKind, ContactChannel
from portal.citizens.validators import id_number_validate, phone_validate, tax_code_validate


class CitizenProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="citizen_profile", verbose_name="Tài khoản",
    )
    kind = models.CharField("Loại tài khoản", max_length=16, choices=AccountKind.choices, default=AccountKind.INDIVIDUAL)
    full_name = models.CharField("Họ và tên", max_length=200, help_text="Với tổ chức: người đại diện, người liên hệ.")
    organisation_name = models.CharField("Tên tổ chức, doanh nghiệp", max_length=255, blank=True)
    tax_code = models.CharField("Mã số thuế", max_length=14, blank=True, validators=[tax_code_validate])
    id_number = models.CharField("Số định danh cá nhân", max_length=12, blank=True, validators=[id_number_validate])
    birth_date = models.DateField("Ngày sinh", null=True, blank=True)
    # Empty when not given; the partial unique indexes below ignore empty values.
    phone = models.CharField("Số điện thoại", max_length=10, blank=True, validators=[phone_validate])
    email = models.EmailField("Thư điện tử", blank=True)
    phone_verified_at = models.DateTimeField("Xác minh số điện thoại lúc", null=True, blank=True)
    email_verified_at = models.DateTimeField("Xác minh thư điện tử lúc", null=True, blank=True)
    address = models.CharField("Địa chỉ", max_length=300, blank=True)
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "Tài khoản công dân, doanh nghiệp"
        verbose_name_plural = "Tài khoản công dân, doanh nghiệp"
        constraints = [
            models.UniqueConstraint(fields=["phone"], condition=~Q(phone=""), name="citizen_phone_unique"),
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="citizen_email_unique"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.kind == AccountKind.ORGANISATION and self.organisation_name:
            return self.organisation_name
        return self.full_name

    def contact(self, channel: str) -> str:
        return self.email if channel == ContactChannel.EMAIL else self.phone

    def verified_at(self, channel: str):
        return self.email_verified_at if channel == ContactChannel.EMAIL else self.phone_verified_at


class VerificationCode(models.Model):
    """A one-time code sent to a contact; only its keyed hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verification_codes")
    channel = models.CharField("Kênh", max_length=8, choices=ContactChannel.choices)
    destination = models.CharField("Gửi đến", max_length=254)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField("Gửi lúc", db_index=True)
    expires_at = models.DateTimeField("Hết hạn lúc")
    attempts = models.PositiveSmallIntegerField("Số lần nhập sai", default=0)
    used_at = models.DateTimeField("Đã dùng lúc", null=True, blank=True)

    class Meta:
        verbose_name = "Mã xác minh"
        verbose_name_plural = "Mã xác minh"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "channel", "created_at"], name="citizen_code_lookup")]

    def __str__(self):
        return f"{self.get_channel_display()} {self.created_at:%d/%m/%Y %H:%M}"


class ExternalIdentity(models.Model):
    """An account's link to an identity provider (VNeID through OpenID Connect): provider + subject."""

    provider = models.CharField("Nhà cung cấp định danh", max_length=32)
    subject = models.CharField("Mã định danh tại nhà cung cấp", max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identities")
    created_at = models.DateTimeField("Liên kết lúc", auto_now_add=True)
    last_login_at = models.DateTimeField("Đăng nhập gần nhất", null=True, blank=True)

    class Meta:
        verbose_name = "Định danh điện tử liên kết"
        verbose_name_plural = "Định danh điện tử liên kết"
        constraints = [models.UniqueConstraint(fields=["provider", "subject"], name="citizen_identity_unique")]

    def __str__(self):
        return f"{self.provider}:{self.subject}"
