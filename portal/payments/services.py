"""The one write path for online payments: start a payment, take a gateway's callback, confirm it once.

A callback may arrive twice, late, or at the same time as its retry: `payment_confirm` locks the
payment row and the unique (gateway, transaction_id) index backs it up, so a payment turns paid
once and the dossier is told once. Every callback is recorded (`PaymentCallback`) whatever it said.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from portal.dossiers.constants import OPEN_STATUSES
from portal.payments import permissions
from portal.payments.gateways import CallbackResult, ForgedCallback, gateway_get
from portal.payments.models import CallbackOutcome, Payment, PaymentCallback, PaymentStatus

logger = logging.getLogger(__name__)

ORDER_REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out over the phone
ORDER_REF_ATTEMPTS = 12


class PaymentError(Exception):
    """Raised with a message meant for the person who acted."""


class CallbackRefused(Exception):
    """A callback that checks cryptographically but cannot be applied (unknown order, wrong amount)."""

    def __init__(self, outcome: str, message: str, payment: Payment | None = None):
        super().__init__(message)
        self.outcome = outcome
        self.payment = payment


@dataclass(frozen=True)
class CallbackReceipt:
    accepted: bool
    outcome: str
    message: str
    payment: Payment | None
    callback: PaymentCallback


def payment_new_order_ref(on: dt.date) -> str:
    return "TT" + f"{on:%y%m%d}" + "".join(secrets.choice(ORDER_REF_ALPHABET) for _ in range(8))


def _return_url(payment: Payment, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("payments:result", args=[payment.order_ref])


@transaction.atomic
def payment_start(*, dossier, user, gateway: str | None = None, base_url: str = "") -> tuple[Payment, str]:
    """Start (or resume) paying `dossier`'s fee online; returns the payment and where to send the browser.

    `base_url` ("https://host") makes the return address absolute for gateways on other hosts.
    """
    from portal.dossiers.models import Dossier

    # Lock the dossier: a double click must not open two payments.
    dossier = Dossier.objects.select_for_update(of=("self",)).select_related("procedure").get(pk=dossier.pk)
    if not permissions.can_pay(user, dossier):
        raise PaymentError("Chỉ người nộp hồ sơ mới thanh toán trực tuyến được cho hồ sơ này.")
    if dossier.fee_amount <= 0:
        raise PaymentError("Hồ sơ này không phải nộp phí, lệ phí.")
    if not dossier.procedure.online_payment:
        raise PaymentError("Thủ tục này chưa hỗ trợ thanh toán trực tuyến; vui lòng nộp phí tại nơi tiếp nhận hồ sơ.")
    if dossier.status not in OPEN_STATUSES:
        raise PaymentError(f"Hồ sơ đang ở trạng thái “{dossier.get_status_display()}”, không thể thanh toán.")
    if Payment.objects.filter(dossier=dossier, status=PaymentStatus.PAID).exists():
        raise PaymentError("Hồ sơ đã được thanh toán phí, lệ phí.")
    try:
        gw = gateway_get(gateway)
    except LookupError:
        raise PaymentError("Không có cổng thanh toán này.") from None

    payment = Payment.objects.filter(dossier=dossier, gateway=gw.name, status=PaymentStatus.PENDING).order_by("-pk").first()
    if payment is not None and (payment.amount != dossier.fee_amount or payment.unit_id != dossier.handling_unit_id):
        # The fee or the handling unit changed since: that order no longer says the right thing.
        payment.status = PaymentStatus.CANCELLED
        payment.save(update_fields=["status", "updated_at"])
        log(payment, "portal.payment.cancel", user=user, data={"order_ref": payment.order_ref, "reason": "superseded"})
        payment = None
    if payment is None:
        payment = Payment(
            dossier=dossier, unit_id=dossier.handling_unit_id, payer=user, amount=dossier.fee_amount, gateway=gw.name,
        )
        today = timezone.localdate()
        for attempt in range(ORDER_REF_ATTEMPTS):
            payment.order_ref = payment_new_order_ref(today)
            try:
                with transaction.atomic():
                    payment.save(force_insert=True)
                break
            except IntegrityError:
                payment.pk = None
                if attempt == ORDER_REF_ATTEMPTS - 1:
                    raise
        log(payment, "portal.payment.start", user=user, data={
            "order_ref": payment.order_ref, "dossier": dossier.pk, "amount": payment.amount, "gateway": gw.name,
        })
    return payment, gw.start(payment, _return_url(payment, base_url))


def _dossier_told(payment: Payment, at: dt.datetime) -> bool:
    """Tell the dossier (its timeline, the citizen's notification) that the fee is paid.

    The lead's `dossier_payment_recorded` owns that; a failure there must not lose a payment the
    gateway has already collected, so it runs in a savepoint and is logged if it fails.
    """
    try:
        from portal.dossiers import services as dossier_services
    except ImportError:
        return False
    record = getattr(dossier_services, "dossier_payment_recorded", None)
    if record is None:
        return False
    try:
        with transaction.atomic():
            record(dossier=payment.dossier, amount=payment.amount, reference=payment.order_ref, at=at)
    except Exception:
        logger.exception("Payment %s recorded, but the dossier %s could not record it", payment.order_ref, payment.dossier_id)
        return False
    return True


@transaction.atomic
def payment_confirm(*, gateway: str, result: CallbackResult, at: dt.datetime | None = None) -> tuple[Payment, str]:
    """Apply a verified callback to its payment; returns (payment, CallbackOutcome). Idempotent.

    Raises CallbackRefused when the order is unknown, the amount differs or the transaction id is
    already another payment's.
    """
    at = at or timezone.now()
    payment = (
        Payment.objects.select_for_update(of=("self",)).select_related("dossier")
        .filter(order_ref=result.order_ref, gateway=gateway).first()
    )
    if payment is None:
        raise CallbackRefused(CallbackOutcome.UNKNOWN_ORDER, "Không có đơn thanh toán này.")
    if result.amount != payment.amount:
        raise CallbackRefused(CallbackOutcome.AMOUNT_MISMATCH, "Số tiền không khớp với đơn thanh toán.", payment)

    if not result.success:
        if payment.status == PaymentStatus.PAID:
            return payment, CallbackOutcome.IGNORED
        status = PaymentStatus.CANCELLED if result.cancelled else PaymentStatus.FAILED
        outcome = CallbackOutcome.CANCELLED if result.cancelled else CallbackOutcome.FAILED
        if payment.status != status:
            payment.status = status
            payment.save(update_fields=["status", "updated_at"])
            log(payment, "portal.payment.fail", data={"order_ref": payment.order_ref, "status": status})
        return payment, outcome

    if payment.status == PaymentStatus.PAID:
        if payment.transaction_id == result.transaction_id:
            return payment, CallbackOutcome.DUPLICATE
        # Collected twice for one order: keep the first, leave the second to reconciliation (refund by hand).
        logger.warning("Payment %s paid again with transaction %s", payment.order_ref, result.transaction_id)
        return payment, CallbackOutcome.PAID_AGAIN

    first_for_dossier = not Payment.objects.filter(dossier_id=payment.dossier_id, status=PaymentStatus.PAID).exists()
    payment.status = PaymentStatus.PAID
    payment.transaction_id = result.transaction_id
    payment.paid_at = at
    try:
        with transaction.atomic():
            payment.save(update_fields=["status", "transaction_id", "paid_at", "updated_at"])
    except IntegrityError:
        raise CallbackRefused(CallbackOutcome.CONFLICT, "Mã giao dịch đã được dùng cho một đơn thanh toán khác.", payment) from None
    told = _dossier_told(payment, at) if first_for_dossier else False
    log(payment, "portal.payment.paid", data={
        "order_ref": payment.order_ref, "transaction_id": payment.transaction_id, "amount": payment.amount,
        "dossier": payment.dossier_id, "dossier_recorded": told,
    })
    return payment, CallbackOutcome.PAID


def _plain(data) -> dict:
    """A JSON-safe copy of what was received (a QueryDict keeps only the last value of each key)."""
    if hasattr(data, "dict"):
        data = data.dict()
    return {str(key)[:64]: (value if isinstance(value, (int, float, bool)) or value is None else str(value)[:500])
            for key, value in dict(data).items()}


def payment_callback_receive(*, gateway: str, data: dict, remote_ip: str | None = None,
                             now: dt.datetime | None = None) -> CallbackReceipt:
    """Take one callback from `gateway` (HTTP endpoint and sandbox alike): verify, apply, record.

    The record is written in its own transaction after the payment's, so a refused callback is kept too.
    Raises GatewayNotFound for a gateway that is not configured.
    """
    gw = gateway_get(gateway)
    now = now or timezone.now()
    payload = _plain(data)
    order_ref = str(payload.get("order_ref", ""))[:40]
    payment, signature_valid, detail = None, False, ""
    try:
        result = gw.verify_callback(payload)
        signature_valid = True
        payment, outcome = payment_confirm(gateway=gw.name, result=result, at=now)
        accepted = True
    except ForgedCallback as error:
        outcome, accepted, detail = CallbackOutcome.FORGED, False, str(error)
    except CallbackRefused as error:
        outcome, accepted, detail, payment = error.outcome, False, str(error), error.payment
        if payment is not None:
            payment.refresh_from_db()  # its transaction was rolled back; drop any change made in memory
    callback = PaymentCallback.objects.create(
        gateway=gw.name, payload=payload, order_ref=order_ref, payment=payment, signature_valid=signature_valid,
        outcome=outcome, detail=detail[:255], received_at=now, remote_ip=remote_ip or None,
    )
    if not accepted:
        logger.warning("Payment callback refused (%s, %s): %s", gw.name, order_ref, detail)
        log(callback, "portal.payment.callback_refused", data={"gateway": gw.name, "order_ref": order_ref, "outcome": outcome})
    message = detail or CallbackOutcome(outcome).label
    return CallbackReceipt(accepted=accepted, outcome=outcome, message=message, payment=payment, callback=callback)
