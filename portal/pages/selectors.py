"""Reads for public pages. Every listing here costs a fixed number of queries."""

from django.db.models import Prefetch, Q
from wagtail.models import Page

from portal.pages.models import ArticlePage, SectionPage


def _article_listing(qs):
    return (
        qs.live()
        .select_related("unit", "main_image")
        .prefetch_related(Prefetch("main_image__renditions"))
        .only(
            "id", "title", "slug", "url_path", "path", "depth", "lead", "published_at", "authors",
            "main_image", "main_image_alt", "unit__name", "unit__kind", "unit__label", "unit__code",
            "locale_id", "live", "content_type_id",
        )
        .order_by("-published_at", "-id")
    )


def article_list_for_unit(unit_id):
    return _article_listing(ArticlePage.objects.filter(unit_id=unit_id))


def article_list_across_units(*, unit_label: str | None = None):
    qs = ArticlePage.objects.all()
    if unit_label:
        qs = qs.filter(unit__label=unit_label)
    return _article_listing(qs)


def article_list_for_section(section: SectionPage):
    """Articles under ``section``; the main portal's news also takes accepted proposals."""
    condition = Q(path__startswith=section.path, depth__gt=section.depth)
    if section.includes_accepted_proposals:
        from portal.syndication.selectors import accepted_article_ids

        condition |= Q(pk__in=accepted_article_ids())
    return _article_listing(ArticlePage.objects.filter(condition))


def menu_sections(page: Page):
    return page.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth", "slug")


def related_articles(article: ArticlePage):
    ids = [link.related_id for link in article.related_links.all()]
    if not ids:
        return ArticlePage.objects.none()
    return _article_listing(ArticlePage.objects.filter(pk__in=ids))


