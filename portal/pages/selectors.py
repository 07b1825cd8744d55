"""Reads for public pages. Every listing here costs a fixed number of queries."""

from django.db.models import Count, Max, Prefetch, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page

from portal.pages.models import ArticlePage, SectionPage

# What article_card.html reads; display_name needs the unit's kind, name and division_type.
_CARD_FIELDS = (
    "id", "title", "slug", "url_path", "path", "depth", "lead", "published_at", "authors",
    "main_image", "main_image_alt", "unit__name", "unit__kind", "unit__label", "unit__code",
    "unit__division_type", "locale_id", "live", "content_type_id",
)


def _article_listing(qs):
    return (
        qs.live()
        .select_related("unit", "main_image")
        .prefetch_related(Prefetch("main_image__renditions"))
        .only(*_CARD_FIELDS)
        .order_by("-published_at", "-id")
    )


def _descendants_q(page: Page) -> Q:
    """Pages below ``page``, as a range on the indexed ``path`` column.

    Same rows as ``path__startswith`` but usable by the index everywhere: Django's
    ``startswith`` on SQLite is ``LIKE … ESCAPE``, which SQLite never answers from an
    index, so counting one section's articles scanned every page (15 ms at 20,000).
    Paths only use the treebeard alphabet (0-9, A-Z), so every descendant sorts between
    the section's own path and that path padded with the alphabet's last letter.
    """
    max_length = Page._meta.get_field("path").max_length
    upper = page.path + page.alphabet[-1] * (max_length - len(page.path))
    return Q(path__gt=page.path, path__lte=upper, depth__gt=page.depth)


def article_list_for_unit(unit_id):
    return _article_listing(ArticlePage.objects.filter(unit_id=unit_id))


def article_list_across_units(*, unit_label: str | None = None):
    qs = ArticlePage.objects.all()
    if unit_label:
        qs = qs.filter(unit__label=unit_label)
    return _article_listing(qs)


def article_list_for_section(section: SectionPage):
    """Articles under ``section``; the main portal's news also takes accepted proposals."""
    condition = _descendants_q(section)
    if section.includes_accepted_proposals:
        from portal.syndication.selectors import accepted_article_ids

        condition |= Q(pk__in=accepted_article_ids())
    return _article_listing(ArticlePage.objects.filter(condition))


class CountedListing:
    """A listing whose total is counted by a cheaper query than ``COUNT(*)`` of the listing.

    Paginator only counts and slices, so this is all it needs.
    """

    def __init__(self, queryset, count):
        self.queryset = queryset
        self._count = count

    def count(self) -> int:
        return self._count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        return self.queryset[key]

    def __iter__(self):
        return iter(self.queryset)


def section_listing(section: SectionPage):
    """``article_list_for_section`` ready for paging.

    With accepted proposals the listing's condition is an OR across two sources, which
    SQLite can only count by reading every article (15-20 ms at 20,000); counted as
    "articles below the section + accepted articles elsewhere" both parts use an index.
    """
    articles = article_list_for_section(section)
    if not section.includes_accepted_proposals:
        return articles
    from portal.syndication.selectors import accepted_article_ids

    def count() -> int:
        below = ArticlePage.objects.live().filter(_descendants_q(section)).count()
        elsewhere = ArticlePage.objects.live().filter(pk__in=accepted_article_ids()).exclude(_descendants_q(section)).count()
        return below + elsewhere

    return CountedListing(articles, count)


def menu_sections(page: Page):
    return page.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth", "slug")


def related_articles(article: ArticlePage):
    """Linked articles, live only, newest first: a title, a link and a date each.

    One query: the links are read as a subquery, except when they only exist in memory
    (a preview or a revision being shown), where they are read from the page itself.
    """
    links = article.related_links
    if links.is_deferring or article.pk is None:
        ids = [link.related_id for link in links.all()]
        if not ids:
            return ArticlePage.objects.none()
        condition = Q(pk__in=ids)
    else:
        condition = Q(pk__in=links.get_live_queryset().values("related_id"))
    return (
        ArticlePage.objects.live()
        .filter(condition)
        .only("id", "title", "slug", "url_path", "path", "depth", "published_at", "locale_id", "live", "content_type_id")
        .order_by("-published_at", "-id")
    )


