"""robots.txt, sitemap.xml (sitemaps.org protocol) and the HTML sitemap, per site.

Every answer is built from the request's own Wagtail site and from live, public pages only,
so unpublishing a page or putting its section behind a password or login removes it from
all three at the next request (nothing here is cached).
"""

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from wagtail.models import Page, Site

from portal.pages.chrome import chrome_for_request

# sitemaps.org: at most 50,000 URLs (and 50 MB) per file; beyond that, a sitemap index.
SITEMAP_PAGE_SIZE = 50_000
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The HTML sitemap shows the home and three levels below it.
HTML_SITEMAP_DEPTH = 3

# Personal, transactional or machine-only areas: nothing there is meant to be found by search engines.
ROBOTS_DISALLOW = ("/admin/", "/tai-khoan/", "/dich-vu-cong/ho-so/", "/dich-vu-cong/thanh-toan/", "/api/")

XML_CONTENT_TYPE = "application/xml; charset=utf-8"


def _site_or_404(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Không có trang thông tin nào ở địa chỉ này.")
    return site


def _catalogue_path() -> str:
    # The online-services catalogue is a Django view, not a Wagtail page, and every site has it.
    return reverse("procedures:catalogue")


# --- selectors -------------------------------------------------------------------------------


def site_public_pages(site: Site):
    """The site's live pages outside any password/login-restricted section, in tree order."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(site.root_page, inclusive=True)
        .order_by("path")
    )


def _relative(url_path: str, root_url_path: str) -> str:
    # url_path includes the home's slug ("/home-slug/tin-tuc/"); the site serves it as "/tin-tuc/".
    return url_path[len(root_url_path) - 1:]


def sitemap_entries(site: Site, pages, *, offset: int = 0, limit: int) -> tuple[list[tuple[str, str | None]], bool]:
    """(absolute URL, lastmod date or None) for entries offset … offset+limit-1, and whether they
    reach the end of the list; one query.

    The entries are the site's public pages (`site_public_pages`, passed in so that its view
    restrictions are read once per request) followed by the online-services catalogue.
    """
    base = site.root_url
    root_url_path = site.root_page.url_path
    rows = list(pages.values_list("url_path", "last_published_at")[offset:offset + limit])
    entries = [
        (base + _relative(url_path, root_url_path), timezone.localtime(published).date().isoformat() if published else None)
        for url_path, published in rows
    ]
    ended = len(rows) < limit
    if ended:
        # The pages ended within this slice, so the catalogue fits in it too (when the slice is
        # exactly full, the catalogue opens the next one).
        entries.append((base + _catalogue_path(), None))
    return entries, ended


def sitemap_entry_count(pages) -> int:
    return pages.count() + 1  # + the catalogue


@dataclass
class SitemapNode:
    title: str
    url: str
    children: list["SitemapNode"] = field(default_factory=list)


def html_sitemap_tree(site: Site) -> SitemapNode | None:
    """The home with its public descendants down to HTML_SITEMAP_DEPTH levels, nested; one query."""
    root = site.root_page
    rows = (
        site_public_pages(site)
        .filter(depth__lte=root.depth + HTML_SITEMAP_DEPTH)
        .values_list("path", "title", "url_path")
    )
    nodes: dict[str, SitemapNode] = {}
    home = None
    steplen = Page.steplen
    for path, title, url_path in rows:
        node = SitemapNode(title=title, url=_relative(url_path, root.url_path))
        if path == root.path:
            home = node
        else:
            parent = nodes.get(path[:-steplen])
            if parent is None:
                continue  # under a page that is not live (tree order puts parents first)
            parent.children.append(node)
        nodes[path] = node
    return home


# --- views -----------------------------------------------------------------------------------


def _urlset(entries) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for loc, lastmod in entries:
        lastmod_xml = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        lines.append(f"<url><loc>{escape(iri_to_uri(loc))}</loc>{lastmod_xml}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _sitemap_index(site: Site, parts: int) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for number in range(1, parts + 1):
        loc = f"{site.root_url}/sitemap-{number}.xml"
        lines.append(f"<sitemap><loc>{escape(iri_to_uri(loc))}</loc></sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def sitemap_xml(request):
    """One file while the site fits; otherwise an index of sitemap-1.xml, sitemap-2.xml, …"""
    site = _site_or_404(request)
    size = SITEMAP_PAGE_SIZE
    pages = site_public_pages(site)
    entries, ended = sitemap_entries(site, pages, limit=size)
    if ended:
        return HttpResponse(_urlset(entries), content_type=XML_CONTENT_TYPE)
    parts = -(-sitemap_entry_count(pages) // size)
    return HttpResponse(_sitemap_index(site, parts), content_type=XML_CONTENT_TYPE)


def sitemap_part_xml(request, number: int):
    site = _site_or_404(request)
    size = SITEMAP_PAGE_SIZE
    pages = site_public_pages(site)
    if number < 1 or (number - 1) * size >= sitemap_entry_count(pages):
        raise Http404("Không có phần sơ đồ này.")
    entries, _ended = sitemap_entries(site, pages, offset=(number - 1) * size, limit=size)
    return HttpResponse(_urlset(entries), content_type=XML_CONTENT_TYPE)


def robots_txt(request):
    _site_or_404(request)
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('seo_sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_page(request):
    site = _site_or_404(request)
    context = chrome_for_request(request, "Sơ đồ trang")
    context.update({"sitemap_home": html_sitemap_tree(site), "catalogue_url": _catalogue_path()})
    return render(request, "pages/sitemap_page.html", context)
