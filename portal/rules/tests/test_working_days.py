import datetime as dt

import pytest

from portal.conftest import PASSWORD
from portal.rules.models import CalendarDay, DayKind, LegalRule
from portal.rules.services import (
    MissingRule,
    is_working_day,
    rule_in_force,
    rule_value,
    working_days_add,
    working_days_back,
    working_days_between,
)

D = dt.date
pytestmark = pytest.mark.django_db


def test_tet_2026_holidays_are_skipped():
    # Friday 13/02/2026, then Tết Bính Ngọ: Monday 16 to Friday 20 February are holidays.
    assert not is_working_day(D(2026, 2, 16))
    assert working_days_add(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert working_days_add(D(2026, 2, 13), 10) == D(2026, 3, 6)
    assert working_days_between(D(2026, 2, 13), D(2026, 3, 6)) == 10


def test_weekend_and_swapped_days_of_2025():
    # Saturday 26/4/2025 was worked to take Friday 2/5/2025 off.
    assert is_working_day(D(2025, 4, 26))
    assert not is_working_day(D(2025, 5, 2))
    # Thursday 24/4 + 3 working days: Fri 25, Sat 26 (make-up), Mon 28.
    assert working_days_add(D(2025, 4, 24), 3) == D(2025, 4, 28)
    assert working_days_back(D(2025, 4, 28), 3) == D(2025, 4, 24)


def test_zero_days_lands_on_the_next_working_day():
    assert working_days_add(D(2026, 2, 14), 0) == D(2026, 2, 23)
    assert working_days_add(D(2026, 2, 23), 0) == D(2026, 2, 23)


def test_operator_edits_to_the_calendar_apply_at_once():
    assert working_days_add(D(2027, 2, 5), 1) == D(2027, 2, 8)
    CalendarDay.objects.create(date=D(2027, 2, 8), kind=DayKind.HOLIDAY, name="Tết Nguyên đán Đinh Mùi", legal_basis="Thông báo nghỉ Tết 2027")
    assert working_days_add(D(2027, 2, 5), 1) == D(2027, 2, 9)


def test_rules_are_dated_and_carry_their_legal_basis():
    # The Law on Legal Documents 2025 shortened the minimum public-comment period.
    assert rule_value("consultation.min_open_days", on=D(2024, 6, 1)) == 60
    assert rule_value("consultation.min_open_days", on=D(2025, 4, 1)) == 20
    rule = rule_in_force("qa.answer_working_days", on=D(2026, 1, 5))
    assert rule.legal_basis and rule.value == 10
    with pytest.raises(MissingRule):
        rule_value("consultation.min_open_days", on=D(2010, 1, 1))


def test_a_new_dated_value_takes_over_from_its_date():
    LegalRule.objects.create(
        key="qa.answer_working_days", title="Thời hạn trả lời", value=7, unit="ngày làm việc",
        valid_from=D(2027, 1, 1), legal_basis="Quyết định sửa đổi Quy chế (giả định trong kiểm thử)",
    )
    assert rule_value("qa.answer_working_days", on=D(2026, 12, 31)) == 10
    assert rule_value("qa.answer_working_days", on=D(2027, 1, 1)) == 7


def test_only_the_operator_edits_rules_in_the_admin(client, registry, board, django_user_model):
    url = "/admin/snippets/rules/legalrule/"
    host = registry["province"].hostname
    client.login(username=board["head"].username, password=PASSWORD)
    assert client.get(url, HTTP_HOST=host).status_code in (302, 403)
    django_user_model.objects.create_superuser("vanhanh", "vh@example.gov.vn", PASSWORD)
    client.login(username="vanhanh", password=PASSWORD)
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    assert "Thời hạn trả lời câu hỏi" in response.content.decode()


def test_make_up_day_must_be_a_weekend():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        CalendarDay(date=D(2026, 3, 4), kind=DayKind.WORKING_DAY, name="Sai", legal_basis="-").full_clean()
