"""Admin for the shared registries: one group of snippet screens, scoped to the user's own units."""

from functools import update_wrapper

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.registry.forms import SELECT, RegistryAdminForm
from portal.registry.models import OrgUnit, Person, Position, Spokesperson, UnitProfile
from portal.registry.permissions import (
    REGISTRY_ROLES,
    can_edit_registry,
    scope,
    units_user_edits_registry_of,
)

# Which field says whose record it is.
UNIT_FIELDS = {UnitProfile: "unit", OrgUnit: "unit", Person: "owner_unit", Position: "unit", Spokesperson: "unit"}


class UnitRegistryPolicy(BasePermissionPolicy):
    """A unit's board may add, change and delete that unit's records; nobody else's."""

    def __init__(self, model, unit_field):
        super().__init__(model)
        self.unit_field = unit_field

    def user_has_permission(self, user, action):
        unit_ids = units_user_edits_registry_of(user)
        return unit_ids is None or bool(unit_ids)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_edit_registry(user, getattr(instance, f"{self.unit_field}_id", None))

    def instances_user_has_any_permission_for(self, user, actions):
        return scope(self.model._default_manager.all(), user, self.unit_field)

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__site_role__role__in=REGISTRY_ROLES), is_active=True)
            .distinct()
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        unit_id = getattr(instance, f"{self.unit_field}_id", None)
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True) | Q(groups__site_role__role__in=REGISTRY_ROLES, groups__site_role__unit_id=unit_id),
                is_active=True,
            )
            .distinct()
        )


for _model, _field in UNIT_FIELDS.items():
    register_permission_policy(_model, UnitRegistryPolicy(_model, _field))


def _scoped_chooser(model):
    """Chooser views that list and accept only the user's own units' records."""
    field = UNIT_FIELDS[model]

    class ScopedListMixin:
        def get_object_list(self):
            return scope(super().get_object_list(), self.request.user, field)

    class ScopedChosenView(SnippetChosenView):
        def get_object(self, pk):
            return scope(self.model_class.objects.all(), self.request.user, field).get(pk=pk)

    return type(
        f"{model.__name__}ChooserViewSet",
        (SnippetChooserViewSet,),
        {
            "choose_view_class": type("ScopedChooseView", (ScopedListMixin, ChooseView), {}),
            "choose_results_view_class": type("ScopedChooseResultsView", (ScopedListMixin, ChooseResultsView), {}),
            "chosen_view_class": ScopedChosenView,
        },
    )


class RegistryViewSet(SnippetViewSet):
    """Lists show only the user's units' records; every object URL of another unit answers 404."""

    list_per_page = 50

    def __init__(self, *args, **kwargs):
        self.chooser_viewset_class = _scoped_chooser(self.model)
        super().__init__(*args, **kwargs)

    @property
    def unit_field(self):
        return UNIT_FIELDS[self.model]

    def get_queryset(self, request):
        return scope(self.model._default_manager.select_related(self.unit_field), request.user, self.unit_field)

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        model, unit_field = self.model, self.unit_field

        def guarded(request, *args, **view_kwargs):
            pk = view_kwargs.get("pk")
            # Same answer for "missing" and "not yours", so other units' ids reveal nothing.
            if pk is not None and not scope(model._default_manager.filter(pk=unquote(str(pk))), request.user, unit_field).exists():
                raise Http404
            return view(request, *args, **view_kwargs)

        return update_wrapper(guarded, view)


ENGLISH_COLUMN = Column("english_status_label", label="Cần cập nhật tiếng Anh", sort_key="english_outdated")


class UnitProfileViewSet(RegistryViewSet):
    model = UnitProfile
    icon = "doc-full"
    menu_label = "Chức năng, nhiệm vụ"
    list_display = ["unit", ENGLISH_COLUMN, "updated_at"]
    list_filter = ["english_outdated"]
    edit_handler = ObjectList(
        [
            FieldPanel("unit", widget=SELECT),
            FieldPanel("functions"),
            MultiFieldPanel([FieldPanel("name_en"), FieldPanel("functions_en"), FieldPanel("address_en")], heading="Tiếng Anh"),
        ],
        base_form_class=RegistryAdminForm,
    )


class OrgUnitViewSet(RegistryViewSet):
    model = OrgUnit
    icon = "list-ul"
    menu_label = "Cơ cấu tổ chức"
    list_display = ["name", "unit", "parent", "kind", ENGLISH_COLUMN]
    list_filter = ["english_outdated", "kind"]
    search_fields = ["name", "name_en"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("unit", widget=SELECT), FieldPanel("parent", widget=SELECT)]),
            FieldRowPanel([FieldPanel("name"), FieldPanel("kind"), FieldPanel("sort_order")]),
            FieldPanel("functions"),
            MultiFieldPanel(
                [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")])],
                heading="Liên hệ",
            ),
            MultiFieldPanel([FieldPanel("name_en"), FieldPanel("functions_en")], heading="Tiếng Anh"),
        ],
        base_form_class=RegistryAdminForm,
    )


class PersonViewSet(RegistryViewSet):
    model = Person
    icon = "user"
    menu_label = "Cán bộ, lãnh đạo"
    list_display = ["full_name", "owner_unit", "birth_year", "updated_at"]
    search_fields = ["full_name"]
    edit_handler = ObjectList(
        [
            FieldPanel("owner_unit", widget=SELECT),
            FieldRowPanel([FieldPanel("full_name"), FieldPanel("birth_year")]),
            FieldPanel("photo"),
            FieldPanel("biography"),
        ],
        base_form_class=RegistryAdminForm,
    )


class PositionViewSet(RegistryViewSet):
    model = Position
    icon = "tag"
    menu_label = "Chức vụ, đầu mối liên hệ"
    list_display = ["person", "title", "unit", "org_unit", "is_leader", "is_contact_point", ENGLISH_COLUMN]
    list_filter = ["english_outdated", "is_leader", "is_contact_point"]
    search_fields = ["title", "title_en"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("person", widget=SELECT), FieldPanel("unit", widget=SELECT)]),
            FieldPanel("org_unit", widget=SELECT),
            FieldRowPanel([FieldPanel("title"), FieldPanel("sort_order")]),
            FieldPanel("duties"),
            FieldRowPanel([FieldPanel("is_leader"), FieldPanel("is_contact_point")]),
            FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
            MultiFieldPanel([FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")])], heading="Liên hệ"),
            MultiFieldPanel([FieldPanel("title_en")], heading="Tiếng Anh"),
        ],
        base_form_class=RegistryAdminForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "org_unit")


class SpokespersonViewSet(RegistryViewSet):
    model = Spokesperson
    icon = "mail"
    menu_label = "Người phát ngôn"
    list_display = ["person", "role", "title", "unit", "decision_number", "valid_from", "valid_to"]
    list_filter = ["role"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("unit", widget=SELECT), FieldPanel("person", widget=SELECT)]),
            FieldRowPanel([FieldPanel("role"), FieldPanel("title")]),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
                    FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                ],
                heading="Quyết định (NĐ 09/2017/NĐ-CP)",
            ),
        ],
        base_form_class=RegistryAdminForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class RegistryGroup(SnippetViewSetGroup):
    items = (UnitProfileViewSet, OrgUnitViewSet, PersonViewSet, PositionViewSet, SpokespersonViewSet)
    menu_icon = "group"
    menu_label = "Giới thiệu, liên hệ"
    menu_order = 240


register_snippet(RegistryGroup)


