"""Published statistics of dossier processing (L-61-stats, L-61-eval; issue #4 points 10–11).

Definitions — the page shows them as “Cách tính”; every figure is about the *handling* unit
(`Dossier.handling_unit`): statistics are the processing unit's, wherever the dossier was received.

- The period is [start, end] in local dates (Asia/Ho_Chi_Minh). Datetimes are compared with the
  local midnights that bound it (`[start 00:00, end + 1 day 00:00)`), never with `__date` lookups,
  so SQLite and PostgreSQL count the same dossier on the same day.
- *Received in the period*: `received_at` falls in the period, split by `channel` (online,
  in person, post). A dossier that was never received (draft, submitted and not yet received,
  refused or withdrawn before receipt) is not counted anywhere.
- *Carried over*: received before the period and still in hand when it began — neither resolved
  nor closed (refused, withdrawn) before `start`. This equals “in progress” at the end of the day
  before, so consecutive periods chain.
- *Resolved in the period*: `resolved_at` falls in the period, whatever the receipt date. The local
  date of `resolved_at` is compared with `legal_due_date`: earlier → early (trước hạn), the same
  day → on time (đúng hạn), later → late (quá hạn). A dossier without a legal due date (procedure
  without a time limit) cannot be late and counts as on time.
- *Refused after receipt* and *withdrawn*: received dossiers whose status is refused or withdrawn
  and whose `closed_at` falls in the period; counted apart, never as resolved.
- *In progress at the end*: received on or before `end`, neither resolved nor closed on or before
  `end`; of these, *overdue* when `legal_due_date` is before `end` (a dossier due on the last day
  of the period is still in time on that day).
- Hence carried over + received = resolved + refused + withdrawn + in progress (`DossierStats.balanced`).
- Rates, in per cent rounded half up to one decimal, None when the denominator is zero (shown
  as “—”): on-time rate = (early + on time) / resolved; overdue rate = late / resolved; online
  share = online received / received; satisfaction = ratings whose `rated_at` falls in the period,
  per level, over all those ratings (the rating copies the unit and procedure, so it filters alike).
- A period is at most `MAX_PERIOD_DAYS` days (a leap year) and ends today at the latest: a later
  end is cut to today, because “in progress at the end” of a day that has not come is not known.

Every figure is aggregated in the database with conditional counts: a fixed number of queries
whatever the number of dossiers (two for the figures, three for a table).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from portal.dossiers.constants import DossierStatus, Rating, SubmissionChannel
from portal.dossiers.models import Dossier, DossierRating

MAX_PERIOD_DAYS = 366
CLOSED_STATUSES = (DossierStatus.REFUSED, DossierStatus.WITHDRAWN)


class PeriodError(ValueError):
    """A period the statistics cannot be computed for; the message is for people, `field` says which date is wrong."""

    def __init__(self, message: str, field: str = "end"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _today() -> dt.date:
    return timezone.localdate()


def period_check(start: dt.date, end: dt.date, *, today: dt.date | None = None) -> Period:
    """The period to compute, or PeriodError: reversed, starting in the future, too long. A future end becomes today."""
    today = today or _today()
    if start > end:
        raise PeriodError("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")
    if start > today:
        raise PeriodError(f"Ngày bắt đầu không được sau hôm nay ({today:%d/%m/%Y}).", "start")
    end = min(end, today)
    if (end - start).days + 1 > MAX_PERIOD_DAYS:
        raise PeriodError(f"Kỳ thống kê dài tối đa {MAX_PERIOD_DAYS} ngày; hãy chọn khoảng ngắn hơn.")
    return Period(start, end)


def period_this_month(today: dt.date | None = None) -> Period:
    today = today or _today()
    return Period(today.replace(day=1), today)


def period_this_quarter(today: dt.date | None = None) -> Period:
    today = today or _today()
    return Period(dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)


def period_this_year(today: dt.date | None = None) -> Period:
    today = today or _today()
    return Period(dt.date(today.year, 1, 1), today)


def percent(part: int, whole: int) -> Decimal | None:
    """100 * part / whole, rounded half up to one decimal; None when there is nothing to divide by."""
    if not whole:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class DossierStats:
    start: dt.date
    end: dt.date
    carried_over: int = 0
    received: int = 0
    received_online: int = 0
    received_in_person: int = 0
    received_post: int = 0
    resolved: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    refused: int = 0
    withdrawn: int = 0
    in_progress: int = 0
    in_progress_overdue: int = 0
    rated_very_satisfied: int = 0
    rated_satisfied: int = 0
    rated_dissatisfied: int = 0

    @property
    def handled(self) -> int:
        """Tổng số hồ sơ phải giải quyết trong kỳ."""
        return self.carried_over + self.received

    @property
    def in_progress_on_track(self) -> int:
        return self.in_progress - self.in_progress_overdue

    @property
    def resolved_in_time(self) -> int:
        return self.resolved_early + self.resolved_on_time

    @property
    def on_time_rate(self) -> Decimal | None:
        return percent(self.resolved_in_time, self.resolved)

    @property
    def late_rate(self) -> Decimal | None:
        return percent(self.resolved_late, self.resolved)

    @property
    def online_share(self) -> Decimal | None:
        return percent(self.received_online, self.received)

    @property
    def ratings(self) -> int:
        return self.rated_very_satisfied + self.rated_satisfied + self.rated_dissatisfied

    @property
    def very_satisfied_rate(self) -> Decimal | None:
        return percent(self.rated_very_satisfied, self.ratings)

    @property
    def satisfied_rate(self) -> Decimal | None:
        return percent(self.rated_satisfied, self.ratings)

    @property
    def dissatisfied_rate(self) -> Decimal | None:
        return percent(self.rated_dissatisfied, self.ratings)

    @property
    def satisfaction_rate(self) -> Decimal | None:
        """Rất hài lòng + hài lòng over all ratings."""
        return percent(self.rated_very_satisfied + self.rated_satisfied, self.ratings)

    @property
    def balanced(self) -> bool:
        return self.handled == self.resolved + self.refused + self.withdrawn + self.in_progress

    @property
    def is_empty(self) -> bool:
        return not (self.handled or self.resolved or self.refused or self.withdrawn or self.ratings)


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware local midnights: the first instant of `start` and the first instant after `end`."""
    tz = timezone.get_default_timezone()
    first = timezone.make_aware(dt.datetime.combine(start, dt.time.min), tz)
    after = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min), tz)
    return first, after


