"""The admin menu item “Hồ sơ một cửa”, shown to one-stop officers and board heads only.

Call `register()` once from portal/dossiers/wagtail_hooks.py; a second call does nothing.
"""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.dossiers import permissions

_registered = False


class DossierQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_see_queue(request.user)


def menu_item():
    return DossierQueueMenuItem("Hồ sơ một cửa", reverse("dossiers_admin:queue"), name="ho-so-mot-cua",
                                icon_name="folder-open-inverse", order=250)


def register() -> None:
    global _registered
    if not _registered:
        hooks.register("register_admin_menu_item", menu_item)
        _registered = True
