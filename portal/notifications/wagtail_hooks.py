from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.notifications import admin_views
from portal.notifications.delivery import can_operate_outbox

urlpatterns = [
    path("", admin_views.outbox, name="outbox"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/gui-lai/", admin_views.resend, name="resend"),
]


@hooks.register("register_log_actions")
def register_notification_log_actions(actions):
    actions.register_action("portal.message.resend", "Gửi lại", "Gửi lại thông báo cho người dân")


@hooks.register("register_admin_urls")
def register_notification_urls():
    return [path("hop-thu-di/", include((urlpatterns, "notifications"), namespace="notifications"))]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return can_operate_outbox(request.user)


@hooks.register("register_admin_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem("Hộp thư đi", reverse("notifications:outbox"), name="outbox", icon_name="mail", order=950)
