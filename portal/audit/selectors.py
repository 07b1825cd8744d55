"""Reads of the audit chain: verification, listings and exports."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from portal.audit.models import GENESIS_HASH, AuditAnchor, AuditEntry, RetainedPage
from portal.audit.services import entry_digest

EXPORT_FIELDS = (
    "seq", "occurred_at", "actor_id", "actor_name", "action", "object_type", "object_id", "object_label",
    "unit_code", "ip_address", "user_agent", "data", "prev_hash", "hash",
)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_seq: int | None = None
    last_seq: int | None = None
    broken: AuditEntry | None = None
    reason: str = ""


def chain_verify(*, chunk_size: int = 2000) -> ChainReport:
    """Recompute every hash from the anchor on; stop at the first entry that does not match."""
    anchor = AuditAnchor.objects.filter(pk=1).first()
    expected_seq = (anchor.seq if anchor else 0) + 1
    prev_hash = anchor.hash if anchor else GENESIS_HASH
    checked, first_seq, last_seq = 0, None, None
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=chunk_size):
        values = {name: getattr(entry, name) for name in EXPORT_FIELDS}
        reason = ""
        if entry.seq != expected_seq:
            reason = f"thiếu mục: cần số {expected_seq}, gặp số {entry.seq}"
        elif entry.prev_hash != prev_hash:
            reason = "mã băm mục trước không khớp (mục trước bị sửa, xoá hoặc chèn)"
        elif entry_digest(values) != entry.hash:
            reason = "nội dung mục đã bị sửa (mã băm không khớp)"
        if reason:
            return ChainReport(False, checked, first_seq, last_seq, broken=entry, reason=reason)
        first_seq = first_seq or entry.seq
        last_seq = entry.seq
        checked += 1
        expected_seq += 1
        prev_hash = entry.hash
    return ChainReport(True, checked, first_seq, last_seq)


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def entries_filtered(*, username: str = "", unit_codes=None, date_from: dt.date | None = None,
                     date_to: dt.date | None = None, action: str = ""):
    """Entries by the filters people use; `unit_codes` None means every site."""
    entries = AuditEntry.objects.all()
    if username:
        entries = entries.filter(actor_name=username)
    if unit_codes is not None:
        entries = entries.filter(unit_code__in=list(unit_codes))
    if date_from:
        entries = entries.filter(occurred_at__gte=_day_start(date_from))
    if date_to:
        entries = entries.filter(occurred_at__lt=_day_start(date_to + dt.timedelta(days=1)))
    if action:
        entries = entries.filter(action__startswith=action)
    return entries


def export_row(entry: AuditEntry) -> dict:
    row = {name: getattr(entry, name) for name in EXPORT_FIELDS}
    row["occurred_at"] = timezone.localtime(entry.occurred_at).isoformat()
    return row


def retained_pages(*, unit_ids=None):
    pages = RetainedPage.objects.select_related("unit", "deleted_by", "page")
    if unit_ids is not None:
        pages = pages.filter(unit_id__in=list(unit_ids))
    return pages.order_by("-deleted_at", "-pk")


def page_retained(page_id) -> RetainedPage | None:
    return RetainedPage.objects.filter(page_id=page_id).first()
