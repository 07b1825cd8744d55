"""Writes to the unit registry. Views, the admin and commands call only these."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.log_actions import log

from portal.units import sources
from portal.units.constants import UnitKind
from portal.units.labels import LabelAdjustment, LabelSubject, assign_labels
from portal.units.models import HostAlias, Unit
from portal.units.selectors import invalidate_host_routes


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    adjustments: list[LabelAdjustment] = field(default_factory=list)


_SYNCED_FIELDS = ("kind", "name", "short_name", "division_type", "gso_code", "abbreviation")


@transaction.atomic
def units_import_province(*, province_code: str, agencies_file: Path | None = None, with_agencies: bool = True) -> ImportReport:
    """Create or update the province, its agencies, districts and communes; then relabel.

    Idempotent: running it again with the same data changes nothing. Contact details
    and labels chosen by the operator are never overwritten.
    """
    records = sources.administrative_units(province_code)
    if with_agencies:
        records[1:1] = sources.agency_records(province_code, agencies_file)
    report = ImportReport()
    existing = {u.code: u for u in Unit.objects.filter(code__in=[r.code for r in records])}
    for order, record in enumerate(records):
        unit = existing.get(record.code)
        values = {name: getattr(record, name) for name in _SYNCED_FIELDS}
        parent = existing.get(record.parent_code) if record.parent_code else None
        if unit is None:
            unit = Unit(code=record.code, sort_order=order, parent=parent, **values)
            for key, value in record.extra.items():
                setattr(unit, key, value)
            unit.save()
            report.created += 1
        else:
            changed = [name for name, value in values.items() if getattr(unit, name) != value]
            if unit.parent_id != (parent.pk if parent else None):
                unit.parent = parent
                changed.append("parent")
            if unit.sort_order != order:
                unit.sort_order = order
                changed.append("sort_order")
            for name in changed:
                if name in values:
                    setattr(unit, name, values[name])
            if changed:
                unit.save(update_fields=[*changed, "updated_at"])
                report.updated += 1
            else:
                report.unchanged += 1
        existing[record.code] = unit
    report.adjustments = units_relabel()
    return report


def _subjects(units) -> list[LabelSubject]:
    parent_codes = dict(Unit.objects.filter(parent__isnull=False).values_list("pk", "parent__code"))
    return [
        LabelSubject(
            code=u.code,
            name=u.name,
            kind=u.kind,
            abbreviation=u.abbreviation,
            parent_code=parent_codes.get(u.pk),
            override=u.label_override,
        )
        for u in units
    ]


@transaction.atomic
def units_relabel(*, actor=None) -> list[LabelAdjustment]:
    """Recompute every unit's label; a changed label keeps its old hostname as a redirect."""
    units = list(Unit.objects.select_for_update().all())
    labels, adjustments = assign_labels(_subjects(units))
    base = settings.PORTAL_BASE_DOMAIN
    changed_any = False
    for unit in units:
        new_label = labels.get(unit.code, "")
        if unit.label == new_label:
            continue
        old_label = unit.label
        unit.label = new_label
        unit.save(update_fields=["label", "updated_at"])
        changed_any = True
        if old_label:
            HostAlias.objects.update_or_create(hostname=f"{old_label}.{base}", defaults={"unit": unit})
            log(unit, "portal.unit.relabel", user=actor, data={"old": old_label, "new": new_label})
        HostAlias.objects.filter(hostname=f"{new_label}.{base}").delete()
    if changed_any:
        transaction.on_commit(invalidate_host_routes)
    return adjustments


@transaction.atomic
def unit_set_label_override(*, unit: Unit, label: str, actor=None) -> Unit:
    """Operator's choice of label (validated like any other), applied with a redirect from the old one."""
    unit.label_override = label.strip().lower()
    unit.full_clean(validate_unique=False)
    unit.save(update_fields=["label_override", "updated_at"])
    units_apply_registry_change(actor=actor)
    unit.refresh_from_db()
    return unit


@transaction.atomic
def units_apply_registry_change(*, actor=None) -> list[LabelAdjustment]:
    """Relabel every unit and move the affected sites to their new hostnames (old ones redirect)."""
    from portal.units.provisioning import sites_sync

    adjustments = units_relabel(actor=actor)
    sites_sync(actor=actor)
    return adjustments


def unit_main() -> Unit | None:
    return Unit.objects.filter(kind=UnitKind.PROVINCE, code=settings.PORTAL_PROVINCE_CODE.zfill(2)).first()
