from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy


@hooks.register("construct_page_chooser_queryset")
def only_own_sites_in_page_chooser(pages, request):
    """A board member chooses among their own sites' pages, never another unit's."""
    user = request.user
    if user.is_superuser:
        return pages
    return pages.filter(pk__in=PagePermissionPolicy().explorable_instances(user).values("pk"))
