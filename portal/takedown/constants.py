from django.db import models


class Channel(models.TextChoices):
    LETTER = "letter", "Văn bản"
    PHONE = "phone", "Điện thoại"
    EMAIL = "email", "Thư điện tử"
    SELF = "self", "Tự phát hiện"
    REPORT = "report", "Báo cáo vi phạm của người xem"


class TakedownStatus(models.TextChoices):
    RECEIVED = "received", "Đã tiếp nhận, chờ gỡ"
    DONE = "done", "Đã gỡ bỏ"
    REJECTED = "rejected", "Không gỡ (có lý do)"


# Lifecycle as data: what may follow what.
TAKEDOWN_TRANSITIONS = {
    TakedownStatus.RECEIVED: {TakedownStatus.DONE, TakedownStatus.REJECTED},
    TakedownStatus.DONE: set(),
    TakedownStatus.REJECTED: set(),
}


class ItemKind(models.TextChoices):
    PAGE = "page", "Trang, tin bài"
    ANSWER = "answer", "Câu trả lời hỏi đáp đã đăng"
    COMMENT = "comment", "Góp ý dự thảo đã công khai"


class ReportCategory(models.TextChoices):
    """Nghị định 72/2013/NĐ-CP Điều 5: the prohibitions a visitor can point at, in plain words."""

    STATE = "state", "Chống Nhà nước, gây phương hại an ninh quốc gia, trật tự xã hội"
    VIOLENCE = "violence", "Kích động bạo lực, tội ác, tệ nạn xã hội"
    DEFAMATION = "defamation", "Bịa đặt, xuyên tạc, xúc phạm uy tín, danh dự, nhân phẩm"
    PRIVACY = "privacy", "Vi phạm đời tư, lộ dữ liệu cá nhân"
    COPYRIGHT = "copyright", "Vi phạm bản quyền, sở hữu trí tuệ"
    OTHER = "other", "Khác"


class ReportStatus(models.TextChoices):
    NEW = "new", "Mới nhận"
    REVIEWING = "reviewing", "Đang xem xét"
    UPHELD = "upheld", "Có vi phạm, đã gỡ bỏ"
    DISMISSED = "dismissed", "Không vi phạm"


REPORT_TRANSITIONS = {
    ReportStatus.NEW: {ReportStatus.REVIEWING, ReportStatus.UPHELD, ReportStatus.DISMISSED},
    ReportStatus.REVIEWING: {ReportStatus.UPHELD, ReportStatus.DISMISSED},
    ReportStatus.UPHELD: set(),
    ReportStatus.DISMISSED: set(),
}
OPEN_REPORT_STATUSES = (ReportStatus.NEW, ReportStatus.REVIEWING)

REPORT_CONSENT_PURPOSE = "bao-cao-vi-pham"
REPORT_CONSENT_TEXT = (
    "Ban biên tập của trang (bên kiểm soát dữ liệu) chỉ dùng thư điện tử bạn để lại để báo kết quả xử lý báo cáo vi phạm này; "
    "thư điện tử không bao giờ được công khai và được xóa khi hết thời hạn lưu trữ. Bạn có quyền biết, xem, sửa, yêu cầu xóa "
    "và rút lại sự đồng ý (Luật Bảo vệ dữ liệu cá nhân 2025) bằng cách liên hệ địa chỉ ở chân trang."
)
