"""Who may moderate and answer comments on drafts: the board (Trưởng ban, Biên tập viên) of the draft's unit."""

from portal.consultation.constants import MODERATING_ROLES
from portal.editorial.permissions import has_role, user_roles


def can_moderate_comments(user, unit_id) -> bool:
    """Trưởng ban and Biên tập viên of the unit, and the platform operator (superuser)."""
    return unit_id is not None and getattr(user, "is_authenticated", False) and has_role(user, unit_id, MODERATING_ROLES)


def units_user_moderates(user) -> set[int] | None:
    """Ids of the units whose comments the user moderates; None means every unit (superuser)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & MODERATING_ROLES}


def can_use_moderation(user) -> bool:
    units = units_user_moderates(user)
    return units is None or bool(units)
