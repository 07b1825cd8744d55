"""GET /api/v1/search: ranked results across articles, documents, procedures, answers and pages."""

import datetime as dt

from ninja import Query, Router, Schema

from portal.core.api import api_unit_or_404

from .constants import KINDS, MAX_QUERY_LENGTH, PER_PAGE
from .selectors import search

router = Router(tags=["Tìm kiếm"])


class SearchQuery(Schema):
    q: str = ""
    site: str = ""
    type: str = ""
    unit: str = ""
    page: int = 1


class UnitOut(Schema):
    code: str
    name: str


class HitOut(Schema):
    title: str
    url: str
    type: str
    type_label: str
    number: str
    unit: UnitOut | None
    date: dt.date | None
    score: float
    title_html: str
    snippet_html: str


class FacetOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetsOut(Schema):
    type: list[FacetOut]
    unit: list[FacetOut]


class SearchOut(Schema):
    q: str
    total: int
    total_is_lower_bound: bool
    page: int
    per_page: int
    items: list[HitOut]
    facets: FacetsOut


@router.get(
    "/search", response=SearchOut,
    summary="Tìm kiếm trên một trang hoặc toàn tỉnh (không phân biệt dấu, hoa thường; cụm từ trong ngoặc kép; số ký hiệu văn bản)",
    description=(
        "site: tên miền của trang (để trống: toàn tỉnh). type: article, legaldoc, procedure, answer, page. "
        "unit: mã đơn vị (chỉ khi tìm toàn tỉnh). title_html và snippet_html là HTML đã thoát ký tự, từ khớp nằm trong <mark>. "
        "Mỗi tầng tìm kiếm xét tối đa 100 kết quả mới nhất; khi bị giới hạn, total_is_lower_bound = true."
    ),
)
def search_endpoint(request, params: Query[SearchQuery]):
    from portal.units.models import Unit

    unit = api_unit_or_404(params.site) if params.site else None
    across = unit is None or unit.is_main
    unit_filter = None
    if across and params.unit:
        unit_filter = Unit.objects.filter(code=params.unit).values_list("pk", flat=True).first() or -1
    result = search(
        params.q[:MAX_QUERY_LENGTH], unit_ids=None if across else [unit.pk], kind=params.type if params.type in KINDS else "",
        unit_filter=unit_filter, page=max(1, params.page), per_page=PER_PAGE, with_unit_facet=across,
    )
    codes = dict(Unit.objects.filter(pk__in={h.unit_id for h in result.hits} | {int(f.value) for f in result.unit_facets})
                 .values_list("pk", "code"))
    return {
        "q": params.q, "total": result.total, "total_is_lower_bound": result.capped, "page": result.page,
        "per_page": result.per_page,
        "items": [
            {
                "title": h.title, "url": h.url, "type": h.kind, "type_label": h.kind_label, "number": h.number,
                "unit": {"code": codes.get(h.unit_id, ""), "name": h.unit_name} if h.unit_id else None,
                "date": h.published, "score": h.score, "title_html": str(h.title_html), "snippet_html": str(h.snippet_html),
            }
            for h in result.hits
        ],
        "facets": {
            "type": [vars(f) for f in result.kind_facets],
            "unit": [{**vars(f), "value": codes.get(int(f.value), f.value)} for f in result.unit_facets],
        },
    }
