"""Callbacks: forged ones are refused and kept; a duplicated one records one payment."""

import json

import pytest
from django.test import override_settings
from wagtail.models import ModelLogEntry

from portal.conftest import make_user
from portal.dossiers.constants import DossierStatus
from portal.dossiers.models import DossierEvent
from portal.payments import services
from portal.payments.gateways import gateway_get
from portal.payments.models import CallbackOutcome, Payment, PaymentCallback, PaymentStatus
from portal.payments.tests.conftest import FEE, login, make_dossier, signed

CALLBACK = "/dich-vu-cong/thanh-toan/callback/sandbox/"


def lead_records_payments() -> bool:
    try:
        from portal.dossiers import services as dossier_services
    except ImportError:
        return False
    return hasattr(dossier_services, "dossier_payment_recorded")


def post_json(client, data, gateway="sandbox"):
    return client.post(f"/dich-vu-cong/thanh-toan/callback/{gateway}/", data=json.dumps(data), content_type="application/json")


def started(setup):
    payment, _url = services.payment_start(dossier=setup["dossier"], user=setup["citizen"])
    return payment


@pytest.mark.django_db
def test_forged_and_tampered_callbacks_are_refused_and_kept(client, setup):
    payment = started(setup)

    forged = signed(payment)
    forged["signature"] = "0" * 64
    response = post_json(client, forged)
    assert response.status_code == 400
    assert response.json()["ok"] is False

    # The amount changed on the way: the signature no longer covers it.
    tampered = signed(payment, amount=FEE)
    tampered["amount"] = "500"
    assert client.post(CALLBACK, data=tampered).status_code == 400  # form body this time

    # Signed, but not by our key (someone who does not know the secret).
    with override_settings(PORTAL_PAYMENT_SANDBOX_SECRET="khoa-gia-mao"):
        other_key = signed(payment)
    assert post_json(client, other_key).status_code == 400

    # Missing signature altogether.
    unsigned = {k: v for k, v in signed(payment).items() if k != "signature"}
    assert post_json(client, unsigned).status_code == 400

    # Validly signed, but for a different amount than the order (a gateway or configuration error).
    wrong_amount = signed(payment, amount=FEE - 1000, transaction_id="GD-SAI")
    response = post_json(client, wrong_amount)
    assert response.status_code == 400
    assert "Số tiền" in response.json()["error"]

    # Not JSON, unknown order, unknown gateway.
    assert client.post(CALLBACK, data="{không phải json", content_type="application/json").status_code == 400
    unknown = dict(signed(payment), order_ref="TT260305KHONGCO")
    unknown["signature"] = gateway_get("sandbox").sign(unknown)
    assert post_json(client, unknown).status_code == 400
    assert post_json(client, signed(payment), gateway="ngan-hang-la").status_code == 404

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert payment.transaction_id == ""
    assert not Payment.objects.filter(status=PaymentStatus.PAID).exists()
    outcomes = list(PaymentCallback.objects.order_by("pk").values_list("outcome", "signature_valid"))
    assert outcomes == [
        (CallbackOutcome.FORGED, False), (CallbackOutcome.FORGED, False), (CallbackOutcome.FORGED, False),
        (CallbackOutcome.FORGED, False), (CallbackOutcome.AMOUNT_MISMATCH, True), (CallbackOutcome.UNKNOWN_ORDER, True),
    ]
    assert PaymentCallback.objects.filter(remote_ip="127.0.0.1").count() == 6
    assert ModelLogEntry.objects.filter(action="portal.payment.callback_refused").count() == 6
    assert not DossierEvent.objects.filter(dossier=setup["dossier"]).exists()


