"""Who handles personal-data requests: the platform operator (superuser) for every unit, a unit's Trưởng ban
biên tập for that unit's requests. The breach log is the operator's only."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from portal.editorial.constants import Role
from portal.editorial.permissions import has_role, user_roles

PRIVACY_ROLES = frozenset({Role.BOARD_HEAD})


def units_user_handles_requests_of(user) -> set[int] | None:
    """None means every unit (operator)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & PRIVACY_ROLES}


def can_handle_request(user, item) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and has_role(user, item.unit_id, PRIVACY_ROLES)


def can_manage_breaches(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active and user.is_superuser


def request_handlers(unit_id) -> list[str]:
    """E-mail addresses of the people who handle the unit's requests (for reminders)."""
    users = get_user_model().objects.filter(
        Q(groups__site_role__role__in=PRIVACY_ROLES, groups__site_role__unit_id=unit_id), is_active=True,
    ).exclude(email="").distinct()
    return sorted({user.email for user in users})
