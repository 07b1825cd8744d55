"""Fixed values of citizen accounts: kinds, verification channels, code lifetimes, log actions."""

import datetime as dt

from django.db import models

CONSENT_PURPOSE = "tai-khoan"
# Shipped privacy notice for accounts; the moderation app keeps the versions once it exists.
CONSENT_TEXT = (
    "Cơ quan quản lý Cổng dịch vụ công của tỉnh (bên kiểm soát dữ liệu) thu thập họ tên, số định danh cá nhân, "
    "mã số thuế, thư điện tử, số điện thoại và địa chỉ bạn cung cấp chỉ để tạo tài khoản, xác minh liên lạc, "
    "tiếp nhận, giải quyết và thông báo kết quả hồ sơ thủ tục hành chính của bạn. Dữ liệu không được công khai "
    "và chỉ chia sẻ với cơ quan có thẩm quyền giải quyết hồ sơ. Dữ liệu được lưu theo thời hạn lưu trữ hồ sơ. "
    "Bạn có quyền biết, xem, sửa, yêu cầu xóa, hạn chế xử lý và rút lại sự đồng ý (Luật Bảo vệ dữ liệu cá nhân "
    "2025 Điều 4) bằng cách liên hệ địa chỉ ở chân trang."
)

USERNAME_PREFIX = "cd-"
CODE_DIGITS = 6
CODE_LIFETIME = dt.timedelta(minutes=10)
CODE_MAX_ATTEMPTS = 5
RESEND_COOLDOWN = dt.timedelta(seconds=60)
# Codes sent to one account per hour, all channels: an SMS costs money and can be used to harass.
CODES_PER_HOUR = 6

PHONE_PATTERN = r"^0[35789]\d{8}$"
ID_NUMBER_PATTERN = r"^\d{12}$"
TAX_CODE_PATTERN = r"^\d{10}(-\d{3})?$"


class AccountKind(models.TextChoices):
    INDIVIDUAL = "individual", "Cá nhân"
    ORGANISATION = "organisation", "Tổ chức, doanh nghiệp"


class ContactChannel(models.TextChoices):
    EMAIL = "email", "Thư điện tử"
    SMS = "sms", "Số điện thoại"


LOG_ACTIONS = {
    "portal.citizen.register": ("Đăng ký tài khoản công dân, doanh nghiệp", "Đăng ký"),
    "portal.citizen.code_send": ("Gửi mã xác minh liên lạc", "Gửi mã xác minh"),
    "portal.citizen.verify": ("Xác minh thư điện tử hoặc số điện thoại", "Xác minh liên lạc"),
    "portal.citizen.code_locked": ("Khoá mã xác minh do nhập sai quá số lần", "Khoá mã xác minh"),
    "portal.citizen.edit": ("Sửa thông tin tài khoản công dân, doanh nghiệp", "Sửa thông tin"),
    "portal.citizen.contact_release": ("Gỡ liên lạc chưa xác minh khỏi tài khoản khác", "Gỡ liên lạc chưa xác minh"),
    "portal.citizen.identity_create": ("Tạo tài khoản từ định danh điện tử", "Tạo từ định danh"),
    "portal.citizen.identity_link": ("Liên kết tài khoản với định danh điện tử", "Liên kết định danh"),
    "portal.citizen.identity_login": ("Đăng nhập bằng định danh điện tử", "Đăng nhập định danh"),
}
