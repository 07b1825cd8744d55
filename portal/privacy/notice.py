"""What the privacy notice page shows: the unit's own text (or the main portal's), the controller from the
unit registry, the retention schedule from the dated rules, the rights and how to make a request."""

from portal.privacy.constants import RetentionAction
from portal.privacy.models import PrivacyNotice
from portal.privacy.retention import RETENTION_SCHEDULE
from portal.privacy.selectors import notice_for_unit
from portal.rules.services import MissingRule, rule_in_force

RIGHTS = (
    "Được biết về hoạt động xử lý dữ liệu cá nhân của mình",
    "Đồng ý hoặc không đồng ý, rút lại sự đồng ý",
    "Xem, chỉnh sửa hoặc yêu cầu chỉnh sửa dữ liệu",
    "Yêu cầu cung cấp, xoá, hạn chế xử lý dữ liệu",
    "Phản đối xử lý dữ liệu",
    "Khiếu nại, tố cáo, khởi kiện, yêu cầu bồi thường thiệt hại theo quy định",
)

DEFAULT_PURPOSES = (
    "Tạo và quản lý tài khoản dịch vụ công, xác minh thư điện tử và số điện thoại\n"
    "Tiếp nhận, giải quyết và trả kết quả hồ sơ thủ tục hành chính; thông báo tình trạng hồ sơ\n"
    "Tiếp nhận và trả lời câu hỏi, phản ánh, kiến nghị\n"
    "Tổng hợp, tiếp thu, giải trình ý kiến góp ý dự thảo văn bản"
)
DEFAULT_DATA_KINDS = (
    "Họ tên, ngày sinh, số định danh cá nhân, mã số thuế (tổ chức)\n"
    "Thư điện tử, số điện thoại, địa chỉ\n"
    "Nội dung tờ khai, giấy tờ đính kèm hồ sơ\n"
    "Nội dung câu hỏi, phản ánh, góp ý; địa chỉ IP khi gửi"
)
DEFAULT_SHARING = "Cơ quan có thẩm quyền giải quyết hồ sơ, trả lời câu hỏi; không chia sẻ cho mục đích thương mại."


def _retention_rows() -> list[dict]:
    rows = []
    for item in RETENTION_SCHEDULE:
        try:
            rule = rule_in_force(item.rule_key)
        except MissingRule:
            continue
        rows.append({"label": item.label, "value": rule.value, "unit": rule.unit, "action": RetentionAction(item.action).label, "basis": rule.legal_basis, "valid_from": rule.valid_from})
    return rows


def notice_context(unit) -> dict:
    notice = notice_for_unit(unit) if unit is not None else None
    return {
        "notice": notice,
        "inherited": notice is not None and unit is not None and notice.unit_id != unit.pk,
        # The site's own unit is the controller of what its forms collect, even when it reuses the province's text.
        "controller": unit,
        "purposes": PrivacyNotice.lines(notice.purposes if notice else DEFAULT_PURPOSES),
        "data_kinds": PrivacyNotice.lines(notice.data_kinds if notice else DEFAULT_DATA_KINDS),
        "sharing": notice.sharing if notice and notice.sharing else DEFAULT_SHARING,
        "rights": RIGHTS,
        "retention": _retention_rows(),
    }
