"""Who may read the audit log and the archive of deleted pages."""

from portal.editorial.constants import Role
from portal.editorial.permissions import has_role, user_roles

LOG_READERS = {Role.BOARD_HEAD}
ARCHIVE_READERS = {Role.BOARD_HEAD, Role.EDITOR, Role.SITE_ADMIN}
ARCHIVE_RESTORERS = {Role.BOARD_HEAD}


def _units_with(user, roles) -> set[int] | None:
    """Unit ids where the user holds one of `roles`; None means every unit (the operator)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return None
    return {unit_id for unit_id, held in user_roles(user).items() if held & set(roles)}


def log_units(user) -> set[int] | None:
    return _units_with(user, LOG_READERS)


def archive_units(user) -> set[int] | None:
    return _units_with(user, ARCHIVE_READERS)


def can_read_log(user) -> bool:
    units = log_units(user)
    return units is None or bool(units)


def can_read_archive(user) -> bool:
    units = archive_units(user)
    return units is None or bool(units)


def can_restore(user, retained) -> bool:
    if user.is_superuser:
        return True
    return retained.unit_id is not None and has_role(user, retained.unit_id, ARCHIVE_RESTORERS)
