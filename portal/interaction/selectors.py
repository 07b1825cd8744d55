"""Reads for questions. Public listings cost a fixed number of queries whatever the number of rows."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from portal.core.text import fold
from portal.editorial.constants import Role
from portal.interaction.constants import OPEN_STATUSES, QuestionStatus
from portal.interaction.models import InteractionIndexPage, Question, Topic
from portal.interaction.permissions import QUEUE_ROLES, units_user_handles_questions_for
from portal.rules.services import rule_value, working_days_between

# What the public listing and the API read; never the asker's e-mail, phone or address.
_PUBLIC_FIELDS = (
    "id", "code", "kind", "title", "content", "answer", "asker_name", "received_at", "answered_at", "published_at",
    "unit_id", "topic__id", "topic__name",
)


def question_list_published(unit_id: int, *, topic_id: int | None = None, kind: str | None = None, q: str | None = None):
    """Published questions and answers of one unit, newest first; `q` ignores diacritics and case."""
    qs = Question.objects.filter(unit_id=unit_id, status=QuestionStatus.PUBLISHED)
    if topic_id:
        qs = qs.filter(topic_id=topic_id)
    if kind:
        qs = qs.filter(kind=kind)
    for word in fold(q or "").split():
        qs = qs.filter(search_text__contains=word)
    return qs.select_related("topic").only(*_PUBLIC_FIELDS).order_by("-published_at", "-id")


def question_get_published(unit_id: int, code: str) -> Question | None:
    return (
        Question.objects.filter(unit_id=unit_id, status=QuestionStatus.PUBLISHED, code=code.upper())
        .select_related("topic")
        .only(*_PUBLIC_FIELDS)
        .first()
    )


def question_lookup(unit_id: int, code: str, email: str) -> Question | None:
    """The asker's own item, by tracking code and e-mail (both must match)."""
    code, email = code.strip().upper(), email.strip()
    if not code or not email:
        return None
    return Question.objects.filter(unit_id=unit_id, code=code, asker_email__iexact=email).select_related("topic").first()


def topics_for_unit(unit_id: int, *, active_only: bool = True):
    qs = Topic.objects.filter(unit_id=unit_id)
    if active_only:
        qs = qs.filter(active=True)
    return qs.order_by("sort_order", "name")


def index_page_for_unit(unit_id: int) -> InteractionIndexPage | None:
    return InteractionIndexPage.objects.live().filter(unit_id=unit_id).order_by("depth", "path").first()


def question_list_overdue(*, today: dt.date, unit_ids=None):
    """Open items whose deadline has passed (today > due date), oldest deadline first."""
    qs = Question.objects.filter(status__in=OPEN_STATUSES, due_date__lt=today)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs.select_related("unit", "assignee").order_by("due_date", "received_at")


@dataclass(frozen=True)
class Deadline:
    overdue: bool
    due_soon: bool


def question_deadline(question: Question, *, today: dt.date, soon_days: int) -> Deadline:
    """Overdue: today is after the due date and no answer yet. Due soon: within `soon_days` working days."""
    if question.status not in OPEN_STATUSES:
        return Deadline(False, False)
    if today > question.due_date:
        return Deadline(True, False)
    return Deadline(False, working_days_between(today, question.due_date) <= soon_days)


def due_soon_days(today: dt.date) -> int:
    return rule_value("qa.due_soon_working_days", on=today)


def question_queue(user, *, status: str | None = None, unit_id: int | None = None):
    """The questions the user's board handles, by due date; everything for the platform operator."""
    unit_ids = units_user_handles_questions_for(user)
    qs = Question.objects.all()
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    return qs.select_related("unit", "topic", "assignee").order_by("due_date", "received_at", "id")


def question_counts(user, *, today: dt.date | None = None) -> dict[str, int]:
    """Open and overdue items for the user's units (the dashboard panel)."""
    today = today or timezone.localdate()
    unit_ids = units_user_handles_questions_for(user)
    qs = Question.objects.filter(status__in=OPEN_STATUSES)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs.aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_date__lt=today)))


def board_members(unit_id: int):
    """Who may be assigned: active members of the unit's board (Trưởng ban, Biên tập viên, Cộng tác viên)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__site_role__unit_id=unit_id, groups__site_role__role__in=QUEUE_ROLES)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def board_head_emails(unit_id: int) -> list[str]:
    users = get_user_model().objects.filter(
        is_active=True, groups__site_role__unit_id=unit_id, groups__site_role__role=Role.BOARD_HEAD
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))
