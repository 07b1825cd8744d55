"""Admin screens under /admin/go-bo/: thin callers of services, scoped to the user's sites."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from portal.takedown import permissions, selectors, services
from portal.takedown.constants import REPORT_TRANSITIONS, ReportStatus, TakedownStatus
from portal.takedown.forms import TakedownRequestForm


def _units(request):
    if not permissions.can_use_takedown(request.user):
        raise PermissionDenied
    return permissions.units_user_takes_down_for(request.user)


@require_GET
def request_index(request):
    unit_ids = _units(request)
    status = request.GET.get("trang-thai", "")
    if status not in TakedownStatus.values:
        status = ""
    page = Paginator(selectors.takedown_list(unit_ids, status=status or None), 50).get_page(request.GET.get("p"))
    now = timezone.now()
    rows = [(r, services.timer(r, now)) for r in page]
    open_reports = selectors.report_queue(unit_ids).count()
    context = {"page": page, "rows": rows, "status": status, "statuses": TakedownStatus.choices, "open_reports": open_reports}
    return TemplateResponse(request, "takedown/admin/index.html", context)


def request_create(request):
    _units(request)
    if request.method == "POST":
        form = TakedownRequestForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                takedown = services.takedown_create(
                    actor=request.user, requester_name=data["requester_name"],
                    requester_organisation=data["requester_organisation"], requester_contact=data["requester_contact"],
                    channel=data["channel"], received_at=data["received_at"], legal_basis=data["legal_basis"], items=data["urls"],
                )
            except services.TakedownError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"Đã ghi nhận yêu cầu gỡ bỏ số {takedown.pk}. Hãy gỡ bỏ ngay.")
                return redirect("takedown:detail", pk=takedown.pk)
    else:
        form = TakedownRequestForm()
    return TemplateResponse(request, "takedown/admin/create.html", {"form": form})


def request_detail(request, pk):
    takedown = selectors.takedown_get(pk, _units(request))
    # Same answer for "missing" and "not yours".
    if takedown is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "execute":
                takedown = services.takedown_execute(request=takedown, user=request.user)
                messages.success(request, f"Đã gỡ bỏ {takedown.items.count()} mục sau {services.duration_text(takedown.elapsed)}.")
            elif action == "reject":
                services.takedown_reject(request=takedown, user=request.user, reason=request.POST.get("reason", ""))
                messages.success(request, "Đã ghi nhận không gỡ bỏ.")
            else:
                raise services.TakedownError("Thao tác không hợp lệ.")
        except services.TakedownError as error:
            messages.error(request, str(error))
        return redirect("takedown:detail", pk=takedown.pk)
    context = {
        "page_title": f"Yêu cầu gỡ bỏ số {takedown.pk}",
        "takedown": takedown,
        "timer": services.timer(takedown),
        "can_act": takedown.status == TakedownStatus.RECEIVED and permissions.can_take_down(request.user, takedown),
        "items": takedown.items.all(),
    }
    return TemplateResponse(request, "takedown/admin/detail.html", context)


@require_GET
def report_index(request):
    unit_ids = _units(request)
    done = request.GET.get("da-xu-ly") == "1"
    page = Paginator(selectors.report_queue(unit_ids, open_only=not done), 50).get_page(request.GET.get("p"))
    rows = [(r, services.duration_text(r.resolution_time) if r.resolution_time else "") for r in page]
    return TemplateResponse(request, "takedown/admin/reports.html", {"page": page, "rows": rows, "done": done})


def report_detail(request, pk):
    report = selectors.report_get(pk, _units(request))
    if report is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "review":
                services.report_review(report=report, user=request.user)
                messages.success(request, "Đã chuyển báo cáo sang “Đang xem xét”.")
            elif action in ("uphold", "dismiss"):
                report = services.report_resolve(
                    report=report, user=request.user, uphold=action == "uphold", note=request.POST.get("note", "")
                )
                messages.success(request, f"Đã xử lý xong báo cáo số {report.pk}: {report.get_status_display()}.")
            else:
                raise services.TakedownError("Thao tác không hợp lệ.")
        except services.TakedownError as error:
            messages.error(request, str(error))
        return redirect("takedown:report", pk=report.pk)
    current = ReportStatus(report.status)
    context = {
        "page_title": f"Báo cáo vi phạm số {report.pk}",
        "report": report,
        "can_review": ReportStatus.REVIEWING in REPORT_TRANSITIONS[current],
        "can_resolve": ReportStatus.UPHELD in REPORT_TRANSITIONS[current],
        "resolution_time": services.duration_text(report.resolution_time) if report.resolution_time else "",
    }
    return TemplateResponse(request, "takedown/admin/report_detail.html", context)
