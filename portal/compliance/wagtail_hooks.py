from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.compliance.constants import LOG_ACTIONS
from portal.compliance.models import AggregateSite, AggregateSiteLicence


@hooks.register("register_log_actions")
def register_compliance_log_actions(actions):
    for action, (label, short) in LOG_ACTIONS.items():
        actions.register_action(action, label, short)


class AggregateSiteLicenceViewSet(SnippetViewSet):
    """Licences of aggregate information sites: for the platform operator only (model permissions)."""

    model = AggregateSiteLicence
    icon = "doc-full"
    menu_label = "Giấy phép trang tổng hợp"
    list_display = ["unit", "number", "issued_on", "valid_until", "issuing_body"]
    search_fields = ["number", "issuing_body", "responsible_name"]
    ordering = ["valid_until"]
    panels = [
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("issued_on"), FieldPanel("valid_until")]),
        FieldPanel("issuing_body"),
        MultiFieldPanel(
            [FieldPanel("responsible_name"), FieldPanel("responsible_title")],
            heading="Người chịu trách nhiệm quản lý nội dung (hiển thị ở chân trang)",
        ),
    ]


class AggregateSiteViewSet(SnippetViewSet):
    model = AggregateSite
    icon = "site"
    menu_label = "Trang tổng hợp"
    list_display = ["unit", "is_active", "activated_at"]
    panels = [FieldPanel("unit"), FieldPanel("is_active")]


class ComplianceGroup(SnippetViewSetGroup):
    items = (AggregateSiteViewSet, AggregateSiteLicenceViewSet)
    menu_icon = "doc-full"
    menu_label = "Trang tổng hợp"
    menu_name = "trang-tong-hop"
    menu_order = 910


register_snippet(ComplianceGroup)


def _record_activation(request, instance):
    """The form has already refused activation without a valid licence (AggregateSite.clean);
    here the change of state is dated and logged, as aggregate_site_activate does."""
    if not isinstance(instance, AggregateSite):
        return
    if instance.is_active and instance.activated_at is None:
        instance.activated_at = timezone.now()
        instance.save(update_fields=["activated_at"])
        log(instance=instance, action="portal.aggregate_site.activate", user=request.user, data={"unit": instance.unit.code})
    elif not instance.is_active and instance.activated_at is not None:
        instance.activated_at = None
        instance.save(update_fields=["activated_at"])
        log(instance=instance, action="portal.aggregate_site.deactivate", user=request.user, data={"unit": instance.unit.code})


@hooks.register("after_edit_snippet")
def after_aggregate_site_edit(request, instance):
    _record_activation(request, instance)


@hooks.register("after_create_snippet")
def after_aggregate_site_create(request, instance):
    _record_activation(request, instance)
