"""Demo schedules: the main portal and Sở TTTT get last, this and next week (one entry adjusted after
publication, one cancelled); Đồng Hới only this week; Bảo Ninh nothing, so its check shows it missing."""

import datetime as dt

from django.core.exceptions import FieldError

from portal.schedule.models import ScheduleEntry, ScheduleIndexPage, WeekSchedulePage
from portal.schedule.weeks import IsoWeek

T = dt.time

# (weekday 0–6, start, end, position, content, location, participants, preparing unit)
PROVINCE = [
    (0, T(7, 30), T(11, 30), "Chủ tịch UBND tỉnh", "Họp UBND tỉnh thường kỳ tháng 12", "Phòng họp số 1, UBND tỉnh",
     "Thành viên UBND tỉnh; Giám đốc các sở, ngành; Chủ tịch UBND các huyện, thị xã, thành phố", "Văn phòng UBND tỉnh"),
    (0, T(14, 0), T(17, 0), "Phó Chủ tịch Thường trực UBND tỉnh", "Nghe báo cáo tiến độ giải ngân vốn đầu tư công năm 2026",
     "Phòng họp số 2, UBND tỉnh", "Sở Tài chính; Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh",
     "Sở Tài chính"),
    (1, T(8, 0), T(11, 0), "Chủ tịch UBND tỉnh", "Làm việc với Bộ Thông tin và Truyền thông về chuyển đổi số",
     "Phòng họp số 1, UBND tỉnh", "Lãnh đạo Sở Thông tin và Truyền thông; Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông"),
    (1, T(14, 0), None, "Phó Chủ tịch UBND tỉnh", "Kiểm tra công tác phòng, chống thiên tai tại huyện Lệ Thủy",
     "Huyện Lệ Thủy", "Sở Nông nghiệp và Môi trường; Ban Chỉ huy phòng thủ dân sự tỉnh", "Sở Nông nghiệp và Môi trường"),
    (2, T(8, 0), T(11, 30), "Phó Chủ tịch Thường trực UBND tỉnh", "Tiếp công dân định kỳ", "Trụ sở Tiếp công dân tỉnh",
     "Ban Tiếp công dân tỉnh; Thanh tra tỉnh; các sở, ngành liên quan", "Ban Tiếp công dân tỉnh"),
    (3, T(8, 0), T(11, 0), "Chủ tịch UBND tỉnh", "Hội nghị đối thoại với doanh nghiệp, nhà đầu tư năm 2026",
     "Trung tâm Hội nghị tỉnh, số 2 Hùng Vương, Đồng Hới",
     "Lãnh đạo các sở, ngành; Hiệp hội Doanh nghiệp tỉnh; đại diện các doanh nghiệp", "Sở Tài chính"),
    (4, T(14, 0), T(16, 30), "Phó Chủ tịch UBND tỉnh", "Họp Ban Chỉ đạo phát triển du lịch tỉnh",
     "Phòng họp số 2, UBND tỉnh", "Thành viên Ban Chỉ đạo", "Sở Văn hóa, Thể thao và Du lịch"),
]
AGENCY = [
    (0, T(7, 30), T(9, 0), "Giám đốc Sở", "Giao ban lãnh đạo Sở đầu tuần", "Phòng họp Sở Thông tin và Truyền thông",
     "Ban Giám đốc; Trưởng các phòng, đơn vị trực thuộc", "Văn phòng Sở"),
    (0, T(9, 30), T(11, 30), "Phó Giám đốc Sở", "Thẩm định hồ sơ thiết kế hệ thống thông tin giải quyết thủ tục hành chính",
     "Phòng họp Sở Thông tin và Truyền thông", "Phòng Chuyển đổi số; các đơn vị liên quan", "Phòng Chuyển đổi số"),
    (1, T(8, 0), T(11, 0), "Giám đốc Sở", "Làm việc với Bộ Thông tin và Truyền thông về chuyển đổi số",
     "Phòng họp số 1, UBND tỉnh", "Lãnh đạo Sở; Phòng Chuyển đổi số; Trung tâm Công nghệ thông tin và Truyền thông",
     "Phòng Chuyển đổi số"),
    (2, T(14, 0), T(16, 30), "Phó Giám đốc Sở", "Kiểm tra hoạt động bưu chính công ích tại huyện Minh Hóa",
     "Huyện Minh Hóa", "Phòng Bưu chính, Viễn thông; Bưu điện tỉnh", "Phòng Bưu chính, Viễn thông"),
    (3, T(8, 0), T(10, 0), "Giám đốc Sở", "Họp Ban Biên tập Cổng thông tin điện tử tỉnh", "Phòng họp Sở Thông tin và Truyền thông",
     "Thành viên Ban Biên tập", "Trung tâm Công nghệ thông tin và Truyền thông"),
    (4, T(15, 0), T(17, 0), "Giám đốc Sở", "Tổng kết công tác tuần, triển khai nhiệm vụ tuần sau",
     "Phòng họp Sở Thông tin và Truyền thông", "Ban Giám đốc; Trưởng các phòng", "Văn phòng Sở"),
]
DISTRICT = [
    (0, T(7, 30), T(11, 0), "Chủ tịch UBND thành phố", "Họp UBND thành phố thường kỳ", "Phòng họp UBND thành phố Đồng Hới",
     "Thành viên UBND thành phố; Trưởng các phòng, ban", "Văn phòng HĐND và UBND thành phố"),
    (2, T(14, 0), T(16, 0), "Phó Chủ tịch UBND thành phố", "Kiểm tra công tác chỉnh trang đô thị tại phường Hải Thành",
     "Phường Hải Thành", "Phòng Quản lý đô thị; UBND phường Hải Thành", "Phòng Quản lý đô thị"),
    (4, T(8, 0), T(11, 0), "Chủ tịch UBND thành phố", "Tiếp công dân định kỳ", "Trụ sở Tiếp công dân thành phố",
     "Thanh tra thành phố; các phòng, ban liên quan", "Ban Tiếp công dân thành phố"),
]
PLANS = {"main": (PROVINCE, (-1, 0, 1)), "stttt": (AGENCY, (-1, 0, 1)), "donghoi": (DISTRICT, (0,)), "baoninh": ((), ())}


