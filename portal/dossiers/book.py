"""The tracking book (Sổ theo dõi hồ sơ, Mẫu 06 TT 01/2018): a read-only selector over a unit's dossiers.

A dossier belongs in a unit's book when the unit received it or handles it (NĐ 118/2025 lets the two differ).
Three queries whatever the number of rows: dossiers with their procedure and units, then the apology letters.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from portal.dossiers.constants import DossierStatus, SubmissionChannel, Timeliness
from portal.dossiers.models import Dossier, DossierApology

# Book-only states of an unresolved dossier, next to Timeliness (early / on time / late).
OPEN = "open"
OVERDUE = "overdue"
SUSPENDED = "suspended"
TIMELINESS_LABELS = {
    **dict(Timeliness.choices),
    OPEN: "Đang giải quyết, trong hạn",
    OVERDUE: "Quá hạn, chưa có kết quả",
    SUSPENDED: "Đang tạm dừng tính hạn",
}

CHANNEL_NOTES = {SubmissionChannel.ONLINE: "Nộp trực tuyến", SubmissionChannel.POST: "Nộp qua bưu chính"}


@dataclass(frozen=True)
class BookRow:
    number: int
    dossier: Dossier
    code: str
    procedure_name: str
    applicant_name: str
    address_phone: str
    receiving_unit_name: str
    handling_unit_name: str
    received_on: dt.date | None
    appointment_on: dt.date | None
    due_on: dt.date | None
    resolved_on: dt.date | None
    returned_on: dt.date | None
    timeliness: str  # a Timeliness value, OPEN, OVERDUE, SUSPENDED or "" (refused, withdrawn)
    timeliness_label: str
    note: str


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


def dossier_timeliness(dossier: Dossier, *, today: dt.date) -> str:
    """Early / on time / late against the legal due date once resolved; open or overdue today otherwise."""
    if dossier.status in (DossierStatus.REFUSED, DossierStatus.WITHDRAWN):
        return ""
    resolved = _local_date(dossier.resolved_at)
    due = dossier.legal_due_date
    if resolved is not None:
        if due is None:
            return ""
        if resolved < due:
            return Timeliness.EARLY
        return Timeliness.ON_TIME if resolved == due else Timeliness.LATE
    if dossier.status == DossierStatus.SUSPENDED:
        return SUSPENDED  # the clock is stopped: the due date moves when it resumes
    if due is not None and today > due:
        return OVERDUE
    return OPEN


def _note(dossier: Dossier, unit_id: int) -> str:
    parts = []
    if dossier.channel in CHANNEL_NOTES:
        parts.append(CHANNEL_NOTES[dossier.channel])
    if dossier.receiving_unit_id != dossier.handling_unit_id:
        if unit_id == dossier.handling_unit_id:
            parts.append(f"Tiếp nhận tại {dossier.receiving_unit.display_name}")
        else:
            parts.append(f"Chuyển {dossier.handling_unit.display_name} giải quyết")
    for apology in dossier.apologies.all():
        late = " (gửi muộn)" if apology.late else ""
        parts.append(f"Xin lỗi, hẹn lại ngày {apology.new_date:%d/%m/%Y}{late}")
    if dossier.status == DossierStatus.REFUSED:
        reason = dossier.refusal_reason.strip()
        parts.append(f"Từ chối: {reason}" if reason else "Từ chối tiếp nhận, giải quyết")
    elif dossier.status == DossierStatus.WITHDRAWN:
        parts.append("Người nộp đã rút hồ sơ")
    return "; ".join(parts)


def tracking_book_dossiers(unit, start: dt.date, end: dt.date):
    """Dossiers the unit received or handles, accepted on a day in [start, end] (local time), oldest first."""
    tz = timezone.get_current_timezone()
    since = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return (
        Dossier.objects.filter(Q(handling_unit=unit) | Q(receiving_unit=unit), received_at__gte=since, received_at__lt=until)
        .select_related("procedure", "receiving_unit", "handling_unit")
        .prefetch_related(Prefetch("apologies", queryset=DossierApology.objects.order_by("issued_at", "pk")))
        .order_by("received_at", "pk")
    )


def tracking_book_rows(unit, start: dt.date, end: dt.date, *, today: dt.date | None = None) -> list[BookRow]:
    today = today or timezone.localdate()
    rows = []
    for number, dossier in enumerate(tracking_book_dossiers(unit, start, end), start=1):
        timeliness = dossier_timeliness(dossier, today=today)
        contact = [part for part in (dossier.applicant_address.strip(), dossier.applicant_phone.strip()) if part]
        rows.append(BookRow(
            number=number,
            dossier=dossier,
            code=dossier.code or "",
            procedure_name=dossier.procedure.name,
            applicant_name=dossier.applicant_name,
            address_phone=" – ".join(contact),
            receiving_unit_name=dossier.receiving_unit.display_name,
            handling_unit_name=dossier.handling_unit.display_name,
            received_on=_local_date(dossier.received_at),
            appointment_on=dossier.appointment_date,
            due_on=dossier.legal_due_date,
            resolved_on=_local_date(dossier.resolved_at),
            returned_on=_local_date(dossier.returned_at),
            timeliness=timeliness,
            timeliness_label=TIMELINESS_LABELS.get(timeliness, "—"),
            note=_note(dossier, unit.pk),
        ))
    return rows


def tracking_book_totals(rows: list[BookRow]) -> dict[str, int]:
    """Counts by timeliness for the summary line under the table."""
    totals = {"all": len(rows), **dict.fromkeys(TIMELINESS_LABELS, 0)}
    for row in rows:
        if row.timeliness:
            totals[row.timeliness] += 1
    return totals
