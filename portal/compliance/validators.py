import re

from django.core.exceptions import ValidationError

TRACKING_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def validate_https_url(value: str) -> None:
    if value and not value.lower().startswith("https://"):
        raise ValidationError("Địa chỉ phải bắt đầu bằng https://.")


def validate_tracking_id(value: str) -> None:
    if value and not TRACKING_ID.fullmatch(value):
        raise ValidationError("Mã định danh chỉ gồm chữ, số, dấu gạch ngang, gạch dưới và dấu chấm.")
