"""The one-stop state machine, deadlines in working days, codes and idempotency, through the services."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from portal.dossiers.constants import TRANSITIONS, DossierStatus, EventAction
from portal.dossiers.models import Dossier, DossierEvent
from portal.dossiers.services import (
    DossierError,
    dossier_apologise,
    dossier_due_date,
    dossier_format_code,
    dossier_needs_apology,
    dossier_parse_code,
    dossier_receive,
    dossier_refuse,
    dossier_request_supplement,
    dossier_result,
    dossier_resume,
    dossier_return,
    dossier_start,
    dossier_suspend,
    dossier_transfer,
)
from portal.dossiers.tests.factories import at, online_procedure, simple_units, submitted
from portal.notifications.models import Message
from portal.rules.models import CalendarDay, DayKind, LegalRule
from portal.rules.services import rules_changed

S = DossierStatus
D = dt.date


@pytest.fixture
def world(db):
    units = simple_units()
    officer = get_user_model().objects.create_superuser("motcua", "motcua@example.gov.vn", "x")
    procedure = online_procedure(units["commune"], handlers=[units["commune"], units["agency"]])
    return units, officer, procedure


# --- Deadlines ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_due_date_counts_working_days_around_weekends_holidays_swaps_and_the_cutoff():
    # Monday 09/03/2026 at 09:00, 5 working days: the receipt day does not count → Monday 16/03.
    assert dossier_due_date(at(2026, 3, 9), 5) == (D(2026, 3, 9), D(2026, 3, 16))
    # Friday 13/03 10:00 → Tue..Fri of the next week: Monday 16 … Friday 20/03.
    assert dossier_due_date(at(2026, 3, 13, 10), 5)[1] == D(2026, 3, 20)
    # The same Friday at 15:30 (after the 15:00 cut-off) counts from Monday 16/03 → Monday 23/03.
    assert dossier_due_date(at(2026, 3, 13, 15, 30), 5) == (D(2026, 3, 16), D(2026, 3, 23))
    # A limit in plain days counts the calendar: Monday 09/03 + 12 days = Saturday 21/03 → Monday 23/03.
    assert dossier_due_date(at(2026, 3, 9), 12, working=False)[1] == D(2026, 3, 23)
    # Submitted on Saturday: the clock starts on Monday.
    assert dossier_due_date(at(2026, 3, 14, 8), 1) == (D(2026, 3, 16), D(2026, 3, 17))
    # Fixed holidays 30/4 and 1/5/2026 (Thursday, Friday): Wednesday 29/04 + 2 → Tuesday 05/05.
    assert dossier_due_date(at(2026, 4, 29), 2)[1] == D(2026, 5, 5)
    # 2025: Saturday 26/04 was a working day, swapped with Friday 02/05 (plus 30/4 and 1/5 holidays).
    # Friday 25/04/2025 + 1 → Saturday 26/04; + 2 → Monday 28/04; + 3 → Tuesday 29/04; + 4 → Monday 05/05.
    assert dossier_due_date(at(2025, 4, 25), 1)[1] == D(2025, 4, 26)
    assert dossier_due_date(at(2025, 4, 25), 4)[1] == D(2025, 5, 5)
    # The cut-off is a dated rule: moved to 16:30 from 2026-06-01 it lets 15:30 count the same day.
    LegalRule.objects.create(key="dossier.receipt_cutoff", title="Giờ chốt", unit="giờ:phút", value="16:30",
                             valid_from=D(2026, 6, 1), legal_basis="Quyết định của UBND tỉnh (thử nghiệm)")
    rules_changed()
    assert dossier_due_date(at(2026, 6, 5, 15, 30), 1)[1] == D(2026, 6, 8)
    assert dossier_due_date(at(2026, 5, 29, 15, 30), 1)[1] == D(2026, 6, 2)


@pytest.mark.django_db
def test_tet_entered_by_the_operator_moves_the_due_date():
    # Tết Đinh Mùi 2027 is not in the calendar yet: Friday 05/02/2027 + 5 working days = Friday 12/02.
    assert dossier_due_date(at(2027, 2, 5), 5)[1] == D(2027, 2, 12)
    # The operator enters the official holiday (here 04–10/02/2027 as decided that year).
    for day in range(4, 11):
        CalendarDay.objects.create(date=D(2027, 2, day), kind=DayKind.HOLIDAY, name="Tết Nguyên đán Đinh Mùi",
                                   legal_basis="Thông báo nghỉ Tết năm 2027")
    rules_changed()
    # Received Wednesday 03/02: clock starts that day; 11/02 is the first working day after Tết.
    assert dossier_due_date(at(2027, 2, 3), 5)[1] == D(2027, 2, 17)


@pytest.mark.django_db
def test_suspended_clock_pushes_the_due_date_by_the_working_days_waited(world):
    units, officer, procedure = world
    dossier = submitted(procedure, receiving=units["commune"], now=at(2026, 3, 9))
    dossier = dossier_receive(dossier=dossier, actor=officer, now=at(2026, 3, 9, 10))
    assert dossier.legal_due_date == D(2026, 3, 16)
    dossier = dossier_start(dossier=dossier, actor=officer, now=at(2026, 3, 9, 11))
    dossier = dossier_suspend(dossier=dossier, actor=officer, note="Chờ xác minh nơi cư trú", now=at(2026, 3, 10))
    # Waiting Tuesday 10/03 → Friday 13/03 = 3 working days: the due date moves to Thursday 19/03.
    dossier = dossier_resume(dossier=dossier, actor=officer, now=at(2026, 3, 13))
    assert (dossier.status, dossier.legal_due_date, dossier.appointment_date) == (S.PROCESSING, D(2026, 3, 19), D(2026, 3, 19))
    assert dossier.suspended_working_days == 3


# --- Codes --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_codes_follow_the_pattern_per_receiving_unit_and_day_and_parse_back(world):
    units, _officer, procedure = world
    first = submitted(procedure, receiving=units["commune"], now=at(2026, 3, 9))
    second = submitted(procedure, receiving=units["commune"], now=at(2026, 3, 9, 14))
    other_unit = submitted(procedure, receiving=units["province"], handling=units["commune"], now=at(2026, 3, 9))
    next_day = submitted(procedure, receiving=units["commune"], now=at(2026, 3, 10))
    assert [first.code, second.code, other_unit.code, next_day.code] == [
        "000.31.15.H44-260309-0001", "000.31.15.H44-260309-0002", "000.00.00.H44-260309-0001", "000.31.15.H44-260310-0001",
    ]
    assert dossier_parse_code(second.code) == {"unit": "000.31.15.H44", "date": D(2026, 3, 9), "seq": 2}
    assert dossier_parse_code("không-phải-mã") is None
    # NĐ 118/2025: received at the province's centre, handled by the commune.
    assert (other_unit.receiving_unit, other_unit.handling_unit) == (units["province"], units["commune"])
    with override_settings(PORTAL_DOSSIER_CODE_PATTERN="HS.{date:%Y%m%d}.{unit}.{seq:05d}"):
        code = dossier_format_code(units["agency"], D(2026, 3, 9), 42)
        assert code == "HS.20260309.000.00.19.H44.00042"
        assert dossier_parse_code(code) == {"unit": "000.00.19.H44", "date": D(2026, 3, 9), "seq": 42}


@pytest.mark.django_db
def test_the_same_idempotency_key_gives_one_dossier(world):
    units, _officer, procedure = world
    first = submitted(procedure, receiving=units["commune"], key="lan-gui-1")
    again = submitted(procedure, receiving=units["commune"], key="lan-gui-1")
    assert first.pk == again.pk and Dossier.objects.count() == 1
    assert DossierEvent.objects.filter(action=EventAction.SUBMIT).count() == 1


# --- State machine ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_transition_table_is_enforced_and_every_step_is_recorded_and_notified(world, django_capture_on_commit_callbacks):
    units, officer, procedure = world
    with django_capture_on_commit_callbacks(execute=True):
        dossier = submitted(procedure, receiving=units["province"], handling=units["commune"], now=at(2026, 3, 9))
    with pytest.raises(DossierError, match="Không thể"):
        dossier_result(dossier=dossier, actor=officer, summary="Giấy khai sinh")  # not received yet
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_receive(dossier=dossier, actor=officer, now=at(2026, 3, 9, 10))
        dossier = dossier_start(dossier=dossier, actor=officer, now=at(2026, 3, 9, 11))
        dossier = dossier_request_supplement(dossier=dossier, actor=officer, note="Bổ sung bản sao giấy chứng sinh",
                                             now=at(2026, 3, 10))
    assert dossier.status == S.SUSPENDED
    with pytest.raises(DossierError, match="chỉ cho phép 1 lần"):
        dossier_request_supplement(dossier=dossier, actor=officer, note="Lần hai", now=at(2026, 3, 11))
    dossier = dossier_resume(dossier=dossier, actor=officer, now=at(2026, 3, 10, 15))
    dossier = dossier_transfer(dossier=dossier, actor=officer, to_unit=units["agency"], note="Cần thẩm định", now=at(2026, 3, 11))
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_result(dossier=dossier, actor=officer, summary="Giấy khai sinh bản chính", now=at(2026, 3, 12))
        dossier = dossier_return(dossier=dossier, actor=officer, method="in_person", now=at(2026, 3, 13))
    with pytest.raises(DossierError):
        dossier_refuse(dossier=dossier, actor=officer, reason="Quá muộn")
    events = list(dossier.events.order_by("at", "pk").values_list("action", "from_status", "to_status"))
    assert events == [
        ("submit", "draft", "submitted"), ("receive", "submitted", "received"), ("start", "received", "processing"),
        ("request_supplement", "processing", "suspended"), ("resume", "suspended", "processing"),
        ("transfer", "processing", "processing"), ("result", "processing", "result_ready"),
        ("return", "result_ready", "returned"),
    ]
    handoff = dossier.events.get(action="transfer")
    assert (handoff.from_unit, handoff.to_unit, handoff.actor_name) == (units["commune"], units["agency"], "motcua")
    sent = Message.objects.filter(reference=dossier.code)
    # Every step tells the citizen by e-mail and SMS; the outbox delivers after commit (the steps run outside
    # a captured commit stay pending until the worker's next round).
    assert sent.filter(channel="sms", event="dossier.receive").exists()
    assert sent.filter(channel="email", event="dossier.request_supplement", body__contains="giấy chứng sinh").exists()
    assert sent.filter(channel="sms", event="dossier.return").exists()
    assert sent.count() == 2 * 8
    delivered = {"dossier.submit", "dossier.receive", "dossier.start", "dossier.request_supplement", "dossier.result", "dossier.return"}
    assert set(sent.filter(event__in=delivered).values_list("status", flat=True)) == {"sent"}
    assert set(sent.exclude(event__in=delivered).values_list("status", flat=True)) == {"pending"}


def test_transition_table_has_no_dead_states():
    reachable = {S.DRAFT}
    for _sources, target in TRANSITIONS.values():
        if target:
            reachable.add(target)
    reachable |= {S.SUPPLEMENT_REQUESTED, S.SUSPENDED}  # the two targets chosen inside the services
    assert reachable == set(S)


@pytest.mark.django_db
def test_refusal_needs_reasons_and_closes_the_dossier(world):
    units, officer, procedure = world
    dossier = submitted(procedure, receiving=units["commune"], now=at(2026, 3, 9))
    with pytest.raises(DossierError, match="lý do"):
        dossier_refuse(dossier=dossier, actor=officer, reason="  ")
    dossier = dossier_refuse(dossier=dossier, actor=officer, reason="Không thuộc thẩm quyền giải quyết của xã.")
    assert dossier.status == S.REFUSED and dossier.closed_at is not None


@pytest.mark.django_db
def test_apology_is_prompted_before_the_due_date_and_flagged_when_late(world):
    units, officer, procedure = world
    on_time = dossier_receive(dossier=submitted(procedure, receiving=units["commune"], now=at(2026, 3, 9)),
                              actor=officer, now=at(2026, 3, 9, 10))
    late = dossier_receive(dossier=submitted(procedure, receiving=units["commune"], now=at(2026, 3, 9)),
                           actor=officer, now=at(2026, 3, 9, 10))
    assert on_time.appointment_date == D(2026, 3, 16)
    # The apology is due one working day before the appointment: Friday 13/03.
    assert not dossier_needs_apology(on_time, today=D(2026, 3, 12))
    assert dossier_needs_apology(on_time, today=D(2026, 3, 13))
    apology = dossier_apologise(dossier=on_time, actor=officer, reason="Chờ ý kiến cơ quan phối hợp",
                                new_date=D(2026, 3, 20), now=at(2026, 3, 13, 9))
    assert not apology.late
    on_time.refresh_from_db()
    assert on_time.appointment_date == D(2026, 3, 20) and on_time.legal_due_date == D(2026, 3, 16)
    assert not dossier_needs_apology(on_time, today=D(2026, 3, 13))
    apology = dossier_apologise(dossier=late, actor=officer, reason="Sơ suất", new_date=D(2026, 3, 18), now=at(2026, 3, 17))
    assert apology.late
    with pytest.raises(DossierError, match="không phải ngày làm việc"):
        dossier_apologise(dossier=late, actor=officer, reason="Lại chậm", new_date=D(2026, 3, 21))
