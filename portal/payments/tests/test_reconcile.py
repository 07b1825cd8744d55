"""Reconciliation per unit and day: selector, admin page, command and API against a hand count with planted mismatches."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from portal.conftest import make_user
from portal.editorial.constants import Role
from portal.payments import services
from portal.payments.models import Payment, PaymentStatus
from portal.payments.selectors import payments_reconcile
from portal.payments.tests.conftest import at, login, make_dossier, make_unit, signed
from portal.units.provisioning import sites_provision
from portal.units.services import units_relabel

DAY = dt.date(2026, 3, 5)


def paid_by_callback(dossier, citizen, transaction_id, when):
    payment, _ = services.payment_start(dossier=dossier, user=citizen)
    receipt = services.payment_callback_receive(gateway="sandbox", data=signed(payment, transaction_id=transaction_id), now=when)
    assert receipt.outcome == "paid"
    payment.refresh_from_db()
    return payment


@pytest.mark.django_db
def test_reconciliation_per_unit_and_day(client, setup, django_assert_max_num_queries):
    unit_a, citizen, procedure = setup["unit"], setup["citizen"], setup["procedure"]
    unit_b = make_unit(code="44-SBH", name="Sở Bảo hiểm thử nghiệm")
    units_relabel()
    unit_b.refresh_from_db()
    sites_provision(units=[unit_b])

    codes = iter(f"000.00.44.H46-260305-{n:04d}" for n in range(100, 200))

    def dossier(unit=unit_a, fee=50000):
        return make_dossier(procedure, citizen, unit=unit, code=next(codes), fee=fee)

    p1 = paid_by_callback(setup["dossier"], citizen, "GD-A1", at(2026, 3, 5, 8))
    p2 = paid_by_callback(dossier(), citizen, "GD-A2", at(2026, 3, 5, 9))
    p3 = paid_by_callback(dossier(fee=30000), citizen, "GD-A3", at(2026, 3, 5, 23, 59))
    b1 = paid_by_callback(dossier(unit=unit_b, fee=70000), citizen, "GD-B1", at(2026, 3, 5, 0, 1))
    paid_by_callback(dossier(), citizen, "GD-A6", at(2026, 3, 6, 0, 0))  # the next day: not counted on DAY
    paid_by_callback(dossier(), citizen, "GD-A7", at(2026, 3, 4, 23, 59))  # the day before

    # Planted: marked paid here with no gateway settlement (someone edited the database by hand).
    p4, _ = services.payment_start(dossier=dossier(), user=citizen)
    Payment.objects.filter(pk=p4.pk).update(status=PaymentStatus.PAID, transaction_id="GD-TAY", paid_at=at(2026, 3, 5, 11))
    # Planted: our record of p2 says 55.000 while the gateway settled 50.000.
    Payment.objects.filter(pk=p2.pk).update(amount=55000)
    # Planted: the gateway collected p5, but our record says it failed.
    p5 = paid_by_callback(dossier(), citizen, "GD-A5", at(2026, 3, 5, 14))
    Payment.objects.filter(pk=p5.pk).update(status=PaymentStatus.FAILED, transaction_id="", paid_at=None)

    with django_assert_max_num_queries(5):
        rows = {r.unit.code: r for r in payments_reconcile(DAY)}
    assert set(rows) == {unit_a.code, unit_b.code}
    a, b = rows[unit_a.code], rows[unit_b.code]
    # By hand: ours p1 50.000 + p2 55.000 + p3 30.000 + p4 50.000; settled p1, p2, p3 (50.000 each, 30.000) + p5 50.000.
    assert (a.paid_count, a.paid_sum, a.settled_count, a.settled_sum) == (4, 185000, 4, 180000)
    assert [m.order_ref for m in a.not_settled] == [p4.order_ref]
    assert [(m.order_ref, m.our_amount, m.settled_amount) for m in a.amount_differs] == [(p2.order_ref, 55000, 50000)]
    assert [(m.order_ref, m.transaction_id, m.settled_amount) for m in a.not_paid_here] == [(p5.order_ref, "GD-A5", 50000)]
    assert "Không thành công" in a.not_paid_here[0].reason
    assert not a.balanced
    assert (b.paid_count, b.paid_sum, b.settled_count, b.settled_sum, b.balanced) == (1, 70000, 1, 70000, True)
    assert p1.order_ref and p3.order_ref and b1.order_ref  # matched, so in no list
    only_b = payments_reconcile(DAY, unit=unit_b)
    assert [r.unit.code for r in only_b] == [unit_b.code] and only_b[0].balanced
    empty = payments_reconcile(dt.date(2026, 3, 1), unit=unit_b)
    assert [(r.paid_count, r.settled_count, r.balanced) for r in empty] == [(0, 0, True)]

    # The command: text and JSON.
    out = StringIO()
    call_command("reconcile_payments", "--date", "2026-03-05", stdout=out)
    text = out.getvalue()
    assert "Đối soát thanh toán ngày 05/03/2026" in text
    assert f"Sở Thử nghiệm ({unit_a.code}): CÓ CHÊNH LỆCH" in text
    assert "Đã ghi nhận: 4 khoản, 185.000 đồng" in text and "Quyết toán:  4 khoản, 180.000 đồng" in text
    assert f"Sở Bảo hiểm thử nghiệm ({unit_b.code}): khớp" in text
    assert p4.order_ref in text and p5.order_ref in text
    out = StringIO()
    call_command("reconcile_payments", "--date", "2026-03-05", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["balanced"] is False
    by_unit = {u["unit"]: u for u in report["units"]}
    assert sorted(m["kind"] for m in by_unit[unit_a.code]["mismatches"]) == ["amount_differs", "not_paid_here", "not_settled"]
    assert by_unit[unit_b.code] == {
        "unit": unit_b.code, "unit_name": unit_b.name, "paid_count": 1, "paid_sum": 70000, "settled_count": 1,
        "settled_sum": 70000, "balanced": True, "mismatches": [],
    }

    # The admin page: the platform operator sees every unit; a unit's board head only their own.
    admin = make_user("quan.tri", is_superuser=True, is_staff=True)
    login(client, admin)
    html = client.get("/admin/thanh-toan/doi-soat/", {"ngay": "05/03/2026"}).content.decode()
    assert "Sở Thử nghiệm" in html and "Sở Bảo hiểm thử nghiệm" in html and "Có chênh lệch" in html
    assert p4.order_ref in html and p5.order_ref in html
    assert "Ngày không hợp lệ" in client.get("/admin/thanh-toan/doi-soat/", {"ngay": "31/02/2026"}).content.decode()

    head_b = make_user("sbh.tb", (unit_b, Role.BOARD_HEAD))
    login(client, head_b)
    response = client.get("/admin/thanh-toan/doi-soat/", {"ngay": "05/03/2026", "don-vi": unit_a.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sở Bảo hiểm thử nghiệm" in html and "Sở Thử nghiệm" not in html and p4.order_ref not in html
    assert "Khớp" in html
    editor_b = make_user("sbh.btv", (unit_b, Role.EDITOR))
    login(client, editor_b)
    assert client.get("/admin/thanh-toan/doi-soat/").status_code in (302, 403)

    # The API, for the same people.
    url = "/api/v1/payments/reconciliation"
    assert client.get(url, {"date": "2026-03-05"}).status_code == 403
    login(client, head_b)
    data = client.get(url, {"date": "2026-03-05"}).json()
    assert [u["unit"] for u in data["units"]] == [unit_b.code] and data["balanced"] is True
    assert client.get(url, {"date": "2026-03-05", "unit": unit_a.code}).status_code == 404
    login(client, admin)
    data = client.get(url, {"date": "2026-03-05", "unit": unit_a.code}).json()
    assert data["units"][0]["paid_sum"] == 185000 and data["balanced"] is False
    client.logout()
    assert client.get(url, {"date": "2026-03-05"}).status_code == 401
