"""Who may manage procedures in the admin. Built on the editorial gatekeepers; views and services ask only these.

The owner unit keeps the procedure up to date (content, e-form, papers, publication); a unit that handles it
(every commune for commune-level procedures) decides only whether it receives dossiers online.
"""

from portal.editorial.constants import Role
from portal.editorial.permissions import has_role, user_roles

MANAGING_ROLES = {Role.BOARD_HEAD, Role.EDITOR}


def units_user_manages_procedures_for(user) -> set[int] | None:
    """Unit ids whose procedures the user manages; None means every unit (the platform operator)."""
    if getattr(user, "is_superuser", False):
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & MANAGING_ROLES}


def can_use_procedure_admin(user) -> bool:
    unit_ids = units_user_manages_procedures_for(user)
    return unit_ids is None or bool(unit_ids)


def can_view_procedure(user, procedure) -> bool:
    """Owner's board, the boards of the units that handle it, the operator."""
    unit_ids = units_user_manages_procedures_for(user)
    if unit_ids is None:
        return True
    if procedure.unit_id in unit_ids:
        return True
    return procedure.handlings.filter(unit_id__in=unit_ids).exists()


def can_edit_procedure(user, procedure) -> bool:
    """Content, e-form, capabilities, papers, publication: the owner unit's board or the operator."""
    return has_role(user, procedure.unit_id, MANAGING_ROLES)


def can_set_online(user, procedure, unit_id: int) -> bool:
    """Whether a handling unit receives dossiers online: that unit's board, the owner's board, the operator."""
    return has_role(user, unit_id, MANAGING_ROLES) or can_edit_procedure(user, procedure)
