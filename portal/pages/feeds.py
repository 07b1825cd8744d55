"""RSS 2.0 and Atom 1.0 feeds per site: latest articles, each section, legal documents and
procedures; and the feed index page ("Kênh RSS").

Every feed is built from the request's own site and from live, public content only, so an
unpublished article or one behind a password or login is gone at the next request.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from wagtail.models import Site

from portal.pages.chrome import chrome_for_request

FEED_SIZE = 30
FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
MIME = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FORMAT_LABEL = {"rss": "RSS 2.0", "atom": "Atom 1.0"}


def _site_or_404(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Không có trang thông tin nào ở địa chỉ này.")
    return site


def _site_unit(site):
    from portal.units.models import Unit

    return Unit.objects.filter(site=site).first()


def _publisher(unit) -> str:
    return unit.display_name if unit is not None else "Cổng thông tin điện tử"


def _relative(page, site) -> str:
    """"tin-tuc-su-kien/thoi-su" for a section below the site's home."""
    return page.url_path[len(site.root_page.url_path):].strip("/")


# --- selectors -------------------------------------------------------------------------------


def site_articles(site):
    from portal.pages.models import ArticlePage

    return (
        ArticlePage.objects.live().public().descendant_of(site.root_page)
        .select_related("unit").order_by("-published_at", "-id")
    )


def site_sections(site):
    from portal.pages.models import SectionPage

    return SectionPage.objects.live().public().descendant_of(site.root_page).order_by("path")


def section_at(site, relative_path: str):
    url_path = site.root_page.url_path + relative_path.strip("/") + "/"
    section = site_sections(site).filter(url_path=url_path).first()
    if section is None:
        raise Http404("Không có chuyên mục này.")
    return section


def section_articles(section):
    from portal.pages.models import ArticlePage
    from portal.pages.selectors import article_list_for_section

    ids = article_list_for_section(section).values("pk")
    return ArticlePage.objects.live().public().filter(pk__in=ids).select_related("unit").order_by("-published_at", "-id")


def site_legal_documents(site):
    from portal.legaldocs.models import LegalDocumentPage

    return (
        LegalDocumentPage.objects.live().public().descendant_of(site.root_page)
        .select_related("unit").order_by("-issue_date", "-id")
    )


def site_has_legal_documents(site) -> bool:
    from portal.legaldocs.models import LegalDocumentIndexPage

    return LegalDocumentIndexPage.objects.live().public().descendant_of(site.root_page).exists()


def site_procedures(unit):
    from portal.procedures.selectors import procedures_for_site

    return procedures_for_site(unit).select_related("unit").order_by("-updated_at", "-id")


# --- feeds -----------------------------------------------------------------------------------


class PortalFeed(Feed):
    """Common parts; ``kind`` is "rss" or "atom"."""

    kind = "rss"
    title_template = None
    description_template = None

    def __init__(self, kind: str = "rss"):
        super().__init__()
        self.kind = kind
        self.feed_type = FORMATS[kind]

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = f"{MIME[self.kind]}; charset=utf-8"
        return response

    def get_object(self, request, *args, **kwargs):
        site = _site_or_404(request)
        return {"site": site, "unit": _site_unit(site)}

    def feed_url(self, obj):
        return self.request.build_absolute_uri(self.request.path)

    def link(self, obj):
        return obj["site"].root_url + "/"

    def author_name(self, obj):
        return _publisher(obj["unit"])

    def feed_copyright(self, obj):
        return f"© {_publisher(obj['unit'])}"

    def item_guid_is_permalink(self, item):
        return True

    def item_author_name(self, item):
        return getattr(item, "authors", "") or _publisher(getattr(item, "unit", None))

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at or item.last_published_at

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_title(self, item):
        return item.title


class LatestArticlesFeed(PortalFeed):
    def title(self, obj):
        return f"Tin mới – {_publisher(obj['unit'])}"

    def description(self, obj):
        return f"Các tin, bài mới nhất trên trang thông tin điện tử của {_publisher(obj['unit'])}."

    def items(self, obj):
        return site_articles(obj["site"])[:FEED_SIZE]

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, section_path):
        obj = super().get_object(request)
        obj["section"] = section_at(obj["site"], section_path)
        return obj

    def title(self, obj):
        return f"{obj['section'].title} – {_publisher(obj['unit'])}"

    def description(self, obj):
        return obj["section"].intro or f"Tin, bài của chuyên mục {obj['section'].title}."

    def link(self, obj):
        return obj["section"].get_full_url(self.request)

    def items(self, obj):
        return section_articles(obj["section"])[:FEED_SIZE]


