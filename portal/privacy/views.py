"""Public pages: the privacy notice of every site and the account holder's “Dữ liệu của tôi”.

No personal data travels in URLs: every action is a POST with CSRF on the session's own account.
"""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.citizens.decorators import citizen_login_required, on_main_portal
from portal.core.middleware import client_ip
from portal.pages.chrome import chrome_for_request
from portal.privacy import selectors, services
from portal.privacy.constants import NOTICE_PATH
from portal.privacy.forms import ConfirmForm, ConsentForm, RequestForm
from portal.privacy.notice import notice_context

DATA_PATH = "/tai-khoan/du-lieu/"
CRUMBS = [("Tài khoản", "/tai-khoan/")]


def notice_page(request):
    context = chrome_for_request(request, "Chính sách bảo vệ dữ liệu cá nhân")
    context.update(notice_context(context.get("portal_unit")))
    return render(request, "privacy/notice.html", context)


def _data_page(request, *, request_form=None, confirm_form=None, consent_form=None, status=200):
    user = request.user
    context = chrome_for_request(request, "Dữ liệu của tôi", crumbs=CRUMBS)
    context.update({
        "data": selectors.person_data(user),
        "profile": user.citizen_profile,
        "consent_active": selectors.account_consent_active(user),
        "blockers": services.account_delete_blockers(user),
        "request_form": request_form or RequestForm(),
        "confirm_form": confirm_form or ConfirmForm(),
        "consent_form": consent_form or ConsentForm(),
        "requests": list(user.data_subject_requests.order_by("-received_at")),
        "notice_path": NOTICE_PATH,
    })
    return render(request, "privacy/my_data.html", context, status=status)


@on_main_portal
@never_cache
@citizen_login_required
def my_data(request):
    return _data_page(request)


@on_main_portal
@never_cache
@require_POST
@citizen_login_required
def my_data_export(request):
    data = selectors.person_data(request.user)
    data["xuat_luc"] = timezone.localtime().isoformat()
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-{timezone.localdate():%Y%m%d}.json"'
    return response


@on_main_portal
@never_cache
@require_POST
@citizen_login_required
def my_data_delete(request):
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return _data_page(request, confirm_form=form, status=400)
    try:
        services.account_delete(user=request.user)
    except services.PrivacyError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(DATA_PATH)
    logout(request)
    context = chrome_for_request(request, "Đã xoá tài khoản")
    return render(request, "privacy/deleted.html", context)


@on_main_portal
@never_cache
@require_POST
@citizen_login_required
def my_data_consent(request):
    if request.POST.get("action") == "withdraw":
        try:
            services.consent_withdraw(user=request.user)
        except services.PrivacyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Đã rút lại sự đồng ý. Tài khoản không nộp được hồ sơ mới cho đến khi bạn đồng ý lại.")
        return HttpResponseRedirect(DATA_PATH)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return _data_page(request, consent_form=form, status=400)
    services.consent_give(user=request.user, ip_address=client_ip(request))
    messages.success(request, "Đã ghi nhận sự đồng ý của bạn.")
    return HttpResponseRedirect(DATA_PATH)


@on_main_portal
@never_cache
@require_POST
@citizen_login_required
def my_data_request(request):
    from portal.units.services import unit_main

    form = RequestForm(request.POST)
    if not form.is_valid():
        return _data_page(request, request_form=form, status=400)
    profile = request.user.citizen_profile
    item = services.request_create(
        unit=unit_main(), kind=form.cleaned_data["kind"], details=form.cleaned_data["details"], user=request.user,
        requester_name=profile.display_name, requester_contact=profile.email or profile.phone,
    )
    messages.success(
        request, f"Đã gửi yêu cầu số {item.pk}. Cơ quan xác nhận trước ngày {item.ack_due:%d/%m/%Y} "
        f"và hoàn thành trước ngày {item.complete_due:%d/%m/%Y}.",
    )
    return HttpResponseRedirect(DATA_PATH)
