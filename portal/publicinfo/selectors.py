"""Reads for the structured public-information sections. Fixed query counts per page."""

from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone
from wagtail.models import Page

from portal.pages.selectors import descendants_q, home_for_unit


def _notices(section):
    from portal.publicinfo.models import ProcurementNoticePage

    return ProcurementNoticePage.objects.live().filter(descendants_q(section)).select_related("unit")


def notices_open(section):
    """Notices whose deadline has not passed (or has none), soonest deadline first."""
    from django.db.models import Q

    now = timezone.now()
    return list(_notices(section).filter(Q(deadline__gt=now) | Q(deadline__isnull=True)).order_by("deadline", "-published_at")[:50])


def notices_archived(section):
    """Closed notices, kept and searchable: most recently closed first."""
    return _notices(section).filter(deadline__lte=timezone.now()).order_by("-deadline", "-id")


def articles_not_notices(section):
    from portal.pages.models import ArticlePage

    return (
        ArticlePage.objects.live()
        .filter(descendants_q(section), procurementnoticepage__isnull=True)
        .select_related("unit", "main_image")
        .order_by("-published_at", "-id")
    )


@dataclass(frozen=True)
class DisclosureRow:
    point: str
    description: str
    links: list  # (title, url, item count, last update)


def disclosure_list(page) -> list[DisclosureRow]:
    """Luật Tiếp cận thông tin Điều 17: what this site publishes under each point, with counts."""
    from portal.publicinfo.catalogue import DISCLOSURE_POINTS, nodes_for

    home = home_for_unit(page.unit) if page.unit_id else None
    if home is None:
        return []
    present = {node.path for node in nodes_for(page.unit.kind)}
    wanted = {path for _, _, paths in DISCLOSURE_POINTS for path in paths if path in present}
    targets = {
        p.url_path[len(home.url_path) :].strip("/"): p
        for p in Page.objects.live().filter(url_path__in=[home.url_path + path + "/" for path in wanted], path__startswith=home.path)
    }
    # One small aggregate per target: bounded by the catalogue (a dozen), not by the content.
    stats = {
        target.pk: Page.objects.live().filter(descendants_q(target)).aggregate(n=Count("id"), last=Max("last_published_at"))
        for target in targets.values()
    }
    result = []
    for point, description, paths in DISCLOSURE_POINTS:
        links = []
        for path in paths:
            target = targets.get(path)
            if target is None:
                continue
            stat = stats.get(target.pk, {"n": 0, "last": None})
            links.append((target.title, target.url, stat["n"], stat["last"] or target.last_published_at))
        if links:
            result.append(DisclosureRow(point, description, links))
    return result
