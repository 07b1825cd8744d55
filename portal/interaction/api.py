import datetime as dt

from django.http import Http404
from ninja import Router, Schema

from portal.core.api import PageMeta, api_slice, api_unit_or_404
from portal.interaction import selectors

router = Router(tags=["Hỏi đáp, phản ánh, kiến nghị"])


class AnswerOut(Schema):
    code: str
    kind: str
    kind_label: str
    topic: str | None
    topic_id: int | None
    title: str
    question: str
    answer: str
    asker_name: str
    asked_at: dt.datetime
    answered_at: dt.datetime | None
    published_at: dt.datetime | None
    url: str


class AnswerList(Schema):
    meta: PageMeta
    items: list[AnswerOut]


def _out(question, base_url: str) -> AnswerOut:
    return AnswerOut(
        code=question.code,
        kind=question.kind,
        kind_label=question.get_kind_display(),
        topic=question.topic.name if question.topic else None,
        topic_id=question.topic.pk if question.topic else None,
        title=question.title,
        question=question.content,
        answer=question.answer,
        asker_name=question.asker_name,
        asked_at=question.received_at,
        answered_at=question.answered_at,
        published_at=question.published_at,
        url=f"{base_url}{question.code}/" if base_url else "",
    )


def _base_url(unit) -> str:
    page = selectors.index_page_for_unit(unit.pk)
    return (page.get_full_url() or "") if page else ""


@router.get(
    "/sites/{hostname}/answers",
    response=AnswerList,
    summary="Câu hỏi, phản ánh đã được trả lời và đăng công khai trên một trang (lọc theo lĩnh vực, từ khóa không dấu)",
)
def list_answers(
    request, hostname: str, topic: int | None = None, kind: str | None = None, q: str | None = None, limit: int = 20, offset: int = 0
):
    unit = api_unit_or_404(hostname)
    meta, items = api_slice(selectors.question_list_published(unit.pk, topic_id=topic, kind=kind, q=q), limit, offset)
    base_url = _base_url(unit)
    return AnswerList(meta=meta, items=[_out(question, base_url) for question in items])


@router.get(
    "/sites/{hostname}/answers/{code}",
    response=AnswerOut,
    summary="Một câu hỏi, phản ánh đã trả lời, theo mã tra cứu",
)
def get_answer(request, hostname: str, code: str):
    unit = api_unit_or_404(hostname)
    question = selectors.question_get_published(unit.pk, code)
    if question is None:
        raise Http404("Không có câu trả lời công khai với mã này.")
    return _out(question, _base_url(unit))
