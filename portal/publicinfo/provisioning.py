"""Create the catalogue's sections that a site lacks; called by units.provisioning for every site."""

from django.apps import apps
from django.utils import timezone
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.publicinfo.catalogue import STANDARD, nodes_for


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
        page._skip_full_clean = True
        with disable_reference_index_auto_update():
            parent.add_child(instance=page)
        created += 1
    return created
