"""Reads for the takedown and report queues, scoped to the user's units (None = every unit)."""

from django.db.models import Prefetch

from portal.takedown.constants import OPEN_REPORT_STATUSES, TakedownStatus
from portal.takedown.models import TakedownItem, TakedownRequest, ViolationReport


def takedown_list(unit_ids: set[int] | None, *, status: str | None = None):
    qs = TakedownRequest.objects.select_related("executed_by").prefetch_related(
        Prefetch("items", queryset=TakedownItem.objects.select_related("unit"))
    )
    if unit_ids is not None:
        qs = qs.filter(items__unit_id__in=unit_ids).distinct()
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-received_at")


def takedown_get(pk: int, unit_ids: set[int] | None) -> TakedownRequest | None:
    return takedown_list(unit_ids).filter(pk=pk).first()


def takedown_open():
    return TakedownRequest.objects.filter(status=TakedownStatus.RECEIVED).prefetch_related("items").order_by("received_at")


def report_queue(unit_ids: set[int] | None, *, open_only: bool = True):
    qs = ViolationReport.objects.select_related("unit", "resolved_by", "takedown")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    if open_only:
        qs = qs.filter(status__in=OPEN_REPORT_STATUSES).order_by("resolve_due", "received_at")
    else:
        qs = qs.exclude(status__in=OPEN_REPORT_STATUSES).order_by("-resolved_at")
    return qs


def report_get(pk: int, unit_ids: set[int] | None) -> ViolationReport | None:
    qs = ViolationReport.objects.select_related("unit", "resolved_by", "takedown").filter(pk=pk)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs.first()
