"""“Hộp thư đi” for the portal operator: every message to citizens, its delivery state, and resending failed ones.

The list masks recipients (it is often on a shared screen); the detail page shows them in full for investigation.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from portal.notifications import delivery
from portal.notifications.models import Message, MessageChannel, MessageStatus

PAGE_SIZE = 50


def recipient_mask(recipient: str) -> str:
    """“0912345678” → “09******78”, “nguyen.an@gmail.com” → “ng***@gmail.com”."""
    recipient = recipient or ""
    if "@" in recipient:
        local, _, domain = recipient.rpartition("@")
        keep = 2 if len(local) > 3 else 1
        return f"{local[:keep]}***@{domain}"
    if len(recipient) <= 4:
        return "*" * len(recipient)
    return recipient[:2] + "*" * (len(recipient) - 4) + recipient[-2:]


def _require_operator(request) -> None:
    if not delivery.can_operate_outbox(request.user):
        raise PermissionDenied


def outbox(request):
    _require_operator(request)
    channel = request.GET.get("kenh", "")
    channel = channel if channel in MessageChannel.values else ""
    status = request.GET.get("trang-thai", "")
    status = status if status in MessageStatus.values else ""
    query = request.GET.get("q", "").strip()[:100]
    rows = Message.objects.defer("body")
    if channel:
        rows = rows.filter(channel=channel)
    if status:
        rows = rows.filter(status=status)
    if query:
        rows = rows.filter(reference__icontains=query)
    page = Paginator(rows.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("p"))
    totals = dict(Message.objects.order_by().values_list("status").annotate(n=Count("pk")))
    context = {
        "page_obj": page,
        "rows": [(message, recipient_mask(message.recipient)) for message in page.object_list],
        "channel": channel, "status": status, "query": query,
        "channels": MessageChannel.choices, "statuses": MessageStatus.choices,
        "totals": [(value, label, totals.get(value, 0)) for value, label in MessageStatus.choices],
        "S": MessageStatus,
    }
    return TemplateResponse(request, "notifications/admin/outbox.html", context)


def detail(request, pk):
    _require_operator(request)
    message = Message.objects.filter(pk=pk).first()
    if message is None:
        raise Http404
    context = {
        "message": message,
        "title": f"Thông báo số {message.pk}",
        "S": MessageStatus,
        "history": ModelLogEntry.objects.for_instance(message).select_related("user").order_by("-timestamp")[:20],
    }
    return TemplateResponse(request, "notifications/admin/detail.html", context)


@require_POST
def resend(request, pk):
    _require_operator(request)
    message = Message.objects.filter(pk=pk).first()
    if message is None:
        raise Http404
    try:
        message = delivery.message_resend(message=message, actor=request.user)
    except delivery.OutboxError as error:
        messages.error(request, str(error))
    else:
        message.refresh_from_db()
        if message.status == MessageStatus.SENT:
            messages.success(request, f"Đã gửi lại thông báo số {message.pk}.")
        else:
            messages.success(request, f"Đã đưa thông báo số {message.pk} vào hàng đợi gửi lại.")
    return redirect("notifications:detail", pk=pk)
