"""The search page, on every site: ``/tim-kiem/?q=&loai=&don-vi=&trang=``."""

from urllib.parse import urlencode

from django.shortcuts import render

from portal.pages.chrome import chrome_for_request

from .constants import KINDS, MAX_QUERY_LENGTH
from .selectors import search

TITLE = "Tìm kiếm"


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _href(**params) -> str:
    present = {k: v for k, v in params.items() if v}
    return "?" + urlencode(present) if present else "?"


def results(request):
    context = chrome_for_request(request, TITLE)
    unit = context.get("portal_unit")
    across_units = unit is None or unit.is_main
    q = (request.GET.get("q") or "")[:MAX_QUERY_LENGTH].strip()
    kind = request.GET.get("loai", "")
    kind = kind if kind in KINDS else ""
    unit_filter = _int(request.GET.get("don-vi")) if across_units else None
    page = _int(request.GET.get("trang"), 1) or 1
    result = search(
        q, unit_ids=None if across_units else [unit.pk], kind=kind, unit_filter=unit_filter, page=page,
        with_unit_facet=across_units,
    ) if q else None
    current = {"q": q, "loai": kind, "don-vi": unit_filter or ""}
    kind_links = unit_links = []
    pages = []
    if result is not None:
        kind_links = [
            {"facet": f, "href": _href(**{**current, "loai": "" if f.selected else f.value})} for f in result.kind_facets
        ]
        unit_links = [
            {"facet": f, "href": _href(**{**current, "don-vi": "" if f.selected else f.value})} for f in result.unit_facets
        ]
        pages = [
            {"number": n, "href": _href(**current, trang=n if n > 1 else ""), "current": n == result.page}
            for n in range(1, result.num_pages + 1)
        ]
    context.update({
        "page_title": f"Tìm kiếm: {q}" if q else TITLE,
        "q": q, "kind": kind, "unit_filter": unit_filter, "result": result, "across_units": across_units,
        "kind_links": kind_links, "unit_links": unit_links, "pages": pages,
        "has_quotes": '"' in q or "“" in q,
        "clear_filters_href": _href(q=q),
    })
    return render(request, "search/results.html", context)
