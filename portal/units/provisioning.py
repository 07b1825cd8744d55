"""Provision one Wagtail site per active unit: home, default sections, media, board, workflow.

Idempotent: a second run with the same registry changes nothing.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Site

from portal.editorial.services import site_roles_ensure, workflow_ensure
from portal.units.constants import UnitKind
from portal.units.models import Unit
from portal.units.selectors import invalidate_host_routes


@dataclass
class ProvisionReport:
    created_sites: list[str] = field(default_factory=list)
    updated_sites: list[str] = field(default_factory=list)
    unchanged: int = 0
    created_pages: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created_sites or self.updated_sites or self.created_pages)


def _root() -> Page:
    return Page.get_first_root_node()


def _home_for(unit: Unit, report: ProvisionReport) -> Page:
    from portal.pages.models import PortalHomePage, UnitHomePage

    model = PortalHomePage if unit.is_main else UnitHomePage
    home = model.objects.filter(unit=unit).first()
    if home is not None:
        return home
    root = _root()
    slug = unit.label or "trang-chinh"
    # Created live without a revision: nothing to review yet, and 175 sites provision quickly.
    home = model(title=unit.display_name, slug=slug, unit=unit, intro="", live=True, first_published_at=timezone.now())
    root.add_child(instance=home)
    report.created_pages += 1
    return home


def _ensure_sections(unit: Unit, home: Page, report: ProvisionReport) -> None:
    from portal.publicinfo.provisioning import site_tree_ensure

    report.created_pages += site_tree_ensure(unit, home)


def _collection_for(unit: Unit) -> Collection:
    name = f"[{unit.label or 'trang-chinh'}] {unit.display_name}"
    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(unit_collection__unit=unit).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=name))
        from portal.units.models import UnitCollection

        UnitCollection.objects.create(unit=unit, collection=collection)
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


@transaction.atomic
def site_provision(unit: Unit, report: ProvisionReport) -> Site:
    home = _home_for(unit, report)
    hostname = unit.hostname
    port = settings.PORTAL_SITE_PORT
    site = unit.site
    if site is None:
        site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=unit.display_name)
        unit.site = site
        unit.save(update_fields=["site", "updated_at"])
        report.created_sites.append(hostname)
        log(unit, "portal.site.provision", data={"hostname": hostname})
    else:
        changes = {"hostname": hostname, "port": port, "root_page_id": home.pk, "site_name": unit.display_name}
        dirty = [name for name, value in changes.items() if getattr(site, name) != value]
        if dirty:
            for name in dirty:
                setattr(site, name, changes[name])
            site.save(update_fields=dirty)
            report.updated_sites.append(hostname)
        else:
            report.unchanged += 1
    _ensure_sections(unit, home, report)
    collection = _collection_for(unit)
    groups = site_roles_ensure(unit=unit, home=home, collection=collection, site=site)
    workflow_ensure(unit=unit, home=home, groups=groups)
    return site


def _remove_stock_welcome_site() -> None:
    """Wagtail's first migration makes a "Welcome" page on localhost; the portal serves no such host."""
    stock = Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page")
    Site.objects.filter(root_page__in=stock).delete()
    for page in stock:
        page.delete()


def sites_provision(*, units=None) -> ProvisionReport:
    """Provision every active unit (or the given ones); the main portal first."""
    report = ProvisionReport()
    _remove_stock_welcome_site()
    if units is None:
        units = Unit.objects.active().order_by("sort_order", "code")
    units = sorted(units, key=lambda u: (u.kind != UnitKind.PROVINCE, u.sort_order, u.code))
    for unit in units:
        if not unit.is_main and not unit.label:
            continue
        site_provision(unit, report)
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    transaction.on_commit(invalidate_host_routes)
    invalidate_host_routes()
    return report


def sites_sync(*, actor=None) -> ProvisionReport:
    """After a registry change: provision the active units whose site is missing or has an old hostname."""
    units = [u for u in Unit.objects.active().select_related("site") if u.site is None or u.site.hostname != u.hostname]
    return sites_provision(units=units)
