"""Reads for dossiers: reception points, the officers' work queue, the citizen's list, lookup."""

import datetime as dt

from django.db.models import Prefetch, Q
from django.utils import timezone

from portal.dossiers import permissions
from portal.dossiers.constants import IN_HAND, OPEN_STATUSES, DossierStatus
from portal.dossiers.models import Dossier, DossierApology, DossierEvent
from portal.rules.services import rule_value, working_days_add
from portal.units.constants import UnitKind
from portal.units.models import Unit


def reception_points(handling_unit) -> list[Unit]:
    """Where a dossier may be handed in: the handling unit, the province's centre and every commune (NĐ 118/2025:
    receipt does not depend on the administrative boundary)."""
    units = Unit.objects.filter(
        Q(pk=handling_unit.pk) | Q(kind__in=[UnitKind.PROVINCE, UnitKind.COMMUNE]), site__isnull=False,
    ).order_by("sort_order", "name")
    return list(units)


def queue_for(user, *, unit_id: int | None = None, status: str | None = None, flag: str | None = None, today=None):
    """The officer's work queue: open dossiers of the units they work for, earliest appointment first."""
    today = today or timezone.localdate()
    units = permissions.units_user_supervises(user)
    qs = Dossier.objects.filter(status__in=OPEN_STATUSES).select_related("procedure", "handling_unit", "receiving_unit")
    if units is not None:
        qs = qs.filter(Q(handling_unit_id__in=units) | Q(receiving_unit_id__in=units))
    if unit_id:
        qs = qs.filter(Q(handling_unit_id=unit_id) | Q(receiving_unit_id=unit_id))
    if status:
        qs = qs.filter(status=status)
    soon = working_days_add(today, rule_value("dossier.due_soon_working_days", on=today))
    if flag == "overdue":
        qs = qs.filter(status__in=IN_HAND, appointment_date__lt=today)
    elif flag == "due_soon":
        qs = qs.filter(status__in=IN_HAND, appointment_date__gte=today, appointment_date__lte=soon)
    qs = qs.prefetch_related(Prefetch("apologies", queryset=DossierApology.objects.order_by("issued_at")))
    return qs.order_by("appointment_date", "submitted_at", "pk"), soon


def dossiers_of_applicant(user):
    return (
        Dossier.objects.filter(applicant=user).select_related("procedure", "handling_unit", "receiving_unit")
        .order_by("-updated_at", "-pk")
    )


def dossier_for_lookup(code: str, phone_tail: str) -> Dossier | None:
    """The dossier only when both the code and the last four digits of the phone match."""
    code = (code or "").strip().upper()
    tail = "".join(ch for ch in (phone_tail or "") if ch.isdigit())
    if not code or len(tail) != 4:
        return None
    rows = (
        Dossier.objects.filter(code=code).exclude(status=DossierStatus.DRAFT)
        .select_related("procedure", "handling_unit")
        .only("code", "status", "applicant_phone", "submitted_at", "received_at", "appointment_date", "procedure__name",
              "handling_unit__name", "handling_unit__short_name", "handling_unit__kind", "handling_unit__division_type")
        .order_by()[:1]  # the code is unique
    )
    dossier = next(iter(rows), None)
    if dossier is None or dossier.phone_tail != tail:
        return None
    return dossier


def timeline(dossier) -> list[DossierEvent]:
    return list(dossier.events.select_related("from_unit", "to_unit").order_by("at", "pk"))


def public_timeline(dossier) -> list[DossierEvent]:
    """What the lookup shows: time, action, state, receiving unit — no notes, no people."""
    return list(
        dossier.events.select_related("to_unit")
        .only("at", "action", "from_status", "to_status", "dossier_id", "to_unit__name", "to_unit__kind",
              "to_unit__division_type")
        .order_by("at", "pk")
    )


def is_overdue(dossier, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return dossier.status in IN_HAND and dossier.appointment_date is not None and dossier.appointment_date < today
