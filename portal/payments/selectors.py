"""Reads for payments: the citizen's result page and the daily reconciliation per unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from portal.payments.gateways import SettlementLine, gateway_get, gateway_names
from portal.payments.models import Payment, PaymentStatus


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a local calendar day, as aware datetimes (index-friendly, unlike __date lookups)."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return start, timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def payment_for_payer(order_ref: str, user) -> Payment | None:
    """The payment, if `user` is the applicant of its dossier (anyone else gets nothing, not an error)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Payment.objects.select_related("dossier", "dossier__procedure", "unit")
        .filter(order_ref=order_ref, dossier__applicant=user).first()
    )


@dataclass
class Mismatch:
    gateway: str
    order_ref: str
    transaction_id: str
    our_amount: int | None  # None: not paid here that day
    settled_amount: int | None  # None: not in the gateway's settlement
    reason: str
    dossier_code: str = ""


@dataclass
class UnitReconciliation:
    unit: object | None  # None: settlement lines we cannot place (no such order here)
    paid_count: int = 0
    paid_sum: int = 0
    settled_count: int = 0
    settled_sum: int = 0
    not_settled: list[Mismatch] = field(default_factory=list)  # paid here, not in the settlement
    not_paid_here: list[Mismatch] = field(default_factory=list)  # settled, not paid here that day
    amount_differs: list[Mismatch] = field(default_factory=list)

    @property
    def mismatches(self) -> list[Mismatch]:
        return [*self.not_settled, *self.not_paid_here, *self.amount_differs]

    @property
    def balanced(self) -> bool:
        return not self.mismatches and self.paid_count == self.settled_count and self.paid_sum == self.settled_sum


def payments_reconcile(day: dt.date, unit=None, *, unit_ids: set[int] | None = None) -> list[UnitReconciliation]:
    """Our paid payments of `day` against what each gateway settled that day, per unit.

    `unit` (or `unit_ids`) limits the report to those units; without either, settlement lines we
    cannot place come last under `unit=None`. Matching is by (gateway, transaction id).
    """
    if unit is not None:
        unit_ids = {unit.pk}
    start, end = day_bounds(day)
    paid = Payment.objects.filter(status=PaymentStatus.PAID, paid_at__gte=start, paid_at__lt=end)
    if unit_ids is not None:
        paid = paid.filter(unit_id__in=unit_ids)
    ours = {(p.gateway, p.transaction_id): p for p in paid.select_related("unit", "dossier").order_by("paid_at", "pk")}

    settled: dict[tuple[str, str], SettlementLine] = {}
    for name in gateway_names():
        for line in gateway_get(name).settlement(day):
            settled[(name, line.transaction_id)] = line

    # Lines with no payment of ours that day: find their order (any status, any day) to place them under a unit.
    strays = [(key, line) for key, line in settled.items() if key not in ours]
    orders = {
        p.order_ref: p for p in Payment.objects.select_related("unit", "dossier").filter(order_ref__in={line.order_ref for _, line in strays})
    }

    rows: dict[int | None, UnitReconciliation] = {}

    def row(unit_obj) -> UnitReconciliation:
        key = unit_obj.pk if unit_obj is not None else None
        if key not in rows:
            rows[key] = UnitReconciliation(unit=unit_obj)
        return rows[key]

    if unit is not None:
        row(unit)
    for key, payment in ours.items():
        r = row(payment.unit)
        r.paid_count += 1
        r.paid_sum += payment.amount
        line = settled.get(key)
        code = payment.dossier.code or ""
        if line is None:
            r.not_settled.append(Mismatch(payment.gateway, payment.order_ref, payment.transaction_id, payment.amount, None,
                                          "Đã ghi nhận thanh toán nhưng cổng thanh toán không quyết toán.", code))
            continue
        r.settled_count += 1
        r.settled_sum += line.amount
        if line.amount != payment.amount:
            r.amount_differs.append(Mismatch(payment.gateway, payment.order_ref, payment.transaction_id, payment.amount,
                                             line.amount, "Số tiền quyết toán khác số tiền đã ghi nhận.", code))
    for (gateway, transaction_id), line in strays:
        payment = orders.get(line.order_ref)
        if payment is None or payment.gateway != gateway:
            if unit_ids is not None:
                continue  # not placeable under the units asked for
            r, reason, code = row(None), "Cổng thanh toán quyết toán một đơn không có trên cổng.", ""
        else:
            if unit_ids is not None and payment.unit_id not in unit_ids:
                continue
            r, code = row(payment.unit), payment.dossier.code or ""
            if payment.status == PaymentStatus.PAID and payment.transaction_id == transaction_id:
                reason = f"Đã ghi nhận thanh toán vào ngày khác ({timezone.localtime(payment.paid_at):%d/%m/%Y})."
            elif payment.status == PaymentStatus.PAID:
                reason = "Đơn đã thanh toán bằng giao dịch khác: thu trùng, cần hoàn tiền."
            else:
                reason = f"Cổng đã thu tiền nhưng đơn đang ở trạng thái “{payment.get_status_display()}”."
        r.settled_count += 1
        r.settled_sum += line.amount
        r.not_paid_here.append(Mismatch(gateway, line.order_ref, transaction_id, None, line.amount, reason, code))

    def order(r: UnitReconciliation):
        return (r.unit is None, getattr(r.unit, "sort_order", 0), getattr(r.unit, "name", ""))

    return sorted(rows.values(), key=order)
