"""Public pages of the procedure catalogue (“Dịch vụ công”), served on every site outside the page tree."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from portal.pages.chrome import chrome_for_request
from portal.pages.models import paginate
from portal.procedures import selectors

PER_PAGE = 20
CATALOGUE_TITLE = "Dịch vụ công"
# GET parameter of each facet on the page (Vietnamese, like "trang" and "in"); the API uses the facet names.
PARAMS = {"audience": "doi-tuong", "field": "linh-vuc", "level": "muc-do", "unit": "don-vi"}
FACET_TITLES = {
    "audience": "Đối tượng thực hiện",
    "field": "Lĩnh vực",
    "level": "Mức độ dịch vụ công trực tuyến",
    "unit": "Đơn vị quản lý",
}


def _query(params: dict) -> str:
    present = {key: value for key, value in params.items() if value}
    return "?" + urlencode(present) if present else ""


def _facet_groups(catalogue, base: str) -> list[dict]:
    """Each facet with its links: choosing a value keeps the search and the other facets and goes back
    to page 1; a chosen value links to the same listing without it."""
    filters = catalogue.filters
    current = {"q": filters.q, **{PARAMS[name]: getattr(filters, name) for name in PARAMS}}
    groups = []
    for name, values in catalogue.facets.items():
        items = []
        for facet in values:
            params = dict(current)
            params[PARAMS[name]] = "" if facet.selected else facet.value
            items.append({"facet": facet, "href": base + _query(params)})
        selected = getattr(filters, name)
        groups.append({
            "name": name, "param": PARAMS[name], "title": FACET_TITLES[name], "items": items,
            "selected": selected, "clear_href": base + _query({**current, PARAMS[name]: ""}) if selected else "",
        })
    return groups


def catalogue(request):
    context = chrome_for_request(request, CATALOGUE_TITLE)
    unit = context.get("portal_unit")
    across_units = unit is None or unit.is_main
    values = {name: request.GET.get(param, "") for name, param in PARAMS.items()}
    if not across_units:
        values["unit"] = ""  # a unit's site has no unit facet, so no way to see or undo that filter
    filters = selectors.CatalogueFilters(q=request.GET.get("q", ""), **values)
    result = selectors.procedure_catalogue(unit, filters)
    procedures = paginate(request, result.procedures, per_page=PER_PAGE)
    procedures.object_list = list(procedures.object_list)
    for procedure in procedures.object_list:
        procedure.level_value = selectors.LEVEL_VALUES[procedure.level_2022]
    base = reverse("procedures:catalogue")
    groups = _facet_groups(result, base)
    facet_params = {PARAMS[name]: getattr(result.filters, name) for name in PARAMS}
    context.update({
        "procedures": procedures,
        "filters": result.filters,
        "facet_groups": groups,
        "active_facets": [
            {"title": group["title"], "label": next((i["facet"].label for i in group["items"] if i["facet"].selected), group["selected"]),
             "href": group["clear_href"]}
            for group in groups if group["selected"]
        ],
        "across_units": across_units,
        "clear_href": base,
        "clear_q_href": base + _query(facet_params),
    })
    return render(request, "procedures/catalogue.html", context)


def detail(request, national_code: str):
    context = chrome_for_request(request, "", crumbs=[(CATALOGUE_TITLE, reverse("procedures:catalogue"))])
    procedure = selectors.procedure_get_public(context.get("portal_unit"), national_code)
    if procedure is None:
        raise Http404("Không có thủ tục này trên trang.")
    context.update({
        "page_title": procedure.name,
        "procedure": procedure,
        "facts": selectors.procedure_facts(procedure),
        "handlings": list(procedure.handlings.all()),
        "papers": list(procedure.papers.all()),
        "submit_url": selectors.procedure_submit_url(procedure),
        "print_url": reverse("procedures:detail", args=[procedure.national_code]) + "?in=1",
        "page_url": reverse("procedures:detail", args=[procedure.national_code]),
    })
    template = "procedures/procedure_print.html" if request.GET.get("in") else "procedures/procedure.html"
    return render(request, template, context)
