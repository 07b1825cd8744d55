"""Checks and normalisation of what people type in account forms: phone, CCCD, tax code, e-mail."""

import re

from django.core.exceptions import ValidationError

from portal.citizens.constants import ID_NUMBER_PATTERN, PHONE_PATTERN, TAX_CODE_PATTERN

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


def phone_normalise(value: str) -> str:
    """'+84 912.345.678', '84912345678', '0912 345 678' -> '0912345678'; other input comes back stripped."""
    value = _PHONE_SEPARATORS.sub("", value or "")
    if value.startswith("+84"):
        value = "0" + value[3:]
    elif value.startswith("84") and len(value) == 11:
        value = "0" + value[2:]
    return value


def phone_validate(value: str) -> None:
    # Codes go by SMS, so only mobile numbers (03, 05, 07, 08, 09 and eight more digits).
    if not re.fullmatch(PHONE_PATTERN, value or ""):
        raise ValidationError(
            "Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09, ví dụ: 0912 345 678.",
            code="phone",
        )


def email_normalise(value: str) -> str:
    # Addresses are compared case-insensitively; one spelling is kept so the unique index can decide.
    return (value or "").strip().lower()


def id_number_validate(value: str) -> None:
    """Số định danh cá nhân (CCCD): 12 digits, the first three the province code of birth registration (001–096)."""
    if not re.fullmatch(ID_NUMBER_PATTERN, value or "") or not 1 <= int(value[:3]) <= 96:
        raise ValidationError(
            "Số định danh cá nhân (số căn cước) gồm 12 chữ số, ba chữ số đầu là mã tỉnh nơi đăng ký khai sinh.",
            code="id_number",
        )


def tax_code_validate(value: str) -> None:
    if not re.fullmatch(TAX_CODE_PATTERN, value or ""):
        raise ValidationError(
            "Mã số thuế (mã số doanh nghiệp) gồm 10 chữ số, đơn vị phụ thuộc thêm 3 chữ số, ví dụ: 3100123456-001.",
            code="tax_code",
        )
