"""What every public page shows around its content: owner, menu, breadcrumbs, footer."""

from django.conf import settings
from wagtail.models import Page, Site

from portal.pages.models import SiteAppearance


def main_portal_url() -> str:
    port = settings.PORTAL_SITE_PORT
    host = settings.PORTAL_BASE_DOMAIN
    if port == 443:
        return f"https://{host}/"
    return f"http://{host}/" if port == 80 else f"http://{host}:{port}/"


def site_chrome(page, request) -> dict:
    site = Site.find_for_request(request)
    home = page if site is None or page.pk == site.root_page_id else None
    if home is None:
        home = Page.objects.only("id", "title", "url_path", "path", "depth", "slug").get(pk=site.root_page_id)
    crumbs = []
    if page.depth > home.depth:
        crumbs = list(
            Page.objects.ancestor_of(page)
            .filter(depth__gte=home.depth)
            .only("id", "title", "url_path", "path", "depth", "slug")
            .order_by("depth")
        )
    menu = list(
        home.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth", "slug")
    )
    return {
        "portal_unit": page.unit,
        "portal_home": home,
        "portal_menu": menu,
        "portal_breadcrumbs": crumbs,
        "portal_settings": SiteAppearance.for_site(site) if site else None,
        "main_portal_url": main_portal_url(),
    }