def _dossier_counts(start: dt.date, end: dt.date) -> tuple[Q, dict]:
    """The row filter (dossiers in hand at some time in the period) and the conditional counts."""
    first, after = _bounds(start, end)
    resolved_day = TruncDate("resolved_at", tzinfo=timezone.get_default_timezone())
    closed = Q(status__in=CLOSED_STATUSES, closed_at__isnull=False)
    done_before_start = Q(resolved_at__lt=first) | (closed & Q(closed_at__lt=first))
    done_by_end = Q(resolved_at__lt=after) | (closed & Q(closed_at__lt=after))
    received_in = Q(received_at__gte=first, received_at__lt=after)
    resolved_in = Q(resolved_at__gte=first, resolved_at__lt=after)
    closed_in = closed & Q(closed_at__gte=first, closed_at__lt=after)
    in_progress = ~done_by_end  # rows are already received before `after`
    rows = Q(received_at__isnull=False, received_at__lt=after) & ~done_before_start
    counts = {
        "carried_over": Count("pk", filter=Q(received_at__lt=first)),
        "received": Count("pk", filter=received_in),
        "received_online": Count("pk", filter=received_in & Q(channel=SubmissionChannel.ONLINE)),
        "received_in_person": Count("pk", filter=received_in & Q(channel=SubmissionChannel.IN_PERSON)),
        "received_post": Count("pk", filter=received_in & Q(channel=SubmissionChannel.POST)),
        "resolved": Count("pk", filter=resolved_in),
        "resolved_early": Count("pk", filter=resolved_in & Q(legal_due_date__gt=resolved_day)),
        "resolved_on_time": Count(
            "pk", filter=resolved_in & (Q(legal_due_date=resolved_day) | Q(legal_due_date__isnull=True))
        ),
        "resolved_late": Count("pk", filter=resolved_in & Q(legal_due_date__lt=resolved_day)),
        "refused": Count("pk", filter=closed_in & Q(status=DossierStatus.REFUSED)),
        "withdrawn": Count("pk", filter=closed_in & Q(status=DossierStatus.WITHDRAWN)),
        "in_progress": Count("pk", filter=in_progress),
        "in_progress_overdue": Count("pk", filter=in_progress & Q(legal_due_date__lt=end)),
    }
    return rows, counts


