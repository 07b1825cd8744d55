from django.db import models


class ViolationCategory(models.TextChoices):
    """Nghị định 72/2013/NĐ-CP Điều 5 khoản 1, points a–e (plus "other" for spam and off-topic text)."""

    STATE = "a", "a) Chống Nhà nước, gây phương hại an ninh quốc gia, trật tự xã hội, đoàn kết dân tộc"
    VIOLENCE = "b", "b) Kích động bạo lực, dâm ô, đồi trụy, tội ác, tệ nạn xã hội, mê tín"
    SECRETS = "c", "c) Tiết lộ bí mật nhà nước, quân sự, an ninh, kinh tế, đối ngoại"
    DEFAMATION = "d", "d) Xuyên tạc, vu khống, xúc phạm uy tín tổ chức, danh dự, nhân phẩm cá nhân"
    PROHIBITED_GOODS = "dd", "đ) Quảng cáo, kinh doanh hàng hóa, dịch vụ cấm"
    IMPERSONATION = "e", "e) Giả mạo tổ chức, cá nhân; phát tán thông tin giả"
    OTHER = "other", "Khác (quảng cáo rác, không liên quan)"


class ModerationStatus(models.TextChoices):
    PENDING = "pending", "Chờ kiểm duyệt"
    APPROVED = "approved", "Đã duyệt, hiển thị công khai"
    REJECTED = "rejected", "Không duyệt"


# Who may move a moderated item where: from -> allowed targets.
MODERATION_TRANSITIONS = {
    ModerationStatus.PENDING: {ModerationStatus.APPROVED, ModerationStatus.REJECTED},
    ModerationStatus.APPROVED: {ModerationStatus.REJECTED},  # withdrawn after a report
    ModerationStatus.REJECTED: {ModerationStatus.APPROVED},  # a moderator's mistake undone
}
