"""Changes after first publication are marked and kept in history (L-43-12/14)."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from portal.conftest import make_user
from portal.editorial.constants import Role
from portal.schedule.constants import ChangeKind
from portal.schedule.models import ScheduleChange, WeekSchedulePage
from portal.schedule.tests.conftest import edit_week, entry, make_week
from portal.schedule.weeks import IsoWeek

pytestmark = pytest.mark.django_db
URL = "/chi-dao-dieu-hanh/lich-cong-tac/"
W49 = IsoWeek(2026, 49)


def test_moving_an_entry_after_publication_is_marked_with_the_old_time_and_kept_in_history(client, registry):
    unit = registry["stttt"]
    head = make_user("stttt.tb", (unit, Role.BOARD_HEAD))
    page = make_week(
        unit, W49, [entry(W49, 1, "08:00", "Làm việc với Bộ Thông tin và Truyền thông về chuyển đổi số", end="11:00")], user=head
    )
    assert not ScheduleChange.objects.exists()  # the first publication is not a change

    def move(entries):
        entries[0].start_time, entries[0].end_time = dt.time(14, 0), dt.time(16, 30)
        return entries

    before = timezone.now()
    edit_week(page, move, user=head)

    change = ScheduleChange.objects.get()
    assert change.kind == ChangeKind.CHANGED and change.user == head and change.changed_at >= before
    assert (change.before["start"], change.after["start"]) == ("08:00", "14:00")
    assert PageLogEntry.objects.filter(page=page, action="portal.schedule.adjust", user=head).count() == 1

    html = client.get(URL, {"tuan": "2026-W49"}, HTTP_HOST=unit.hostname).content.decode()
    mark = f"Đã điều chỉnh lúc {timezone.localtime(change.changed_at):%H:%M %d/%m/%Y}"
    assert mark in html
    assert "14:00 – 16:30" in html
    assert "<del>08:00</del>" in html and "<del>11:00</del>" in html
    assert "Lịch sử điều chỉnh" in html and "Giờ bắt đầu: 08:00 → 14:00" in html
    # The week's own page shows the same.
    assert mark in client.get(URL + "2026-w49/", HTTP_HOST=unit.hostname).content.decode()


def test_cancelled_removed_and_added_entries(client, registry):
    unit = registry["stttt"]
    page = make_week(
        unit, W49,
        [entry(W49, 0, "08:00", "Giao ban đầu tuần"), entry(W49, 2, "14:00", "Kiểm tra Minh Hóa"), entry(W49, 3, "08:00", "Họp Ban Biên tập")],
    )

    def adjust(entries):
        entries[1].cancelled = True
        return [entries[0], entries[1], entry(W49, 4, "15:00", "Tổng kết công tác tuần")]  # "Họp Ban Biên tập" removed

    edit_week(page, adjust)
    kinds = sorted(ScheduleChange.objects.values_list("kind", flat=True))
    assert kinds == [ChangeKind.ADDED, ChangeKind.CANCELLED, ChangeKind.CANCELLED]

    html = client.get(URL, {"tuan": "2026-W49"}, HTTP_HOST=unit.hostname).content.decode()
    # Cancelled (ticked) and removed entries stay visible, struck through and labelled in words.
    assert html.count("<strong>Đã hủy</strong>") == 2
    assert "<del>Kiểm tra Minh Hóa</del>" in html and "<del>Họp Ban Biên tập</del>" in html
    assert "Bổ sung lúc" in html and "Tổng kết công tác tuần" in html
    # Publishing again without changes records nothing more.
    edit_week(WeekSchedulePage.objects.get(pk=page.pk), lambda entries: entries)
    assert ScheduleChange.objects.count() == 3
