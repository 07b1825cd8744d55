"""The payment-gateway interface and the local sandbox gateway.

A gateway (the national payment platform, a bank) plugs in behind `PaymentGateway`: it starts a
payment by sending the citizen's browser somewhere, it verifies the callbacks it sends us, and it
says what it settled on a day. Gateways are configured by name in `PORTAL_PAYMENT_GATEWAYS`
({name: dotted class path}); the first one is the default.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.module_loading import import_string

DEFAULT_GATEWAYS = {"sandbox": "portal.payments.gateways.SandboxGateway"}
SIGNED_FIELDS = ("order_ref", "transaction_id", "amount", "status", "timestamp")


class ForgedCallback(Exception):
    """The callback did not come from the gateway, or was changed on the way (message in Vietnamese, for the log)."""


class GatewayNotFound(LookupError):
    pass


@dataclass(frozen=True)
class CallbackResult:
    order_ref: str
    transaction_id: str
    amount: int
    success: bool
    cancelled: bool = False  # the citizen gave up (as opposed to a refused card or an error)


@dataclass(frozen=True)
class SettlementLine:
    """One payment the gateway says it collected and will pay out."""

    order_ref: str
    transaction_id: str
    amount: int
    settled_at: dt.datetime | None = None


class PaymentGateway:
    name = ""
    label = ""

    def start(self, payment, return_url: str) -> str:
        """Where to send the citizen's browser to pay `payment`; the gateway sends it back to `return_url`."""
        raise NotImplementedError

    def verify_callback(self, data: dict) -> CallbackResult:
        """Check the callback's signature and read it; raise ForgedCallback if it does not check."""
        raise NotImplementedError

    def settlement(self, day: dt.date) -> list[SettlementLine]:
        """What the gateway says it settled on `day` (local date)."""
        raise NotImplementedError


def gateway_names() -> list[str]:
    return list(getattr(settings, "PORTAL_PAYMENT_GATEWAYS", None) or DEFAULT_GATEWAYS)


@cache
def _gateway_class(path: str):
    return import_string(path)


def gateway_get(name: str | None = None) -> PaymentGateway:
    """The configured gateway called `name` (the default one when None)."""
    configured = getattr(settings, "PORTAL_PAYMENT_GATEWAYS", None) or DEFAULT_GATEWAYS
    if name is None:
        name = next(iter(configured))
    if name not in configured:
        raise GatewayNotFound(name)
    gateway = _gateway_class(configured[name])()
    gateway.name = name
    return gateway


def sandbox_secret() -> bytes:
    secret = getattr(settings, "PORTAL_PAYMENT_SANDBOX_SECRET", "")
    if secret:
        return secret.encode()
    # Derived, so that it differs from SECRET_KEY itself and changes with it.
    return hashlib.sha256(b"portal.payments.sandbox:" + settings.SECRET_KEY.encode()).digest()


def canonical_string(data: dict) -> str:
    return "|".join(str(data.get(field, "")) for field in SIGNED_FIELDS)


class SandboxGateway(PaymentGateway):
    """A stand-in for the national payment platform: no money moves. Its page is served by this portal
    (views.sandbox), and it signs its callbacks with HMAC-SHA256 like a real gateway would."""

    label = "Cổng thanh toán thử nghiệm — không trừ tiền thật"

    def sign(self, data: dict) -> str:
        return hmac.new(sandbox_secret(), canonical_string(data).encode(), hashlib.sha256).hexdigest()

    def start(self, payment, return_url: str) -> str:
        url = reverse("payments:sandbox", args=[payment.order_ref])
        return f"{url}?{urlencode({'ve': return_url})}" if return_url else url

    def callback_payload(self, payment, *, success: bool, cancelled: bool = False) -> dict:
        """What the sandbox sends when the citizen presses “Thanh toán” or “Hủy giao dịch”."""
        data = {
            "order_ref": payment.order_ref,
            "transaction_id": "SBX" + secrets.token_hex(8).upper(),
            "amount": str(payment.amount),
            "status": "success" if success else ("cancelled" if cancelled else "failed"),
            "timestamp": str(int(time.time())),
        }
        data["signature"] = self.sign(data)
        return data

    def verify_callback(self, data: dict) -> CallbackResult:
        missing = [field for field in (*SIGNED_FIELDS, "signature") if not str(data.get(field, "")).strip()]
        if missing:
            raise ForgedCallback("Thiếu trường: " + ", ".join(missing) + ".")
        if not hmac.compare_digest(self.sign(data), str(data["signature"])):
            raise ForgedCallback("Chữ ký không hợp lệ.")
        try:
            amount = int(str(data["amount"]))
        except ValueError:
            raise ForgedCallback("Số tiền không hợp lệ.") from None
        status = str(data["status"])
        if status not in {"success", "failed", "cancelled"}:
            raise ForgedCallback("Trạng thái không hợp lệ.")
        return CallbackResult(
            order_ref=str(data["order_ref"]), transaction_id=str(data["transaction_id"]), amount=amount,
            success=status == "success", cancelled=status == "cancelled",
        )

    def settlement(self, day: dt.date) -> list[SettlementLine]:
        """The sandbox has no books of its own: it settles the successful callbacks it sent that day, as we recorded them.

        Taken from the callbacks, not from `Payment`, so it is a second account to check ours against.
        """
        from portal.payments.models import PaymentCallback
        from portal.payments.selectors import day_bounds

        start, end = day_bounds(day)
        lines: dict[str, SettlementLine] = {}
        callbacks = PaymentCallback.objects.filter(
            gateway=self.name, signature_valid=True, received_at__gte=start, received_at__lt=end,
        ).order_by("received_at", "pk").only("payload", "received_at")
        for callback in callbacks:
            data = callback.payload
            if data.get("status") != "success" or not data.get("transaction_id"):
                continue
            lines.setdefault(data["transaction_id"], SettlementLine(
                order_ref=str(data.get("order_ref", "")), transaction_id=str(data["transaction_id"]),
                amount=int(data.get("amount") or 0), settled_at=callback.received_at,
            ))
        return list(lines.values())
