"""Gatekeepers for dossiers. Views and services ask these, nothing else."""

from portal.dossiers.errors import SubmissionRefused
from portal.editorial.constants import Role
from portal.editorial.permissions import user_roles

# One-stop officers act on their unit's dossiers; board heads supervise them (queue, tracking book).
PROCESSING_ROLES = {Role.ONE_STOP}
SUPERVISING_ROLES = {Role.ONE_STOP, Role.BOARD_HEAD}



def units_user_processes(user) -> set[int] | None:
    """Unit ids whose dossiers the user may act on; None means every unit (superuser)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & PROCESSING_ROLES}


def units_user_supervises(user) -> set[int] | None:
    if not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & SUPERVISING_ROLES}


def can_see_queue(user) -> bool:
    units = units_user_supervises(user)
    return units is None or bool(units)


def can_view(user, dossier) -> bool:
    units = units_user_supervises(user)
    return units is None or dossier.handling_unit_id in units or dossier.receiving_unit_id in units


def can_process(user, dossier) -> bool:
    """Act as the handling unit (process, transfer, suspend, result, apologise)."""
    units = units_user_processes(user)
    return units is None or dossier.handling_unit_id in units


def can_receive(user, dossier) -> bool:
    """Act as the reception point (receive, request supplement before receipt, refuse, hand over, return)."""
    units = units_user_processes(user)
    return units is None or dossier.receiving_unit_id in units or dossier.handling_unit_id in units


def is_applicant(user, dossier) -> bool:
    return getattr(user, "is_authenticated", False) and dossier.applicant_id == user.pk


def citizen_can_submit(user) -> bool:
    from portal.citizens import selectors

    return selectors.citizen_can_submit(user)


def ensure_unit_handles(procedure, unit, *, online: bool) -> None:
    handling = procedure.handlings.filter(unit=unit).first()
    if handling is None:
        raise SubmissionRefused(f"{unit.display_name} không giải quyết thủ tục này.")
    if online and not handling.online_enabled:
        raise SubmissionRefused(f"{unit.display_name} chưa nhận hồ sơ trực tuyến cho thủ tục này.")


def ensure_can_submit(user, procedure, handling_unit, receiving_unit) -> None:
    from portal.dossiers.selectors import reception_points

    if not citizen_can_submit(user):
        raise SubmissionRefused("Tài khoản cần xác minh điện thoại hoặc thư điện tử trước khi nộp hồ sơ.")
    if not procedure.accepts_online:
        raise SubmissionRefused("Thủ tục này chưa nhận hồ sơ trực tuyến.")
    ensure_unit_handles(procedure, handling_unit, online=True)
    if receiving_unit.pk not in {unit.pk for unit in reception_points(handling_unit)}:
        raise SubmissionRefused(f"{receiving_unit.display_name} không phải là nơi tiếp nhận hồ sơ.")
