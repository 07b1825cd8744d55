"""Staff queue of data-subject requests (Wagtail admin, /admin/du-lieu-ca-nhan/): the operator sees every unit,
a Trưởng ban biên tập their unit's. Every change goes through portal.privacy.services."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from portal.privacy import permissions, selectors, services
from portal.privacy.forms import CloseForm, ExtendForm, StaffRequestForm
from portal.privacy.models import DataSubjectRequest
from portal.rules.services import rule_value


def _scope(request):
    unit_ids = permissions.units_user_handles_requests_of(request.user)
    if unit_ids is not None and not unit_ids:
        raise PermissionDenied
    return unit_ids


def queue(request):
    unit_ids = _scope(request)
    show_all = request.GET.get("tat-ca") == "1"
    items = selectors.request_queue(unit_ids) if show_all else selectors.open_requests(unit_ids)
    today = timezone.localdate()
    rows = [{"item": item, "overdue": item.overdue(today), "due_soon": item.due_soon(today)} for item in items[:500]]
    return render(request, "privacy/admin/queue.html", {"rows": rows, "show_all": show_all, "today": today})


def _get(request, pk) -> DataSubjectRequest:
    unit_ids = _scope(request)
    item = selectors.request_queue(unit_ids).filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def detail(request, pk):
    item = _get(request, pk)
    extend_form, close_form = ExtendForm(), CloseForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "acknowledge":
                services.request_acknowledge(item=item, actor=request.user)
            elif action == "extend":
                extend_form = ExtendForm(request.POST)
                if not extend_form.is_valid():
                    raise services.PrivacyError("Hãy nhập số ngày và lý do gia hạn.")
                services.request_extend(item=item, actor=request.user, **extend_form.cleaned_data)
            elif action in ("complete", "refuse"):
                close_form = CloseForm(request.POST)
                close_form.is_valid()
                services.request_close(item=item, actor=request.user, action=action, outcome=close_form.cleaned_data.get("outcome", ""))
            else:
                raise services.PrivacyError("Thao tác không hợp lệ.")
        except services.PrivacyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Đã lưu.")
            return HttpResponseRedirect(reverse("privacy_admin:detail", args=[item.pk]))
        item.refresh_from_db()
    today = timezone.localdate()
    context = {
        "item": item, "overdue": item.overdue(today), "due_soon": item.due_soon(today), "extend_form": extend_form,
        "close_form": close_form, "extension_limit": rule_value("pdp.extension_days", on=timezone.localdate(item.received_at)),
    }
    return render(request, "privacy/admin/detail.html", context)


def add(request):
    from portal.units.models import Unit

    unit_ids = _scope(request)
    units = Unit.objects.all() if unit_ids is None else Unit.objects.filter(pk__in=unit_ids)
    form = StaffRequestForm(request.POST or None, units=units.order_by("sort_order", "code"), initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        received_at = dt.datetime.combine(data["received_on"], dt.time(8, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))
        item = services.request_create(
            unit=data["unit"], kind=data["kind"], channel=data["channel"], requester_name=data["requester_name"],
            requester_contact=data["requester_contact"], details=data["details"], recorded_by=request.user, received_at=received_at,
        )
        messages.success(request, f"Đã ghi nhận yêu cầu số {item.pk}.")
        return HttpResponseRedirect(reverse("privacy_admin:detail", args=[item.pk]))
    return render(request, "privacy/admin/add.html", {"form": form})
