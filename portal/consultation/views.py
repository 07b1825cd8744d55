"""The public consultation page: the draft, the comment form (POST, then redirect), approved comments, the report."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from portal.consultation import selectors, services
from portal.consultation.constants import COMMENTS_PAGE_SIZE, RATE_SCOPE, ConsultationStatus
from portal.consultation.forms import CommentForm
from portal.core.middleware import client_ip
from portal.moderation.forms import RateLimited, SpamSuspected
from portal.pages.models import paginate

SESSION_KEY = "consultation_sent"


def consultation_context(page, request, *, form=None, refusal: str = "") -> dict:
    now = timezone.now()
    status = page.status_at(now)
    sent = None
    if request.method == "GET" and hasattr(request, "session"):
        stored = request.session.get(SESSION_KEY)
        if stored and stored.get("page") == page.pk:
            sent = stored.get("reference")
            del request.session[SESSION_KEY]
    if form is None and status == ConsultationStatus.OPEN:
        form = CommentForm(request=request)
    return {
        "now": now,
        "status": status,
        "is_open": status == ConsultationStatus.OPEN,
        "days_left": page.days_left(now) if status == ConsultationStatus.OPEN else None,
        "status_message": page.refusal_message(now),
        "refusal": refusal,
        "form": form if status == ConsultationStatus.OPEN else None,
        "sent_reference": sent,
        "draft_documents": list(page.documents.select_related("document")) if page.pk else [],
        "report_available": page.report_available(now),
        "comments": paginate(request, selectors.approved_comments(page), per_page=COMMENTS_PAGE_SIZE) if page.pk else None,
    }


def _render(page, request, *, status: int, form=None, refusal: str = ""):
    context = page.get_context(request, form=form, refusal=refusal)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def comment_post(page, request):
    """Take a comment; outside the window, from a robot or over the rate limit nothing is stored."""
    refusal = page.refusal_message()
    if refusal:
        return _render(page, request, status=403, refusal=refusal)
    form = CommentForm(request.POST, request.FILES, request=request)
    try:
        form.check_robot()
    except SpamSuspected:
        return _render(page, request, status=400, refusal="Không gửi được góp ý. Vui lòng tải lại trang rồi gửi lại.")
    try:
        form.check_rate(RATE_SCOPE)
    except RateLimited:
        return _render(
            page, request, status=429, refusal="Bạn đã gửi nhiều góp ý trong một giờ qua. Vui lòng gửi lại sau ít phút."
        )
    if not form.is_valid():
        form.mark_errors()
        return _render(page, request, status=200, form=form)
    data = form.cleaned_data
    try:
        comment = services.comment_submit(
            consultation=page,
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            content=data["content"],
            attachment=data.get("attachment"),
            ip_address=client_ip(request),
            notice=form.notice,
        )
    except services.ConsultationClosed as error:
        return _render(page, request, status=403, refusal=str(error))
    request.session[SESSION_KEY] = {"page": page.pk, "reference": comment.reference}
    return redirect(page.get_url(request) + "#cam-on")