# --- the main portal's directory of component sites ------------------------------------


def _escape_free(value: str) -> str:
    """``value`` marked safe when HTML-escaping would leave it unchanged, else as it is.

    The output is the same either way; the template engine just skips escaping ~1,000
    strings on the main home page (1.4 ms of its render). Names with ``&`` or quotes
    stay ordinary strings and are escaped as usual.
    """
    return mark_safe(value) if escape(value) == value else value


class DirectoryEntry(dict):
    """One unit of the directory, with what the template shows already computed.

    A dict because Django templates try ``entry[name]`` first: looking up a plain key is
    several times cheaper than a model property, and the home page reads four of them
    for each of ~175 units (directory and filter: 15 ms of render with Unit objects,
    2 ms with these). Anything else falls through to the unit itself, so a template
    may still ask for ``unit.address`` or ``unit.code``.
    """

    def __init__(self, unit, parent=None):
        values = {
            "label": unit.label,
            "name": unit.name,
            "display_name": unit.display_name,
            "hostname": unit.hostname,
            "site_url": unit.site_url,
        }
        super().__init__({name: _escape_free(value) for name, value in values.items()}, pk=unit.pk, parent=parent)
        self.unit = unit

    def __missing__(self, key):
        try:
            return getattr(self.unit, key)
        except AttributeError:
            raise KeyError(key) from None

    def __getattr__(self, name):
        if name == "unit":
            raise AttributeError(name)
        return getattr(self.unit, name)

    def __eq__(self, other):
        return isinstance(other, DirectoryEntry) and self.get("pk") == other.get("pk")

    def __hash__(self):
        return hash(self.get("pk"))

    def __str__(self):
        return str(self.unit)


_directory_cache: dict = {}


def _units_version() -> tuple:
    """Changes whenever the directory could: any unit saved, added, removed, or given a site.

    ``updated_at`` is ``auto_now``; every write path in the project saves through the
    model (admin, import_units, relabelling, provisioning). Losing a site through
    ``on_delete=SET_NULL`` does not touch ``updated_at``, hence the count of sites.
    The date is there because "active" depends on it.
    """
    from portal.units.models import Unit

    stats = Unit.objects.order_by().aggregate(units=Count("id"), sites=Count("site"), changed=Max("updated_at"))
    return (timezone.localdate(), stats["units"], stats["sites"], stats["changed"])


def unit_directory():
    """``portal.units.selectors.unit_directory`` as directory entries, kept per process.

    Costs one aggregate query per call instead of loading and rendering ~175 units from
    scratch; a change made by any process (another worker, the admin, a management
    command) changes the version and is picked up on the next request.
    """
    from portal.units.selectors import unit_directory as load_directory

    version = _units_version()
    cached = _directory_cache.get("directory")
    if cached is not None and cached[0] == version:
        return cached[1]
    groups = load_directory()
    parents = {}
    directory = {}
    for name, units in groups.items():
        entries = []
        for unit in units:
            parent = None
            if unit.parent_id is not None:
                parent = parents.get(unit.parent_id)
                if parent is None:
                    parent = parents[unit.parent_id] = DirectoryEntry(unit.parent)
            entries.append(DirectoryEntry(unit, parent))
        directory[name] = entries
    _directory_cache["directory"] = (version, directory)
    return directory


descendants_q = _descendants_q


def home_for_unit(unit):
    """The unit's home page (specific), or None before the site is provisioned."""
    from portal.pages.models import PortalHomePage, UnitHomePage

    model = PortalHomePage if unit.is_main else UnitHomePage
    return model.objects.filter(unit=unit).first()


def page_at(home, relative_path: str):
    """The page at `relative_path` ("gioi-thieu/lanh-dao") below `home`, specific, or None."""
    if home is None:
        return None
    url_path = home.url_path + relative_path.strip("/") + "/"
    page = Page.objects.filter(url_path=url_path, path__startswith=home.path).first()
    return page.specific if page else None
