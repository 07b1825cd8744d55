"""Published statistics (L-61-stats, L-61-eval): figures equal a hand calculation, at period boundaries and with nothing.

The fixture set (`dossier_set`) spans February–April 2026 on two handling units and three procedures.
Times are local (Asia/Ho_Chi_Minh, UTC+7); the ones marked ⏱ fall on the other side of midnight in UTC,
so counting by UTC days (or comparing the UTC date of d8's result with its due date) gives other figures.

    name  unit proc channel    received          due    resolved / closed        counted in
    d0    A    P1   online     10/02 09:00       20/02  resolved 28/02 23:50 ⏱   February only
    d1    A    P1   online     20/02 10:00       05/03  resolved 04/03 15:00      March: carried over, resolved early
    d2    A    P1   online     01/03 00:05 ⏱     10/03  resolved 10/03 16:00      March: received, on time
    d3    A    P1   in person  03/03 09:00       12/03  resolved 16/03 09:00      March: received, late
    d4    A    P2   post       05/03 09:00       20/03  resolved 19/03 09:00      March: received, early
    d5    A    P1   online     31/03 23:30 ⏱     07/04  resolved 01/04 00:30 ⏱   March received + open; April resolved early
    d6    A    P2   in person  20/03 09:00       27/03  resolved 02/04 09:00      March open, overdue; April late
    d7    A    P1   online     25/03 09:00       10/04  resolved 10/04 10:00      March open; April on time
    d8    A    P1   online     24/03 09:00       31/03  resolved 01/04 06:30 ⏱   March open, due on the last day (not overdue); April late
    d9    A    P1   in person  10/03 09:00       24/03  refused 12/03             March: received, refused
    d10   A    P2   online     15/03 09:00       20/04  withdrawn 03/04           March open; April withdrawn
    d11   A    P1   online     never received         refused 05/03             nowhere
    d12   A    P1   online     draft                                             nowhere
    d13   A    P1   online     submitted 30/03, not received                     nowhere
    d14   A    P2   online     never received         withdrawn 06/03           nowhere
    d15   B    P3   online     09/03 09:00       16/03  resolved 13/03 09:00      March: received, early
    d16   B    P3   in person  14/04 09:00       21/04  still processing          April open, overdue

Ratings (rated_at): d1 rất hài lòng 05/03, d2 hài lòng 11/03, d3 không hài lòng 17/03,
d4 rất hài lòng 31/03 23:00 ⏱, d15 hài lòng 14/03, d5 hài lòng 01/04 08:00.
"""

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from portal.dossiers.constants import DossierStatus, Rating, SubmissionChannel
from portal.dossiers.models import Dossier, DossierApology, DossierRating
from portal.dossiers.statistics import (
    DossierStats,
    PeriodError,
    dossier_statistics,
    dossier_statistics_by_procedure,
    dossier_statistics_by_unit,
    period_check,
    period_this_quarter,
)
from portal.procedures.models import Procedure
from portal.units.constants import UnitKind
from portal.units.models import Unit

pytestmark = pytest.mark.django_db
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
MARCH = {"start": dt.date(2026, 3, 1), "end": dt.date(2026, 3, 31)}
APRIL = {"start": dt.date(2026, 4, 1), "end": dt.date(2026, 4, 30)}
JANUARY = {"start": dt.date(2026, 1, 1), "end": dt.date(2026, 1, 31)}
S = DossierStatus
ONLINE, IN_PERSON, POST = SubmissionChannel.ONLINE, SubmissionChannel.IN_PERSON, SubmissionChannel.POST


def local(day: str, time: str = "09:00") -> dt.datetime:
    """A moment of 2026 in Vietnamese time: local("31/03", "23:30")."""
    return dt.datetime.strptime(f"{day}/2026 {time}", "%d/%m/%Y %H:%M").replace(tzinfo=LOCAL)


def date(day: str) -> dt.date:
    return local(day).date()


def procedure(unit, code, name):
    return Procedure.objects.create(national_code=code, name=name, unit=unit, primary_level="province", time_limit_days=5)


