"""Licences of aggregate information sites: activation gate, expiry alerts, footer line."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.compliance.models import AggregateSite, AggregateSiteLicence, LicenceAlert
from portal.compliance.services import (
    aggregate_site_activate,
    aggregate_site_deactivate,
    licence_expiry_alerts,
)
from portal.conftest import PASSWORD, host
from portal.notifications.models import Message


def _licence(unit, *, valid_until, issued_on=dt.date(2024, 1, 15)):
    return AggregateSiteLicence.objects.create(
        unit=unit, number="125/GP-STTTT", issued_on=issued_on, issuing_body="Sở Thông tin và Truyền thông tỉnh Quảng Bình",
        valid_until=valid_until, responsible_name="Nguyễn Văn An", responsible_title="Phó Giám đốc Sở",
    )


def test_activation_needs_a_valid_licence_and_the_footer_shows_it(client, registry):
    unit = registry["stttt"]
    hostname = host(unit)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        aggregate_site_activate(unit=unit)
    assert "Chưa có giấy phép" in str(error.value)
    assert not AggregateSite.objects.filter(unit=unit, is_active=True).exists()

    licence = _licence(unit, valid_until=today - dt.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        aggregate_site_activate(unit=unit)
    assert "không còn hiệu lực" in str(error.value)
    assert "Giấy phép thiết lập trang thông tin điện tử tổng hợp" not in client.get("/", HTTP_HOST=hostname).content.decode()

    licence.valid_until = today + dt.timedelta(days=365)
    licence.save()
    # A licence alone shows nothing: the site is not acting as an aggregate site yet.
    assert "125/GP-STTTT" not in client.get("/", HTTP_HOST=hostname).content.decode()
    aggregate = aggregate_site_activate(unit=unit)
    assert aggregate.is_active and aggregate.activated_at
    assert ModelLogEntry.objects.filter(action="portal.aggregate_site.activate").count() == 1
    footer = client.get("/", HTTP_HOST=hostname).content.decode()
    expected = (
        "Giấy phép thiết lập trang thông tin điện tử tổng hợp số 125/GP-STTTT ngày 15/01/2024 do Sở Thông tin và Truyền thông "
        f"tỉnh Quảng Bình cấp, có giá trị đến ngày {licence.valid_until:%d/%m/%Y}. "
        "Người chịu trách nhiệm quản lý nội dung: Nguyễn Văn An, Phó Giám đốc Sở."
    )
    assert expected in footer
    assert "125/GP-STTTT" in client.get("/dich-vu-cong/", HTTP_HOST=hostname).content.decode()
    assert "125/GP-STTTT" not in client.get("/", HTTP_HOST=host(registry["syt"])).content.decode()

    aggregate_site_deactivate(unit=unit)
    assert "125/GP-STTTT" not in client.get("/", HTTP_HOST=hostname).content.decode()


def test_admin_refuses_activation_without_licence_and_is_operator_only(client, registry, board):
    unit = registry["syt"]
    operator = get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", PASSWORD)
    add_url = reverse("wagtailsnippets_compliance_aggregatesite:add")
    # A board head cannot reach it.
    assert client.login(username="stttt.tb", password=PASSWORD)
    admin_host = host(registry["province"])
    assert client.get(add_url, HTTP_HOST=admin_host).status_code in (302, 403)
    client.logout()
    assert client.login(username=operator.username, password=PASSWORD)
    response = client.post(add_url, {"unit": unit.pk, "is_active": "on"}, HTTP_HOST=admin_host)
    assert response.status_code == 200
    assert "Chưa có giấy phép thiết lập trang thông tin điện tử tổng hợp" in response.content.decode()
    assert not AggregateSite.objects.exists()
    _licence(unit, valid_until=timezone.localdate() + dt.timedelta(days=100))
    response = client.post(add_url, {"unit": unit.pk, "is_active": "on"}, HTTP_HOST=admin_host)
    assert response.status_code == 302
    aggregate = AggregateSite.objects.get(unit=unit)
    assert aggregate.is_active and aggregate.activated_at
    assert ModelLogEntry.objects.filter(action="portal.aggregate_site.activate", user_id=operator.pk).exists()


def test_expiry_alerts_at_90_and_30_days_once_each(registry, board):
    unit = registry["stttt"]
    get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", PASSWORD)
    today = dt.date(2026, 6, 1)
    licence = _licence(unit, valid_until=today + dt.timedelta(days=120))

    assert licence_expiry_alerts(today=today) == []  # 120 days left: nothing yet
    day_90 = today + dt.timedelta(days=30)
    sent = licence_expiry_alerts(today=day_90)
    assert [(a.threshold_days, sorted(a.recipients)) for a in sent] == [(90, ["stttt.tb@example.gov.vn", "vanhanh@example.gov.vn"])]
    messages = Message.objects.filter(event="licence.expiry_alert")
    assert messages.count() == 2
    assert "còn 90 ngày" in messages.first().subject
    assert licence_expiry_alerts(today=day_90) == []
    assert licence_expiry_alerts(today=day_90 + dt.timedelta(days=10)) == []  # 80 days: already alerted

    day_30 = licence.valid_until - dt.timedelta(days=30)
    assert [a.threshold_days for a in licence_expiry_alerts(today=day_30)] == [30]
    assert licence_expiry_alerts(today=day_30 + dt.timedelta(days=1)) == []
    assert Message.objects.filter(event="licence.expiry_alert").count() == 4
    assert LicenceAlert.objects.filter(licence=licence).count() == 2

    # Renewed: a new term re-arms the alerts.
    licence.valid_until = licence.valid_until + dt.timedelta(days=365 * 3)
    licence.save()
    assert licence_expiry_alerts(today=day_30) == []


def test_the_command_sends_due_alerts(registry, board):
    unit = registry["stttt"]
    _licence(unit, valid_until=timezone.localdate() + dt.timedelta(days=20))
    from io import StringIO

    out = StringIO()
    call_command("licence_expiry_alerts", stdout=out)
    assert "mốc 30 ngày" in out.getvalue()
    call_command("licence_expiry_alerts", stdout=StringIO())
    assert Message.objects.filter(event="licence.expiry_alert").count() == 1
