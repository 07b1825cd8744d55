from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.takedown import permissions, urls

LOG_ACTIONS = {
    "portal.takedown.receive": ("Tiếp nhận yêu cầu gỡ bỏ thông tin", "Nhận yêu cầu gỡ bỏ"),
    "portal.takedown.execute": ("Gỡ bỏ thông tin theo yêu cầu", "Gỡ bỏ thông tin"),
    "portal.takedown.item": ("Gỡ bỏ một mục theo yêu cầu gỡ bỏ", "Gỡ bỏ mục"),
    "portal.takedown.reject": ("Không gỡ bỏ (có lý do)", "Không gỡ bỏ"),
    "portal.takedown.escalate": ("Nhắc xử lý yêu cầu gỡ bỏ sắp hoặc đã quá hạn", "Nhắc gỡ bỏ"),
    "portal.violation_report.receive": ("Nhận báo cáo vi phạm", "Nhận báo cáo vi phạm"),
    "portal.violation_report.review": ("Xem xét báo cáo vi phạm", "Xem xét báo cáo"),
    "portal.violation_report.resolve": ("Xử lý xong báo cáo vi phạm", "Xử lý báo cáo vi phạm"),
}


@hooks.register("register_log_actions")
def register_takedown_log_actions(actions):
    for action, (label, short) in LOG_ACTIONS.items():
        actions.register_action(action, label, short)


@hooks.register("register_admin_urls")
def register_takedown_urls():
    return [path("go-bo/", include(urls, namespace="takedown"))]


class TakedownMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_use_takedown(request.user)


@hooks.register("register_admin_menu_item")
def register_takedown_menu_item():
    return TakedownMenuItem("Gỡ bỏ, báo cáo vi phạm", reverse("takedown:index"), icon_name="warning", order=265)
