from django.db import models


class ChangeKind(models.TextChoices):
    """What happened to one entry when an already-published week was published again."""

    ADDED = "added", "Bổ sung"  # a new entry after the week was first published
    CHANGED = "changed", "Điều chỉnh"  # time, date, leader, content, place, participants or preparing unit changed
    CANCELLED = "cancelled", "Hủy"  # marked cancelled, or removed from the published week


# The entry fields a change compares, in display order, with their labels.
COMPARED_FIELDS = {
    "date": "Ngày",
    "start": "Giờ bắt đầu",
    "end": "Giờ kết thúc",
    "leader": "Lãnh đạo",
    "content": "Nội dung",
    "location": "Địa điểm",
    "participants": "Thành phần",
    "preparing_unit": "Chủ trì chuẩn bị",
}

# How many weeks the site-wide calendar feed covers around the current one.
FEED_WEEKS_BACK = 4
FEED_WEEKS_AHEAD = 8
