"""Metadata for every public page: Dublin Core (Circular 24/2011/TT-BTTTT), schema.org JSON-LD
and Open Graph, built from the page's own fields and the unit registry.

The six mandatory Dublin Core elements (title, creator, date, description, publisher,
identifier) are always present and non-empty: when a page has no field for one, it is derived
(the unit for the creator, the content's first sentence or "<title> — <unit>" for the
description). Articles are the exception: their creator and description are the editor's
authors and lead, and publishing is refused without them (`ArticlePage.clean`).

Nothing here queries the database: everything comes from the page, the request and the
context the site chrome has already loaded.
"""

import json
import re
from datetime import date, datetime

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

DC_SCHEMA = "http://purl.org/dc/elements/1.1/"
LANGUAGE = "vi"
DEFAULT_PUBLISHER = "Cổng thông tin điện tử"
DESCRIPTION_LENGTH = 300

# Fields read, in order, for the description and for the creator of any page type.
DESCRIPTION_FIELDS = ("search_description", "lead", "intro", "abstract", "summary", "note", "guidance")
BODY_FIELDS = ("body", "full_text", "steps")
CREATOR_FIELDS = ("authors", "issuing_body", "drafting_unit_name")

# schema.org type per page model (by class name, so this module imports no other app).
SCHEMA_TYPES = {
    "PortalHomePage": "WebSite",
    "UnitHomePage": "WebSite",
    "SectionPage": "CollectionPage",
    "ProcurementSectionPage": "CollectionPage",
    "ArticlePage": "NewsArticle",
    "PressReleasePage": "NewsArticle",
    "ProcurementNoticePage": "Article",
    "LegalDocumentPage": "Legislation",
    "LegalDocumentIndexPage": "CollectionPage",
    "ConsultationIndexPage": "CollectionPage",
    "ScheduleIndexPage": "CollectionPage",
    "ContactPage": "ContactPage",
    "InteractionIndexPage": "QAPage",
}
ARTICLE_TYPES = {"NewsArticle", "Article"}

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


def _text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return " ".join(strip_tags(value).split())


def _concrete_text(page, name: str) -> str:
    """The page's own text field ``name`` (never a relation, which would cost a query)."""
    try:
        field = page._meta.get_field(name)
    except Exception:
        return ""
    if field.is_relation or not field.concrete:
        return ""
    return _text(getattr(page, name, ""))


def first_sentence(text: str) -> str:
    text = _text(text)
    if not text:
        return ""
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    return Truncator(sentence).chars(DESCRIPTION_LENGTH)


def page_description(page, unit_name: str) -> str:
    for name in DESCRIPTION_FIELDS:
        value = _concrete_text(page, name)
        if value:
            return Truncator(value).chars(DESCRIPTION_LENGTH)
    for name in BODY_FIELDS:
        value = first_sentence(_concrete_text(page, name))
        if value:
            return value
    return f"{page.title} — {unit_name}"


def page_creator(page, unit_name: str) -> str:
    for name in CREATOR_FIELDS:
        value = _concrete_text(page, name)
        if value:
            return value
    return unit_name


