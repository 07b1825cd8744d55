"""Who actually carries a message: e-mail and SMS providers behind one small interface.

A provider sends one outbox row and returns the provider's id for it, or raises DeliveryError saying whether
trying again later can help. The outbox (delivery.py) owns retries; providers never retry themselves.

Settings (read with defaults so the app works before they are declared):
PORTAL_EMAIL_PROVIDER  "local" | "django" | dotted path of a class
PORTAL_SMS_PROVIDER    "local" | "http"   | dotted path of a class
PORTAL_SMS_URL, PORTAL_SMS_TOKEN, PORTAL_SMS_SENDER, PORTAL_SMS_TIMEOUT, PORTAL_SMS_ASCII
"""

from __future__ import annotations

import json
import unicodedata
import urllib.error
import urllib.request
from email.utils import make_msgid
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.module_loading import import_string

from portal.notifications.models import MessageChannel

if TYPE_CHECKING:
    from portal.notifications.models import Message


class DeliveryError(Exception):
    """The provider did not take the message. `retryable` says whether the same request may work later."""

    def __init__(self, reason: str, *, retryable: bool = True):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class Provider:
    name = ""

    def send(self, message: Message) -> str:  # pragma: no cover - interface
        raise NotImplementedError


class EmailProvider(Provider):
    channel = MessageChannel.EMAIL


class SmsProvider(Provider):
    channel = MessageChannel.SMS


class LocalProvider(EmailProvider, SmsProvider):
    """Sends nothing: the outbox row is the record. For the demo, development and tests."""

    name = "local"

    def send(self, message: Message) -> str:
        return f"local-{message.pk}"


class DjangoEmailProvider(EmailProvider):
    """E-mail through django.core.mail, i.e. the configured EMAIL_BACKEND (SMTP in production)."""

    name = "django"

    def send(self, message: Message) -> str:
        import smtplib

        from django.core.mail import EmailMessage

        domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or None
        message_id = make_msgid(idstring=str(message.pk), domain=domain)
        email = EmailMessage(
            subject=message.subject or "Thông báo", body=message.body, from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient], headers={"Message-ID": message_id},
        )
        try:
            email.send(fail_silently=False)
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as error:
            # The server refused the address itself: the same request would be refused again.
            raise DeliveryError(f"Máy chủ thư từ chối địa chỉ ({type(error).__name__}).", retryable=False) from error
        except (smtplib.SMTPException, OSError) as error:
            raise DeliveryError(f"Không gửi được thư ({type(error).__name__}).") from error
        return message_id[:100]


def sms_text(body: str) -> str:
    """Brand-name SMS in Vietnam is normally sent without diacritics (GSM 7-bit: 160 characters, not 70)."""
    body = body.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", body)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


class HttpSmsProvider(SmsProvider):
    """A brand-name SMS gateway with a JSON API: POST {to, from, text, reference} with a bearer token.

    Gateways differ in field names; this is the generic shape most of them accept or proxy. The answer may carry
    the gateway's id as "id" or "message_id".
    """

    name = "http-sms"

    def __init__(self, *, url: str | None = None, token: str | None = None, sender: str | None = None,
                 timeout: float | None = None, ascii_only: bool | None = None):
        self.url = url if url is not None else getattr(settings, "PORTAL_SMS_URL", "")
        self.token = token if token is not None else getattr(settings, "PORTAL_SMS_TOKEN", "")
        self.sender = sender if sender is not None else getattr(settings, "PORTAL_SMS_SENDER", "")
        self.timeout = timeout if timeout is not None else float(getattr(settings, "PORTAL_SMS_TIMEOUT", 10))
        self.ascii_only = ascii_only if ascii_only is not None else bool(getattr(settings, "PORTAL_SMS_ASCII", True))

    def send(self, message: Message) -> str:
        if not self.url:
            raise DeliveryError("Chưa cấu hình địa chỉ cổng SMS (PORTAL_SMS_URL).", retryable=False)
        text = sms_text(message.body) if self.ascii_only else message.body
        payload = {"to": message.recipient, "from": self.sender, "text": text, "reference": str(message.pk)}
        request = urllib.request.Request(
            self.url, data=json.dumps(payload, ensure_ascii=False).encode(), method="POST",
            headers={"Content-Type": "application/json; charset=utf-8", "Accept": "application/json",
                     # The gateway can drop a repeat of a request it already took (we retry after timeouts).
                     "Idempotency-Key": f"portal-message-{message.pk}"},
        )
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read(65536)
        except urllib.error.HTTPError as error:
            # 4xx: our request is wrong (bad number, bad token) and will stay wrong; 408/429 and 5xx pass.
            retryable = error.code >= 500 or error.code in (408, 425, 429)
            raise DeliveryError(f"Cổng SMS trả lời HTTP {error.code}.", retryable=retryable) from error
        except OSError as error:  # URLError, timeouts, refused connections
            raise DeliveryError(f"Không kết nối được cổng SMS ({type(error).__name__}).") from error
        try:
            answer = json.loads(raw or b"{}")
        except ValueError:
            answer = {}
        provider_id = (answer.get("id") or answer.get("message_id") or "") if isinstance(answer, dict) else ""
        return str(provider_id)[:100]


EMAIL_PROVIDERS = {"local": LocalProvider, "django": DjangoEmailProvider}
SMS_PROVIDERS = {"local": LocalProvider, "http": HttpSmsProvider}


def provider_for(channel: str) -> Provider:
    """The configured provider for a channel: a short name from the table above or a dotted class path."""
    if channel == MessageChannel.SMS:
        choice, table = getattr(settings, "PORTAL_SMS_PROVIDER", "local") or "local", SMS_PROVIDERS
    else:
        choice, table = getattr(settings, "PORTAL_EMAIL_PROVIDER", "local") or "local", EMAIL_PROVIDERS
    cls = table.get(choice) or (import_string(choice) if "." in choice else None)
    if cls is None:
        raise DeliveryError(f"Không có nhà cung cấp “{choice}” cho kênh {channel}.", retryable=False)
    return cls()
