"""Is the leaders' weekly schedule published, and the next week's on time? (L-43-10.3, L-43-12/14)"""

from portal.completeness.registry import Finding, Status, register
from portal.completeness.selectors import admin_add_url, admin_edit_url
from portal.rules.services import rule_value, working_days_back
from portal.schedule.weeks import IsoWeek


@register(
    "lich-cong-tac",
    title="Lịch công tác của lãnh đạo",
    legal_basis="NĐ 43/2011/NĐ-CP Điều 10 khoản 3 (lịch làm việc của lãnh đạo cơ quan); đăng trước khi tuần bắt đầu",
    group="Chỉ đạo, điều hành",
    order=310,
)
def check_schedule(unit, context) -> Finding:
    from portal.pages.selectors import page_at
    from portal.schedule.models import ScheduleIndexPage, WeekSchedulePage

    today = context.today
    current = IsoWeek.of(today)
    upcoming = current.shifted(1)
    index = page_at(context.home, "chi-dao-dieu-hanh/lich-cong-tac")
    if not isinstance(index, ScheduleIndexPage):
        return Finding(Status.MISSING, "Trang chưa có mục “Lịch công tác” (Chỉ đạo, điều hành › Lịch công tác).")
    published = {
        (year, number): pk
        for pk, year, number in WeekSchedulePage.objects.live()
        .child_of(index)
        .filter(iso_year__in={current.year, upcoming.year}, iso_week__in={current.week, upcoming.week})
        .values_list("pk", "iso_year", "iso_week")
    }
    add_url = admin_add_url(index, WeekSchedulePage)
    if (current.year, current.week) not in published:
        return Finding(Status.MISSING, f"Chưa đăng lịch công tác {current.label}.", add_url)
    if (upcoming.year, upcoming.week) not in published:
        lead_days = int(rule_value("schedule.publish_lead_days", on=today))
        deadline = working_days_back(upcoming.monday, lead_days) if lead_days > 0 else upcoming.monday
        if today >= deadline:
            return Finding(
                Status.STALE,
                f"Chưa đăng lịch công tác {upcoming.label}; phải đăng chậm nhất ngày {deadline:%d/%m/%Y} "
                f"({lead_days} ngày làm việc trước Thứ Hai).",
                add_url,
            )
        return Finding(
            Status.PRESENT,
            f"Đã đăng lịch công tác {current.label}; lịch {upcoming.label} cần đăng chậm nhất ngày {deadline:%d/%m/%Y}.",
        )
    page = WeekSchedulePage(pk=published[(current.year, current.week)])
    return Finding(
        Status.PRESENT, f"Đã đăng lịch công tác {current.label} và {upcoming.label}.", admin_edit_url(page)
    )
