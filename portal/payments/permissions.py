"""Who may pay and who may see the reconciliation. Views and services ask only these."""

from portal.editorial.constants import Role
from portal.editorial.permissions import user_roles

# Reconciliation is the unit's money: its board head answers for it (Quy chế Điều 9).
RECONCILING_ROLES = {Role.BOARD_HEAD}


def can_pay(user, dossier) -> bool:
    """Only the dossier's applicant pays online for it (an officer takes cash at the counter instead)."""
    return bool(getattr(user, "is_authenticated", False) and dossier.applicant_id is not None and dossier.applicant_id == user.pk)


def units_user_reconciles(user) -> set[int] | None:
    """Unit ids whose payments the user may reconcile; None means every unit (the platform operator)."""
    if user.is_superuser:
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & RECONCILING_ROLES}


def can_reconcile(user) -> bool:
    unit_ids = units_user_reconciles(user)
    return unit_ids is None or bool(unit_ids)