class LegalDocumentFeed(PortalFeed):
    def title(self, obj):
        return f"Văn bản mới – {_publisher(obj['unit'])}"

    def description(self, obj):
        return f"Văn bản chỉ đạo, điều hành và văn bản quy phạm pháp luật mới ban hành của {_publisher(obj['unit'])}."

    def items(self, obj):
        return site_legal_documents(obj["site"])[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.number} – {item.title}" if item.number else item.title

    def item_description(self, item):
        return item.abstract or item.title

    def item_author_name(self, item):
        return item.issuing_body or _publisher(item.unit)

    def item_pubdate(self, item):
        if item.issue_date:
            return timezone.make_aware(timezone.datetime.combine(item.issue_date, timezone.datetime.min.time()))
        return item.first_published_at

    def item_categories(self, item):
        return [item.field] if item.field else []


class ProcedureFeed(PortalFeed):
    def title(self, obj):
        return f"Thủ tục hành chính – {_publisher(obj['unit'])}"

    def description(self, obj):
        return f"Thủ tục hành chính được công khai trên trang của {_publisher(obj['unit'])}, mới cập nhật trước."

    def link(self, obj):
        return self.request.build_absolute_uri(reverse("procedures:catalogue"))

    def items(self, obj):
        return site_procedures(obj["unit"])[:FEED_SIZE]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        parts = [f"Mã thủ tục {item.national_code}"]
        if item.implementing_agency:
            parts.append(f"Cơ quan thực hiện: {strip_tags(item.implementing_agency)}")
        return ". ".join(parts) + "."

    def item_link(self, item):
        return self.request.build_absolute_uri(reverse("procedures:detail", args=[item.national_code]))

    def item_author_name(self, item):
        return _publisher(item.unit)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


def feed_view(feed_class, kind):
    def view(request, *args, **kwargs):
        # A fresh instance per request: the feed keeps the request on itself.
        return feed_class(kind)(request, *args, **kwargs)

    return view


# --- the feed index and the <head> links ---------------------------------------------------------


@dataclass
class FeedEntry:
    title: str
    description: str
    rss: str
    atom: str


def feed_url(kind: str, name: str) -> str:
    return f"/{kind}/{name}.xml"


def section_feed_name(relative_path: str) -> str:
    return f"chuyen-muc/{relative_path}"


def site_feed_entries(site, unit) -> list[FeedEntry]:
    publisher = _publisher(unit)
    entries = [FeedEntry("Tin mới", f"Tin, bài mới nhất của {publisher}", feed_url("rss", "tin-moi"), feed_url("atom", "tin-moi"))]
    for section in site_sections(site).only("id", "title", "url_path", "path", "depth"):
        name = section_feed_name(_relative(section, site))
        entries.append(FeedEntry(f"Chuyên mục: {section.title}", "Tin, bài của chuyên mục", feed_url("rss", name), feed_url("atom", name)))
    if site_has_legal_documents(site):
        entries.append(FeedEntry("Văn bản mới", "Văn bản mới ban hành", feed_url("rss", "van-ban"), feed_url("atom", "van-ban")))
    entries.append(FeedEntry("Thủ tục hành chính", "Thủ tục hành chính mới cập nhật", feed_url("rss", "thu-tuc"), feed_url("atom", "thu-tuc")))
    return entries


def feed_index(request):
    site = _site_or_404(request)
    context = chrome_for_request(request, "Kênh RSS")
    entries = site_feed_entries(site, context.get("portal_unit"))
    context.update({"feeds": entries, "formats": FORMAT_LABEL})
    return render(request, "pages/feed_index.html", context)


def alternate_links(request, page) -> list[dict]:
    """<link rel="alternate"> for the site's news feed, plus the section's or the legal
    documents' feed on those pages. No query: the site and its home are already loaded."""
    links = [{"type": MIME["rss"], "title": "Tin mới (RSS)", "href": feed_url("rss", "tin-moi")},
             {"type": MIME["atom"], "title": "Tin mới (Atom)", "href": feed_url("atom", "tin-moi")}]
    if page is None:
        return links
    kind = type(page).__name__
    if kind in ("SectionPage", "ProcurementSectionPage"):
        site = Site.find_for_request(request)
        if site is not None and page.url_path.startswith(site.root_page.url_path):
            name = section_feed_name(_relative(page, site))
            links.append({"type": MIME["rss"], "title": f"{page.title} (RSS)", "href": feed_url("rss", name)})
    elif kind in ("LegalDocumentIndexPage", "LegalDocumentPage"):
        links.append({"type": MIME["rss"], "title": "Văn bản mới (RSS)", "href": feed_url("rss", "van-ban")})
    return links