def dossier_set(unit_a, unit_b):
    p1 = procedure(unit_a, "1.001001", "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp")
    p2 = procedure(unit_a, "1.001002", "Cấp giấy phép bưu chính")
    p3 = procedure(unit_b, "1.002001", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh")

    def make(name, proc, unit, channel, status, received=None, due=None, resolved=None, closed=None, submitted=None):
        received_at = local(*received) if received else None
        return name, Dossier.objects.create(
            code=f"TEST-{name}", procedure=proc, receiving_unit=unit, handling_unit=unit, channel=channel, status=status,
            submitted_at=local(*submitted) if submitted else received_at,
            received_at=received_at, legal_due_date=date(due) if due else None,
            resolved_at=local(*resolved) if resolved else None, closed_at=local(*closed) if closed else None,
        )

    d = dict([
        make("d0", p1, unit_a, ONLINE, S.RETURNED, ("10/02",), "20/02", ("28/02", "23:50")),
        make("d1", p1, unit_a, ONLINE, S.RETURNED, ("20/02", "10:00"), "05/03", ("04/03", "15:00")),
        make("d2", p1, unit_a, ONLINE, S.RETURNED, ("01/03", "00:05"), "10/03", ("10/03", "16:00")),
        make("d3", p1, unit_a, IN_PERSON, S.RETURNED, ("03/03",), "12/03", ("16/03",)),
        make("d4", p2, unit_a, POST, S.RETURNED, ("05/03",), "20/03", ("19/03",)),
        make("d5", p1, unit_a, ONLINE, S.RESULT_READY, ("31/03", "23:30"), "07/04", ("01/04", "00:30")),
        make("d6", p2, unit_a, IN_PERSON, S.RETURNED, ("20/03",), "27/03", ("02/04",)),
        make("d7", p1, unit_a, ONLINE, S.RETURNED, ("25/03",), "10/04", ("10/04", "10:00")),
        make("d8", p1, unit_a, ONLINE, S.RETURNED, ("24/03",), "31/03", ("01/04", "06:30")),
        make("d9", p1, unit_a, IN_PERSON, S.REFUSED, ("10/03",), "24/03", closed=("12/03",)),
        make("d10", p2, unit_a, ONLINE, S.WITHDRAWN, ("15/03",), "20/04", closed=("03/04",)),
        make("d11", p1, unit_a, ONLINE, S.REFUSED, closed=("05/03",), submitted=("04/03",)),
        make("d12", p1, unit_a, ONLINE, S.DRAFT),
        make("d13", p1, unit_a, ONLINE, S.SUBMITTED, submitted=("30/03",)),
        make("d14", p2, unit_a, ONLINE, S.WITHDRAWN, closed=("06/03",), submitted=("05/03",)),
        make("d15", p3, unit_b, ONLINE, S.RETURNED, ("09/03",), "16/03", ("13/03",)),
        make("d16", p3, unit_b, IN_PERSON, S.PROCESSING, ("14/04",), "21/04"),
    ])
    for name, level, rated in (
        ("d1", Rating.VERY_SATISFIED, ("05/03",)), ("d2", Rating.SATISFIED, ("11/03",)),
        ("d3", Rating.DISSATISFIED, ("17/03",)), ("d4", Rating.VERY_SATISFIED, ("31/03", "23:00")),
        ("d15", Rating.SATISFIED, ("14/03",)), ("d5", Rating.SATISFIED, ("01/04", "08:00")),
    ):
        DossierRating.objects.create(
            dossier=d[name], rating=level, rated_at=local(*rated), handling_unit=d[name].handling_unit, procedure=d[name].procedure,
        )
    # An apology letter (Mẫu 04) moves the appointment, never the legal due date the statistics compare with.
    DossierApology.objects.create(
        dossier=d["d6"], issued_at=local("26/03"), reason="Chờ ý kiến của cơ quan phối hợp.",
        previous_date=date("27/03"), new_date=date("02/04"),
    )
    return {"p1": p1, "p2": p2, "p3": p3, **d}


def agency(code, name, sort_order):
    return Unit.objects.create(code=code, kind=UnitKind.AGENCY, name=name, sort_order=sort_order)


@pytest.fixture
def units():
    return {"a": agency("44-STTTT", "Sở Thông tin và Truyền thông", 1), "b": agency("44-SYT", "Sở Y tế", 2)}


@pytest.fixture
def fixture_set(units):
    return dossier_set(units["a"], units["b"])


# Hand calculations (see the table above).
PROVINCE_MARCH = DossierStats(
    **MARCH, carried_over=1,  # d1
    received=10, received_online=6, received_in_person=3, received_post=1,  # d2–d10, d15; online d2 d5 d7 d8 d10 d15
    resolved=5, resolved_early=3, resolved_on_time=1, resolved_late=1,  # early d1 d4 d15, on time d2, late d3
    refused=1, withdrawn=0,  # d9
    in_progress=5, in_progress_overdue=1,  # d5 d6 d7 d8 d10; overdue d6
    rated_very_satisfied=2, rated_satisfied=2, rated_dissatisfied=1,
)
PROVINCE_APRIL = DossierStats(
    **APRIL, carried_over=5,  # March's in progress: d5 d6 d7 d8 d10
    received=1, received_online=0, received_in_person=1, received_post=0,  # d16
    resolved=4, resolved_early=1, resolved_on_time=1, resolved_late=2,  # early d5, on time d7, late d6 d8
    refused=0, withdrawn=1,  # d10
    in_progress=1, in_progress_overdue=1,  # d16 (due 21/04)
    rated_very_satisfied=0, rated_satisfied=1, rated_dissatisfied=0,  # d5
)
UNIT_A_MARCH = DossierStats(
    **MARCH, carried_over=1, received=9, received_online=5, received_in_person=3, received_post=1,
    resolved=4, resolved_early=2, resolved_on_time=1, resolved_late=1, refused=1, withdrawn=0,
    in_progress=5, in_progress_overdue=1, rated_very_satisfied=2, rated_satisfied=1, rated_dissatisfied=1,
)
UNIT_B_MARCH = DossierStats(
    **MARCH, received=1, received_online=1, resolved=1, resolved_early=1, rated_satisfied=1,
)
P1_MARCH = DossierStats(
    **MARCH, carried_over=1, received=6, received_online=4, received_in_person=2,  # d2 d3 d5 d7 d8 d9
    resolved=3, resolved_early=1, resolved_on_time=1, resolved_late=1, refused=1,  # d1 d2 d3; d9
    in_progress=3, in_progress_overdue=0,  # d5 d7 d8
    rated_very_satisfied=1, rated_satisfied=1, rated_dissatisfied=1,
)
P2_MARCH = DossierStats(
    **MARCH, received=3, received_online=1, received_in_person=1, received_post=1,  # d4 d6 d10
    resolved=1, resolved_early=1, in_progress=2, in_progress_overdue=1, rated_very_satisfied=1,  # d4; d6 d10, overdue d6
)


def test_province_figures_equal_the_hand_calculation_at_month_boundaries(fixture_set, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        march = dossier_statistics(**MARCH)
    assert march == PROVINCE_MARCH
    assert (march.handled, march.in_progress_on_track, march.ratings) == (11, 4, 5)
    assert (march.on_time_rate, march.late_rate, march.online_share) == (Decimal("80.0"), Decimal("20.0"), Decimal("60.0"))
    assert (march.very_satisfied_rate, march.satisfied_rate, march.dissatisfied_rate) == (
        Decimal("40.0"), Decimal("40.0"), Decimal("20.0"),
    )
    assert march.satisfaction_rate == Decimal("80.0") and march.balanced

    april = dossier_statistics(**APRIL)
    assert april == PROVINCE_APRIL
    # What was in hand at the end of March is what April carried over.
    assert april.carried_over == march.in_progress and april.balanced
    assert (april.on_time_rate, april.late_rate, april.online_share, april.satisfied_rate) == (
        Decimal("50.0"), Decimal("50.0"), Decimal("0.0"), Decimal("100.0"),
    )

    # The two months together: d5 (received 31/03 23:30, resolved 01/04 00:30) counted once on each side.
    both = dossier_statistics(start=MARCH["start"], end=APRIL["end"])
    assert (both.carried_over, both.received, both.resolved) == (1, 11, 9)
    assert (both.resolved_early, both.resolved_on_time, both.resolved_late) == (4, 2, 3)
    assert (both.refused, both.withdrawn, both.in_progress, both.in_progress_overdue) == (1, 1, 1, 1)
    assert both.balanced and both.ratings == 6

    # One day: 31/03 received d5 only (23:30), d4's rating at 23:00; 01/04 resolved d5 and d8.
    last_day = dossier_statistics(start=date("31/03"), end=date("31/03"))
    assert (last_day.received, last_day.resolved, last_day.rated_very_satisfied) == (1, 0, 1)
    # d8 (due 31/03) is not overdue on its due day, d6 (due 27/03) is.
    assert (last_day.in_progress, last_day.in_progress_overdue) == (5, 1)
    first_day = dossier_statistics(start=date("01/04"), end=date("01/04"))
    assert (first_day.received, first_day.resolved, first_day.resolved_early, first_day.resolved_late) == (0, 2, 1, 1)
    assert first_day.carried_over == 5 and first_day.rated_satisfied == 1


def test_an_empty_period_is_all_zeros_and_its_rates_are_none(fixture_set):
    january = dossier_statistics(**JANUARY)
    assert january == DossierStats(**JANUARY)
    assert january.is_empty and january.balanced
    for rate in ("on_time_rate", "late_rate", "online_share", "very_satisfied_rate", "satisfaction_rate"):
        assert getattr(january, rate) is None, rate
    assert dossier_statistics_by_unit(**JANUARY) == [] and dossier_statistics_by_procedure(**JANUARY) == []
    # A unit with no dossiers at all in a busy month.
    empty_unit = agency("44-SNV", "Sở Nội vụ", 3)
    assert dossier_statistics(**MARCH, unit=empty_unit) == DossierStats(**MARCH)
    # Rates on a period with ratings but no receipt: online share stays None, no division by zero.
    rated_only = DossierStats(**JANUARY, resolved=3, resolved_early=2, rated_satisfied=1)
    assert (rated_only.online_share, rated_only.on_time_rate, rated_only.satisfied_rate) == (None, Decimal("66.7"), Decimal("100.0"))


def test_unit_and_procedure_filters_and_tables(fixture_set, units, django_assert_max_num_queries):
    assert dossier_statistics(**MARCH, unit=units["a"]) == UNIT_A_MARCH
    assert dossier_statistics(**MARCH, unit=units["b"]) == UNIT_B_MARCH
    p1 = dossier_statistics(**MARCH, procedure=fixture_set["p1"])
    assert p1 == P1_MARCH and p1.balanced
    assert p1.on_time_rate == Decimal("66.7") and p1.dissatisfied_rate == Decimal("33.3")  # 2/3 and 1/3, half up
    assert dossier_statistics(**MARCH, unit=units["a"], procedure=fixture_set["p2"]) == P2_MARCH
    assert dossier_statistics(**MARCH, unit=units["b"], procedure=fixture_set["p2"]) == DossierStats(**MARCH)

    with django_assert_max_num_queries(3):
        by_unit = dossier_statistics_by_unit(**MARCH)
    assert [(row.unit, row.stats) for row in by_unit] == [(units["a"], UNIT_A_MARCH), (units["b"], UNIT_B_MARCH)]
    with django_assert_max_num_queries(3):
        by_procedure = dossier_statistics_by_procedure(**MARCH)
    assert [(row.procedure.national_code, row.stats) for row in by_procedure] == [
        ("1.001001", P1_MARCH), ("1.001002", P2_MARCH), ("1.002001", UNIT_B_MARCH),
    ]
    assert [row.procedure.national_code for row in dossier_statistics_by_procedure(**MARCH, unit=units["b"])] == ["1.002001"]
    # In April unit B has only d16; unit A still appears (carried-over dossiers).
    assert [(row.unit.code, row.stats.received, row.stats.carried_over) for row in dossier_statistics_by_unit(**APRIL)] == [
        ("44-STTTT", 0, 5), ("44-SYT", 1, 0),
    ]

    # The rows of a table add up to the whole.
    for field in ("received", "resolved_early", "resolved_late", "in_progress", "rated_satisfied"):
        assert sum(getattr(row.stats, field) for row in by_unit) == getattr(PROVINCE_MARCH, field)
        assert sum(getattr(row.stats, field) for row in by_procedure) == getattr(PROVINCE_MARCH, field)


def test_query_count_does_not_grow_with_dossiers(fixture_set, units, django_assert_max_num_queries):
    procedures = [procedure(units["b"], f"2.{n:06d}", f"Thủ tục số {n}") for n in range(30)]
    Dossier.objects.bulk_create(
        Dossier(
            procedure=procedures[n % 30], receiving_unit=units["b"], handling_unit=units["b"], status=S.PROCESSING,
            channel=ONLINE if n % 2 else IN_PERSON, received_at=local("10/03"), legal_due_date=date("20/03"),
        )
        for n in range(600)
    )
    with django_assert_max_num_queries(2):
        march = dossier_statistics(**MARCH)
    with django_assert_max_num_queries(3):
        rows = dossier_statistics_by_procedure(**MARCH)
    assert march.received == 610 and march.in_progress_overdue == 601 and len(rows) == 33
    assert march.online_share == Decimal("50.2")  # (6 + 300) / 610 = 50.16…


def test_period_rules():
    today = dt.date(2026, 11, 30)
    assert period_check(date("01/03"), date("31/03"), today=today).days == 31
    # A leap year fits (366 days), one day more does not.
    assert period_check(dt.date(2024, 1, 1), dt.date(2024, 12, 31), today=today).days == 366
    with pytest.raises(PeriodError, match="tối đa 366 ngày") as error:
        period_check(dt.date(2025, 1, 1), dt.date(2026, 1, 2), today=today)
    assert error.value.field == "end"
    with pytest.raises(PeriodError, match="Ngày kết thúc phải sau hoặc trùng ngày bắt đầu"):
        period_check(date("31/03"), date("01/03"), today=today)
    with pytest.raises(PeriodError, match="Ngày bắt đầu không được sau hôm nay") as error:
        period_check(dt.date(2026, 12, 1), dt.date(2026, 12, 31), today=today)
    assert error.value.field == "start"
    # A period that has not ended yet is counted up to today.
    assert period_check(dt.date(2026, 11, 1), dt.date(2026, 11, 30), today=dt.date(2026, 11, 20)).end == dt.date(2026, 11, 20)
    assert period_this_quarter(dt.date(2026, 11, 20)).start == dt.date(2026, 10, 1)
    assert period_this_quarter(dt.date(2026, 3, 31)).start == dt.date(2026, 1, 1)


def cell(html: str, label: str) -> str:
    """The figure next to a row header of the page's tables."""
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td class="num">([^<]*)</td>', html)
    assert match, f"no row “{label}”"
    return match.group(1)


def test_statistics_pages_show_the_figures(client, registry, django_assert_max_num_queries):
    from portal.conftest import host

    main, stttt, syt = registry["province"], registry["stttt"], registry["syt"]
    dossier_set(stttt, syt)
    march = "/dich-vu-cong/thong-ke/?tu-ngay=01/03/2026&den-ngay=31/03/2026"

    response = client.get(march, HTTP_HOST=host(main))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kết quả từ ngày 01/03/2026 đến ngày 31/03/2026" in html and "Toàn tỉnh" in html
    assert [cell(html, label) for label in (
        "Kỳ trước chuyển sang", "Tiếp nhận mới trong kỳ", "trong đó: trực tuyến", "trực tiếp", "qua dịch vụ bưu chính",
        "Tổng số phải giải quyết", "Đã giải quyết trong kỳ", "trong đó: trước hạn", "đúng hạn", "quá hạn",
        "Từ chối sau khi tiếp nhận", "Người nộp rút hồ sơ", "Đang giải quyết cuối kỳ", "trong đó: còn trong hạn", "đã quá hạn",
    )] == ["1", "10", "6", "3", "1", "11", "5", "3", "1", "1", "1", "0", "5", "4", "1"]
    assert cell(html, "Giải quyết đúng hạn (gồm trước hạn)") == "80,0\u00a0%"
    assert cell(html, "Hồ sơ tiếp nhận trực tuyến") == "60,0\u00a0%"
    assert "Mức độ hài lòng (5 lượt đánh giá)" in html
    # Per unit (linking to the unit's own page for the same period) and per procedure.
    units_table = html.split('id="bang-don-vi"')[1].split("</table>")[0]
    assert re.search(r'<th scope="row"><a href="http://stttt\.quangbinh\.localhost/dich-vu-cong/thong-ke/\?tu-ngay=01%2F03%2F2026'
                     r'&amp;den-ngay=31%2F03%2F2026">Sở Thông tin và Truyền thông</a></th>', units_table)
    assert units_table.index("Sở Thông tin") < units_table.index("Sở Y tế") and "Tỉnh Quảng Bình" not in units_table
    procedures_table = html.split('id="bang-thu-tuc"')[1].split("</table>")[0]
    assert procedures_table.count('<th scope="row">') == 3 and "66,7\u00a0%" in procedures_table  # P1: 2 of 3 in time
    assert '<th scope="col" class="num">Tỷ lệ đúng hạn</th>' in procedures_table and "<caption" in html

    # A unit's site: its own figures and procedures, no table of units.
    html = client.get(march, HTTP_HOST=host(syt)).content.decode()
    assert "Hồ sơ thủ tục hành chính do Sở Y tế giải quyết" in html and 'id="bang-don-vi"' not in html
    assert (cell(html, "Tiếp nhận mới trong kỳ"), cell(html, "Đã giải quyết trong kỳ")) == ("1", "1")
    assert cell(html, "Giải quyết đúng hạn (gồm trước hạn)") == "100,0\u00a0%"
    assert html.count("1.002001") == 1 and "1.001001" not in html

    # An empty period: zeros, and “—” where a rate cannot be computed.
    html = client.get("/dich-vu-cong/thong-ke/?tu-ngay=01/01/2026&den-ngay=31/01/2026", HTTP_HOST=host(main)).content.decode()
    assert "không có hồ sơ nào được tiếp nhận" in html
    assert (cell(html, "Tiếp nhận mới trong kỳ"), cell(html, "Giải quyết đúng hạn (gồm trước hạn)")) == ("0", "—")
    assert "Không có đơn vị nào có hồ sơ trong kỳ này." in html

    # Default period: this month, up to today; the preset links mark the current choice.
    html = client.get("/dich-vu-cong/thong-ke/", HTTP_HOST=host(stttt)).content.decode()
    assert '<a href="?ky=thang" aria-current="true">Tháng này</a>' in html
    html = client.get("/dich-vu-cong/thong-ke/?ky=nam", HTTP_HOST=host(stttt)).content.decode()
    assert '<a href="?ky=nam" aria-current="true">Năm nay</a>' in html and 'value="01/01/' in html
    assert 'aria-describedby="id_tu-ngay_helptext"' in html

    # Vietnamese validation messages, linked from the summary and to the field.
    html = client.get("/dich-vu-cong/thong-ke/?tu-ngay=31/03/2026&den-ngay=01/03/2026", HTTP_HOST=host(main)).content.decode()
    assert 'class="error-summary"' in html and "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu." in html
    assert 'href="#id_den-ngay"' in html and 'aria-describedby="id_den-ngay_helptext id_den-ngay_error"' in html
    assert "Kết quả từ ngày" not in html
    html = client.get("/dich-vu-cong/thong-ke/?tu-ngay=32/03/2026&den-ngay=", HTTP_HOST=host(main)).content.decode()
    assert "Ngày bắt đầu chưa đúng dạng ngày/tháng/năm" in html and "Hãy nhập ngày kết thúc." in html
    html = client.get("/dich-vu-cong/thong-ke/?tu-ngay=01/01/2025&den-ngay=31/03/2026", HTTP_HOST=host(main)).content.decode()
    assert "Kỳ thống kê dài tối đa 366 ngày" in html

    # Thousands are grouped with dots, and the page costs the same with 1.234 dossiers more.
    Dossier.objects.bulk_create(
        Dossier(
            procedure=registry_procedure, receiving_unit=syt, handling_unit=syt, status=S.PROCESSING,
            channel=ONLINE if n % 2 else IN_PERSON, received_at=local("12/05"), legal_due_date=date("19/05"),
        )
        for registry_procedure in [Procedure.objects.get(national_code="1.002001")]
        for n in range(1234)
    )
    client.get(march, HTTP_HOST=host(main))  # warm the site caches
    # 5 for the unit and the site's chrome, 2 for the figures, 3 for each table.
    with django_assert_max_num_queries(13):
        html = client.get("/dich-vu-cong/thong-ke/?tu-ngay=01/05/2026&den-ngay=31/05/2026", HTTP_HOST=host(main)).content.decode()
    assert cell(html, "Tiếp nhận mới trong kỳ") == "1.234" and cell(html, "Hồ sơ tiếp nhận trực tuyến") == "50,0\u00a0%"


def test_api_gives_the_same_figures(client, registry):
    from portal.dossiers.api_statistics import figures_out

    main, stttt, syt = registry["province"], registry["stttt"], registry["syt"]
    dossier_set(stttt, syt)

    def api(query, status=200):
        response = client.get(f"/api/v1/dossier-statistics?{query}", HTTP_HOST=main.hostname)
        assert response.status_code == status, response.content
        return response.json()

    body = api("site=quangbinh.localhost&from=2026-03-01&to=2026-03-31")
    assert (body["scope"], body["start"], body["end"], body["procedure"]) == ("province", "2026-03-01", "2026-03-31", None)
    figures = body["figures"]
    assert figures == figures_out(PROVINCE_MARCH).dict()
    assert figures["received"] == {"total": 10, "online": 6, "in_person": 3, "post": 1}
    assert figures["resolved"] == {"total": 5, "early": 3, "on_time": 1, "late": 1}
    assert figures["in_progress"] == {"total": 5, "overdue": 1} and figures["carried_over"] == 1
    assert figures["rates"] == {"on_time": 80.0, "late": 20.0, "online_share": 60.0}
    assert figures["satisfaction"]["total"] == 5 and figures["satisfaction"]["dissatisfied_percent"] == 20.0
    assert [(row["code"], row["figures"]["received"]["total"]) for row in body["by_unit"]] == [("44-STTTT", 9), ("44-SYT", 1)]
    assert [row["national_code"] for row in body["by_procedure"]] == ["1.001001", "1.001002", "1.002001"]

    unit = api("site=stttt.quangbinh.localhost&from=2026-03-01&to=2026-03-31")
    assert unit["scope"] == "unit" and unit["figures"] == figures_out(UNIT_A_MARCH).dict() and unit["by_unit"] == []
    one = api("site=stttt.quangbinh.localhost&from=2026-03-01&to=2026-03-31&procedure=1.001001")
    assert one["figures"] == figures_out(P1_MARCH).dict() and one["figures"]["rates"]["on_time"] == 66.7
    april = api("site=quangbinh.localhost&from=2026-04-01&to=2026-04-30")["figures"]
    assert april == figures_out(PROVINCE_APRIL).dict() and april["carried_over"] == figures["in_progress"]["total"]
    empty = api("from=2026-01-01&to=2026-01-31")  # the calling site by default
    assert empty["site"] == "quangbinh.localhost" and empty["figures"]["received"]["total"] == 0
    assert empty["figures"]["rates"] == {"on_time": None, "late": None, "online_share": None}

    assert api("from=2026-03-31&to=2026-03-01", 422)["detail"] == "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."
    assert "tối đa 366 ngày" in api("from=2025-01-01&to=2026-03-31", 422)["detail"]
    assert "YYYY-MM-DD" in api("from=01/03/2026&to=2026-03-31", 422)["detail"]
    assert api("procedure=9.999999", 404)["detail"] == "Không có thủ tục với mã này."
    api("site=khong-co.quangbinh.localhost", 404)
