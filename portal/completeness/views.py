from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse

from portal.completeness.permissions import can_view_report, units_user_may_check
from portal.completeness.selectors import site_completeness
from portal.units.models import Unit

OVERVIEW_PAGE_SIZE = 20


def completeness_index(request):
    allowed = units_user_may_check(request.user)
    units = Unit.objects.filter(site__isnull=False).select_related("site").order_by("sort_order", "code")
    if allowed is not None:
        if not allowed:
            raise PermissionDenied
        units = units.filter(pk__in=allowed)
    kind = request.GET.get("loai") or ""
    if kind:
        units = units.filter(kind=kind)
    page = Paginator(units, OVERVIEW_PAGE_SIZE).get_page(request.GET.get("p"))
    # Reports are computed only for the units on the current page: 175 at once would be slow.
    reports = [site_completeness(unit) for unit in page.object_list]
    from portal.units.constants import UnitKind

    return TemplateResponse(
        request,
        "completeness/index.html",
        {"reports": reports, "page_obj": page, "kinds": UnitKind.choices, "kind": kind, "show_filter": allowed is None},
    )


def completeness_detail(request, unit_id: int):
    unit = Unit.objects.filter(pk=unit_id, site__isnull=False).select_related("site").first()
    if unit is None or not can_view_report(request.user, unit.pk):
        raise Http404
    return TemplateResponse(request, "completeness/detail.html", {"report": site_completeness(unit)})
