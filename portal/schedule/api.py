import datetime as dt

from ninja import Router, Schema
from ninja.errors import HttpError

from portal.core.api import api_unit_or_404
from portal.schedule import selectors
from portal.schedule.weeks import IsoWeek

router = Router(tags=["Lịch công tác của lãnh đạo"])


class ScheduleEntryOut(Schema):
    date: dt.date
    start: str
    end: str | None
    leader: str
    content: str
    location: str
    participants: str
    preparing_unit: str
    changed: bool
    changed_at: dt.datetime | None
    cancelled: bool


class WeekScheduleOut(Schema):
    week: str
    title: str
    start: dt.date
    end: dt.date
    published: bool
    url: str | None
    note: str
    entries: list[ScheduleEntryOut]


@router.get(
    "/sites/{hostname}/schedules",
    response=WeekScheduleOut,
    summary="Lịch công tác tuần của lãnh đạo một trang (chỉ lịch đã đăng; mặc định tuần hiện tại)",
)
def site_week_schedule(request, hostname: str, week: str = ""):
    """`week` theo ISO 8601, ví dụ `2026-W49`. Buổi công tác đã điều chỉnh sau khi đăng có `changed`; buổi bị hủy có `cancelled`."""
    unit = api_unit_or_404(hostname)
    wanted = IsoWeek.parse(week) if week else IsoWeek.current()
    if wanted is None:
        raise HttpError(422, "Tuần không hợp lệ; hãy dùng dạng 2026-W49.")
    index = selectors.live_index_for_unit(unit)
    page = selectors.live_week_page(index, wanted) if index else None
    rows = selectors.rows_for_weeks([page])[page.pk] if page else []
    return WeekScheduleOut(
        week=wanted.param,
        title=wanted.title,
        start=wanted.monday,
        end=wanted.sunday,
        published=page is not None,
        url=page.get_full_url(request) if page else None,
        note=page.note if page else "",
        entries=[
            ScheduleEntryOut(
                date=row.date, start=row.start.strftime("%H:%M"), end=row.end.strftime("%H:%M") if row.end else None,
                leader=row.leader, content=row.content, location=row.location, participants=row.participants,
                preparing_unit=row.preparing_unit, changed=row.changed, changed_at=row.changed_at, cancelled=row.cancelled,
            )
            for row in rows
        ],
    )
