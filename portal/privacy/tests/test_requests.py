"""Requests of data subjects: deadlines from the dated rules (working days over a weekend), one extension only,
overdue flags in the staff queue, daily reminders through the outbox, paper requests recorded by staff."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.conftest import PASSWORD
from portal.dossiers.tests.factories import VN, simple_units
from portal.notifications.models import Message
from portal.privacy import services
from portal.privacy.models import DataSubjectRequest
from portal.privacy.reminders import request_reminders_send

pytestmark = pytest.mark.django_db


def friday(hour=16):
    return dt.datetime(2026, 12, 4, hour, 0, tzinfo=VN)  # a Friday


def test_deadlines_count_working_days_over_the_weekend_and_calendar_days_to_complete(db):
    units = simple_units()
    item = services.request_create(unit=units["province"], kind="export", requester_name="Hoàng Thị Mai", received_at=friday())
    assert item.ack_due == dt.date(2026, 12, 8)  # Friday + 2 working days: Monday, Tuesday
    assert item.complete_due == dt.date(2026, 12, 19)  # + 15 calendar days
    assert item.status == "received" and item.due == item.complete_due
    entry = ModelLogEntry.objects.get(action="portal.privacy.request_create")
    assert "Hoàng Thị Mai" not in str(entry.data) and entry.data["ack_due"] == "2026-12-08"


def test_one_extension_only_and_at_most_the_rule(db):
    units = simple_units()
    item = services.request_create(unit=units["province"], kind="delete", requester_name="Hoàng Thị Mai", received_at=friday())
    with pytest.raises(services.PrivacyError, match="từ 1 đến 15 ngày"):
        services.request_extend(item=item, actor=None, days=16, reason="Cần xác minh với đơn vị khác")
    with pytest.raises(services.PrivacyError, match="lý do"):
        services.request_extend(item=item, actor=None, days=5, reason=" ")
    item = services.request_extend(item=item, actor=None, days=15, reason="Cần xác minh với đơn vị khác")
    assert item.extended_until == dt.date(2027, 1, 3) and item.due == dt.date(2027, 1, 3)
    with pytest.raises(services.PrivacyError, match="một lần"):
        services.request_extend(item=item, actor=None, days=1, reason="Lần hai")
    assert DataSubjectRequest.objects.get(pk=item.pk).extended_until == dt.date(2027, 1, 3)
    item = services.request_close(item=item, actor=None, action="complete", outcome="Đã xoá")
    assert item.status == "completed" and item.completed_at and item.acknowledged_at
    with pytest.raises(services.PrivacyError):
        services.request_acknowledge(item=item, actor=None)
    with pytest.raises(services.PrivacyError, match="lý do từ chối"):
        other = services.request_create(unit=units["province"], kind="object", requester_name="B", received_at=friday())
        services.request_close(item=other, actor=None, action="refuse", outcome="")


def test_flags_and_reminders(db):
    units = simple_units()
    late = services.request_create(unit=units["province"], kind="access", requester_name="Ngô Bảo Anh", received_at=friday())
    acked = services.request_create(unit=units["province"], kind="access", requester_name="B", received_at=friday())
    services.request_acknowledge(item=acked, actor=None, now=friday(17))
    acked.refresh_from_db()
    fresh = services.request_create(unit=units["province"], kind="access", requester_name="C", received_at=friday() + dt.timedelta(days=10))
    units["province"].email = "ubnd@quangbinh.gov.vn"
    units["province"].save()

    day = dt.date(2026, 12, 9)  # after the acknowledgement deadline of the 8th
    assert late.ack_overdue(day) and late.overdue(day) and not acked.overdue(day) and not acked.due_soon(day)
    assert not fresh.overdue(day)
    assert acked.due_soon(dt.date(2026, 12, 18)) and acked.overdue(dt.date(2026, 12, 20))

    assert request_reminders_send(today=day) == 1
    message = Message.objects.get(event="privacy.request_reminder")
    assert message.recipient == "ubnd@quangbinh.gov.vn" and f"số {late.pk}" in message.subject and "quá hạn xác nhận" in message.subject
    assert "Ngô Bảo Anh" not in message.body + message.subject  # number and kind only, no name
    assert request_reminders_send(today=day) == 0  # once a day
    # The two older ones near their completion date; the newest one is past its acknowledgement date (16/12).
    assert request_reminders_send(today=dt.date(2026, 12, 18)) == 3
    services.request_close(item=late, actor=None, action="complete", outcome="Đã cung cấp")
    services.request_close(item=acked, actor=None, action="complete", outcome="Đã cung cấp")
    services.request_close(item=fresh, actor=None, action="complete", outcome="Đã cung cấp")
    out = io.StringIO()
    call_command("privacy_request_reminders", stdout=out)
    assert "0 thư nhắc" in out.getvalue() and Message.objects.filter(event="privacy.request_reminder").count() == 4


def _login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)


def test_staff_queue_scoped_to_the_board_head_with_overdue_flag_and_paper_requests(client, board, registry):
    main, stttt = registry["province"], registry["stttt"]
    client.defaults["HTTP_HOST"] = main.hostname
    old = timezone.now() - dt.timedelta(days=30)
    overdue = services.request_create(unit=stttt, kind="correct", requester_name="Đinh Văn Nam", received_at=old)
    elsewhere = services.request_create(unit=main, kind="access", requester_name="Người khác", received_at=old)

    _login(client, board["editor"])  # not a board head
    denied = client.get(reverse("privacy_admin:queue"))  # Wagtail turns the refusal into a redirect with a message
    assert denied.status_code == 302 and denied["Location"] == "/admin/"

    _login(client, board["head"])
    queue = client.get(reverse("privacy_admin:queue"))
    html = queue.content.decode()
    assert queue.status_code == 200 and f"Yêu cầu số {overdue.pk}" in html and "Quá hạn" in html
    assert f"Yêu cầu số {elsewhere.pk}<" not in html
    assert client.get(reverse("privacy_admin:detail", args=[elsewhere.pk])).status_code == 404

    detail = reverse("privacy_admin:detail", args=[overdue.pk])
    client.post(detail, {"action": "extend", "days": "10", "reason": "Chờ hồ sơ gốc"})
    again = client.post(detail, {"action": "extend", "days": "3", "reason": "Lần hai"}, follow=True)
    assert "chỉ cho phép gia hạn một lần" in again.content.decode()
    client.post(detail, {"action": "complete", "outcome": "Đã sửa địa chỉ"})
    overdue.refresh_from_db()
    assert overdue.status == "completed" and overdue.extension_reason == "Chờ hồ sơ gốc"

    added = client.post(reverse("privacy_admin:add"), {
        "unit": stttt.pk, "kind": "delete", "channel": "paper", "requester_name": "Trương Thị Lan",
        "requester_contact": "Số 5 Lý Thường Kiệt", "received_on": "2026-12-04", "details": "Xoá câu hỏi cũ",
    })
    item = DataSubjectRequest.objects.get(requester_name="Trương Thị Lan")
    assert added.status_code == 302 and item.channel == "paper" and item.recorded_by == board["head"]
    assert item.ack_due == dt.date(2026, 12, 8)
    refused = client.post(reverse("privacy_admin:add"), {
        "unit": main.pk, "kind": "delete", "channel": "paper", "requester_name": "X", "received_on": "2026-12-04",
    })
    assert refused.status_code == 200 and not DataSubjectRequest.objects.filter(requester_name="X").exists()


def test_demo_seed_is_idempotent(db):
    from portal.privacy import demo
    from portal.privacy.models import PersonalDataBreach, PrivacyNotice

    units = simple_units()
    lines = []
    assert demo.seed({"main": units["province"]}, {}, timezone.now(), lines.append) == 3
    assert demo.seed({"main": units["province"]}, {}, timezone.now(), lines.append) == 0
    assert PrivacyNotice.objects.get().unit == units["province"]
    assert DataSubjectRequest.objects.get().is_open and not PersonalDataBreach.objects.get().authority_overdue()
