from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.procedures import admin_views, permissions

LOG_ACTIONS = {
    "portal.procedure.import": ("Nhập, cập nhật thủ tục từ CSDL quốc gia về thủ tục hành chính", "Nhập từ CSDL quốc gia"),
    "portal.procedure.edit": ("Sửa thông tin thủ tục hành chính", "Sửa thủ tục"),
    "portal.procedure.publish": ("Công khai thủ tục hành chính", "Công khai"),
    "portal.procedure.withdraw": ("Bãi bỏ thủ tục hành chính", "Bãi bỏ"),
    "portal.procedure.online": ("Bật, tắt nhận hồ sơ trực tuyến của một đơn vị", "Nhận hồ sơ trực tuyến"),
}


@hooks.register("register_log_actions")
def register_procedure_log_actions(actions):
    for action, (sentence, short) in LOG_ACTIONS.items():
        actions.register_action(action, short, sentence)


@hooks.register("register_admin_urls")
def register_procedure_admin_urls():
    return [path("thu-tuc/", include((admin_views.urlpatterns, admin_views.app_name), namespace="procedures_admin"))]


class ProcedureMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_use_procedure_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_procedure_menu_item():
    return ProcedureMenuItem("Thủ tục hành chính", reverse("procedures_admin:list"), icon_name="list-ul", order=255)
