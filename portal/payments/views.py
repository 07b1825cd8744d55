"""Public payment pages: start (citizen), the sandbox gateway's page, the return page, the gateways' callback."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.core.middleware import client_ip
from portal.pages.chrome import chrome_for_request
from portal.payments import selectors, services
from portal.payments.gateways import GatewayNotFound, SandboxGateway, gateway_get
from portal.payments.models import PaymentStatus

MAX_CALLBACK_BYTES = 16 * 1024


def dossier_url(dossier_id) -> str:
    return f"/dich-vu-cong/ho-so/{dossier_id}/"


def _crumbs(dossier) -> list[tuple[str, str]]:
    return [("Dịch vụ công", "/dich-vu-cong/"), (f"Hồ sơ {dossier.code or dossier.pk}", dossier_url(dossier.pk))]


def _render(request, template, title, context, *, crumbs=None, status=200):
    return TemplateResponse(request, template, {**chrome_for_request(request, title, crumbs), **context}, status=status)


@login_required
@require_POST
def start(request, dossier_id):
    """The citizen's “Thanh toán trực tuyến” button posts here; we send the browser on to the gateway."""
    from portal.dossiers.models import Dossier

    # Someone else's dossier answers 404, so ids reveal nothing.
    dossier = get_object_or_404(Dossier.objects.select_related("procedure"), pk=dossier_id, applicant=request.user)
    try:
        _payment, url = services.payment_start(
            dossier=dossier, user=request.user, gateway=request.POST.get("cong") or None,
            base_url=request.build_absolute_uri("/"),
        )
    except services.PaymentError as error:
        context = {"message": str(error), "dossier": dossier, "dossier_url": dossier_url(dossier.pk)}
        return _render(request, "payments/not_started.html", "Chưa thể thanh toán", context, crumbs=_crumbs(dossier), status=409)
    return redirect(url)


@login_required
@require_GET
def result(request, order_ref):
    """Where the gateway sends the citizen back: what happened, in plain words."""
    payment = selectors.payment_for_payer(order_ref, request.user)
    if payment is None:
        raise Http404
    context = {"payment": payment, "S": PaymentStatus, "dossier_url": dossier_url(payment.dossier_id)}
    return _render(request, "payments/result.html", "Kết quả thanh toán", context, crumbs=_crumbs(payment.dossier))


def _sandbox():
    try:
        gateway = gateway_get("sandbox")
    except GatewayNotFound:
        raise Http404 from None  # not configured (production): the page does not exist
    if not isinstance(gateway, SandboxGateway):
        raise Http404
    return gateway


@login_required
@require_http_methods(["GET", "POST"])
def sandbox(request, order_ref):
    """The sandbox gateway's own page. A real gateway's page lives on its site; this one leans on our login,
    so only the payer can press its buttons."""
    gateway = _sandbox()
    payment = selectors.payment_for_payer(order_ref, request.user)
    if payment is None or payment.gateway != gateway.name:
        raise Http404
    back = request.GET.get("ve", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = ""
    back = back or reverse("payments:result", args=[payment.order_ref])
    if request.method == "POST" and payment.status == PaymentStatus.PENDING:
        action = request.POST.get("action")
        if action in {"pay", "cancel"}:
            # The same code path as a callback over HTTP, only without the network.
            data = gateway.callback_payload(payment, success=action == "pay", cancelled=action == "cancel")
            services.payment_callback_receive(gateway=gateway.name, data=data, remote_ip=client_ip(request))
            return redirect(back)
    elif request.method == "POST":
        return redirect(back)
    context = {"payment": payment, "gateway": gateway, "back": back, "S": PaymentStatus}
    return _render(request, "payments/sandbox.html", gateway.label, context)


@csrf_exempt
@require_POST
def callback(request, gateway):
    """Server-to-server notification from a gateway (JSON or form body). 200 when applied (or already applied)."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_CALLBACK_BYTES:
        return JsonResponse({"ok": False, "error": "Nội dung quá lớn."}, status=413)
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            data = None
        if not isinstance(data, dict):
            return JsonResponse({"ok": False, "error": "Nội dung không phải JSON hợp lệ."}, status=400)
    else:
        data = request.POST
    try:
        receipt = services.payment_callback_receive(gateway=gateway, data=data, remote_ip=client_ip(request))
    except GatewayNotFound:
        raise Http404 from None
    body = {"ok": receipt.accepted, "outcome": receipt.outcome}
    if not receipt.accepted:
        body["error"] = receipt.message
    return JsonResponse(body, status=200 if receipt.accepted else 400)
