"""Screening and consent for text the public sends: questions, feedback, comments on drafts."""

import re
from dataclasses import dataclass

from django.core.cache import cache

from portal.core.text import fold
from portal.moderation.models import ConsentNotice, ConsentRecord, ProhibitedTerm

# Shipped notices; an edit creates a new version so old consent records keep pointing at what people saw.
DEFAULT_NOTICES = {
    "hoi-dap": (
        "Cơ quan quản lý Cổng thông tin điện tử (bên kiểm soát dữ liệu) thu thập họ tên, thư điện tử, số điện thoại "
        "và nội dung bạn gửi chỉ để tiếp nhận, chuyển đơn vị có thẩm quyền và trả lời câu hỏi, phản ánh, kiến nghị của bạn. "
        "Họ tên có thể được hiển thị cùng câu trả lời nếu Ban biên tập đăng công khai; thư điện tử và số điện thoại không bao giờ "
        "được công khai. Dữ liệu được lưu theo thời hạn lưu trữ hồ sơ. Bạn có quyền biết, xem, sửa, yêu cầu xóa, hạn chế xử lý "
        "và rút lại sự đồng ý (Luật Bảo vệ dữ liệu cá nhân 2025 Điều 4) bằng cách liên hệ địa chỉ ở chân trang."
    ),
    "gop-y-du-thao": (
        "Cơ quan chủ trì soạn thảo (bên kiểm soát dữ liệu) thu thập họ tên, thư điện tử và ý kiến bạn gửi chỉ để tổng hợp, "
        "tiếp thu, giải trình ý kiến góp ý dự thảo. Họ tên và nội dung góp ý có thể được đăng công khai sau khi kiểm duyệt; "
        "thư điện tử không bao giờ được công khai. Bạn có quyền biết, xem, sửa, yêu cầu xóa, hạn chế xử lý và rút lại sự đồng ý "
        "(Luật Bảo vệ dữ liệu cá nhân 2025 Điều 4) bằng cách liên hệ địa chỉ ở chân trang."
    ),
}


def consent_notice_current(purpose: str) -> ConsentNotice:
    notice = ConsentNotice.objects.filter(purpose=purpose).order_by("-version").first()
    if notice is None:
        notice = ConsentNotice.objects.create(purpose=purpose, version=1, text=DEFAULT_NOTICES[purpose])
    return notice


def consent_record(*, notice: ConsentNotice, name: str, email: str, subject_ref: str, ip_address: str | None) -> ConsentRecord:
    return ConsentRecord.objects.create(
        notice=notice,
        notice_sha256=notice.sha256,
        subject_name=name,
        subject_email=email or "",
        subject_ref=subject_ref,
        ip_address=ip_address or None,
    )


@dataclass(frozen=True)
class ScreeningHit:
    term: str
    category: str


def _terms() -> list[tuple[str, str, re.Pattern]]:
    terms = cache.get("moderation:terms")
    if terms is None:
        terms = list(ProhibitedTerm.objects.filter(active=True).values_list("term", "category"))
        cache.set("moderation:terms", terms, 300)
    # Folded on both sides: "lua dao" typed without marks still matches "lừa đảo".
    return [(term, category, re.compile(r"(?<!\w)" + re.escape(fold(term)) + r"(?!\w)")) for term, category in terms]


def screen_text(*texts: str) -> list[ScreeningHit]:
    """Prohibited terms found in the texts (diacritics and case ignored)."""
    folded = fold(" \n ".join(t for t in texts if t))
    return [ScreeningHit(term, category) for term, category, pattern in _terms() if pattern.search(folded)]


def terms_changed() -> None:
    cache.delete("moderation:terms")
