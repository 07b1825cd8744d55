"""Create the catalogue's sections that a site lacks; called by units.provisioning for every site."""

from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.publicinfo.catalogue import STANDARD, nodes_for


@contextmanager
def _search_index_deferred(model):
    """Skip the per-save search index update for `model` (the caller indexes in bulk)."""
    from modelsearch.signal_handlers import post_save_signal_handler

    disconnected = post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        if disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def _has_field(model, name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())


def site_tree_ensure(unit, home) -> int:
    """Add the missing mandatory sections below `home`; return how many pages were created."""
    wanted = nodes_for(unit.kind)
    url_paths = [home.url_path + node.path + "/" for node in wanted]
    existing = set(
        Page.objects.filter(url_path__in=url_paths, path__startswith=home.path).values_list("url_path", flat=True)
    )
    created = 0
    new_pages: dict = {}
    now = timezone.now()
    for node, url_path in zip(wanted, url_paths, strict=True):
        if url_path in existing:
            continue
        parent_url = home.url_path + (node.parent_path + "/" if node.parent_path else "")
        parent = Page.objects.filter(url_path=parent_url, path__startswith=home.path).first()
        if parent is None:
            continue  # an editor removed the parent section; do not rebuild around their choice
        model = apps.get_model(node.model)
        fields = {
            "title": node.title_for(unit.kind), "slug": node.slug, "show_in_menus": node.in_menu, "unit": unit,
            "locale_id": home.locale_id,
        }
        if _has_field(model, "intro") and node.intro:
            fields["intro"] = node.intro
        if unit.is_main:
            fields.update(node.main_portal_fields)
        if node.model == STANDARD:
            # Text pages start as drafts: an empty "Lịch sử" page must not go public, and the
            # completeness check reports it as missing until the board writes and publishes it.
            fields.update(live=False, has_unpublished_changes=True)
        else:
            fields.update(live=True, first_published_at=now)
        page = model(**fields)
        page._provisioning = True
        with disable_reference_index_auto_update(), _search_index_deferred(model):
            parent.add_child(instance=page)
        new_pages.setdefault(model, []).append(page)
        created += 1
    # One bulk write per page type instead of one index update per page.
    for backend in get_search_backends():
        for model, pages in new_pages.items():
            backend.add_bulk(model, pages)
    return created
