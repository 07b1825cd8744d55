from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.editorial import permissions


@hooks.register("construct_page_chooser_queryset")
def only_own_sites_in_page_chooser(pages, request):
    """A board member chooses among their own sites' pages, never another unit's."""
    user = request.user
    if user.is_superuser:
        return pages
    return pages.filter(pk__in=PagePermissionPolicy().explorable_instances(user).values("pk"))


@hooks.register("register_admin_urls")
def register_board_urls():
    from django.urls import include, path

    from portal.editorial import urls

    return [path("ban-bien-tap/", include(urls, namespace="editorial"))]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(permissions.units_user_manages_members_of(request.user))


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return BoardMenuItem("Ban biên tập", reverse("editorial:index"), icon_name="group", order=260)
