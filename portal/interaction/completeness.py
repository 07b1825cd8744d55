from portal.completeness.registry import Finding, Status, register
from portal.interaction.constants import QuestionStatus
from portal.interaction.models import Question


@register(
    "hoi-dap",
    title="Hỏi đáp, phản ánh, kiến nghị được trả lời đúng hạn",
    legal_basis="NĐ 42/2022/NĐ-CP Điều 8; QĐ 146/QĐ-BTTTT năm 2017 Điều 15",
    group="Tương tác",
    order=710,
)
def check_questions(unit, context) -> Finding:
    from django.urls import reverse

    from portal.interaction.selectors import question_list_overdue

    queue_url = reverse("interaction:queue")
    overdue = list(question_list_overdue(today=context.today, unit_ids=[unit.pk]).values_list("code", "due_date")[:1])
    if overdue:
        count = question_list_overdue(today=context.today, unit_ids=[unit.pk]).count()
        code, due = overdue[0]
        return Finding(
            Status.STALE,
            f"{count} câu hỏi, phản ánh quá hạn trả lời; lâu nhất là {code} (hạn {due:%d/%m/%Y}).",
            queue_url + "?trang-thai=open",
        )
    if not Question.objects.filter(unit=unit, status=QuestionStatus.PUBLISHED).exists():
        return Finding(Status.MISSING, "Trang chưa đăng công khai câu trả lời nào cho câu hỏi, phản ánh của người dân.", queue_url)
    return Finding(Status.PRESENT, "Có câu trả lời công khai và không có câu hỏi nào quá hạn.")
