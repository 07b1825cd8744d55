"""Payments API: the daily reconciliation for the units the caller answers for (session login)."""

import datetime as dt

from django.http import Http404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from portal.payments import permissions
from portal.payments.selectors import payments_reconcile

router = Router(tags=["payments"])


class MismatchOut(Schema):
    kind: str
    gateway: str
    order_ref: str
    transaction_id: str
    dossier: str
    our_amount: int | None
    settled_amount: int | None
    reason: str


class UnitReconciliationOut(Schema):
    unit: str | None
    unit_name: str | None
    paid_count: int
    paid_sum: int
    settled_count: int
    settled_sum: int
    balanced: bool
    mismatches: list[MismatchOut]


class ReconciliationOut(Schema):
    date: dt.date
    balanced: bool
    units: list[UnitReconciliationOut]


@router.get("/payments/reconciliation", response=ReconciliationOut, auth=django_auth, summary="Đối soát thanh toán theo ngày")
def reconciliation(request, date: dt.date, unit: str | None = None):
    """Our paid payments of `date` against the gateways' settlement, per unit (superuser: all units; board head: own units)."""
    from portal.payments.management.commands.reconcile_payments import report_dict
    from portal.units.models import Unit

    unit_ids = permissions.units_user_reconciles(request.user)
    if unit_ids is not None and not unit_ids:
        raise HttpError(403, "Bạn không có quyền xem đối soát thanh toán.")
    if unit:
        unit_obj = Unit.objects.filter(code=unit).first()
        if unit_obj is None or (unit_ids is not None and unit_obj.pk not in unit_ids):
            raise Http404("Không có đơn vị này.")
        unit_ids = {unit_obj.pk}
    return report_dict(date, payments_reconcile(date, unit_ids=unit_ids))
