"""Who may edit a unit's registry records: that unit's board (Trưởng ban, Biên tập viên, Quản trị trang).

Cộng tác viên only write drafts of pages; they do not touch the registry. Superusers (the platform
operator) may edit every unit's records. Built on the editorial gatekeepers (`has_role`, `user_roles`).
"""

from portal.editorial.constants import Role
from portal.editorial.permissions import has_role, user_roles

REGISTRY_ROLES = frozenset({Role.BOARD_HEAD, Role.EDITOR, Role.SITE_ADMIN})


def can_edit_registry(user, unit_id) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and unit_id is not None and has_role(user, unit_id, REGISTRY_ROLES)


def units_user_edits_registry_of(user) -> set[int] | None:
    """The units whose registry the user may edit; None means every unit (superuser)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & REGISTRY_ROLES}


def scope(queryset, user, unit_field: str):
    """`queryset` limited to the records of units whose registry the user may edit."""
    unit_ids = units_user_edits_registry_of(user)
    if unit_ids is None:
        return queryset
    return queryset.filter(**{f"{unit_field}__in": unit_ids})
