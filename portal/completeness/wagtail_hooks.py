from django.template.loader import render_to_string
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from portal.completeness import urls
from portal.completeness.permissions import units_user_may_check
from portal.completeness.selectors import site_completeness


@hooks.register("register_admin_urls")
def register_completeness_urls():
    return [path("kiem-tra-thong-tin/", include(urls, namespace="completeness"))]


class CompletenessMenuItem(MenuItem):
    def is_shown(self, request):
        allowed = units_user_may_check(request.user)
        return allowed is None or bool(allowed)


@hooks.register("register_admin_menu_item")
def register_completeness_menu_item():
    return CompletenessMenuItem("Kiểm tra thông tin bắt buộc", reverse("completeness:index"), icon_name="tasks", order=260)


class CompletenessPanel(Component):
    """The dashboard summary for a board member's own sites (at most a few units)."""

    name = "completeness"
    order = 90

    def __init__(self, reports):
        self.reports = reports

    def render_html(self, parent_context=None):
        return render_to_string("completeness/panel.html", {"reports": self.reports})


@hooks.register("construct_homepage_panels")
def add_completeness_panel(request, panels):
    from portal.units.models import Unit

    allowed = units_user_may_check(request.user)
    if allowed is None:
        units = list(Unit.objects.filter(kind="province", site__isnull=False))  # the operator: the main portal here, all in the menu
    elif allowed:
        units = list(Unit.objects.filter(pk__in=allowed, site__isnull=False).order_by("sort_order")[:5])
    else:
        return
    panels.append(CompletenessPanel([site_completeness(unit) for unit in units]))
