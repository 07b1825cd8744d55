"""The two shared services every deadline uses: the legal parameter in force, and working days."""

import datetime as dt

from django.core.cache import cache
from django.utils import timezone

from portal.rules import defaults
from portal.rules.models import CalendarDay, DayKind, LegalRule

_CACHE_VERSION_KEY = "rules:version"


class MissingRule(LookupError):
    pass


def _version() -> int:
    return cache.get_or_set(_CACHE_VERSION_KEY, 1, None)


def rules_changed() -> None:
    try:
        cache.incr(_CACHE_VERSION_KEY)
    except ValueError:
        cache.set(_CACHE_VERSION_KEY, 2, None)


def _today() -> dt.date:
    return timezone.localdate()


def rule_in_force(key: str, on: dt.date | None = None) -> LegalRule:
    on = on or _today()
    cache_key = f"rules:{_version()}:{key}:{on.isoformat()}"
    rule = cache.get(cache_key)
    if rule is None:
        rule = LegalRule.objects.filter(key=key, valid_from__lte=on).order_by("-valid_from").first()
        if rule is None:
            raise MissingRule(f"Chưa cấu hình tham số “{key}” áp dụng ngày {on:%d/%m/%Y}.")
        cache.set(cache_key, rule, 300)
    return rule


def rule_value(key: str, on: dt.date | None = None):
    return rule_in_force(key, on).value


def rules_ensure_defaults(rule_model=LegalRule, day_model=CalendarDay) -> int:
    """Add the shipped defaults that are missing; never overwrite what the operator changed."""
    created = 0
    for key, (title, unit, rows) in defaults.RULES.items():
        for valid_from, value, basis, confirmed, note in rows:
            _, made = rule_model.objects.get_or_create(
                key=key,
                valid_from=valid_from,
                defaults={"title": title, "unit": unit, "value": value, "legal_basis": basis, "confirmed": confirmed, "note": note},
            )
            created += made
    for date, kind, name, basis in defaults.CALENDAR:
        _, made = day_model.objects.get_or_create(date=date, defaults={"kind": kind, "name": name, "legal_basis": basis})
        created += made
    if created:
        rules_changed()
    return created


# --- Working days -------------------------------------------------------------------------------


def _special_days(start: dt.date, end: dt.date) -> dict[dt.date, str]:
    cache_key = f"rules:{_version()}:days:{start.isoformat()}:{end.isoformat()}"
    days = cache.get(cache_key)
    if days is None:
        days = dict(CalendarDay.objects.filter(date__gte=start, date__lte=end).values_list("date", "kind"))
        cache.set(cache_key, days, 300)
    return days


def _is_working(day: dt.date, special: dict[dt.date, str]) -> bool:
    kind = special.get(day)
    if kind == DayKind.WORKING_DAY:
        return True
    if kind in (DayKind.HOLIDAY, DayKind.DAY_OFF):
        return False
    return day.weekday() < 5


def is_working_day(day: dt.date) -> bool:
    return _is_working(day, _special_days(day, day))


def working_days_add(start: dt.date, count: int) -> dt.date:
    """The date `count` working days after `start` (the start day itself is not counted).

    With count 0 it is the first working day on or after `start`.
    """
    # Holidays never stretch a window by more than a few weeks; read a generous span in one query.
    span_end = start + dt.timedelta(days=count * 2 + 45)
    special = _special_days(start, span_end)
    day = start
    if count == 0:
        while not _is_working(day, special):
            day += dt.timedelta(days=1)
        return day
    remaining = count
    while remaining:
        day += dt.timedelta(days=1)
        if day > span_end:
            span_end = day + dt.timedelta(days=60)
            special = _special_days(day, span_end)
        if _is_working(day, special):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    special = _special_days(start, end)
    day, count = start, 0
    while day < end:
        day += dt.timedelta(days=1)
        count += _is_working(day, special)
    return count


def working_days_back(end: dt.date, count: int) -> dt.date:
    """The working day `count` working days before `end`."""
    special = _special_days(end - dt.timedelta(days=count * 2 + 45), end)
    day = end
    remaining = count
    while remaining:
        day -= dt.timedelta(days=1)
        if _is_working(day, special):
            remaining -= 1
    return day


def previous_working_day(day: dt.date) -> dt.date:
    return working_days_back(day, 1)
