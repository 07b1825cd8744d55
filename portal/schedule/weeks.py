"""ISO weeks as the schedule uses them: Monday to Sunday, numbered by ISO 8601, in Vietnam's time."""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_WEEK_PARAM = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def of(cls, day: dt.date) -> "IsoWeek":
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def current(cls, now: dt.datetime | None = None) -> "IsoWeek":
        return cls.of(timezone.localdate(now) if now else timezone.localdate())

    @classmethod
    def parse(cls, value: str) -> "IsoWeek | None":
        """“2026-W49” (as an HTML week input sends it), “2026W49” or “2026-w49”; None if not a real week."""
        match = _WEEK_PARAM.match(value or "")
        if not match:
            return None
        year, week = int(match[1]), int(match[2])
        if not is_valid_week(year, week):
            return None
        return cls(year, week)

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=n) for n in range(7)]

    @property
    def param(self) -> str:
        """The `?tuan=` value and the API's `week`: “2026-W49”."""
        return f"{self.year}-W{self.week:02d}"

    @property
    def slug(self) -> str:
        return f"{self.year}-w{self.week:02d}"

    @property
    def title(self) -> str:
        return f"Lịch công tác tuần {self.week} ({self.monday:%d/%m/%Y} – {self.sunday:%d/%m/%Y})"

    @property
    def label(self) -> str:
        return f"tuần {self.week} ({self.monday:%d/%m/%Y} – {self.sunday:%d/%m/%Y})"

    def shifted(self, weeks: int) -> "IsoWeek":
        return IsoWeek.of(self.monday + dt.timedelta(weeks=weeks))

    def contains(self, day: dt.date) -> bool:
        return self.monday <= day <= self.sunday


def is_valid_week(year: int, week: int) -> bool:
    if not (1 <= year <= 9999 and 1 <= week <= 53):
        return False
    try:
        dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return False
    return True


def day_label(day: dt.date) -> str:
    """“Thứ Hai 30/11/2026”."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day:%d/%m/%Y}"
