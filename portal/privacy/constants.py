"""Fixed values of personal-data protection: request kinds, channels, the request lifecycle, log actions."""

from django.db import models

NOTICE_PATH = "/chinh-sach-bao-ve-du-lieu-ca-nhan/"
ANONYMISED = "Đã ẩn danh"


class RequestKind(models.TextChoices):
    ACCESS = "access", "Xem dữ liệu"
    EXPORT = "export", "Cung cấp bản sao dữ liệu"
    CORRECT = "correct", "Chỉnh sửa dữ liệu"
    DELETE = "delete", "Xoá dữ liệu"
    RESTRICT = "restrict", "Hạn chế xử lý"
    OBJECT = "object", "Phản đối xử lý"
    WITHDRAW = "withdraw", "Rút lại sự đồng ý"


class RequestChannel(models.TextChoices):
    WEB = "web", "Trên cổng (tài khoản)"
    PAPER = "paper", "Văn bản giấy"
    EMAIL = "email", "Thư điện tử"


class RequestStatus(models.TextChoices):
    RECEIVED = "received", "Đã nhận, chờ xác nhận"
    ACKNOWLEDGED = "acknowledged", "Đã xác nhận, đang xử lý"
    COMPLETED = "completed", "Đã hoàn thành"
    REFUSED = "refused", "Từ chối (có lý do)"


S = RequestStatus
# action → (allowed from, to)
REQUEST_TRANSITIONS = {
    "acknowledge": ((S.RECEIVED,), S.ACKNOWLEDGED),
    "extend": ((S.RECEIVED, S.ACKNOWLEDGED), None),
    "complete": ((S.RECEIVED, S.ACKNOWLEDGED), S.COMPLETED),
    "refuse": ((S.RECEIVED, S.ACKNOWLEDGED), S.REFUSED),
}
OPEN_REQUEST_STATUSES = (S.RECEIVED, S.ACKNOWLEDGED)
# Reminders start this many calendar days before a deadline.
REMIND_BEFORE_DAYS = 2


class RetentionAction(models.TextChoices):
    DELETE = "delete", "Xoá"
    ANONYMISE = "anonymise", "Ẩn danh"


LOG_ACTIONS = {
    "portal.privacy.notice_publish": ("Ban hành phiên bản chính sách bảo vệ dữ liệu cá nhân", "Ban hành chính sách"),
    "portal.privacy.request_create": ("Tiếp nhận yêu cầu của chủ thể dữ liệu", "Tiếp nhận yêu cầu"),
    "portal.privacy.request_acknowledge": ("Xác nhận đã nhận yêu cầu của chủ thể dữ liệu", "Xác nhận yêu cầu"),
    "portal.privacy.request_extend": ("Gia hạn xử lý yêu cầu của chủ thể dữ liệu", "Gia hạn yêu cầu"),
    "portal.privacy.request_complete": ("Hoàn thành yêu cầu của chủ thể dữ liệu", "Hoàn thành yêu cầu"),
    "portal.privacy.request_refuse": ("Từ chối yêu cầu của chủ thể dữ liệu", "Từ chối yêu cầu"),
    "portal.privacy.account_delete": ("Xoá tài khoản và ẩn danh dữ liệu cá nhân", "Xoá tài khoản"),
    "portal.privacy.consent_withdraw": ("Rút lại sự đồng ý xử lý dữ liệu cá nhân", "Rút lại đồng ý"),
    "portal.privacy.retention_run": ("Áp dụng thời hạn lưu trữ dữ liệu cá nhân", "Áp dụng thời hạn lưu trữ"),
    "portal.privacy.breach_record": ("Ghi nhận vi phạm dữ liệu cá nhân", "Ghi nhận vi phạm"),
}
