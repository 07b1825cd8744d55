"""Completeness check `lich-cong-tac` (L-43-10.3, L-43-12/14) with fixed clocks, and the demo data."""

import datetime as dt
import zoneinfo

import pytest

from portal.completeness.registry import Status
from portal.completeness.selectors import CheckContext
from portal.conftest import make_user
from portal.editorial.constants import Role
from portal.pages.selectors import home_for_unit
from portal.rules.models import LegalRule
from portal.rules.services import rules_changed
from portal.schedule import demo
from portal.schedule.completeness import check_schedule
from portal.schedule.models import ScheduleChange, WeekSchedulePage
from portal.schedule.tests.conftest import entry, make_week
from portal.schedule.weeks import IsoWeek

pytestmark = pytest.mark.django_db
VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
W49, W50 = IsoWeek(2026, 49), IsoWeek(2026, 50)  # 30/11–06/12/2026 and 07/12–13/12/2026, no holidays near


def at(day: dt.date, hour=10):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=VN)


def finding(unit, now):
    return check_schedule(unit, CheckContext(unit=unit, now=now, home=home_for_unit(unit)))


def test_missing_when_this_week_is_not_published(registry):
    unit = registry["stttt"]
    make_week(unit, W49, [entry(W49, 0, "08:00", "Bản nháp")], publish=False)
    result = finding(unit, at(dt.date(2026, 12, 1)))
    assert result.status == Status.MISSING
    assert "tuần 49 (30/11/2026 – 06/12/2026)" in result.detail
    assert result.fix_url.startswith("/admin/pages/add/schedule/weekschedulepage/")


def test_stale_when_next_week_is_due_and_present_otherwise(registry):
    unit = registry["stttt"]
    make_week(unit, W49, [entry(W49, 0, "08:00", "Giao ban")])
    # Thursday: two working days before Monday 07/12, the default lead (1 working day) not yet reached.
    assert finding(unit, at(dt.date(2026, 12, 3))).status == Status.PRESENT
    # Friday 04/12 is 1 working day before Monday: due now.
    late = finding(unit, at(dt.date(2026, 12, 4)))
    assert late.status == Status.STALE
    assert "tuần 50 (07/12/2026 – 13/12/2026)" in late.detail and "04/12/2026" in late.detail
    assert finding(unit, at(dt.date(2026, 12, 5))).status == Status.STALE  # Saturday, later still
    make_week(unit, W50, [entry(W50, 0, "08:00", "Giao ban")])
    assert finding(unit, at(dt.date(2026, 12, 4))).status == Status.PRESENT


def test_the_lead_time_comes_from_the_legal_rule(registry):
    unit = registry["stttt"]
    make_week(unit, W49, [entry(W49, 0, "08:00", "Giao ban")])
    rule = LegalRule.objects.filter(key="schedule.publish_lead_days").order_by("-valid_from").first()
    rule.value = 3
    rule.save()
    rules_changed()
    # Three working days before Monday 07/12 is Wednesday 02/12.
    assert finding(unit, at(dt.date(2026, 12, 1))).status == Status.PRESENT
    assert finding(unit, at(dt.date(2026, 12, 2))).status == Status.STALE


def test_demo_seed_is_idempotent_and_fills_main_and_agency(registry):
    units = {"main": registry["province"], "stttt": registry["stttt"], "donghoi": registry["donghoi"], "baoninh": registry["baoninh"]}
    users = {
        key: {role.value: make_user(f"{key}.{role.value}", (unit, role)) for role in Role}
        for key, unit in units.items()
    }
    now = at(dt.date(2026, 12, 2))
    lines = []
    created = demo.seed(units, users, now, lines.append)
    assert created > 0 and lines
    assert demo.seed(units, users, now, lines.append) == 0

    current = IsoWeek.current(now)
    for key in ("main", "stttt"):
        weeks = set(WeekSchedulePage.objects.live().filter(unit=units[key]).values_list("iso_year", "iso_week"))
        assert weeks == {(w.year, w.week) for w in (current.shifted(-1), current, current.shifted(1))}
        assert finding(units[key], now).status == Status.PRESENT
        assert ScheduleChange.objects.filter(page__unit=units[key], kind="changed").exists()
        assert ScheduleChange.objects.filter(page__unit=units[key], kind="cancelled").exists()
    assert WeekSchedulePage.objects.filter(unit=units["donghoi"]).count() == 1
    assert finding(units["donghoi"], at(dt.date(2026, 12, 4))).status == Status.STALE
    assert finding(units["baoninh"], now).status == Status.MISSING
