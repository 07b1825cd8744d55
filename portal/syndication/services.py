"""The one write path for proposals to the main portal."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.editorial import permissions
from portal.syndication.constants import ALLOWED_TRANSITIONS, ProposalStatus
from portal.syndication.models import Proposal


class ProposalError(Exception):
    """Raised with a message meant for the person who acted."""


def _transition(proposal: Proposal, to: str) -> None:
    if to not in ALLOWED_TRANSITIONS[ProposalStatus(proposal.status)]:
        raise ProposalError(f"Không thể chuyển đề nghị từ “{proposal.get_status_display()}” sang “{ProposalStatus(to).label}”.")
    proposal.status = to


@transaction.atomic
def proposal_create(*, article, actor, note: str = "") -> Proposal:
    """The article's board proposes a published article; the main board is notified after commit."""
    if not permissions.can_propose_article(actor, article):
        raise ProposalError("Bạn không có quyền đề nghị tin này lên Trang chính.")
    if not article.live:
        raise ProposalError("Chỉ đề nghị được tin đã xuất bản.")
    if article.unit is None or article.unit.is_main:
        raise ProposalError("Tin của Trang chính không cần đề nghị.")
    if Proposal.objects.select_for_update().filter(article=article, status__in=[ProposalStatus.PENDING, ProposalStatus.ACCEPTED]).exists():
        raise ProposalError("Tin này đã được đề nghị hoặc đã có trên Trang chính.")
    proposal = Proposal.objects.create(article=article, unit=article.unit, proposed_by=actor, note=note.strip())
    log(article, "portal.proposal.create", user=actor, data={"proposal": proposal.pk})

    from portal.syndication.tasks import notify_main_board_task

    transaction.on_commit(lambda: notify_main_board_task.enqueue(proposal.pk))
    return proposal


@transaction.atomic
def proposal_decide(*, proposal: Proposal, actor, accept: bool, note: str = "") -> Proposal:
    """The main portal's board accepts or declines a pending proposal."""
    if not permissions.can_decide_proposals(actor):
        raise ProposalError("Chỉ Ban biên tập Trang chính được quyết định đề nghị.")
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _transition(proposal, ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED)
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.decision_note = note.strip()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    log(
        proposal.article,
        "portal.proposal.accept" if accept else "portal.proposal.decline",
        user=actor,
        data={"proposal": proposal.pk, "note": proposal.decision_note},
    )
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, actor) -> Proposal:
    """The unit takes its proposal back; the article leaves the main portal."""
    if not permissions.can_propose_article(actor, proposal.article) and not permissions.can_decide_proposals(actor):
        raise ProposalError("Bạn không có quyền rút đề nghị này.")
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _transition(proposal, ProposalStatus.WITHDRAWN)
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    log(proposal.article, "portal.proposal.withdraw", user=actor, data={"proposal": proposal.pk})
    return proposal
