"""The outbox: queued messages are delivered after commit, failures are retried with backoff, the operator resends."""

import datetime as dt
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Site

from portal.notifications import delivery
from portal.notifications.models import Message, MessageStatus
from portal.notifications.providers import DeliveryError, HttpSmsProvider, SmsProvider, sms_text
from portal.notifications.services import message_queue
from portal.units.selectors import invalidate_host_routes

pytestmark = pytest.mark.django_db
PHONE = "0912345678"
EMAIL = "nguyen.an@gmail.com"
BODY = "Hồ sơ 000.00.44.H18-260301-0001 đã được tiếp nhận. Ngày hẹn trả: 10/03/2026."


class FlakyGateway(SmsProvider):
    """Test double for the external SMS gateway: always times out, as a gateway in trouble does."""

    name = "flaky"
    calls = 0

    def send(self, message):
        FlakyGateway.calls += 1
        raise DeliveryError("Cổng SMS quá thời gian chờ.", retryable=True)


def queue_sms(django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        message = message_queue(channel="sms", recipient=PHONE, body=BODY, reference="H18-0001", event="received", **fields)
    message.refresh_from_db()
    return message


def test_queued_messages_are_delivered_after_commit_by_the_local_provider(django_capture_on_commit_callbacks, settings):
    settings.PORTAL_EMAIL_PROVIDER = "local"
    settings.PORTAL_SMS_PROVIDER = "local"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = message_queue(channel="email", recipient=EMAIL, subject="Tiếp nhận hồ sơ", body=BODY, reference="H18-0001")
        sms = message_queue(channel="sms", recipient=PHONE, body=BODY, reference="H18-0001")
        assert message_queue(channel="sms", recipient="  ", body=BODY) is None
    # Nothing leaves before the transaction commits.
    assert Message.objects.filter(status=MessageStatus.PENDING).count() == 2 and len(callbacks) == 2
    for callback in callbacks:
        callback()
    for message in (email, sms):
        message.refresh_from_db()
        assert message.status == MessageStatus.SENT and message.attempts == 1
        assert message.provider == "local" and message.provider_message_id == f"local-{message.pk}"
        assert message.sent_at is not None and message.last_error == ""
    # A second delivery of the same message (a duplicate task) sends nothing.
    assert delivery.message_deliver(sms.pk) == delivery.SKIPPED
    sms.refresh_from_db()
    assert sms.attempts == 1


def test_django_email_provider_sends_through_the_configured_backend(django_capture_on_commit_callbacks, settings):
    settings.PORTAL_EMAIL_PROVIDER = "django"
    with django_capture_on_commit_callbacks(execute=True):
        message = message_queue(channel="email", recipient=EMAIL, subject="Tiếp nhận hồ sơ", body=BODY)
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.provider == "django"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [EMAIL] and sent.subject == "Tiếp nhận hồ sơ" and sent.body == BODY
    assert sent.extra_headers["Message-ID"] == message.provider_message_id


@override_settings(PORTAL_SMS_PROVIDER="portal.notifications.tests.test_delivery.FlakyGateway", PORTAL_NOTIFY_MAX_ATTEMPTS=3)
def test_retryable_errors_back_off_then_fail_and_the_operator_can_resend(django_capture_on_commit_callbacks, caplog, client, settings):
    FlakyGateway.calls = 0
    caplog.set_level(logging.INFO, logger="portal.notifications")
    before = timezone.now()
    message = queue_sms(django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.PENDING and message.attempts == 1 and message.provider == "flaky"
    assert message.last_error == "Cổng SMS quá thời gian chờ."
    assert dt.timedelta(minutes=1) <= message.next_attempt_at - before < dt.timedelta(minutes=1, seconds=30)

    # Not due yet: the scheduled command leaves it alone.
    out = StringIO()
    call_command("deliver_messages", stdout=out)
    assert out.getvalue().strip() == "Đã gửi 0, chờ gửi lại 0, không thành công 0, bỏ qua 0 thông báo."
    assert FlakyGateway.calls == 1

    # A minute later the command tries again and waits five minutes for the next try.
    later = message.next_attempt_at
    assert delivery.messages_deliver_due(now=later) == {"sent": 0, "retry": 1, "failed": 0, "skipped": 0}
    message.refresh_from_db()
    assert message.attempts == 2 and message.next_attempt_at == later + dt.timedelta(minutes=5)
    assert delivery.messages_deliver_due(now=later + dt.timedelta(minutes=2)) == {"sent": 0, "retry": 0, "failed": 0, "skipped": 0}

    # Third attempt = PORTAL_NOTIFY_MAX_ATTEMPTS: failed, kept for the operator.
    assert delivery.message_deliver(message.pk, now=message.next_attempt_at) == delivery.FAILED
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED and message.attempts == 3 and message.next_attempt_at is None
    assert FlakyGateway.calls == 3
    assert delivery.messages_deliver_due(now=later + dt.timedelta(days=1))["retry"] == 0

    # Logs name the message, never the recipient or the text.
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"message {message.pk} failed after 3 attempt(s)" in logged
    assert PHONE not in logged and "tiếp nhận" not in logged

    # The operator fixes the gateway setting and resends from the outbox.
    settings.PORTAL_SMS_PROVIDER = "local"
    operator = get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", "mật-khẩu-vận-hành-2026")
    client.force_login(operator)
    resend_url = reverse("notifications:resend", args=[message.pk])
    assert client.get(resend_url, HTTP_HOST=_host()).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url, HTTP_HOST=_host())
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.attempts == 1 and message.provider == "local"
    entry = ModelLogEntry.objects.for_instance(message).get()
    assert entry.action == "portal.message.resend" and entry.user == operator
    assert entry.data == {"previous": {"attempts": 3, "last_error": "Cổng SMS quá thời gian chờ."}}
    # A sent message cannot be resent.
    client.post(resend_url, HTTP_HOST=_host())
    assert ModelLogEntry.objects.for_instance(message).count() == 1


class GatewayHandler(BaseHTTPRequestHandler):
    received: list = []
    status = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        GatewayHandler.received.append({"headers": dict(self.headers), "json": json.loads(body)})
        payload = json.dumps({"id": "gw-4711", "status": "queued"}).encode() if self.status == 200 else b'{"error": "x"}'
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    GatewayHandler.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), GatewayHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_http_sms_provider_against_a_real_gateway(gateway, django_capture_on_commit_callbacks, settings):
    settings.PORTAL_SMS_PROVIDER = "http"
    settings.PORTAL_SMS_URL = f"http://127.0.0.1:{gateway.server_port}/sms"
    settings.PORTAL_SMS_TOKEN = "bi-mat"
    settings.PORTAL_SMS_SENDER = "QUANGBINH"
    settings.PORTAL_SMS_TIMEOUT = 5

    GatewayHandler.status = 200
    message = queue_sms(django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.SENT and message.provider == "http-sms" and message.provider_message_id == "gw-4711"
    request = GatewayHandler.received[-1]
    assert request["headers"]["Authorization"] == "Bearer bi-mat"
    assert request["headers"]["Idempotency-Key"] == f"portal-message-{message.pk}"
    # Brand-name SMS without diacritics.
    assert request["json"] == {"to": PHONE, "from": "QUANGBINH", "text": sms_text(BODY), "reference": str(message.pk)}
    assert request["json"]["text"].startswith("Ho so 000.00.44.H18-260301-0001 da duoc tiep nhan. Ngay hen tra")

    GatewayHandler.status = 500
    message = queue_sms(django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.PENDING and message.attempts == 1 and message.next_attempt_at is not None
    assert message.last_error == "Cổng SMS trả lời HTTP 500."

    # A 4xx says our request is wrong: retrying would not help.
    GatewayHandler.status = 400
    message = queue_sms(django_capture_on_commit_callbacks)
    assert message.status == MessageStatus.FAILED and message.attempts == 1 and message.last_error == "Cổng SMS trả lời HTTP 400."

    # Nobody listening: a connection error, retryable.
    with pytest.raises(DeliveryError) as error:
        HttpSmsProvider(url="http://127.0.0.1:9/sms", timeout=2).send(message)
    assert error.value.retryable


def _host() -> str:
    """The main portal's host, served without provisioning the whole registry (admin pages need only a site)."""
    host = "quangbinh.localhost"
    if not Site.objects.filter(hostname=host).exists():
        Site.objects.update_or_create(is_default_site=True, defaults={"hostname": host, "port": 80, "root_page_id": 1})
        invalidate_host_routes()
    return host


def test_outbox_admin_is_for_the_operator_and_masks_recipients(client, django_assert_max_num_queries):
    for i in range(12):
        Message.objects.create(channel="sms", recipient=f"09123456{i:02d}", body=BODY, reference=f"H18-{i:04d}")
    Message.objects.create(channel="email", recipient=EMAIL, subject="Tiếp nhận hồ sơ", body=BODY, reference="H18-9999",
                           status=MessageStatus.FAILED, attempts=5, last_error="Cổng SMS trả lời HTTP 500.")
    url = reverse("notifications:outbox")

    # An editor with admin access but not the operator: refused (Wagtail turns the 403 into a redirect with a notice).
    editor = get_user_model().objects.create_user("bientap", password="mật-khẩu-biên-tập-2026")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for refused in (url, reverse("notifications:detail", args=[Message.objects.first().pk])):
        response = client.get(refused, HTTP_HOST=_host())
        assert response.status_code == 302 and response.url == "/admin/"
    failed = Message.objects.get(status=MessageStatus.FAILED)
    client.post(reverse("notifications:resend", args=[failed.pk]), HTTP_HOST=_host())
    assert Message.objects.get(pk=failed.pk).status == MessageStatus.FAILED
    menu_item = f'"url": "{url}"'  # the sidebar is rendered from JSON
    dashboard = client.get("/admin/", HTTP_HOST=_host())
    assert dashboard.status_code == 200 and menu_item not in dashboard.content.decode()

    operator = get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", "mật-khẩu-vận-hành-2026")
    client.force_login(operator)
    with django_assert_max_num_queries(20):
        response = client.get(url, HTTP_HOST=_host())
    html = response.content.decode()
    assert response.status_code == 200 and menu_item in html
    assert "09******05" in html and "0912345605" not in html
    assert "ng***@gmail.com" in html and EMAIL not in html
    assert BODY not in html

    response = client.get(url, {"kenh": "email", "trang-thai": "failed"}, HTTP_HOST=_host())
    assert "ng***@gmail.com" in response.content.decode() and "09******" not in response.content.decode()
    response = client.get(url, {"q": "h18-0003"}, HTTP_HOST=_host())
    assert response.context["page_obj"].paginator.count == 1 and "09******03" in response.content.decode()

    response = client.get(reverse("notifications:detail", args=[failed.pk]), HTTP_HOST=_host())
    html = response.content.decode()
    assert EMAIL in html and "Cổng SMS trả lời HTTP 500." in html and 'action="{}"'.format(reverse("notifications:resend", args=[failed.pk])) in html
