"""iCalendar (RFC 5545) output of the published schedule, written by hand: no extra dependency."""

import datetime as dt

from django.utils import timezone

TZID = "Asia/Ho_Chi_Minh"
PRODID = "-//Cong thong tin dien tu tinh Quang Binh//Lich cong tac//VI"

# Vietnam has kept +07:00 without daylight saving time since 1975.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0700",
    "TZOFFSETTO:+0700",
    "TZNAME:+07",
    "DTSTART:19700101T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape_text(value: str) -> str:
    """TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks."""
    value = (value or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line into lines of at most `limit` octets, never inside a UTF-8 character (§3.1)."""
    parts: list[str] = []
    current, size = [], 0
    budget = limit
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > budget:
            parts.append("".join(current))
            current, size = [], 0
            budget = limit - 1  # continuation lines start with one space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _local(day: dt.date, time: dt.time) -> str:
    return dt.datetime.combine(day, time).strftime("%Y%m%dT%H%M%S")


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(row) -> str:
    lines = []
    if row.leader:
        lines.append(f"Lãnh đạo: {row.leader}")
    if row.participants:
        lines.append(f"Thành phần: {row.participants}")
    if row.preparing_unit:
        lines.append(f"Chủ trì chuẩn bị: {row.preparing_unit}")
    if row.cancelled:
        lines.append("Đã hủy.")
    elif row.changed and row.changed_at:
        lines.append(f"Đã điều chỉnh lúc {timezone.localtime(row.changed_at):%H:%M %d/%m/%Y}.")
    return "\n".join(lines)


def vevent(row, *, hostname: str, stamp: dt.datetime, url: str = "") -> list[str]:
    summary = f"{row.leader}: {row.content}" if row.leader else row.content
    lines = [
        "BEGIN:VEVENT",
        f"UID:lich-cong-tac-{row.key}@{hostname}",
        f"DTSTAMP:{_utc(row.changed_at or stamp)}",
        f"DTSTART;TZID={TZID}:{_local(row.date, row.start)}",
    ]
    if row.end:
        lines.append(f"DTEND;TZID={TZID}:{_local(row.date, row.end)}")
    lines.append(f"SEQUENCE:{row.sequence}")
    lines.append(f"SUMMARY:{escape_text(summary)}")
    if row.location:
        lines.append(f"LOCATION:{escape_text(row.location)}")
    description = _description(row)
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("STATUS:CANCELLED" if row.cancelled else "STATUS:CONFIRMED")
    lines.append("END:VEVENT")
    return lines


def calendar(*, name: str, hostname: str, weeks, url: str = "") -> str:
    """A VCALENDAR of `weeks`: (week page, rows) pairs. Lines end in CRLF and are folded at 75 octets."""
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for page, rows in weeks:
        stamp = page.first_published_at or page.last_published_at or timezone.now()
        for row in rows:
            lines.extend(vevent(row, hostname=hostname, stamp=stamp, url=url))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
