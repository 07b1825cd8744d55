"""What every public page shows around its content: owner, menu, breadcrumbs, footer.

Two queries in the common case: the trail and the menu together, and the owner together
with the site's settings (benchmarks/README.md tells how this was measured).
"""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page, Site

from portal.pages.models import SiteAppearance

# Enough to render a link, decide on aria-current and tell crumbs from menu items;
# numchild keeps treebeard from loading it lazily (one query more) when asked for children.
_LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "slug", "numchild", "live", "show_in_menus")


def main_portal_url() -> str:
    port = settings.PORTAL_SITE_PORT
    host = settings.PORTAL_BASE_DOMAIN
    if port == 443:
        return f"https://{host}/"
    return f"http://{host}/" if port == 80 else f"http://{host}:{port}/"


def _home_crumbs_and_menu(page, site) -> tuple:
    """The site's home, the breadcrumb trail (home … parent) and the main menu, in one query.

    The home comes with the site (``Site.find_for_request`` joins the root page). The trail
    is every ancestor at or below the home's depth; the menu is the home's live children
    shown in menus, in tree order. Both are read together and told apart here; a section
    that is in both (the parent of an article) is the same object in both lists.
    """
    if site is None or page.pk == site.root_page_id:
        home, crumb_paths = page, []
    else:
        home = site.root_page
        steplen = page.steplen
        crumb_paths = [page.path[: depth * steplen] for depth in range(home.depth, page.depth)]
    condition = Q(path__in=crumb_paths) if crumb_paths else Q()
    menu_depth = home.depth + 1
    if not home.is_leaf():
        menu_q = Q(depth=menu_depth, path__range=home._get_children_path_interval(home.path), live=True, show_in_menus=True)
        condition = (condition | menu_q) if crumb_paths else menu_q
    elif not crumb_paths:
        return home, [], []
    rows = list(Page.objects.filter(condition).only(*_LINK_FIELDS).order_by("path"))
    wanted = set(crumb_paths)
    crumbs = [row for row in rows if row.path in wanted]
    menu = [
        row for row in rows
        if row.depth == menu_depth and row.path.startswith(home.path) and row.live and row.show_in_menus
    ]
    return home, crumbs, menu


def _unit_and_settings(page, request, site) -> tuple:
    """The page's owner and the site's appearance settings, with one query when they match.

    A unit's pages are served from the unit's own site, so the owner's site is the request's
    site and its SiteAppearance comes along in the same join. Anything else (no owner, a
    site without settings yet, a page served by another site) takes the ordinary path:
    ``page.unit`` and ``SiteAppearance.for_request``, which creates missing settings.
    """
    from portal.units.models import Unit

    unit = None
    if page.unit_id is not None and site is not None and "unit" not in page._state.fields_cache:
        unit = Unit.objects.select_related("site__siteappearance").filter(pk=page.unit_id).first()
        if unit is not None:
            page.unit = unit
        appearance = getattr(unit.site, "siteappearance", None) if unit is not None and unit.site_id == site.pk else None
        if appearance is not None:
            appearance._request = request  # as SiteAppearance.for_request does
            setattr(request, SiteAppearance.get_cache_attr_name(), appearance)
    else:
        unit = page.unit
    settings_for_site = SiteAppearance.for_request(request) if site else None
    return unit, settings_for_site


def site_chrome(page, request) -> dict:
    site = Site.find_for_request(request)
    home, crumbs, menu = _home_crumbs_and_menu(page, site)
    unit, appearance = _unit_and_settings(page, request, site)
    return {
        "portal_unit": unit,
        "portal_home": home,
        "portal_menu": menu,
        "portal_breadcrumbs": crumbs,
        "portal_settings": appearance,
        "main_portal_url": main_portal_url(),
    }


def chrome_for_request(request, title: str, crumbs: list[tuple[str, str]] | None = None) -> dict:
    """Context for views outside the page tree (online services, accounts): the site's chrome around them.

    `crumbs` are (label, url) pairs after the home; the template shows `title` last, unlinked.
    """
    site = Site.find_for_request(request)
    if site is None:
        return {"page": None, "page_title": title, "extra_crumbs": crumbs or [], "main_portal_url": main_portal_url()}
    home = site.root_page.specific
    context = site_chrome(home, request)
    context.update({"page": None, "page_title": title, "portal_home": home, "extra_crumbs": crumbs or []})
    context["portal_breadcrumbs"] = [home]
    return context
