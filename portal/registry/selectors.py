"""Reads of the registries for public pages and checks. Each costs a fixed number of queries."""

from dataclasses import dataclass, field

from django.utils import timezone

from portal.registry.models import OrgUnit, Position, Spokesperson, UnitProfile

# Column headings of the contact directory, in each language.
VI_LABELS = {"name": "Họ và tên", "title": "Chức vụ", "unit": "Đơn vị công tác", "phone": "Điện thoại", "fax": "Fax", "email": "Thư điện tử công vụ"}
EN_LABELS = {"name": "Full name", "title": "Position", "unit": "Unit", "phone": "Telephone", "fax": "Fax", "email": "Official e-mail"}

# Only what the public pages show of a person; the photo comes with its renditions.
_PERSON_PREFETCH = ("person__photo__renditions",)


def _positions():
    return Position.objects.select_related("person", "person__photo", "unit", "org_unit")


def current_leaders(unit_id, *, on=None) -> list[Position]:
    """The unit's leaders in office today, in the board's order (2 queries, 3 with photos)."""
    qs = _positions().current(on).filter(unit_id=unit_id, is_leader=True).prefetch_related(*_PERSON_PREFETCH)
    return list(qs.order_by("sort_order", "person__full_name", "pk"))


def contact_directory(unit_id, *, on=None) -> list[Position]:
    """Contact points (đầu mối liên hệ) in office today: name, post, sub-unit, phone, fax, e-mail."""
    qs = _positions().current(on).filter(unit_id=unit_id, is_contact_point=True)
    return list(qs.order_by("sort_order", "person__full_name", "pk"))


def active_spokespersons(unit_id, *, on=None) -> list[Spokesperson]:
    on = on or timezone.localdate()
    qs = (
        Spokesperson.objects.select_related("person", "unit")
        .filter(unit_id=unit_id)
        .exclude(valid_from__gt=on)
        .exclude(valid_to__lt=on)
    )
    return list(qs.order_by("role", "-valid_from", "pk"))


@dataclass
class OrgNode:
    org_unit: OrgUnit
    children: list["OrgNode"] = field(default_factory=list)
    contacts: list[Position] = field(default_factory=list)


def org_tree(unit_id, *, on=None) -> list[OrgNode]:
    """The unit's organisation as a forest, with each part's current contact points (2 queries)."""
    org_units = list(OrgUnit.objects.filter(unit_id=unit_id).order_by("sort_order", "name", "pk"))
    nodes = {ou.pk: OrgNode(ou) for ou in org_units}
    contacts = _positions().current(on).filter(unit_id=unit_id, is_contact_point=True, org_unit__isnull=False)
    for position in contacts.order_by("sort_order", "person__full_name", "pk"):
        if position.org_unit_id in nodes:
            nodes[position.org_unit_id].contacts.append(position)
    roots = []
    for ou in org_units:
        parent = nodes.get(ou.parent_id)
        # A parent in another unit or a loop cannot happen through the admin; treat it as a root.
        (parent.children if parent is not None and parent is not nodes[ou.pk] else roots).append(nodes[ou.pk])
    return roots


def unit_profile(unit_id) -> UnitProfile | None:
    return UnitProfile.objects.select_related("unit").filter(unit_id=unit_id).first()


def organisation(unit_id) -> dict:
    profile = unit_profile(unit_id)
    tree = org_tree(unit_id)
    return {"profile": profile, "org_tree": tree, "updated": last_updated([profile] if profile else [], _flatten(tree))}


def _flatten(nodes):
    for node in nodes:
        yield node.org_unit
        yield from _flatten(node.children)


def last_updated(*groups):
    """The latest `updated_at` among the records a page shows (NĐ 42/2022 Điều 4 khoản 2: kịp thời)."""
    stamps = [record.updated_at for group in groups for record in group if record is not None and record.updated_at]
    return max(stamps) if stamps else None
