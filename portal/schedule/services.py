"""The one write path of the schedule outside Wagtail's own page actions: the history of changes."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision

from portal.schedule.constants import ChangeKind
from portal.schedule.models import (
    PublishedWeekState,
    ScheduleChange,
    ScheduleEntry,
    WeekSchedulePage,
)
from portal.schedule.selectors import entry_summary


def _summaries(page: WeekSchedulePage) -> dict[str, dict]:
    entries = ScheduleEntry.objects.filter(page_id=page.pk).select_related("leader")
    return {str(entry.pk): entry_summary(entry) for entry in entries}


@transaction.atomic
def week_record_changes(*, page: WeekSchedulePage, revision: Revision | None) -> list[ScheduleChange]:
    """Compare a week just published with what was published before; store one ScheduleChange per entry changed.

    Called from the `page_published` receiver, inside Wagtail's publish, once the live entries
    are saved. The first publication only remembers the entries. The change is attributed to
    the revision's author (who made the edit).
    """
    now = timezone.now()
    current = _summaries(page)
    state = PublishedWeekState.objects.select_for_update().filter(page_id=page.pk).first()
    if state is None:
        PublishedWeekState.objects.create(page_id=page.pk, entries=current, revision=revision, published_at=now)
        return []
    user = revision.user if revision else None
    changes = []
    for key in sorted(set(state.entries) | set(current), key=int):
        old, new = state.entries.get(key), current.get(key)
        if old == new:
            continue
        if old is None:
            kind = ChangeKind.ADDED
        elif new is None or (new["cancelled"] and not old["cancelled"]):
            kind = ChangeKind.CANCELLED
        else:
            kind = ChangeKind.CHANGED
        changes.append(
            ScheduleChange(page=page, entry_key=key, kind=kind, before=old, after=new, changed_at=now, user=user, revision=revision)
        )
    state.entries, state.revision, state.published_at = current, revision, now
    state.save()
    if changes:
        ScheduleChange.objects.bulk_create(changes)
        log(
            page,
            "portal.schedule.adjust",
            user=user,
            data={"revision": revision.pk if revision else None, "changes": [{"entry": c.entry_key, "kind": c.kind} for c in changes]},
        )
    return changes
