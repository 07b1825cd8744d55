"""The citizen's path through the test client: start → sandbox gateway page → return page."""

import threading
from urllib.parse import urlsplit

import pytest
from django.db import connection

from portal.conftest import make_user
from portal.payments import services
from portal.payments.models import CallbackOutcome, Payment, PaymentCallback, PaymentStatus
from portal.payments.tests.conftest import login, make_dossier, signed


@pytest.mark.django_db
def test_sandbox_pay_and_cancel_through_the_pages(client, setup):
    dossier, citizen = setup["dossier"], setup["citizen"]
    login(client, citizen)

    response = client.post(f"/dich-vu-cong/thanh-toan/bat-dau/{dossier.pk}/")
    assert response.status_code == 302
    payment = Payment.objects.get(dossier=dossier)
    sandbox_url = response["Location"]
    assert urlsplit(sandbox_url).path == f"/dich-vu-cong/thanh-toan/sandbox/{payment.order_ref}/"

    page = client.get(sandbox_url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Cổng thanh toán thử nghiệm — không trừ tiền thật" in html
    assert "50.000 đồng" in html and dossier.code in html and "Sở Thử nghiệm" in html
    assert ">Thanh toán</button>" in html and ">Hủy giao dịch</button>" in html

    # Someone else cannot open or press the sandbox page of this order.
    other = make_user("nguoi.khac")
    login(client, other)
    assert client.get(sandbox_url).status_code == 404
    assert client.post(sandbox_url, {"action": "pay"}).status_code == 404
    assert client.get(f"/dich-vu-cong/thanh-toan/ket-qua/{payment.order_ref}/").status_code == 404

    login(client, citizen)
    response = client.post(sandbox_url, {"action": "pay"})
    assert response.status_code == 302
    result_url = response["Location"]
    assert urlsplit(result_url).path == f"/dich-vu-cong/thanh-toan/ket-qua/{payment.order_ref}/"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.transaction_id.startswith("SBX")
    callback = PaymentCallback.objects.get(payment=payment)
    assert callback.signature_valid and callback.outcome == CallbackOutcome.PAID

    html = client.get(result_url).content.decode()
    assert "Thanh toán thành công." in html and payment.transaction_id in html
    assert f'href="/dich-vu-cong/ho-so/{dossier.pk}/"' in html
    # Pressing again (back button) changes nothing.
    assert client.post(sandbox_url, {"action": "pay"}).status_code == 302
    assert Payment.objects.filter(status="paid").count() == 1 and PaymentCallback.objects.count() == 1

    # Another dossier: the citizen cancels on the gateway page.
    second = make_dossier(setup["procedure"], citizen, code="000.00.44.H46-260305-0009")
    sandbox_url = client.post(f"/dich-vu-cong/thanh-toan/bat-dau/{second.pk}/")["Location"]
    result_url = client.post(sandbox_url, {"action": "cancel"})["Location"]
    html = client.get(result_url).content.decode()
    assert "Bạn đã hủy giao dịch." in html
    cancelled = Payment.objects.get(dossier=second)
    assert cancelled.status == PaymentStatus.CANCELLED and cancelled.paid_at is None
    # After cancelling, the citizen can start again: a fresh order.
    client.post(f"/dich-vu-cong/thanh-toan/bat-dau/{second.pk}/")
    assert Payment.objects.filter(dossier=second, status=PaymentStatus.PENDING).exclude(pk=cancelled.pk).count() == 1

    # The return address must stay on this site (no open redirect through the sandbox).
    third = make_dossier(setup["procedure"], citizen, code="000.00.44.H46-260305-0010")
    client.post(f"/dich-vu-cong/thanh-toan/bat-dau/{third.pk}/")
    order = Payment.objects.get(dossier=third).order_ref
    response = client.post(f"/dich-vu-cong/thanh-toan/sandbox/{order}/?ve=https://evil.example/", {"action": "pay"})
    assert response["Location"] == f"/dich-vu-cong/thanh-toan/ket-qua/{order}/"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite locks the whole database: concurrent writers are tested on PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_duplicate_callbacks_record_one_payment(setup):
    """The gateway retries while the first delivery is still being processed: both are answered, one payment."""
    payment, _ = services.payment_start(dossier=setup["dossier"], user=setup["citizen"])
    data = signed(payment, transaction_id="GD-DONG-THOI")
    threads_count = 4
    barrier = threading.Barrier(threads_count)
    outcomes, errors = [], []

    def deliver():
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            outcomes.append(services.payment_callback_receive(gateway="sandbox", data=data).outcome)
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(outcomes) == ["duplicate"] * (threads_count - 1) + ["paid"]
    assert Payment.objects.filter(status="paid").count() == 1
    assert PaymentCallback.objects.filter(payment=payment).count() == threads_count
    from portal.dossiers.models import DossierEvent

    assert DossierEvent.objects.filter(dossier=setup["dossier"], action="pay").count() == 1