def _person_for(unit, position: str):
    """A Person of the unit holding `position` now, when the registry has one; free text otherwise."""
    try:
        from portal.registry.models import Position

        found = Position.objects.current().filter(unit=unit, title__iexact=position).select_related("person").first()
    except (LookupError, FieldError, AttributeError):
        return None
    return found.person if found else None


def _entries(unit, week: IsoWeek, plan, offset: int) -> list[ScheduleEntry]:
    entries = []
    for weekday, start, end, position, content, location, participants, preparing in plan:
        entries.append(
            ScheduleEntry(
                date=week.monday + dt.timedelta(days=weekday), start_time=start, end_time=end, leader_name=position,
                leader=_person_for(unit, position), content=content, location=location, participants=participants,
                preparing_unit=preparing,
            )
        )
    return entries


def _adjust_after_publication(page: WeekSchedulePage, user) -> int:
    """Move one entry to the afternoon and cancel another, then publish again: the public marks show."""
    draft = page.get_latest_revision_as_object()
    entries = list(draft.schedule_entries.all())
    if len(entries) < 3:
        return 0
    entries[1].start_time, entries[1].end_time = T(15, 0), T(17, 30)
    entries[1].location = entries[1].location + " (thay đổi địa điểm: Phòng họp số 3)"
    entries[-2].cancelled = True
    draft.schedule_entries = entries
    draft.save_revision(user=user).publish(user=user)
    return page.changes.count()


def seed(units, users, now, out) -> int:
    created = 0
    current = IsoWeek.current(now)
    for key, (plan, offsets) in PLANS.items():
        unit = units.get(key)
        if unit is None or not offsets:
            continue
        index = ScheduleIndexPage.objects.filter(unit=unit).order_by("path").first()
        if index is None:
            out(f"  Lịch công tác: {unit} chưa có trang Lịch công tác, bỏ qua.")
            continue
        if not index.intro:
            index.intro = "Lịch công tác hằng tuần của lãnh đạo, đăng trước khi tuần bắt đầu; điều chỉnh sau khi đăng được ghi rõ."
            index.save_revision().publish()
        user = (users.get(key) or {}).get("board_head")
        for offset in offsets:
            week = current.shifted(offset)
            if WeekSchedulePage.objects.filter(unit=unit, iso_year=week.year, iso_week=week.week).exists():
                continue
            page = WeekSchedulePage(iso_year=week.year, iso_week=week.week, schedule_entries=_entries(unit, week, plan, offset))
            if offset == 0 and key == "main":
                page.note = "Lịch có thể thay đổi; mọi điều chỉnh sau khi đăng được ghi rõ thời điểm và nội dung cũ."
            index.add_child(instance=page)
            page.save_revision(user=user).publish(user=user)
            created += 1
            if offset == 0 and key in ("main", "stttt"):
                created += _adjust_after_publication(WeekSchedulePage.objects.get(pk=page.pk), user)
            out(f"  Lịch công tác: {unit} – {week.label}")
    return created
