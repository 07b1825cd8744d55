from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.units.models import Unit


class UnitViewSet(SnippetViewSet):
    """The unit registry, for the platform operator (Sở TTTT)."""

    model = Unit
    icon = "site"
    menu_label = "Đơn vị"
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["name", "code", "kind", "label", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "label", "abbreviation"]
    ordering = ["sort_order", "code"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("division_type")]),
                FieldRowPanel([FieldPanel("code"), FieldPanel("gso_code"), FieldPanel("identifier_code")]),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("abbreviation")]),
                FieldPanel("parent"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
            ],
            heading="Thông tin đơn vị",
        ),
        MultiFieldPanel([FieldPanel("label_override")], heading="Tên miền"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")]), FieldPanel("responsible_person")],
            heading="Liên hệ (hiển thị ở chân trang)",
        ),
    ]


register_snippet(UnitViewSet)


def _apply_registry_change(request, instance):
    if isinstance(instance, Unit):
        from portal.units.services import units_apply_registry_change

        units_apply_registry_change(actor=request.user)


@hooks.register("after_edit_snippet")
def after_unit_edit(request, instance):
    _apply_registry_change(request, instance)


@hooks.register("after_create_snippet")
def after_unit_create(request, instance):
    _apply_registry_change(request, instance)
