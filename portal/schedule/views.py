"""The calendar feeds. Wagtail's page URLs cannot end in “lich.ics”, so this view finds the page itself."""

from django.http import Http404, HttpResponse
from wagtail.models import Site

from portal.schedule import ical, selectors
from portal.schedule.models import ScheduleIndexPage, WeekSchedulePage
from portal.schedule.weeks import IsoWeek


def _live_page_at(request, path: str):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Không có trang này.")
    components = [part for part in path.split("/") if part]
    page, _args, _kwargs = site.root_page.specific.route(request, components)  # raises Http404 for drafts
    if not page.live or page.get_view_restrictions().exists():
        raise Http404("Không có trang này.")
    return page.specific


def calendar_feed(request, path: str):
    """`…/lich-cong-tac/lich.ics` (recent and coming weeks) and `…/lich-cong-tac/<tuần>/lich.ics` (one week)."""
    page = _live_page_at(request, path)
    unit = page.unit
    if isinstance(page, ScheduleIndexPage):
        index, pages = page, selectors.live_week_pages_around(page, IsoWeek.current())
        filename = "lich-cong-tac.ics"
    elif isinstance(page, WeekSchedulePage):
        index, pages = page.get_parent().specific, [page]
        filename = f"lich-cong-tac-{page.slug}.ics"
    else:
        raise Http404("Không có lịch công tác ở địa chỉ này.")
    rows = selectors.rows_for_weeks(pages)
    unit_name = unit.display_name if unit else ""
    body = ical.calendar(
        name=f"Lịch công tác – {unit_name}" if unit_name else "Lịch công tác",
        hostname=(unit.hostname if unit else "") or request.get_host().split(":")[0],
        weeks=[(p, rows[p.pk]) for p in pages],
        url=index.get_full_url(request),
    )
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
