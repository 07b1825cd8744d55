from django.contrib import messages
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.consultation import permissions, urls
from portal.consultation.models import ConsultationPage

LOG_ACTIONS = {
    "portal.consultation.comment": ("Nhận góp ý dự thảo", "Nhận góp ý"),
    "portal.consultation.approve": ("Duyệt công khai góp ý dự thảo", "Duyệt góp ý"),
    "portal.consultation.reject": ("Không duyệt góp ý dự thảo", "Không duyệt góp ý"),
    "portal.consultation.respond": ("Tiếp thu, giải trình góp ý dự thảo", "Trả lời góp ý"),
    "portal.consultation.attachment": ("Xem tệp đính kèm góp ý dự thảo", "Xem tệp góp ý"),
}


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    for action, (label, short) in LOG_ACTIONS.items():
        actions.register_action(action, label, short)


@hooks.register("register_admin_urls")
def register_consultation_urls():
    return [path("gop-y-du-thao/", include(urls, namespace="consultation"))]


class CommentMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_use_moderation(request.user)


@hooks.register("register_admin_menu_item")
def register_comment_menu_item():
    return CommentMenuItem("Góp ý dự thảo", reverse("consultation:index"), icon_name="comment", order=260)


def _warn_short_window(request, page):
    # A warning, never a block: the law allows shorter windows in some cases (thủ tục rút gọn).
    specific = page.specific_deferred
    if isinstance(specific, ConsultationPage):
        warning = specific.window_warning()
        if warning:
            messages.warning(request, warning)


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn_short_window(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn_short_window(request, page)