def _iso(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return ""


def page_dates(page) -> tuple[str, str]:
    """(date of the content — DC.date —, last modification), ISO 8601."""
    created = (
        getattr(page, "published_at", None)
        or getattr(page, "issue_date", None)
        or page.first_published_at
        or page.last_published_at
        or page.latest_revision_created_at
        or timezone.now()
    )
    modified = page.last_published_at or page.latest_revision_created_at or created
    return _iso(created), _iso(modified)


def _site_root(request) -> str:
    return request.build_absolute_uri("/")


def _feeds(request, page) -> list[dict]:
    from portal.pages import feeds

    return feeds.alternate_links(request, page)


def _assemble(*, request, title, creator, created, modified, description, publisher, schema_type,
              subject="", source="", contributor="", coverage="", og_type="website", feeds=()) -> dict:
    identifier = request.build_absolute_uri(request.path)
    root = _site_root(request)
    dc = [
        ("DC.title", title),
        ("DC.creator", creator),
        ("DC.date", created),
        ("DC.description", description),
        ("DC.publisher", publisher),
        ("DC.identifier", identifier),
        ("DC.language", LANGUAGE),
        ("DC.source", source),
        ("DC.contributor", contributor),
        ("DC.subject", subject),
        ("DC.coverage", coverage),
        ("DC.type", "Text"),
        ("DC.format", "text/html"),
        ("DC.relation", root if identifier != root else ""),
        ("DC.rights", f"© {publisher}"),
    ]
    json_ld = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": title,
        "description": description,
        "url": identifier,
        "inLanguage": LANGUAGE,
        "datePublished": created,
        "dateModified": modified,
        "publisher": {"@type": "GovernmentOrganization", "name": publisher, "url": root},
    }
    if schema_type in ARTICLE_TYPES:
        json_ld["headline"] = Truncator(title).chars(110)
        json_ld["author"] = {"@type": "Organization" if creator == publisher else "Person", "name": creator}
        json_ld["mainEntityOfPage"] = identifier
    else:
        json_ld["author"] = {"@type": "Organization", "name": creator}
    if schema_type != "WebSite":
        json_ld["isPartOf"] = {"@type": "WebSite", "name": publisher, "url": root}
    og = [
        ("og:type", og_type),
        ("og:title", title),
        ("og:description", description),
        ("og:url", identifier),
        ("og:site_name", publisher),
        ("og:locale", "vi_VN"),
    ]
    if og_type == "article":
        og += [("article:published_time", created), ("article:modified_time", modified)]
    # "<" never appears raw inside the script element.
    json_text = json.dumps(json_ld, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return {
        "description": description,
        "dc": [(name, value) for name, value in dc if value],
        "json_ld": json_text,
        "og": [(name, value) for name, value in og if value],
        "feeds": list(feeds),
    }


def page_metadata(page, request, *, unit=None, crumbs=()) -> dict:
    """Metadata for a Wagtail page; ``unit`` is the site's owner as the chrome loaded it."""
    unit = unit or (page.unit if "unit" in page._state.fields_cache else None)
    publisher = unit.display_name if unit is not None else DEFAULT_PUBLISHER
    title = _text(page.seo_title or page.title)
    created, modified = page_dates(page)
    schema_type = SCHEMA_TYPES.get(type(page).__name__, "WebPage")
    subject = _concrete_text(page, "field")
    if not subject and schema_type in ARTICLE_TYPES and crumbs:
        subject = _text(crumbs[-1].title)
    source = _concrete_text(page, "source_url") or _concrete_text(page, "source_name")
    contributor = _concrete_text(page, "photographer") or _concrete_text(page, "signer")
    return _assemble(
        request=request,
        title=title,
        creator=page_creator(page, publisher),
        created=created,
        modified=modified,
        description=page_description(page, publisher),
        publisher=publisher,
        schema_type=schema_type,
        subject=subject,
        source=source,
        contributor=contributor,
        coverage=publisher,
        og_type="article" if schema_type in ARTICLE_TYPES else "website",
        feeds=_feeds(request, page),
    )


def view_metadata(request, title: str, *, unit=None) -> dict:
    """Metadata for a view outside the page tree (catalogue, sitemap, feed index, accounts)."""
    publisher = unit.display_name if unit is not None else DEFAULT_PUBLISHER
    title = _text(title) or publisher
    today = timezone.localdate().isoformat()
    return _assemble(
        request=request,
        title=title,
        creator=publisher,
        created=today,
        modified=today,
        description=f"{title} — {publisher}",
        publisher=publisher,
        schema_type="WebPage",
        coverage=publisher,
        feeds=_feeds(request, None),
    )


def metadata_for_context(context) -> dict:
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    unit = context.get("portal_unit")
    if page is not None and hasattr(page, "_meta") and hasattr(page, "url_path"):
        return page_metadata(page, request, unit=unit, crumbs=context.get("portal_breadcrumbs") or ())
    title = context.get("page_title") or ""
    return view_metadata(request, str(title), unit=unit)
