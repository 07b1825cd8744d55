"""Reads for the consultation pages, the moderation queue and the API; listings cost a fixed number of queries."""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.consultation.models import ConsultationPage, DraftComment
from portal.moderation.constants import ModerationStatus
from portal.pages.selectors import descendants_q

RANK_OPEN, RANK_UPCOMING, RANK_CLOSED = 0, 1, 2


def approved_count_subquery():
    counted = (
        DraftComment.objects.filter(consultation_id=OuterRef("pk"), status=ModerationStatus.APPROVED)
        .order_by()
        .values("consultation_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _ordered(queryset, now):
    """Open first (closing soonest first), then upcoming, then closed (latest closed first)."""
    return (
        queryset.annotate(
            rank=Case(
                When(opens_at__gt=now, then=Value(RANK_UPCOMING)),
                When(closes_at__gt=now, then=Value(RANK_OPEN)),
                default=Value(RANK_CLOSED),
                output_field=IntegerField(),
            ),
            approved_count=approved_count_subquery(),
        )
        .annotate(
            open_key=Case(When(rank=RANK_OPEN, then=F("closes_at"))),
            upcoming_key=Case(When(rank=RANK_UPCOMING, then=F("opens_at"))),
            closed_key=Case(When(rank=RANK_CLOSED, then=F("closes_at"))),
        )
        .order_by(
            "rank",
            F("open_key").asc(nulls_last=True),
            F("upcoming_key").asc(nulls_last=True),
            F("closed_key").desc(nulls_last=True),
            "-id",
        )
    )


def consultation_listing(index_page, *, now=None):
    """The live consultations below an index page, with their approved comment counts."""
    now = now or timezone.now()
    queryset = ConsultationPage.objects.live().filter(descendants_q(index_page)).select_related("unit")
    # The report's text stays unread: the listing only needs to know whether there is one.
    return (
        _ordered(queryset, now)
        .annotate(
            report_ready=Case(
                When(Q(report_body="") & Q(report_document__isnull=True), then=Value(False)),
                default=Value(True),
                output_field=BooleanField(),
            )
        )
        .defer("body", "report_body", "legal_basis")
    )


def consultation_list_for_unit(unit_id, *, now=None, status: str | None = None):
    """A unit's live consultations for the API, optionally only open / closed / upcoming ones."""
    now = now or timezone.now()
    queryset = ConsultationPage.objects.live().filter(unit_id=unit_id).select_related("unit")
    if status == "open":
        queryset = queryset.filter(opens_at__lte=now, closes_at__gt=now)
    elif status == "upcoming":
        queryset = queryset.filter(opens_at__gt=now)
    elif status == "closed":
        queryset = queryset.filter(closes_at__lte=now)
    return _ordered(queryset, now)


def approved_comments(consultation):
    """What the public sees of a consultation's comments: name, date, content and the response."""
    return (
        DraftComment.objects.filter(consultation=consultation, status=ModerationStatus.APPROVED)
        .only("id", "name", "content", "created_at", "response", "responded_at")
        .order_by("created_at", "id")
    )


def moderation_queue(unit_ids, *, status: str = ModerationStatus.PENDING, consultation_id: int | None = None):
    """Comments of the given units (None: all units) in one moderation status, oldest first when pending."""
    queryset = DraftComment.objects.filter(status=status).select_related("consultation", "unit")
    if unit_ids is not None:
        queryset = queryset.filter(unit_id__in=unit_ids)
    if consultation_id:
        queryset = queryset.filter(consultation_id=consultation_id)
    ordering = ("created_at", "id") if status == ModerationStatus.PENDING else ("-moderated_at", "-id")
    return queryset.defer("consultation__body", "consultation__report_body").order_by(*ordering)


def moderation_counts(unit_ids) -> dict[str, int]:
    queryset = DraftComment.objects.all()
    if unit_ids is not None:
        queryset = queryset.filter(unit_id__in=unit_ids)
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("id")))
    return {status: counts.get(status, 0) for status in ModerationStatus.values}


def comment_for_moderator(pk, unit_ids):
    """One comment if the moderator may see it, else None (the view answers 404 either way)."""
    queryset = DraftComment.objects.select_related("consultation", "unit", "moderated_by", "responded_by", "consent")
    if unit_ids is not None:
        queryset = queryset.filter(unit_id__in=unit_ids)
    return queryset.filter(pk=pk).first()


def consultations_missing_report(unit_id, *, closed_before):
    """Live consultations of a unit that closed before `closed_before` and still have no published report."""
    return (
        ConsultationPage.objects.live()
        .filter(unit_id=unit_id, closes_at__lte=closed_before)
        .filter(Q(report_body="") & Q(report_document__isnull=True))
        .order_by("closes_at")
    )


_GROUPS = {
    RANK_OPEN: ("open", "Đang lấy ý kiến"),
    RANK_UPCOMING: ("upcoming", "Sắp lấy ý kiến"),
    RANK_CLOSED: ("closed", "Đã kết thúc"),
}


def group_by_status(items, *, now) -> list[dict]:
    """One page of the listing cut into its status groups, in listing order; no query."""
    groups: list[dict] = []
    for item in items:
        if not groups or groups[-1]["rank"] != item.rank:
            code, label = _GROUPS[item.rank]
            groups.append({"rank": item.rank, "code": code, "label": label, "items": []})
        item.days_left_now = item.days_left(now)
        groups[-1]["items"].append(item)
    return groups
