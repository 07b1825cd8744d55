"""Checks for the catalogue's sections, news freshness and the press duties of Decree 09/2017."""

import datetime as dt

from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page

from portal.completeness.registry import Finding, Status, register
from portal.completeness.selectors import admin_add_url, admin_edit_url
from portal.pages.selectors import descendants_q, page_at
from portal.publicinfo.catalogue import NEWS_PATH, PRESS_PATH, SITE_TREE, STANDARD, nodes_for
from portal.rules.services import previous_working_day, rule_value
from portal.units.constants import UnitKind


def _articles():
    from portal.pages.models import ArticlePage

    return ArticlePage.objects.live()


def _local_day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    return start, start + dt.timedelta(days=1)


@register(
    "chuyen-muc",
    title="Đủ các chuyên mục bắt buộc",
    legal_basis="NĐ 42/2022/NĐ-CP Điều 4; NĐ 43/2011/NĐ-CP Điều 10; TT 22/2023/TT-BTTTT",
    group="Cấu trúc trang",
    order=10,
)
def sections_exist(unit, context) -> Finding:
    if context.home is None:
        return Finding(Status.MISSING, "Trang của đơn vị chưa được khởi tạo.")
    wanted = [n for n in nodes_for(unit.kind) if n.model != STANDARD]
    url_paths = {context.home.url_path + n.path + "/": n for n in wanted}
    live = set(Page.objects.live().filter(url_path__in=url_paths, path__startswith=context.home.path).values_list("url_path", flat=True))
    missing = [n.title_for(unit.kind) for url, n in url_paths.items() if url not in live]
    if missing:
        return Finding(Status.MISSING, "Thiếu hoặc chưa xuất bản: " + "; ".join(missing) + ". Chạy lại khởi tạo trang hoặc xuất bản lại.")
    return Finding(Status.PRESENT, f"Đủ {len(wanted)} chuyên mục.")


def _section_has_items(node):
    def check(unit, context) -> Finding:
        section = page_at(context.home, node.path)
        if section is None or not section.live:
            return Finding(Status.MISSING, f"Chưa có chuyên mục “{node.title_for(unit.kind)}”.")
        latest = _articles().filter(descendants_q(section)).aggregate(last=Max("published_at"))["last"]
        if latest is None:
            from portal.pages.models import ArticlePage

            return Finding(Status.MISSING, "Chuyên mục chưa có tin, bài nào.", admin_add_url(section, ArticlePage))
        return Finding(Status.PRESENT, f"Cập nhật gần nhất {timezone.localtime(latest):%d/%m/%Y}.", admin_edit_url(section))

    return check


for _node in SITE_TREE:
    if _node.requires_items:
        _code, _title, _basis = _node.requires_items
        register(_code, title=_title, legal_basis=_basis, kinds=_node.kinds, group="Công khai thông tin", order=_node.order)(
            _section_has_items(_node)
        )


@register(
    "tin-tuc",
    title="Tin tức cập nhật mỗi ngày làm việc",
    legal_basis="NĐ 42/2022/NĐ-CP Điều 4 khoản 2 (cập nhật kịp thời); QĐ 146/QĐ-BTTTT năm 2017 Điều 15",
    group="Tin tức",
    order=200,
)
def news_fresh(unit, context) -> Finding:
    from portal.pages.models import ArticlePage

    section = page_at(context.home, NEWS_PATH)
    fix = admin_add_url(section, ArticlePage) if section else ""
    articles = _articles().filter(unit=unit)
    if not articles.exists():
        return Finding(Status.MISSING, "Trang chưa có tin, bài nào.", fix)
    # The last complete working day: today's quota is judged tomorrow.
    day = previous_working_day(context.today)
    minimum = rule_value("content.min_updates_per_working_day", on=day)
    start, end = _local_day_bounds(day)
    count = articles.filter(published_at__gte=start, published_at__lt=end).count()
    if count < minimum:
        return Finding(
            Status.STALE, f"Ngày làm việc {day:%d/%m/%Y} có {count} tin, bài (tối thiểu {minimum}).", fix
        )
    return Finding(Status.PRESENT, f"Ngày làm việc {day:%d/%m/%Y} có {count} tin, bài.", fix)


def _months_ago(today: dt.date, months: int) -> dt.date:
    month = today.month - months
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(today.day, 28))


def _press_check(kinds_filter, rule_key, what):
    def check(unit, context) -> Finding:
        from portal.publicinfo.models import PressReleasePage

        section = page_at(context.home, PRESS_PATH)
        fix = admin_add_url(section, PressReleasePage) if section else ""
        items = PressReleasePage.objects.live().filter(unit=unit)
        if kinds_filter:
            items = items.filter(kind__in=kinds_filter)
        last = items.aggregate(last=Max("published_at"))["last"]
        if last is None:
            return Finding(Status.MISSING, f"Chưa có {what} nào.", fix)
        months = rule_value(rule_key, on=context.today)
        since = _months_ago(context.today, months)
        last_day = timezone.localtime(last).date()
        if last_day < since:
            return Finding(Status.STALE, f"{what.capitalize()} gần nhất ngày {last_day:%d/%m/%Y}; phải có ít nhất {months} tháng một lần.", fix)
        return Finding(Status.PRESENT, f"{what.capitalize()} gần nhất ngày {last_day:%d/%m/%Y}.", fix)

    return check


register(
    "bao-chi-dinh-ky",
    title="Cung cấp thông tin định kỳ cho báo chí",
    legal_basis="NĐ 09/2017/NĐ-CP Điều 5",
    kinds={UnitKind.PROVINCE},
    group="Báo chí",
    order=610,
)(_press_check(None, "press.periodic_interval_months", "thông tin báo chí"))

register(
    "hop-bao",
    title="Họp báo định kỳ",
    legal_basis="NĐ 09/2017/NĐ-CP Điều 5",
    kinds={UnitKind.PROVINCE},
    group="Báo chí",
    order=620,
)(_press_check(["conference"], "press.conference_interval_months", "họp báo"))


@register(
    "tiep-can-thong-tin",
    title="Chuyên mục tiếp cận thông tin và đầu mối cung cấp thông tin",
    legal_basis="Luật Tiếp cận thông tin 2016 Điều 17, 19; NĐ 13/2018/NĐ-CP Điều 11",
    group="Công khai thông tin",
    order=495,
)
def access_to_information(unit, context) -> Finding:
    page = page_at(context.home, "cong-khai/tiep-can-thong-tin")
    if page is None or not page.live:
        return Finding(Status.MISSING, "Chưa có chuyên mục Tiếp cận thông tin.")
    if not (page.focal_point and (page.focal_phone or page.focal_email)):
        return Finding(Status.MISSING, "Chưa công bố đầu mối cung cấp thông tin (tên, điện thoại hoặc thư điện tử).", admin_edit_url(page))
    return Finding(Status.PRESENT, f"Đầu mối: {page.focal_point}.", admin_edit_url(page))
