"""WCAG 2.1 AA on the leaders' weekly schedule (L-43-10.3), checked in a real browser.

axe-core runs on the weekly view of the agency's site, with an entry adjusted after
publication and one cancelled, at 1280 and 320 CSS px, and on its print view.
"""

import datetime as dt

import pytest
from playwright.sync_api import expect

from e2e.a11y import DESKTOP, audit, visit

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _entry(week, weekday, start, end, leader, content, **fields):
    from portal.schedule.models import ScheduleEntry

    return ScheduleEntry(
        date=week.monday + dt.timedelta(days=weekday), start_time=start, end_time=end, leader_name=leader, content=content, **fields
    )


@pytest.fixture
def schedule_week(portal_sites):
    """This week's schedule on the agency's site: published, then one entry moved and one cancelled."""
    from portal.schedule.models import ScheduleIndexPage, WeekSchedulePage
    from portal.schedule.weeks import IsoWeek

    week = IsoWeek.current()
    index = ScheduleIndexPage.objects.get(unit=portal_sites.agency)
    page = WeekSchedulePage(
        iso_year=week.year, iso_week=week.week, live=False, has_unpublished_changes=True,
        note="Lịch có thể thay đổi; mọi điều chỉnh sau khi đăng được ghi rõ.",
        schedule_entries=[
            _entry(week, 0, dt.time(7, 30), dt.time(9, 0), "Giám đốc Sở", "Giao ban lãnh đạo Sở đầu tuần",
                   location="Phòng họp Sở", participants="Ban Giám đốc; Trưởng các phòng", preparing_unit="Văn phòng Sở"),
            _entry(week, 1, dt.time(8, 0), dt.time(11, 0), "Giám đốc Sở",
                   "Làm việc với Bộ Thông tin và Truyền thông về chuyển đổi số", location="Phòng họp số 1, UBND tỉnh",
                   participants="Lãnh đạo Sở; Phòng Chuyển đổi số", preparing_unit="Phòng Chuyển đổi số"),
            _entry(week, 2, dt.time(14, 0), None, "Phó Giám đốc Sở", "Kiểm tra hoạt động bưu chính công ích tại huyện Minh Hóa",
                   location="Huyện Minh Hóa"),
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    draft = WeekSchedulePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    entries = list(draft.schedule_entries.all())
    entries[1].start_time, entries[1].end_time = dt.time(14, 0), dt.time(16, 30)
    entries[2].cancelled = True
    draft.schedule_entries = entries
    draft.save_revision().publish()
    return portal_sites.url(portal_sites.agency, "/chi-dao-dieu-hanh/lich-cong-tac/")


def test_weekly_schedule_has_no_axe_violations(new_page, schedule_week):
    def check(name, page):
        expect(page.get_by_text("Đã hủy", exact=True)).to_be_visible()
        expect(page.get_by_text("Đã điều chỉnh lúc", exact=False).first).to_be_visible()

    pages = {"weekly view": schedule_week, "print view": schedule_week + "?in=1"}
    failures = audit(new_page, pages, reflow=False, check=check)
    assert not failures, "\n\n".join(failures)


def test_print_media_hides_the_site_chrome(new_page, schedule_week):
    page = new_page(viewport=DESKTOP)
    visit(page, schedule_week)
    expect(page.locator(".site-header")).to_be_visible()
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".week-form"):
        expect(page.locator(selector)).to_be_hidden()
    expect(page.locator("table.schedule").first).to_be_visible()