@pytest.mark.django_db
def test_duplicated_callback_records_one_payment(client, setup):
    payment = started(setup)
    data = signed(payment, transaction_id="GD-0001")

    first = post_json(client, data)
    second = post_json(client, data)
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json() == {"ok": True, "outcome": "paid"}
    assert second.json() == {"ok": True, "outcome": "duplicate"}
    # The same notification as a form post, later: still one payment.
    assert client.post(CALLBACK, data=data).status_code == 200

    assert Payment.objects.filter(status="paid").count() == 1
    payment.refresh_from_db()
    assert (payment.status, payment.transaction_id, payment.amount) == (PaymentStatus.PAID, "GD-0001", FEE)
    assert payment.paid_at is not None
    assert ModelLogEntry.objects.filter(action="portal.payment.paid").count() == 1
    assert PaymentCallback.objects.filter(payment=payment).count() == 3
    if lead_records_payments():
        assert DossierEvent.objects.filter(dossier=setup["dossier"], action="pay").count() == 1

    # A failure notice arriving after success does not undo the payment.
    late_failure = signed(payment, status="failed", transaction_id="GD-0002")
    assert post_json(client, late_failure).json() == {"ok": True, "outcome": "ignored"}
    # A second, different successful transaction for an order already paid: kept for reconciliation, not paid twice.
    assert post_json(client, signed(payment, transaction_id="GD-0003")).json() == {"ok": True, "outcome": "paid_again"}
    payment.refresh_from_db()
    assert (payment.status, payment.transaction_id) == (PaymentStatus.PAID, "GD-0001")
    assert Payment.objects.filter(status="paid").count() == 1

    # A transaction id already used by another order is refused (unique per gateway).
    other = make_dossier(setup["procedure"], setup["citizen"], code="000.00.44.H46-260305-0002")
    other_payment, _ = services.payment_start(dossier=other, user=setup["citizen"])
    response = post_json(client, signed(other_payment, transaction_id="GD-0001"))
    assert response.status_code == 400
    other_payment.refresh_from_db()
    assert other_payment.status == PaymentStatus.PENDING
    assert PaymentCallback.objects.filter(outcome=CallbackOutcome.CONFLICT, payment=other_payment).count() == 1


@pytest.mark.django_db
def test_only_the_applicant_starts_a_payment_and_only_when_due(client, setup):
    dossier, citizen, procedure = setup["dossier"], setup["citizen"], setup["procedure"]
    stranger = make_user("nguoi.la")

    with pytest.raises(services.PaymentError, match="Chỉ người nộp hồ sơ"):
        services.payment_start(dossier=dossier, user=stranger)
    login(client, stranger)
    assert client.post(f"/dich-vu-cong/thanh-toan/bat-dau/{dossier.pk}/").status_code == 404
    assert not Payment.objects.exists()
    client.logout()
    response = client.post(f"/dich-vu-cong/thanh-toan/bat-dau/{dossier.pk}/")
    assert response.status_code == 302 and "next=" in response["Location"]  # to the login page
    login(client, citizen)
    assert client.get(f"/dich-vu-cong/thanh-toan/bat-dau/{dossier.pk}/").status_code == 405

    # A double click reuses the pending order instead of opening a second one.
    first, url = services.payment_start(dossier=dossier, user=citizen)
    again, url_again = services.payment_start(dossier=dossier, user=citizen)
    assert first.pk == again.pk and url == url_again
    assert url.startswith(f"/dich-vu-cong/thanh-toan/sandbox/{first.order_ref}/?ve=")
    assert (first.amount, first.unit_id, first.gateway) == (FEE, dossier.handling_unit_id, "sandbox")

    # The fee changed (officer corrected it): the old order is cancelled, a new one carries the new amount.
    dossier.fee_amount = 70000
    dossier.save(update_fields=["fee_amount"])
    newer, _ = services.payment_start(dossier=dossier, user=citizen)
    first.refresh_from_db()
    assert first.status == PaymentStatus.CANCELLED and newer.amount == 70000 and newer.pk != first.pk

    services.payment_confirm(gateway="sandbox", result=_success(newer))
    with pytest.raises(services.PaymentError, match="đã được thanh toán"):
        services.payment_start(dossier=dossier, user=citizen)
    response = client.post(f"/dich-vu-cong/thanh-toan/bat-dau/{dossier.pk}/")
    assert response.status_code == 409
    assert "Hồ sơ đã được thanh toán phí, lệ phí." in response.content.decode()

    free = make_dossier(procedure, citizen, code="D-FREE", fee=0)
    with pytest.raises(services.PaymentError, match="không phải nộp phí"):
        services.payment_start(dossier=free, user=citizen)
    closed = make_dossier(procedure, citizen, code="D-CLOSED", status=DossierStatus.WITHDRAWN)
    with pytest.raises(services.PaymentError, match="Đã rút hồ sơ"):
        services.payment_start(dossier=closed, user=citizen)
    draft = make_dossier(procedure, citizen, code="D-DRAFT", status=DossierStatus.DRAFT)
    with pytest.raises(services.PaymentError):
        services.payment_start(dossier=draft, user=citizen)
    procedure.online_payment = False
    procedure.save()
    offline = make_dossier(procedure, citizen, code="D-OFFLINE")
    with pytest.raises(services.PaymentError, match="chưa hỗ trợ thanh toán trực tuyến"):
        services.payment_start(dossier=offline, user=citizen)
    assert Payment.objects.filter(dossier__in=[free, closed, draft, offline]).count() == 0


def _success(payment):
    from portal.payments.gateways import CallbackResult

    return CallbackResult(order_ref=payment.order_ref, transaction_id="GD-X", amount=payment.amount, success=True)
