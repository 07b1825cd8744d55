from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.payments import admin_urls, permissions

LOG_ACTIONS = {
    "portal.payment.start": ("Bắt đầu thanh toán trực tuyến", "Bắt đầu thanh toán"),
    "portal.payment.paid": ("Ghi nhận đã thanh toán phí, lệ phí", "Đã thanh toán"),
    "portal.payment.fail": ("Giao dịch thanh toán không thành công hoặc bị hủy", "Thanh toán không thành công"),
    "portal.payment.cancel": ("Hủy đơn thanh toán cũ (phí hoặc đơn vị đã thay đổi)", "Hủy đơn thanh toán"),
    "portal.payment.callback_refused": ("Từ chối thông báo không hợp lệ từ cổng thanh toán", "Từ chối thông báo"),
}


@hooks.register("register_log_actions")
def register_payment_log_actions(actions):
    for action, (sentence, short) in LOG_ACTIONS.items():
        actions.register_action(action, short, sentence)


@hooks.register("register_admin_urls")
def register_payment_admin_urls():
    return [path("thanh-toan/", include(admin_urls, namespace="payments_admin"))]


class ReconciliationMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_reconcile(request.user)


@hooks.register("register_admin_menu_item")
def register_reconciliation_menu_item():
    return ReconciliationMenuItem(
        "Đối soát thanh toán", reverse("payments_admin:reconciliation"), icon_name="table", order=275,
    )
