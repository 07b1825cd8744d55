"""Who may look at a site's completeness report in the admin: its board, and the operator."""

from portal.editorial.permissions import user_roles


def units_user_may_check(user) -> set[int] | None:
    """Unit ids whose report the user may see; None means every unit (the platform operator)."""
    if user.is_superuser:
        return None
    return set(user_roles(user))


def can_view_report(user, unit_id: int) -> bool:
    allowed = units_user_may_check(user)
    return allowed is None or unit_id in allowed
