"""Admin forms for the registries: every choice is limited to the records the user may edit."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from portal.registry.permissions import scope, units_user_edits_registry_of


class RegistryAdminForm(WagtailAdminModelForm):
    """Limits the unit, person and sub-unit choices to the user's own units (all of them for a superuser).

    A value already saved on the record stays selectable, so a board can still save a record that
    the operator linked to someone else's person (a provincial post held by a Sở director).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from portal.registry.models import OrgUnit, Person
        from portal.units.models import Unit

        user = self.for_user
        unit_ids = units_user_edits_registry_of(user) if user is not None else set()
        for name in ("unit", "owner_unit"):
            field = self.fields.get(name)
            if field is None:
                continue
            if unit_ids is not None:
                field.queryset = Unit.objects.filter(pk__in=unit_ids)
                if len(unit_ids) == 1 and not getattr(self.instance, f"{name}_id", None):
                    field.initial = next(iter(unit_ids))
            field.empty_label = None if len(field.queryset) == 1 else field.empty_label
        self._limit("person", scope(Person.objects.all(), user, "owner_unit") if user else Person.objects.none())
        org_units = scope(OrgUnit.objects.select_related("unit"), user, "unit") if user else OrgUnit.objects.none()
        if isinstance(self.instance, OrgUnit) and self.instance.pk:
            org_units = org_units.exclude(pk=self.instance.pk)
        self._limit("parent", org_units)
        self._limit("org_unit", org_units)

    def _limit(self, name, queryset):
        field = self.fields.get(name)
        if field is None:
            return
        current = getattr(self.instance, f"{name}_id", None)
        if current is not None:
            queryset = queryset | queryset.model.objects.filter(pk=current)
        field.queryset = queryset.distinct()
        if queryset.model.__name__ == "OrgUnit":
            field.label_from_instance = lambda ou: f"{ou.name} ({ou.unit})"


SELECT = forms.Select
