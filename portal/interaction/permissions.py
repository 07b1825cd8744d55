"""Who may see and act on questions. Built on the editorial gatekeepers; views and services ask only these."""

from portal.editorial.constants import Role
from portal.editorial.permissions import has_role, user_roles

# Board members who see their unit's queue (Quản trị trang runs the site, not the answers).
QUEUE_ROLES = {Role.BOARD_HEAD, Role.EDITOR, Role.CONTRIBUTOR}
# Who assigns, publishes, closes or rejects.
MANAGING_ROLES = {Role.BOARD_HEAD, Role.EDITOR}


def units_user_handles_questions_for(user) -> set[int] | None:
    """Unit ids whose queue the user sees; None means every unit (the platform operator)."""
    if user.is_superuser:
        return None
    return {unit_id for unit_id, roles in user_roles(user).items() if roles & QUEUE_ROLES}


def can_view_question(user, question) -> bool:
    return has_role(user, question.unit_id, QUEUE_ROLES)


def can_manage_question(user, question) -> bool:
    """Assign, publish or unpublish, close as out of scope, reject."""
    return has_role(user, question.unit_id, MANAGING_ROLES)


def can_answer_question(user, question) -> bool:
    return can_manage_question(user, question) or (
        question.assignee_id is not None and question.assignee_id == user.pk and can_view_question(user, question)
    )


def can_be_assigned(user, unit_id) -> bool:
    """The assignee must sit on the unit's board (not merely be a superuser)."""
    return bool(user.is_active and user_roles(user).get(unit_id, set()) & QUEUE_ROLES)


def can_manage_topics(user, unit_id) -> bool:
    return has_role(user, unit_id, MANAGING_ROLES)
