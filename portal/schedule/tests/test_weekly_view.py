"""The public weekly view (L-43-10.3): current ISO week, picker, days, leader filter, print; drafts never leak."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.conftest import make_user
from portal.editorial.constants import Role
from portal.schedule.models import WeekSchedulePage
from portal.schedule.tests.conftest import edit_week, entry, index_for, make_week
from portal.schedule.weeks import IsoWeek

pytestmark = pytest.mark.django_db
URL = "/chi-dao-dieu-hanh/lich-cong-tac/"
W49 = IsoWeek(2026, 49)


def get(client, unit, path=URL, **params):
    return client.get(path, params, HTTP_HOST=unit.hostname)


def test_week_page_gets_its_title_and_slug_from_the_week(registry):
    page = make_week(registry["stttt"], W49, [entry(W49, 0, "08:00", "Giao ban đầu tuần")])
    assert page.title == "Lịch công tác tuần 49 (30/11/2026 – 06/12/2026)"
    assert page.slug == "2026-w49"
    assert page.unit == registry["stttt"]
    assert page.url_path.endswith("/chi-dao-dieu-hanh/lich-cong-tac/2026-w49/")


def test_an_entry_outside_the_week_is_refused(registry):
    with pytest.raises(ValidationError, match="không thuộc tuần 49"):
        make_week(registry["stttt"], W49, [entry(W49, 7, "08:00", "Ngày của tuần sau")])
    assert not WeekSchedulePage.objects.exists()


def test_one_schedule_per_week_per_site_but_every_site_has_its_own(registry):
    make_week(registry["stttt"], W49, [])
    with pytest.raises(ValidationError):
        make_week(registry["stttt"], W49, [])
    make_week(registry["province"], W49, [])
    assert WeekSchedulePage.objects.filter(iso_year=2026, iso_week=49).count() == 2


def test_the_view_shows_the_current_iso_week_by_day_with_times(client, registry):
    unit = registry["stttt"]
    week = IsoWeek.current()
    make_week(
        unit, week,
        [
            entry(week, 0, "07:30", "Giao ban lãnh đạo Sở đầu tuần", end="09:00", location="Phòng họp Sở",
                  participants="Ban Giám đốc; Trưởng các phòng", preparing_unit="Văn phòng Sở"),
            entry(week, 2, "14:00", "Kiểm tra bưu chính công ích", leader="Phó Giám đốc Sở"),
        ],
    )
    html = get(client, unit).content.decode()
    assert week.title in html
    monday, wednesday = week.monday, week.monday + dt.timedelta(days=2)
    assert f"Thứ Hai {monday:%d/%m/%Y}" in html and f"Thứ Tư {wednesday:%d/%m/%Y}" in html
    assert "07:30 – 09:00" in html and "14:00" in html
    assert "Chủ trì chuẩn bị:" in html and "Văn phòng Sở" in html and "Ban Giám đốc; Trưởng các phòng" in html
    assert '<th scope="col">Thời gian</th>' in html and "<caption" in html and '<th scope="row"' in html
    # A day without engagements says so instead of showing an empty table.
    assert "Không có lịch công tác." in html
    assert f'href="{URL}?tuan={week.shifted(-1).param}"' in html and f'href="{URL}?tuan={week.shifted(1).param}"' in html


def test_the_week_picker_and_the_leader_filter(client, registry):
    unit = registry["stttt"]
    make_week(unit, W49, [entry(W49, 0, "08:00", "Họp với Bộ"), entry(W49, 1, "09:00", "Kiểm tra Minh Hóa", leader="Phó Giám đốc Sở")])
    html = get(client, unit, tuan="2026-W49").content.decode()
    assert "Lịch công tác tuần 49 (30/11/2026 – 06/12/2026)" in html
    assert "Thứ Hai 30/11/2026" in html and "Họp với Bộ" in html and "Kiểm tra Minh Hóa" in html
    assert 'value="2026-W49"' in html and '<label for="tuan">' in html and '<label for="lanh-dao">' in html
    filtered = get(client, unit, tuan="2026-W49", **{"lanh-dao": "Phó Giám đốc Sở"}).content.decode()
    assert "Kiểm tra Minh Hóa" in filtered and "Họp với Bộ" not in filtered
    # The week page itself shows the same week.
    assert "Họp với Bộ" in get(client, unit, URL + "2026-w49/").content.decode()


def test_an_empty_or_unknown_week_says_so(client, registry):
    unit = registry["stttt"]
    html = get(client, unit, tuan="2026-W50").content.decode()
    assert "Chưa có lịch công tác tuần 50 (07/12/2026 – 13/12/2026)." in html
    bad = get(client, unit, tuan="2026-W60").content.decode()
    assert 'aria-invalid="true"' in bad and "Tuần không hợp lệ" in bad and IsoWeek.current().title in bad


def test_print_view_and_print_stylesheet(client, registry):
    from django.contrib.staticfiles import finders

    unit = registry["stttt"]
    make_week(unit, W49, [entry(W49, 0, "08:00", "Họp với Bộ")])
    html = get(client, unit, tuan="2026-W49").content.decode()
    assert f'href="{URL}?tuan=2026-W49&amp;in=1"' in html and "In lịch" in html
    printed = get(client, unit, tuan="2026-W49", **{"in": "1"}).content.decode()
    assert "Họp với Bộ" in printed and 'class="site-header"' not in printed and 'class="site-nav"' not in printed
    css = Path(finders.find("schedule/schedule.css")).read_text(encoding="utf-8")
    media_print = css[css.index("@media print") :]
    for selector in (".site-header", ".site-nav", ".site-footer"):
        assert selector in media_print


def test_drafts_never_show(client, registry):
    unit = registry["stttt"]
    make_week(unit, W49, [entry(W49, 0, "08:00", "Bản nháp chưa duyệt")], publish=False)
    assert "Bản nháp chưa duyệt" not in get(client, unit, tuan="2026-W49").content.decode()
    assert get(client, unit, URL + "2026-w49/").status_code == 404
    # A pending edit of a published week stays out until it is published.
    week50 = IsoWeek(2026, 50)
    page = make_week(unit, week50, [entry(week50, 0, "08:00", "Họp đã duyệt")])

    def draft_change(entries):
        entries[0].content = "Nội dung sửa chưa duyệt"
        return entries

    edit_week(page, draft_change, publish=False)
    html = get(client, unit, tuan="2026-W50").content.decode()
    assert "Họp đã duyệt" in html and "Nội dung sửa chưa duyệt" not in html


def test_a_site_shows_only_its_own_schedule(client, registry):
    make_week(registry["province"], W49, [entry(W49, 0, "08:00", "Họp UBND tỉnh thường kỳ", leader="Chủ tịch UBND tỉnh")])
    assert "Họp UBND tỉnh thường kỳ" in get(client, registry["province"], tuan="2026-W49").content.decode()
    assert "Họp UBND tỉnh thường kỳ" not in get(client, registry["stttt"], tuan="2026-W49").content.decode()


def _queries(client, unit) -> int:
    get(client, unit, tuan="2026-W49")  # warm the per-process caches (routes, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, unit, tuan="2026-W49")
    assert response.status_code == 200
    return len(queries)


def test_the_weekly_view_costs_the_same_queries_with_2_or_30_entries(client, registry):
    few, many = registry["stttt"], registry["province"]
    make_week(few, W49, [entry(W49, n % 5, f"{8 + n:02d}:00", f"Buổi {n}") for n in range(2)])
    page = make_week(many, W49, [entry(W49, n % 7, f"{7 + n % 10:02d}:{n % 6}0", f"Buổi {n}") for n in range(30)])

    def change_some(entries):
        entries[0].start_time = dt.time(16, 0)
        entries[1].cancelled = True
        return entries[:-1]

    edit_week(page, change_some)
    assert _queries(client, few) == _queries(client, many)
    html = get(client, many, tuan="2026-W49").content.decode()
    assert len(re.findall(r'<th scope="row"', html)) == 30


def _admin_form(*entries, year=2026, week=49):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    rows = [
        {"date": "", "start_time": "", "end_time": "", "leader": "", "leader_name": "", "content": "", "location": "",
         "participants": "", "preparing_unit": "", **row}
        for row in entries
    ]
    return nested_form_data(
        {"iso_year": year, "iso_week": week, "note": "", "schedule_entries": inline_formset(rows), "comments": inline_formset([])}
    )


def test_the_board_edits_a_week_in_the_admin_with_checked_dates_and_its_own_leaders(client, registry):
    from portal.registry.models import Person

    unit = registry["stttt"]
    mine = Person.objects.create(owner_unit=unit, full_name="Hoàng Văn Sở")
    other = Person.objects.create(owner_unit=registry["province"], full_name="Trần Văn Tỉnh")
    client.force_login(make_user("stttt.tb", (unit, Role.BOARD_HEAD)))
    add_url = f"/admin/pages/add/schedule/weekschedulepage/{index_for(unit).pk}/"
    host = registry["province"].hostname
    assert client.get(add_url, HTTP_HOST=host).status_code == 200

    outside = {"date": "2026-12-07", "start_time": "08:00", "leader_name": "Giám đốc Sở", "content": "Tuần sau"}
    response = client.post(add_url, _admin_form(outside), HTTP_HOST=host)
    assert response.status_code == 200 and "không thuộc tuần 49" in response.content.decode()

    foreign = {"date": "2026-12-01", "start_time": "08:00", "leader": other.pk, "content": "Người của đơn vị khác"}
    response = client.post(add_url, _admin_form(foreign), HTTP_HOST=host)
    assert response.status_code == 200 and not WeekSchedulePage.objects.exists()

    ok = {"date": "2026-12-01", "start_time": "08:00", "leader": mine.pk, "leader_name": "Giám đốc Sở", "content": "Giao ban"}
    response = client.post(add_url, _admin_form(ok), HTTP_HOST=host)
    assert response.status_code == 302
    page = WeekSchedulePage.objects.get()
    assert (page.title, page.slug, page.live, page.unit_id) == ("Lịch công tác tuần 49 (30/11/2026 – 06/12/2026)", "2026-w49", False, unit.pk)
    assert page.schedule_entries.get().leader_display == "Giám đốc Sở Hoàng Văn Sở"

    # The same week twice on one site is refused next to the week number.
    response = client.post(add_url, _admin_form(ok), HTTP_HOST=host)
    assert response.status_code == 200 and "Đã có lịch công tác tuần 49" in response.content.decode()
