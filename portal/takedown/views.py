"""The public “Báo cáo vi phạm” form, reachable from every published answer and approved comment."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache

from portal.core.middleware import client_ip
from portal.moderation.forms import RateLimited, SpamSuspected
from portal.pages.chrome import chrome_for_request
from portal.takedown import services
from portal.takedown.forms import ViolationReportForm
from portal.takedown.resolve import ItemNotFound, item_from_token

TITLE = "Báo cáo vi phạm"
SENT_SESSION_KEY = "takedown.report_sent"


def _render(request, template, context, status=200):
    full = chrome_for_request(request, TITLE)
    full.update(context)
    return TemplateResponse(request, template, full, status=status)


@never_cache
def report_form(request):
    token = request.GET.get("muc", "")
    try:
        item = item_from_token(token)
    except ItemNotFound as error:
        return _render(request, "takedown/report_unavailable.html", {"reason": str(error)}, status=404)
    site_unit = (chrome_for_request(request, TITLE) or {}).get("portal_unit")
    if site_unit is not None and item.unit is not None and site_unit.pk != item.unit.pk:
        return _render(request, "takedown/report_unavailable.html", {"reason": "Nội dung này không thuộc trang này."}, status=404)
    if request.method == "POST":
        form = ViolationReportForm(request.POST, request=request)
        try:
            form.check_robot()
        except SpamSuspected:
            return _render(request, "takedown/report_unavailable.html", {"reason": "Chưa gửi được, vui lòng mở lại biểu mẫu và gửi lại."}, status=400)
        if form.is_valid():
            try:
                form.check_rate("bao-cao-vi-pham")
            except RateLimited:
                return _render(request, "takedown/report_unavailable.html", {"reason": "Bạn đã gửi quá nhiều báo cáo, vui lòng thử lại sau."}, status=429)
            data = form.cleaned_data
            report = services.report_submit(
                item=item, category=data["category"], description=data["description"],
                contact_email=data.get("contact_email", ""), ip_address=client_ip(request),
            )
            request.session[SENT_SESSION_KEY] = {"id": report.pk, "due": report.resolve_due.strftime("%d/%m/%Y")}
            return redirect(reverse("violation_report:sent"))
    else:
        form = ViolationReportForm(request=request)
    return _render(request, "takedown/report_form.html", {"form": form, "item": item})


@never_cache
def report_sent(request):
    sent = request.session.get(SENT_SESSION_KEY)
    if not sent:
        return redirect("/")
    return _render(request, "takedown/report_sent.html", {"sent": sent})
