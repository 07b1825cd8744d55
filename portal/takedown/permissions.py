"""Who may take information down and handle violation reports: the operator anywhere, a Trưởng ban on their own site."""

from portal.editorial.constants import Role
from portal.editorial.permissions import has_role, user_roles

TAKEDOWN_ROLES = {Role.BOARD_HEAD}


def units_user_takes_down_for(user) -> set[int] | None:
    """Unit ids whose items the user may take down; None means every unit (the platform operator)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & TAKEDOWN_ROLES}


def can_use_takedown(user) -> bool:
    units = units_user_takes_down_for(user)
    return units is None or bool(units)


def can_take_down_unit(user, unit_id) -> bool:
    return unit_id is not None and getattr(user, "is_authenticated", False) and has_role(user, unit_id, TAKEDOWN_ROLES)


def can_take_down(user, takedown_request) -> bool:
    """Every item of the request must belong to a site the user may act on."""
    unit_ids = {item.unit_id for item in takedown_request.items.all()}
    return bool(unit_ids) and all(can_take_down_unit(user, unit_id) for unit_id in unit_ids)


def can_view_request(user, takedown_request) -> bool:
    units = units_user_takes_down_for(user)
    if units is None:
        return True
    return any(item.unit_id in units for item in takedown_request.items.all())


def can_handle_report(user, report) -> bool:
    return can_take_down_unit(user, report.unit_id)
