"""Reads of the published schedule for the weekly view, the calendar feeds and the API.

Only live weeks are read here (drafts never leak), and each read costs a fixed number of
queries whatever the number of entries.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from portal.schedule.constants import COMPARED_FIELDS, FEED_WEEKS_AHEAD, FEED_WEEKS_BACK, ChangeKind
from portal.schedule.models import (
    ScheduleChange,
    ScheduleEntry,
    ScheduleIndexPage,
    WeekSchedulePage,
    leader_label,
)
from portal.schedule.weeks import IsoWeek, day_label


def entry_summary(entry: ScheduleEntry, leader_names: dict[int, str] | None = None) -> dict:
    """What a change compares and keeps of an entry; JSON-ready."""
    if entry.leader_id and leader_names is not None:
        leader = leader_label(entry.leader_name, leader_names.get(entry.leader_id, ""))
    else:
        leader = entry.leader_display
    return {
        "date": entry.date.isoformat() if entry.date else "",
        "start": entry.start_time.strftime("%H:%M") if entry.start_time else "",
        "end": entry.end_time.strftime("%H:%M") if entry.end_time else "",
        "leader": leader,
        "content": entry.content or "",
        "location": entry.location or "",
        "participants": entry.participants or "",
        "preparing_unit": entry.preparing_unit or "",
        "cancelled": bool(entry.cancelled),
    }


def _display(name: str, value) -> str:
    if name == "date" and value:
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
    return value or "(không có)"


@dataclass
class Row:
    """One line of the weekly view (or one VEVENT): an entry, or a removed entry kept from its history."""

    key: str
    date: dt.date
    start: dt.time
    end: dt.time | None
    leader: str
    content: str
    location: str
    participants: str
    preparing_unit: str
    cancelled: bool
    removed: bool = False
    last_change: ScheduleChange | None = None
    previous: list[tuple[str, str, str]] = field(default_factory=list)  # (field, label, old value)
    sequence: int = 0

    @property
    def changed(self) -> bool:
        return self.last_change is not None and self.last_change.kind == ChangeKind.CHANGED

    @property
    def added(self) -> bool:
        return self.last_change is not None and self.last_change.kind == ChangeKind.ADDED

    @property
    def changed_at(self) -> dt.datetime | None:
        return self.last_change.changed_at if self.last_change else None

    def previous_of(self, name: str) -> str | None:
        for field_name, _label, value in self.previous:
            if field_name == name:
                return value
        return None

    @property
    def previous_time(self) -> str | None:
        start, end = self.previous_of("start"), self.previous_of("end")
        if start is None and end is None:
            return None
        return " – ".join(v for v in (start, end) if v and v != "(không có)") or None

    @property
    def previous_date(self) -> str | None:
        return self.previous_of("date")


def _row_from_entry(entry: ScheduleEntry, changes: list[ScheduleChange]) -> Row:
    row = Row(
        key=str(entry.pk) if entry.pk else "",
        date=entry.date, start=entry.start_time, end=entry.end_time, leader=entry.leader_display,
        content=entry.content, location=entry.location, participants=entry.participants,
        preparing_unit=entry.preparing_unit, cancelled=entry.cancelled, sequence=len(changes),
    )
    if changes:
        last = changes[-1]
        row.last_change = last
        if last.before:
            current = entry_summary(entry)
            row.previous = [
                (name, label, _display(name, last.before.get(name, "")))
                for name, label in COMPARED_FIELDS.items()
                if last.before.get(name, "") != current[name]
            ]
    return row


def _row_from_removed(key: str, changes: list[ScheduleChange]) -> Row | None:
    last = changes[-1]
    before = last.before or {}
    if last.kind != ChangeKind.CANCELLED or last.after is not None or not before.get("date") or not before.get("start"):
        return None
    return Row(
        key=key, date=dt.date.fromisoformat(before["date"]), start=dt.time.fromisoformat(before["start"]),
        end=dt.time.fromisoformat(before["end"]) if before.get("end") else None, leader=before.get("leader", ""),
        content=before.get("content", ""), location=before.get("location", ""), participants=before.get("participants", ""),
        preparing_unit=before.get("preparing_unit", ""), cancelled=True, removed=True, last_change=last, sequence=len(changes),
    )


def _rows(entries, changes) -> list[Row]:
    by_key: dict[str, list[ScheduleChange]] = defaultdict(list)
    for change in changes:
        by_key[change.entry_key].append(change)
    rows = [_row_from_entry(entry, by_key.get(str(entry.pk), []) if entry.pk else []) for entry in entries]
    present = {row.key for row in rows}
    for key, items in by_key.items():
        if key not in present and (row := _row_from_removed(key, items)) is not None:
            rows.append(row)
    rows.sort(key=lambda r: (r.date, r.start, r.key.zfill(12)))
    return rows


def week_rows(week_page: WeekSchedulePage | None, entries=None) -> tuple[list[Row], list[ScheduleChange]]:
    """The week's rows and its change history (oldest first). `entries` given: a preview's in-memory entries."""
    if week_page is None:
        return [], []
    if entries is None:
        entries = ScheduleEntry.objects.filter(page_id=week_page.pk).select_related("leader").order_by("sort_order", "pk")
    changes = list(ScheduleChange.objects.filter(page_id=week_page.pk).order_by("changed_at", "pk")) if week_page.pk else []
    return _rows(list(entries), changes), changes


def live_week_page(index: ScheduleIndexPage, week: IsoWeek) -> WeekSchedulePage | None:
    return WeekSchedulePage.objects.live().child_of(index).filter(iso_year=week.year, iso_week=week.week).first()


def live_index_for_unit(unit) -> ScheduleIndexPage | None:
    return ScheduleIndexPage.objects.live().filter(unit=unit).order_by("path").first()


def live_week_pages_around(index: ScheduleIndexPage, week: IsoWeek, back=FEED_WEEKS_BACK, ahead=FEED_WEEKS_AHEAD):
    """Live weeks of the index from `back` weeks before `week` to `ahead` weeks after it."""
    first, last = week.shifted(-back), week.shifted(ahead)
    pages = WeekSchedulePage.objects.live().child_of(index).order_by("iso_year", "iso_week")
    return [p for p in pages.filter(iso_year__gte=first.year, iso_year__lte=last.year) if first <= p.week <= last]


def rows_for_weeks(pages) -> dict[int, list[Row]]:
    """Rows of several live weeks at once (three queries in all)."""
    ids = [p.pk for p in pages]
    entries: dict[int, list] = defaultdict(list)
    for entry in ScheduleEntry.objects.filter(page_id__in=ids).select_related("leader").order_by("sort_order", "pk"):
        entries[entry.page_id].append(entry)
    changes: dict[int, list] = defaultdict(list)
    for change in ScheduleChange.objects.filter(page_id__in=ids).order_by("changed_at", "pk"):
        changes[change.page_id].append(change)
    return {pk: _rows(entries[pk], changes[pk]) for pk in ids}


@dataclass
class Day:
    date: dt.date
    label: str
    rows: list[Row]


@dataclass
class HistoryItem:
    changed_at: dt.datetime
    kind: str
    kind_label: str
    subject: str
    details: list[str]


def _history(changes: list[ScheduleChange]) -> list[HistoryItem]:
    items = []
    for change in reversed(changes):
        before, after = change.before or {}, change.after or {}
        ref = after or before
        when = ""
        if ref.get("date"):
            when = f"{day_label(dt.date.fromisoformat(ref['date']))}, {ref.get('start', '')}"
        subject = f"{ref.get('content', '')} ({when})" if when else ref.get("content", "")
        details = []
        if change.kind == ChangeKind.CHANGED:
            details = [
                f"{label}: {_display(name, before.get(name, ''))} → {_display(name, after.get(name, ''))}"
                for name, label in COMPARED_FIELDS.items()
                if before.get(name, "") != after.get(name, "")
            ]
        items.append(HistoryItem(change.changed_at, change.kind, change.get_kind_display(), subject, details))
    return items


def week_view(week: IsoWeek, week_page: WeekSchedulePage | None, *, leader: str = "", entries=None) -> dict:
    """Everything the weekly view template shows for one week."""
    rows, changes = week_rows(week_page, entries)
    leaders = sorted({row.leader for row in rows if row.leader})
    leader = (leader or "").strip()
    if leader not in leaders:
        leader = ""
    shown = [row for row in rows if not leader or row.leader == leader]
    by_day: dict[dt.date, list[Row]] = defaultdict(list)
    for row in shown:
        by_day[row.date].append(row)
    days = [
        Day(day, day_label(day), by_day.get(day, []))
        for day in week.days
        if day.weekday() < 5 or by_day.get(day)
    ]
    current = IsoWeek.current()
    return {
        "week": week,
        "week_page": week_page,
        "days": days,
        "rows": shown,
        "has_entries": bool(shown),
        "leaders": leaders,
        "leader_filter": leader,
        "history": _history(changes),
        "previous_week": week.shifted(-1),
        "next_week": week.shifted(1),
        "current_week": current,
        "is_current_week": week == current,
        "generated_at": timezone.now(),
    }
