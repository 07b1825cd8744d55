from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from portal.editorial import permissions
from portal.pages.models import ArticlePage
from portal.syndication import urls


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [path("de-nghi-trang-chinh/", include(urls, namespace="syndication"))]


class ProposalMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return permissions.can_decide_proposals(user) or bool(permissions.units_user_can_propose_for(user))


@hooks.register("register_admin_menu_item")
def register_proposal_menu_item():
    return ProposalMenuItem("Đề nghị lên Trang chính", reverse("syndication:index"), icon_name="resubmit", order=250)


def _propose_button(page, user, priority):
    specific = page.specific_deferred
    if isinstance(specific, ArticlePage) and page.live and permissions.can_propose_article(user, specific):
        yield Button(
            "Đề nghị lên Trang chính",
            reverse("syndication:create", args=[page.pk]),
            icon_name="resubmit",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def propose_header_button(page, user, view_name, next_url=None):
    yield from _propose_button(page, user, 60)


@hooks.register("register_page_listing_more_buttons")
def propose_listing_button(page, user, next_url=None):
    yield from _propose_button(page, user, 60)