def _rating_counts(start: dt.date, end: dt.date) -> tuple[Q, dict]:
    first, after = _bounds(start, end)
    return Q(rated_at__gte=first, rated_at__lt=after), {
        "rated_very_satisfied": Count("pk", filter=Q(rating=Rating.VERY_SATISFIED)),
        "rated_satisfied": Count("pk", filter=Q(rating=Rating.SATISFIED)),
        "rated_dissatisfied": Count("pk", filter=Q(rating=Rating.DISSATISFIED)),
    }


def _scoped(queryset, unit=None, procedure=None):
    if unit is not None:
        queryset = queryset.filter(handling_unit=unit)
    if procedure is not None:
        queryset = queryset.filter(procedure=procedure)
    return queryset


def dossier_statistics(*, start: dt.date, end: dt.date, unit=None, procedure=None) -> DossierStats:
    """The figures of one scope (the province when `unit` is None; one procedure if given). Two queries."""
    rows, counts = _dossier_counts(start, end)
    dossier_figures = _scoped(Dossier.objects.filter(rows), unit, procedure).aggregate(**counts)
    rated, rating_counts = _rating_counts(start, end)
    rating_figures = _scoped(DossierRating.objects.filter(rated), unit, procedure).aggregate(**rating_counts)
    return DossierStats(start=start, end=end, **dossier_figures, **rating_figures)


def _grouped(key: str, start: dt.date, end: dt.date, *, unit=None) -> dict[int, DossierStats]:
    """Figures per `key` (handling_unit or procedure) for every key with dossiers in hand or ratings in the period."""
    rows, counts = _dossier_counts(start, end)
    figures: dict[int, dict] = {}
    for row in _scoped(Dossier.objects.filter(rows), unit).order_by().values(key).annotate(**counts):
        figures.setdefault(row.pop(key), {}).update(row)
    rated, rating_counts = _rating_counts(start, end)
    for row in _scoped(DossierRating.objects.filter(rated), unit).order_by().values(key).annotate(**rating_counts):
        figures.setdefault(row.pop(key), {}).update(row)
    return {pk: DossierStats(start=start, end=end, **values) for pk, values in figures.items()}


@dataclass(frozen=True)
class UnitStats:
    unit: object
    stats: DossierStats


@dataclass(frozen=True)
class ProcedureStats:
    procedure: object
    stats: DossierStats


def dossier_statistics_by_unit(*, start: dt.date, end: dt.date) -> list[UnitStats]:
    """One row per handling unit that had dossiers in hand or ratings in the period, in the registry's order. Three queries."""
    from portal.units.models import Unit

    figures = _grouped("handling_unit", start, end)
    if not figures:
        return []
    units = Unit.objects.filter(pk__in=figures).order_by("sort_order", "code")
    return [UnitStats(unit, figures[unit.pk]) for unit in units]


def dossier_statistics_by_procedure(*, start: dt.date, end: dt.date, unit=None) -> list[ProcedureStats]:
    """One row per procedure with dossiers in hand or ratings in the period (of `unit` if given), by national code. Three queries."""
    from portal.procedures.models import Procedure

    figures = _grouped("procedure", start, end, unit=unit)
    if not figures:
        return []
    procedures = Procedure.objects.filter(pk__in=figures).only("pk", "national_code", "name").order_by("national_code")
    return [ProcedureStats(procedure, figures[procedure.pk]) for procedure in procedures]
