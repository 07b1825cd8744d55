"""Reads of the unit registry."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from portal.units.constants import UnitKind

_ROUTES_VERSION_KEY = "units:host-routes:version"
# Without a shared cache (the embedded default) each worker rebuilds at least this often.
_ROUTES_MAX_AGE_SECONDS = 30
_local_routes: dict = {}


@dataclass(frozen=True)
class HostRoutes:
    served: frozenset[str]
    redirects: dict[str, str]


def _build_routes() -> HostRoutes:
    from wagtail.models import Site

    from portal.units.models import HostAlias

    base = settings.PORTAL_BASE_DOMAIN
    served = set(Site.objects.values_list("hostname", flat=True))
    redirects = {f"www.{base}": base}
    for alias, unit_label, unit_kind in HostAlias.objects.values_list("hostname", "unit__label", "unit__kind"):
        target = base if unit_kind == UnitKind.PROVINCE else f"{unit_label}.{base}"
        if alias not in served and target in served:
            redirects[alias] = target
    return HostRoutes(frozenset(served), redirects)


def host_routing_table() -> HostRoutes:
    """Hosts we serve and hosts that redirect, rebuilt in every worker after a change."""
    version = cache.get(_ROUTES_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(_ROUTES_VERSION_KEY, version, None)
    now = time.monotonic()
    cached = _local_routes.get(version)
    if cached is None or now - cached[0] > _ROUTES_MAX_AGE_SECONDS:
        _local_routes.clear()
        _local_routes[version] = cached = (now, _build_routes())
    return cached[1]


def invalidate_host_routes() -> None:
    try:
        cache.incr(_ROUTES_VERSION_KEY)
    except ValueError:
        cache.set(_ROUTES_VERSION_KEY, 2, None)
    _local_routes.clear()


def unit_list_for_api():
    from portal.units.models import Unit

    return Unit.objects.select_related("parent").order_by("sort_order", "code")


def unit_directory() -> dict[str, list]:
    """Active units with a site, grouped for the public directory of component sites."""
    from portal.units.models import Unit

    units = list(
        Unit.objects.active()
        .filter(site__isnull=False)
        .exclude(kind=UnitKind.PROVINCE)
        .select_related("parent")
        .order_by("kind", "parent__code", "sort_order", "code")
    )
    groups = {"agencies": [], "districts": [], "communes": []}
    for unit in units:
        if unit.kind in (UnitKind.AGENCY, UnitKind.SERVICE_UNIT):
            groups["agencies"].append(unit)
        elif unit.kind == UnitKind.DISTRICT:
            groups["districts"].append(unit)
        else:
            groups["communes"].append(unit)
    return groups


def unit_for_site_id(site_id: int):
    from portal.units.models import Unit

    return Unit.objects.filter(site_id=site_id).first()


def unit_for_hostname(hostname: str):
    """The unit whose site answers `hostname`, or None. Used by the per-site API endpoints."""
    from portal.units.models import Unit

    return Unit.objects.select_related("site").filter(site__hostname=(hostname or "").lower().strip(".")).first()
