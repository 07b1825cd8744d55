"""What every public page shows around its content: owner, menu, breadcrumbs, footer.

Three queries in the common case (ancestors, menu, site settings) plus the owner's
unit; see benchmarks/README.md for how this was measured.
"""

from django.conf import settings
from wagtail.models import Page, Site

from portal.pages.models import SiteAppearance

# Enough to render a link and decide on aria-current; numchild keeps treebeard from
# loading it lazily (one query more) when children are asked for.
_LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "slug", "numchild")


def main_portal_url() -> str:
    port = settings.PORTAL_SITE_PORT
    host = settings.PORTAL_BASE_DOMAIN
    if port == 443:
        return f"https://{host}/"
    return f"http://{host}/" if port == 80 else f"http://{host}:{port}/"


def _home_and_crumbs(page, site) -> tuple:
    """The site's home page and the breadcrumb trail (home … parent), with one query."""
    if site is None or page.pk == site.root_page_id:
        return page, []
    ancestors = list(Page.objects.ancestor_of(page).only(*_LINK_FIELDS).order_by("depth"))
    home = next((ancestor for ancestor in ancestors if ancestor.pk == site.root_page_id), None)
    if home is None:
        # Served outside its site's tree (should not happen): look the home up on its own.
        home = Page.objects.only(*_LINK_FIELDS).get(pk=site.root_page_id)
    crumbs = [ancestor for ancestor in ancestors if ancestor.depth >= home.depth] if page.depth > home.depth else []
    return home, crumbs


def site_chrome(page, request) -> dict:
    site = Site.find_for_request(request)
    home, crumbs = _home_and_crumbs(page, site)
    menu = list(home.get_children().live().in_menu().only(*_LINK_FIELDS))
    return {
        "portal_unit": page.unit,
        "portal_home": home,
        "portal_menu": menu,
        "portal_breadcrumbs": crumbs,
        "portal_settings": SiteAppearance.for_request(request) if site else None,
        "main_portal_url": main_portal_url(),
    }
