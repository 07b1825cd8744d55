"""Shared pieces of the per-site read API (NĐ 42/2022 Điều 5: information re-used by other channels)."""

from django.http import Http404
from ninja import Schema

MAX_LIMIT = 100


class PageMeta(Schema):
    count: int
    limit: int
    offset: int


def api_unit_or_404(hostname: str):
    from portal.units.selectors import unit_for_hostname

    unit = unit_for_hostname(hostname)
    if unit is None:
        raise Http404("Không có trang nào với tên miền này.")
    return unit


def api_slice(queryset, limit: int, offset: int):
    """Clamp paging parameters and return (meta, items) for a list endpoint."""
    limit = max(1, min(limit or 20, MAX_LIMIT))
    offset = max(0, offset or 0)
    count = queryset.count()
    return PageMeta(count=count, limit=limit, offset=offset), list(queryset[offset : offset + limit])
