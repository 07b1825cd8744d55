from django.urls import include, path, reverse
from wagtail import hooks

from portal.dossiers import admin_menu
from portal.dossiers.constants import EventAction

LOG_ACTIONS = {f"portal.dossier.{action.value}": action.label for action in EventAction}
LOG_ACTIONS["portal.dossier.draft"] = "Lưu bản nháp hồ sơ"


@hooks.register("register_log_actions")
def register_dossier_log_actions(actions):
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action, label, f"Hồ sơ: {label.lower()}")


@hooks.register("register_admin_urls")
def register_dossier_admin_urls():
    return [path("mot-cua/so-theo-doi/", include("portal.dossiers.admin_book"))]


@hooks.register("register_admin_urls")
def register_dossier_queue_urls():
    return [path("mot-cua/", include("portal.dossiers.admin_urls", namespace="dossiers_admin"))]


# Registered at import time: Wagtail caches the menu after the first admin page.
admin_menu.register()


class TrackingBookMenuItem(admin_menu.MenuItem):
    def is_shown(self, request):
        return admin_menu.permissions.can_see_queue(request.user)


@hooks.register("register_admin_menu_item")
def register_tracking_book_menu_item():
    return TrackingBookMenuItem("Sổ theo dõi hồ sơ (Mẫu 06)", reverse("dossiers_book"), name="so-theo-doi-ho-so",
                                icon_name="list-ul", order=251)
