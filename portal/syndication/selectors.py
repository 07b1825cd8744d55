from portal.syndication.constants import ProposalStatus
from portal.syndication.models import Proposal


def accepted_article_ids():
    """Subquery of accepted articles, for use inside another query."""
    return Proposal.objects.filter(status=ProposalStatus.ACCEPTED).values("article_id")


def proposal_list_pending():
    return (
        Proposal.objects.filter(status=ProposalStatus.PENDING)
        .select_related("article", "unit", "proposed_by")
        .order_by("proposed_at")
    )


def proposal_list_for_units(unit_ids):
    return Proposal.objects.filter(unit_id__in=unit_ids).select_related("article", "unit", "decided_by")[:200]


def proposal_list_recent_decisions():
    return (
        Proposal.objects.exclude(status=ProposalStatus.PENDING)
        .select_related("article", "unit", "decided_by")
        .order_by("-decided_at")[:50]
    )
