"""Board admin for questions: thin callers of services, guarded by interaction.permissions.

Items of other units answer 404, so ids reveal nothing.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from portal.interaction import permissions, selectors, services
from portal.interaction.constants import CLOSING_TEXTS, ClosingTemplate, QuestionStatus
from portal.interaction.models import Question, Topic
from portal.moderation.constants import ViolationCategory
from portal.units.models import Unit

STATUS_FILTERS = [("open", "Chưa trả lời"), *QuestionStatus.choices, ("", "Tất cả")]


def _require_board(request) -> set[int] | None:
    unit_ids = permissions.units_user_handles_questions_for(request.user)
    if unit_ids is not None and not unit_ids:
        raise PermissionDenied
    return unit_ids


def _accessible(request, pk) -> Question:
    question = Question.objects.select_related("unit", "topic", "assignee", "answered_by", "consent").filter(pk=pk).first()
    if question is None or not permissions.can_view_question(request.user, question):
        raise Http404
    return question


def queue(request):
    unit_ids = _require_board(request)
    status = request.GET.get("trang-thai", "open")
    if status not in dict(STATUS_FILTERS):
        status = "open"
    units = Unit.objects.order_by("sort_order", "name")
    units = units.filter(pk__in=unit_ids) if unit_ids is not None else units.filter(questions__isnull=False).distinct()
    try:
        unit_id = int(request.GET.get("don-vi") or 0)
    except ValueError:
        unit_id = 0
    page = Paginator(selectors.question_queue(request.user, status=status, unit_id=unit_id), 50).get_page(request.GET.get("p"))
    today = timezone.localdate()
    soon = selectors.due_soon_days(today)
    rows = [(q, selectors.question_deadline(q, today=today, soon_days=soon)) for q in page.object_list]
    context = {
        "page_obj": page, "rows": rows, "status": status, "status_filters": STATUS_FILTERS,
        "units": list(units), "unit_id": unit_id, "today": today,
    }
    return TemplateResponse(request, "interaction/admin/queue.html", context)


def detail(request, pk):
    question = _accessible(request, pk)
    user = request.user
    today = timezone.localdate()
    hits = [
        {"term": hit.get("term", ""), "category": hit.get("category", ""), "label": ViolationCategory(hit["category"]).label
         if hit.get("category") in ViolationCategory.values else hit.get("category", "")}
        for hit in question.screening_hits
    ]
    context = {
        "question": question,
        "deadline": selectors.question_deadline(question, today=today, soon_days=selectors.due_soon_days(today)),
        "hits": hits,
        "can_manage": permissions.can_manage_question(user, question),
        "can_answer": permissions.can_answer_question(user, question),
        "members": list(selectors.board_members(question.unit_id)),
        "closing_templates": [(t.value, t.label, CLOSING_TEXTS[t]) for t in ClosingTemplate],
        "default_closing": services.closing_text(ClosingTemplate.OTHER),
        "violation_categories": ViolationCategory.choices,
        "history": ModelLogEntry.objects.for_instance(question).select_related("user").order_by("-timestamp")[:50],
        "S": QuestionStatus,
    }
    return TemplateResponse(request, "interaction/admin/detail.html", context)


ACTIONS = {"assign", "answer", "reopen", "publish", "unpublish", "close", "reject"}
DONE = {
    "assign": "Đã giao xử lý", "answer": "Đã lưu câu trả lời và gửi cho người hỏi", "reopen": "Đã mở lại để xử lý tiếp",
    "publish": "Đã đăng công khai", "unpublish": "Đã gỡ khỏi trang", "close": "Đã kết thúc và gửi thư giải thích",
    "reject": "Đã từ chối",
}


@require_POST
def act(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    question = _accessible(request, pk)
    post, user = request.POST, request.user
    try:
        if action == "assign":
            from django.contrib.auth import get_user_model

            assignee = get_user_model().objects.filter(pk=post.get("assignee") or 0).first()
            services.question_assign(question=question, actor=user, assignee=assignee)
        elif action == "answer":
            services.question_answer(question=question, actor=user, answer=post.get("answer", ""))
        elif action == "reopen":
            services.question_reopen(question=question, actor=user)
        elif action == "publish":
            services.question_publish(question=question, actor=user)
        elif action == "unpublish":
            services.question_unpublish(question=question, actor=user)
        elif action == "close":
            services.question_close_out_of_scope(
                question=question, actor=user, template=post.get("template", ""), note=post.get("note", ""),
                agency=post.get("agency", ""),
            )
        elif action == "reject":
            services.question_reject(question=question, actor=user, category=post.get("category", ""), note=post.get("note", ""))
    except services.QuestionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{DONE[action]}: {question.code}.")
    return redirect("interaction:detail", pk=question.pk)


def attachment(request, pk):
    question = _accessible(request, pk)
    if not question.attachment:
        raise Http404
    try:
        handle = question.attachment.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    name = question.attachment.name.rsplit("/", 1)[-1]
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type=question.attachment_content_type or "application/octet-stream"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def topics(request):
    unit_ids = _require_board(request)
    manageable = [
        unit for unit in Unit.objects.filter(**({"pk__in": unit_ids} if unit_ids is not None else {})).order_by("sort_order", "name")
        if permissions.can_manage_topics(request.user, unit.pk)
    ]
    if request.method == "POST":
        unit = next((u for u in manageable if str(u.pk) == request.POST.get("unit")), None)
        if unit is None:
            raise Http404
        try:
            services.topic_create(unit=unit, actor=request.user, name=request.POST.get("name", ""),
                                  sort_order=int(request.POST.get("sort_order") or 0))
        except (services.QuestionError, ValueError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Đã thêm lĩnh vực.")
        return redirect("interaction:topics")
    rows = Topic.objects.filter(unit__in=manageable).select_related("unit").order_by("unit__sort_order", "sort_order", "name")
    return TemplateResponse(request, "interaction/admin/topics.html", {"units": manageable, "topics": rows})


@require_POST
def topic_toggle(request, pk):
    topic = Topic.objects.filter(pk=pk).first()
    if topic is None or not permissions.can_manage_topics(request.user, topic.unit_id):
        raise Http404
    services.topic_set_active(topic=topic, actor=request.user, active=not topic.active)
    messages.success(request, f"Đã {'bật' if topic.active else 'tắt'} lĩnh vực “{topic.name}”.")
    return redirect("interaction:topics")
