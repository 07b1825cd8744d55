"""Admin: the request queue (operator and Trưởng ban), the privacy notices, the breach log and the retention log."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.privacy import admin_urls
from portal.privacy.constants import LOG_ACTIONS
from portal.privacy.models import PersonalDataBreach, PrivacyNotice, RetentionRun
from portal.privacy.permissions import PRIVACY_ROLES, units_user_handles_requests_of


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    for action, (sentence, short) in LOG_ACTIONS.items():
        actions.register_action(action, short, sentence)


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [path("du-lieu-ca-nhan/", include(admin_urls, namespace="privacy_admin"))]


class RequestMenuItem(MenuItem):
    def is_shown(self, request):
        unit_ids = units_user_handles_requests_of(request.user)
        return unit_ids is None or bool(unit_ids)


@hooks.register("register_admin_menu_item")
def register_request_menu_item():
    return RequestMenuItem("Yêu cầu về dữ liệu cá nhân", reverse("privacy_admin:queue"), icon_name="lock", order=930)


class NoticePolicy(BasePermissionPolicy):
    """Trưởng ban publish new versions of their unit's notice; the operator any unit's. Versions are never edited."""

    def user_has_permission(self, user, action):
        if action not in ("add", "view"):
            return False
        unit_ids = units_user_handles_requests_of(user)
        return unit_ids is None or bool(unit_ids)

    def user_has_permission_for_instance(self, user, action, instance):
        unit_ids = units_user_handles_requests_of(user)
        return action == "view" and (unit_ids is None or instance.unit_id in unit_ids)

    def instances_user_has_any_permission_for(self, user, actions):
        unit_ids = units_user_handles_requests_of(user)
        queryset = PrivacyNotice.objects.all()
        return queryset if unit_ids is None else queryset.filter(unit_id__in=unit_ids)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__site_role__role__in=PRIVACY_ROLES), is_active=True).distinct()


register_permission_policy(PrivacyNotice, NoticePolicy(PrivacyNotice))


class NoticeForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        unit_ids = units_user_handles_requests_of(for_user) if for_user is not None else set()
        if "unit" in self.fields and unit_ids is not None:
            self.fields["unit"].queryset = self.fields["unit"].queryset.filter(pk__in=unit_ids)

    def save(self, commit=True):
        from django.db.models import Max

        notice = super().save(commit=False)
        notice.created_by = self.for_user
        notice.version = (PrivacyNotice.objects.filter(unit=notice.unit).aggregate(v=Max("version"))["v"] or 0) + 1
        if commit:
            notice.save()
        return notice


class PrivacyNoticeViewSet(SnippetViewSet):
    model = PrivacyNotice
    icon = "doc-full"
    menu_label = "Chính sách bảo vệ dữ liệu cá nhân"
    menu_order = 931
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["unit", "version", "published_at"]
    edit_handler = ObjectList(
        [FieldPanel("unit", widget=forms.Select), FieldPanel("purposes"), FieldPanel("data_kinds"), FieldPanel("sharing"), FieldPanel("extra"),
         FieldPanel("published_at")],
        base_form_class=NoticeForm,
    )

    def get_queryset(self, request):
        unit_ids = units_user_handles_requests_of(request.user)
        queryset = PrivacyNotice.objects.select_related("unit")
        return queryset if unit_ids is None else queryset.filter(unit_id__in=unit_ids)


class BreachViewSet(SnippetViewSet):
    """Operator only (model permissions: only superusers hold them)."""

    model = PersonalDataBreach
    icon = "warning"
    menu_label = "Vi phạm dữ liệu cá nhân"
    menu_order = 932
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["__str__", "affected_count", "notified_authority_at", "authority_overdue", "closed_at"]
    panels = [
        FieldPanel("unit"), FieldPanel("detected_at"), FieldPanel("description"), FieldPanel("categories"), FieldPanel("affected_count"),
        FieldPanel("measures"), FieldPanel("notified_authority_at"), FieldPanel("notified_subjects_at"), FieldPanel("closed_at"),
    ]


class RetentionRunViewSet(SnippetViewSet):
    model = RetentionRun
    icon = "history"
    menu_label = "Nhật ký thời hạn lưu trữ"
    menu_order = 933
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["ran_at", "label", "action", "count", "rule_value", "dry_run"]
    list_filter = ["kind", "dry_run"]


register_snippet(PrivacyNoticeViewSet)
register_snippet(BreachViewSet)
register_snippet(RetentionRunViewSet)


@hooks.register("after_create_snippet")
def breach_recorded_by(request, instance):
    """A breach entered in the admin records who entered it."""
    if isinstance(instance, PersonalDataBreach) and instance.recorded_by_id is None:
        PersonalDataBreach.objects.filter(pk=instance.pk).update(recorded_by=request.user)
