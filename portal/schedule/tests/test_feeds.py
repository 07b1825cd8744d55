"""iCalendar feeds (RFC 5545) and the API: only published weeks, changes and cancellations carried over."""

import datetime as dt

import pytest

from portal.schedule.ical import fold
from portal.schedule.tests.conftest import edit_week, entry, make_week
from portal.schedule.weeks import IsoWeek

pytestmark = pytest.mark.django_db
URL = "/chi-dao-dieu-hanh/lich-cong-tac/"
W49 = IsoWeek(2026, 49)
LONG = (
    "Làm việc với Bộ Thông tin và Truyền thông về chuyển đổi số, chính quyền số; nghe báo cáo tiến độ "
    "xây dựng Trung tâm điều hành thông minh (IOC) và kho dữ liệu dùng chung của tỉnh\\giai đoạn 2026–2030"
)


def parse_ics(body: bytes) -> tuple[list[str], list[dict]]:
    """A small RFC 5545 reader: check CRLF and octet limits, unfold, split properties; return lines and VEVENTs."""
    text = body.decode("utf-8")
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return lines, events


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def test_fold_never_splits_a_utf8_character():
    line = "SUMMARY:" + "Hội nghị chuyển đổi số " * 10
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 2
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


def test_week_feed_is_valid_icalendar(client, registry):
    unit = registry["stttt"]
    page = make_week(
        unit, W49,
        [
            entry(W49, 1, "08:00", LONG, end="11:00", location="Phòng họp số 1, UBND tỉnh",
                  participants="Lãnh đạo Sở; Phòng Chuyển đổi số", preparing_unit="Phòng Chuyển đổi số"),
            entry(W49, 2, "14:00", "Kiểm tra bưu chính công ích", leader="Phó Giám đốc Sở"),
        ],
    )
    response = client.get(URL + "2026-w49/lich.ics", HTTP_HOST=unit.hostname)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    lines, events = parse_ics(response.content)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    for required in ("VERSION:2.0", "X-WR-TIMEZONE:Asia/Ho_Chi_Minh", "BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "TZOFFSETTO:+0700"):
        assert required in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert "X-WR-CALNAME:Lịch công tác – Sở Thông tin và Truyền thông" in lines
    # The long Vietnamese line really was folded.
    assert b"\r\n " in response.content

    first, second = events
    entry_ids = [e.pk for e in page.schedule_entries.order_by("date", "start_time")]
    assert first["UID"] == f"lich-cong-tac-{entry_ids[0]}@{unit.hostname}"
    assert first["DTSTART;TZID=Asia/Ho_Chi_Minh"] == "20261201T080000"
    assert first["DTEND;TZID=Asia/Ho_Chi_Minh"] == "20261201T110000"
    assert "DTEND;TZID=Asia/Ho_Chi_Minh" not in second
    assert first["DTSTAMP"].endswith("Z") and first["SEQUENCE"] == "0" and first["STATUS"] == "CONFIRMED"
    assert unescape(first["SUMMARY"]) == f"Giám đốc Sở: {LONG}"
    assert "\\;" in first["SUMMARY"] and "\\," in first["SUMMARY"] and "\\\\" in first["SUMMARY"]
    assert unescape(first["LOCATION"]) == "Phòng họp số 1, UBND tỉnh"
    assert unescape(first["DESCRIPTION"]) == (
        "Lãnh đạo: Giám đốc Sở\nThành phần: Lãnh đạo Sở; Phòng Chuyển đổi số\nChủ trì chuẩn bị: Phòng Chuyển đổi số"
    )


def test_changes_raise_the_sequence_and_cancellations_keep_the_uid(client, registry):
    unit = registry["stttt"]
    page = make_week(unit, W49, [entry(W49, 0, "08:00", "Giao ban"), entry(W49, 2, "14:00", "Kiểm tra Minh Hóa")])
    _, before = parse_ics(client.get(URL + "2026-w49/lich.ics", HTTP_HOST=unit.hostname).content)

    def adjust(entries):
        entries[0].start_time = dt.time(9, 0)
        entries[1].cancelled = True
        return entries

    edit_week(page, adjust)
    _, after = parse_ics(client.get(URL + "2026-w49/lich.ics", HTTP_HOST=unit.hostname).content)
    assert [e["UID"] for e in after] == [e["UID"] for e in before]
    moved, cancelled = after
    assert moved["SEQUENCE"] == "1" and moved["DTSTART;TZID=Asia/Ho_Chi_Minh"] == "20261130T090000"
    assert moved["STATUS"] == "CONFIRMED" and "Đã điều chỉnh lúc" in unescape(moved["DESCRIPTION"])
    assert cancelled["SEQUENCE"] == "1" and cancelled["STATUS"] == "CANCELLED"


def test_site_feed_covers_published_weeks_only(client, registry):
    unit = registry["stttt"]
    this, nxt = IsoWeek.current(), IsoWeek.current().shifted(1)
    make_week(unit, this, [entry(this, 0, "08:00", "Tuần này")])
    make_week(unit, nxt, [entry(nxt, 0, "08:00", "Tuần sau, còn là bản nháp")], publish=False)
    make_week(registry["province"], this, [entry(this, 0, "08:00", "Lịch của tỉnh")])
    response = client.get(URL + "lich.ics", HTTP_HOST=unit.hostname)
    assert response.status_code == 200
    _, events = parse_ics(response.content)
    assert [unescape(e["SUMMARY"]) for e in events] == ["Giám đốc Sở: Tuần này"]
    # A draft week has no feed of its own either.
    assert client.get(URL + f"{nxt.slug}/lich.ics", HTTP_HOST=unit.hostname).status_code == 404
    assert client.get("/gioi-thieu/lich.ics", HTTP_HOST=unit.hostname).status_code == 404


def api(client, path, params=None):
    return client.get(path, params or {}, HTTP_HOST="quangbinh.localhost")


def test_api_returns_the_published_week(client, registry):
    unit = registry["stttt"]
    page = make_week(
        unit, W49,
        [entry(W49, 0, "08:00", "Giao ban", end="09:00", location="Phòng họp Sở", participants="Ban Giám đốc",
               preparing_unit="Văn phòng Sở"),
         entry(W49, 1, "14:00", "Kiểm tra")],
    )

    def adjust(entries):
        entries[0].start_time = dt.time(7, 30)
        entries[1].cancelled = True
        return entries

    edit_week(page, adjust)
    data = api(client, f"/api/v1/sites/{unit.hostname}/schedules", {"week": "2026-W49"}).json()
    assert data["week"] == "2026-W49" and data["published"] is True
    assert data["start"] == "2026-11-30" and data["end"] == "2026-12-06"
    first, second = data["entries"]
    assert first == {
        "date": "2026-11-30", "start": "07:30", "end": "09:00", "leader": "Giám đốc Sở", "content": "Giao ban",
        "location": "Phòng họp Sở", "participants": "Ban Giám đốc", "preparing_unit": "Văn phòng Sở",
        "changed": True, "changed_at": first["changed_at"], "cancelled": False,
    }
    assert first["changed_at"] and second["cancelled"] is True and second["changed"] is False


def test_api_hides_drafts_and_rejects_bad_weeks(client, registry):
    unit = registry["stttt"]
    make_week(unit, W49, [entry(W49, 0, "08:00", "Bản nháp")], publish=False)
    data = api(client, f"/api/v1/sites/{unit.hostname}/schedules", {"week": "2026-W49"}).json()
    assert data["published"] is False and data["entries"] == []
    assert api(client, f"/api/v1/sites/{unit.hostname}/schedules", {"week": "2026-W77"}).status_code == 422
    assert api(client, "/api/v1/sites/khong-co.example/schedules").status_code == 404
    assert api(client, f"/api/v1/sites/{unit.hostname}/schedules").json()["week"] == IsoWeek.current().param
