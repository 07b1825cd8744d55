"""Admin screens for proposals: thin callers of services, guarded by the gatekeepers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from portal.editorial import permissions
from portal.pages.models import ArticlePage
from portal.syndication import selectors, services
from portal.syndication.models import Proposal


def _accessible_article(request, page_id) -> ArticlePage:
    article = ArticlePage.objects.select_related("unit").filter(pk=page_id).first()
    # Same answer for "missing" and "not yours", so other sites' ids reveal nothing.
    if article is None or not permissions.can_propose_article(request.user, article):
        raise Http404
    return article


def proposal_index(request):
    can_decide = permissions.can_decide_proposals(request.user)
    unit_ids = permissions.units_user_can_propose_for(request.user)
    if not can_decide and not unit_ids:
        raise PermissionDenied
    context = {
        "can_decide": can_decide,
        "pending": list(selectors.proposal_list_pending()) if can_decide else [],
        "decided": list(selectors.proposal_list_recent_decisions()) if can_decide else [],
        "own": list(selectors.proposal_list_for_units(unit_ids)) if unit_ids else [],
    }
    return TemplateResponse(request, "syndication/index.html", context)


def proposal_create(request, page_id):
    article = _accessible_article(request, page_id)
    if request.method == "POST":
        try:
            services.proposal_create(article=article, actor=request.user, note=request.POST.get("note", ""))
        except services.ProposalError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Đã đề nghị đưa tin “{article.title}” lên Trang chính.")
        return redirect("syndication:index")
    return TemplateResponse(request, "syndication/create.html", {"article": article})


@require_POST
def proposal_decide(request, pk):
    if not permissions.can_decide_proposals(request.user):
        raise Http404
    proposal = get_object_or_404(Proposal, pk=pk)
    accept = request.POST.get("decision") == "accept"
    try:
        services.proposal_decide(proposal=proposal, actor=request.user, accept=accept, note=request.POST.get("note", ""))
    except services.ProposalError as error:
        messages.error(request, str(error))
    else:
        verb = "Đã đưa lên Trang chính" if accept else "Đã từ chối"
        messages.success(request, f"{verb}: “{proposal.article.title}”.")
    return redirect("syndication:index")


@require_POST
def proposal_withdraw(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("article", "article__unit"), pk=pk)
    try:
        services.proposal_withdraw(proposal=proposal, actor=request.user)
    except services.ProposalError as error:
        raise Http404 from error
    messages.success(request, f"Đã rút tin “{proposal.article.title}” khỏi Trang chính.")
    return redirect("syndication:index")
