import datetime as dt

from portal.schedule.models import ScheduleEntry, ScheduleIndexPage, WeekSchedulePage
from portal.schedule.weeks import IsoWeek


def index_for(unit) -> ScheduleIndexPage:
    return ScheduleIndexPage.objects.get(unit=unit)


def entry(week: IsoWeek, weekday: int, start: str, content: str, *, end: str | None = None, leader="Giám đốc Sở", **fields):
    return ScheduleEntry(
        date=week.monday + dt.timedelta(days=weekday),
        start_time=dt.time.fromisoformat(start),
        end_time=dt.time.fromisoformat(end) if end else None,
        leader_name=leader,
        content=content,
        **fields,
    )


def make_week(unit, week: IsoWeek, entries, *, user=None, publish=True, note="") -> WeekSchedulePage:
    # Like the admin's “save draft”: a new page stays off the site until it is published.
    page = WeekSchedulePage(
        iso_year=week.year, iso_week=week.week, note=note, schedule_entries=entries, live=False, has_unpublished_changes=True
    )
    index_for(unit).add_child(instance=page)
    if publish:
        page.save_revision(user=user).publish(user=user)
    return WeekSchedulePage.objects.get(pk=page.pk)


def edit_week(page: WeekSchedulePage, change, *, user=None, publish=True) -> WeekSchedulePage:
    """Change the latest draft's entries with `change(list_of_entries) -> list_of_entries`, then save (and publish)."""
    draft = page.get_latest_revision_as_object()
    draft.schedule_entries = change(list(draft.schedule_entries.all()))
    revision = draft.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return WeekSchedulePage.objects.get(pk=page.pk)
