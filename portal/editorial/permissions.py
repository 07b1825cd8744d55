"""Gatekeepers for editorial actions. Views and services ask these, nothing else."""

from portal.editorial.constants import DECIDING_ROLES, PROPOSING_ROLES, USER_MANAGING_ROLES, Role


def user_roles(user) -> dict[int, set[str]]:
    """Roles the user holds, by unit id. Cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_portal_roles", None)
    if cached is not None:
        return cached
    from portal.editorial.models import SiteRole

    roles: dict[int, set[str]] = {}
    for unit_id, role in SiteRole.objects.filter(group__user=user).values_list("unit_id", "role"):
        roles.setdefault(unit_id, set()).add(role)
    user._portal_roles = roles
    return roles


def has_role(user, unit_id, roles) -> bool:
    if user.is_superuser:
        return True
    return bool(user_roles(user).get(unit_id, set()) & set(roles))


def can_propose_article(user, article) -> bool:
    """Board heads and editors of the article's own unit may propose it to the main portal."""
    return article.unit_id is not None and has_role(user, article.unit_id, PROPOSING_ROLES)


def can_decide_proposals(user) -> bool:
    """Board heads and editors of the main portal decide on proposals."""
    from portal.units.services import unit_main

    main = unit_main()
    return main is not None and has_role(user, main.pk, DECIDING_ROLES)


def units_user_manages_members_of(user) -> set[int]:
    from portal.units.models import Unit

    if user.is_superuser:
        return set(Unit.objects.values_list("pk", flat=True))
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & USER_MANAGING_ROLES}


def can_manage_members(user, unit_id) -> bool:
    return has_role(user, unit_id, USER_MANAGING_ROLES)


__all__ = ["Role", "can_decide_proposals", "can_manage_members", "can_propose_article", "has_role", "user_roles"]


def units_user_can_propose_for(user) -> set[int]:
    """Units (other than the main portal) whose articles the user may propose."""
    from portal.units.services import unit_main

    main = unit_main()
    main_id = main.pk if main else None
    return {uid for uid, roles in user_roles(user).items() if roles & PROPOSING_ROLES and uid != main_id}
