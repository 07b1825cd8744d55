"""Writes for editorial boards: role groups, their permissions and the approval workflow."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.editorial.constants import (
    COLLECTION_PERMISSIONS,
    PAGE_PERMISSIONS,
    SITE_SETTING_ROLES,
    Role,
)
from portal.editorial.models import SiteRole


def _permission(app_label: str, codename: str) -> Permission:
    cache = _permission.__dict__.setdefault("cache", {})
    key = (app_label, codename)
    if key not in cache:
        cache[key] = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    return cache[key]


def group_name(unit, role: str) -> str:
    prefix = unit.label or "trang-chinh"
    return f"[{prefix}] {Role(role).label}"


@transaction.atomic
def site_roles_ensure(*, unit, home: Page, collection: Collection, site: Site) -> dict[str, Group]:
    """Create or repair the four role groups of a unit's site, scoped to that site only."""
    groups: dict[str, Group] = {}
    existing = {sr.role: sr for sr in SiteRole.objects.filter(unit=unit).select_related("group")}
    access_admin = _permission("wagtailadmin", "access_admin")
    setting_perm = _permission("portal_pages", "change_siteappearance")
    for role in Role:
        site_role = existing.get(role)
        name = group_name(unit, role)
        if site_role is None:
            group, _ = Group.objects.get_or_create(name=name)
            SiteRole.objects.create(group=group, unit=unit, role=role)
        else:
            group = site_role.group
            if group.name != name:
                group.name = name
                group.save(update_fields=["name"])
        groups[role] = group
        if not group.permissions.filter(pk=access_admin.pk).exists():
            group.permissions.add(access_admin)

        wanted_page = {_permission("wagtailcore", c).pk for c in PAGE_PERMISSIONS[role]}
        have_page = set(GroupPagePermission.objects.filter(group=group, page=home).values_list("permission_id", flat=True))
        GroupPagePermission.objects.filter(group=group).exclude(page=home).delete()
        GroupPagePermission.objects.filter(group=group, page=home, permission_id__in=have_page - wanted_page).delete()
        GroupPagePermission.objects.bulk_create(
            [GroupPagePermission(group=group, page=home, permission_id=pk) for pk in wanted_page - have_page]
        )

        wanted_coll = set()
        for action in COLLECTION_PERMISSIONS[role]:
            wanted_coll.add(_permission("wagtailimages", f"{action}_image").pk)
            wanted_coll.add(_permission("wagtaildocs", f"{action}_document").pk)
        have_coll = set(
            GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list("permission_id", flat=True)
        )
        GroupCollectionPermission.objects.filter(group=group).exclude(collection=collection).delete()
        GroupCollectionPermission.objects.bulk_create(
            [GroupCollectionPermission(group=group, collection=collection, permission_id=pk) for pk in wanted_coll - have_coll]
        )

        has_setting = GroupSitePermission.objects.filter(group=group, site=site, permission=setting_perm).exists()
        if role in SITE_SETTING_ROLES and not has_setting:
            GroupSitePermission.objects.create(group=group, site=site, permission=setting_perm)
        elif role not in SITE_SETTING_ROLES and has_setting:
            GroupSitePermission.objects.filter(group=group, site=site).delete()
    return groups


@transaction.atomic
def workflow_ensure(*, unit, home: Page, groups: dict[str, Group]) -> Workflow:
    """Cộng tác viên submits → Biên tập viên reviews → Trưởng ban approves and publishes."""
    label = unit.label or "trang-chinh"
    name = f"[{label}] Quy trình duyệt tin, bài"
    workflow_page = WorkflowPage.objects.filter(page=home).select_related("workflow").first()
    if workflow_page is not None:
        return workflow_page.workflow
    workflow = Workflow.objects.create(name=name, active=True)
    steps = [
        (f"[{label}] Biên tập viên duyệt", groups[Role.EDITOR]),
        (f"[{label}] Trưởng ban duyệt và xuất bản", groups[Role.BOARD_HEAD]),
    ]
    for order, (task_name, group) in enumerate(steps):
        task = GroupApprovalTask.objects.create(name=task_name)
        task.groups.set([group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.create(page=home, workflow=workflow)
    return workflow


@transaction.atomic
def role_grant(*, user, unit, role: str, actor=None) -> None:
    """Give ``user`` a role on ``unit``'s site (a person may hold roles on several sites)."""
    site_role = SiteRole.objects.select_related("group").get(unit=unit, role=role)
    user.groups.add(site_role.group)
    user.__dict__.pop("_portal_roles", None)
    log(user, "portal.role.grant", user=actor, data={"unit": unit.code, "role": role})


@transaction.atomic
def role_revoke(*, user, unit, role: str, actor=None) -> None:
    site_role = SiteRole.objects.select_related("group").get(unit=unit, role=role)
    user.groups.remove(site_role.group)
    user.__dict__.pop("_portal_roles", None)
    log(user, "portal.role.revoke", user=actor, data={"unit": unit.code, "role": role})




class MembershipError(Exception):
    """Raised with a message meant for the person managing the board."""


@transaction.atomic
def member_add(*, actor, unit, role: str, username: str, full_name: str = "", email: str = "", password: str = ""):
    """Add a person to a unit's board: an existing account by username, or a new one."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from portal.editorial.permissions import can_manage_members

    if not can_manage_members(actor, unit.pk):
        raise MembershipError("Bạn không quản lý ban biên tập của đơn vị này.")
    if role not in Role.values:
        raise MembershipError("Vai trò không hợp lệ.")
    username = username.strip().lower()
    if not username:
        raise MembershipError("Hãy nhập tên đăng nhập.")
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        if not password:
            raise MembershipError("Tài khoản mới cần mật khẩu ban đầu.")
        user = User(username=username, email=email.strip())
        last, _, first = full_name.strip().rpartition(" ")
        user.first_name, user.last_name = first, last
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise MembershipError(" ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        log(user, "wagtail.create", user=actor)
    role_grant(user=user, unit=unit, role=role, actor=actor)
    return user


@transaction.atomic
def member_remove(*, actor, unit, role: str, user) -> None:
    from portal.editorial.permissions import can_manage_members

    if not can_manage_members(actor, unit.pk):
        raise MembershipError("Bạn không quản lý ban biên tập của đơn vị này.")
    role_revoke(user=user, unit=unit, role=role, actor=actor)
