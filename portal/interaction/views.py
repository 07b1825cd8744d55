"""Public pages of “Hỏi đáp – Phản ánh, kiến nghị”, served by InteractionIndexPage's routes."""

import datetime as dt

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect

from portal.core.middleware import client_ip
from portal.interaction import selectors, services
from portal.interaction.constants import QuestionStatus
from portal.interaction.forms import ListingFilterForm, LookupForm, QuestionForm
from portal.moderation.forms import RateLimited, SpamSuspected, rate_limit_hit
from portal.pages.models import paginate

RECEIPT_SESSION_KEY = "interaction_receipt"
LOOKUP_WINDOW_SECONDS = 15 * 60


def _render(request, page, template, context, status=200):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def public_listing(request, page):
    topics = list(selectors.topics_for_unit(page.unit_id))
    filter_form = ListingFilterForm(request.GET, topics=topics)
    filters = filter_form.filters()
    items = paginate(request, selectors.question_list_published(page.unit_id, **filters))
    names = ["tu-khoa", *(["linh-vuc"] if topics else []), "loai"]
    context = {"items": items, "filter_fields": [filter_form[name] for name in names], "filtered": any(filters.values())}
    return _render(request, page, "interaction/interaction_index_page.html", context)


def public_submit(request, page):
    if request.method == "POST":
        form = QuestionForm(request.POST, request.FILES, request=request, unit=page.unit)
        try:
            form.check_robot()
        except SpamSuspected:
            # Neutral answer, nothing stored: a person who hit this reloads the form and sends again.
            return _render(request, page, "interaction/not_sent.html", {"reason": "robot"}, status=400)
        if form.is_valid():
            try:
                form.check_rate("hoi-dap")
            except RateLimited:
                return _render(request, page, "interaction/not_sent.html", {"reason": "rate"}, status=429)
            data = form.cleaned_data
            question = services.question_submit(
                unit=page.unit,
                kind=data["kind"],
                topic=data.get("topic"),
                title=data["title"],
                content=data["content"],
                asker_name=data["asker_name"],
                asker_email=data["asker_email"],
                asker_phone=data.get("asker_phone", ""),
                asker_address=data.get("asker_address", ""),
                attachment=data.get("attachment"),
                ip_address=client_ip(request),
            )
            request.session[RECEIPT_SESSION_KEY] = {
                "code": question.code, "due": question.due_date.isoformat(), "kind": question.get_kind_display(),
                "title": question.title, "email": question.asker_email,
            }
            return redirect(page.url + "gui/da-tiep-nhan/")
    else:
        form = QuestionForm(request=request, unit=page.unit)
    return _render(request, page, "interaction/submit.html", {"form": form})


def public_receipt(request, page):
    receipt = request.session.get(RECEIPT_SESSION_KEY)
    if not receipt:
        return redirect(page.url + "gui/")
    receipt = {**receipt, "due": dt.date.fromisoformat(receipt["due"])}
    return _render(request, page, "interaction/receipt.html", {"receipt": receipt})


def public_lookup(request, page):
    context = {"form": LookupForm(), "searched": False}
    if request.method == "POST":
        if rate_limit_hit(request, "hoi-dap-tra-cuu", settings.PORTAL_LOOKUP_RATE_LIMIT, LOOKUP_WINDOW_SECONDS):
            return _render(request, page, "interaction/lookup.html", {**context, "limited": True}, status=429)
        form = LookupForm(request.POST)
        context["form"] = form
        if form.is_valid():
            context["searched"] = True
            # One neutral answer for a wrong code and a wrong e-mail: codes cannot be probed.
            context["question"] = selectors.question_lookup(page.unit_id, form.cleaned_data["code"], form.cleaned_data["email"])
    context["show_answer"] = context.get("question") is not None and context["question"].status in (
        QuestionStatus.ANSWERED, QuestionStatus.PUBLISHED,
    )
    return _render(request, page, "interaction/lookup.html", context)


def public_item(request, page, code):
    question = selectors.question_get_published(page.unit_id, code)
    if question is None:
        raise Http404
    return _render(request, page, "interaction/question_page.html", {"question": question})


