from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.utils import type_to_delete_confirmation
from wagtail.models import Page

from portal.audit import permissions, selectors, services

AUDIT_LOG_ACTIONS = {
    "portal.page.soft_delete": ("Xoá tin, bài (chuyển vào lưu trữ)", "Xoá (lưu trữ)"),
    "portal.page.restore": ("Khôi phục tin, bài từ lưu trữ", "Khôi phục"),
}


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    for action, (label, short) in AUDIT_LOG_ACTIONS.items():
        actions.register_action(action, label, short)


def _kept_message(title: str, until) -> str:
    return (
        f"Đã gỡ “{title}” khỏi trang công khai. Tin, bài đã đăng được lưu trữ đến hết ngày {until:%d/%m/%Y} "
        "rồi mới xoá hẳn; xem trong “Lưu trữ tin, bài đã xoá”."
    )


@hooks.register("before_delete_page")
def keep_published_page(request, page):
    """A page published less than the retention period ago is withdrawn and archived, not deleted."""
    retained = selectors.page_retained(page.pk)
    if retained is not None and retained.retain_until < timezone.localdate():
        return None  # retention over: deleted for good, as the purge would
    until = retained.retain_until if retained else services.page_retain_until(page)
    if until is None:
        return None
    if retained is not None:
        messages.info(request, f"“{page.title}” đã được xoá và đang lưu trữ đến hết ngày {until:%d/%m/%Y}.")
        return redirect("audit:archive")
    if request.method != "POST":
        messages.warning(request, f"Tin, bài này đã được đăng: khi xoá, nó được gỡ khỏi trang công khai và lưu trữ đến hết ngày {until:%d/%m/%Y}.")
        return None
    if not type_to_delete_confirmation(request):
        return None
    parent_id = page.get_parent().pk
    services.page_soft_delete(page=page, user=request.user, retain_until=until)
    messages.success(request, _kept_message(page.title, until))
    return redirect("wagtailadmin_explore", parent_id)


@hooks.register("before_bulk_action")
def keep_published_pages_in_bulk(request, action_type, objects, action_class_instance):
    """The bulk delete deletes only what may be deleted; the rest is archived the same way."""
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    for page in list(objects):
        until = services.page_retain_until(page)
        if until is None:
            continue
        if selectors.page_retained(page.pk) is None:
            services.page_soft_delete(page=page, user=request.user, retain_until=until)
        objects.remove(page)
        messages.info(request, _kept_message(page.title, until))
    return None


@hooks.register("construct_explorer_page_queryset")
def hide_retained_pages(parent_page, pages, request):
    from portal.audit.models import RetainedPage

    return pages.exclude(pk__in=RetainedPage.objects.values("page_id"))


@hooks.register("before_edit_page")
def no_editing_retained_pages(request, page):
    retained = selectors.page_retained(page.pk)
    if retained is None:
        return None
    messages.warning(request, f"“{page.title}” đã bị xoá (đang lưu trữ). Khôi phục trước khi sửa.")
    return redirect("audit:archive")


@hooks.register("register_admin_urls")
def register_audit_urls():
    from django.urls import include, path

    from portal.audit import urls

    return [path("nhat-ky/", include(urls, namespace="audit"))]


class LogMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_read_log(request.user)


class ArchiveMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_read_archive(request.user)


@hooks.register("register_admin_menu_item")
def register_log_menu_item():
    return LogMenuItem("Nhật ký hệ thống", reverse("audit:log"), icon_name="history", order=900)


@hooks.register("register_admin_menu_item")
def register_archive_menu_item():
    return ArchiveMenuItem("Lưu trữ tin, bài đã xoá", reverse("audit:archive"), icon_name="bin", order=910)
