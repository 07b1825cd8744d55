"""Admin screens for comments on drafts: thin callers of services, scoped to the moderator's units."""

import mimetypes

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from portal.consultation import permissions, selectors, services
from portal.core.uploads import sniff
from portal.moderation.constants import MODERATION_TRANSITIONS, ModerationStatus, ViolationCategory


def _moderated_units(request):
    if not permissions.can_use_moderation(request.user):
        raise PermissionDenied
    return permissions.units_user_moderates(request.user)


def _comment_or_404(request, pk):
    comment = selectors.comment_for_moderator(pk, _moderated_units(request))
    # Same answer for "missing" and "not yours", so other sites' ids reveal nothing.
    if comment is None or not permissions.can_moderate_comments(request.user, comment.unit_id):
        raise Http404
    return comment


@require_GET
def comment_index(request):
    unit_ids = _moderated_units(request)
    status = request.GET.get("trang-thai") or ModerationStatus.PENDING
    if status not in ModerationStatus.values:
        status = ModerationStatus.PENDING
    consultation_id = request.GET.get("du-thao")
    consultation_id = int(consultation_id) if consultation_id and consultation_id.isdigit() else None
    queryset = selectors.moderation_queue(unit_ids, status=status, consultation_id=consultation_id)
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    context = {
        "status": status,
        "statuses": ModerationStatus.choices,
        "counts": selectors.moderation_counts(unit_ids),
        "comments": page,
        "consultation_id": consultation_id,
    }
    return TemplateResponse(request, "consultation/admin/index.html", context)


def comment_detail(request, pk):
    comment = _comment_or_404(request, pk)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("approve", "reject"):
                services.comment_moderate(
                    comment=comment,
                    actor=request.user,
                    approve=action == "approve",
                    category=request.POST.get("category", ""),
                    note=request.POST.get("note", ""),
                )
                verb = "Đã duyệt, công khai" if action == "approve" else "Đã không duyệt"
                messages.success(request, f"{verb} góp ý {comment.reference}.")
            elif action == "respond":
                services.comment_respond(comment=comment, actor=request.user, response=request.POST.get("response", ""))
                messages.success(request, f"Đã lưu nội dung tiếp thu, giải trình cho góp ý {comment.reference}.")
            else:
                raise services.ConsultationError("Thao tác không hợp lệ.")
        except services.ConsultationError as error:
            messages.error(request, str(error))
        return redirect("consultation:detail", pk=comment.pk)
    current = ModerationStatus(comment.status)
    context = {
        "comment": comment,
        "can_approve": ModerationStatus.APPROVED in MODERATION_TRANSITIONS[current],
        "can_reject": ModerationStatus.REJECTED in MODERATION_TRANSITIONS[current],
        "categories": ViolationCategory.choices,
        "consultation_status": comment.consultation.status_at(),
    }
    return TemplateResponse(request, "consultation/admin/detail.html", context)


@require_GET
def comment_attachment(request, pk):
    comment = _comment_or_404(request, pk)
    try:
        handle = services.comment_attachment_open(comment=comment, actor=request.user)
    except services.ConsultationError as error:
        raise Http404 from error
    kind = sniff(handle)
    content_type = kind.content_type if kind else (mimetypes.guess_type(comment.attachment_name)[0] or "application/octet-stream")
    filename = comment.attachment_name or comment.attachment.name.rsplit("/", 1)[-1]
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
