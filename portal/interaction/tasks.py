"""E-mails to citizens and to boards. Tasks take ids and are enqueued after commit by the services."""

import datetime as dt

from django.core.mail import send_mail
from django_tasks import task

from portal.interaction.models import Question


def _lookup_url(question: Question) -> str:
    from portal.interaction.selectors import index_page_for_unit

    page = index_page_for_unit(question.unit_id)
    if page is None:
        return question.unit.site_url
    return (page.get_full_url() or question.unit.site_url) + "tra-cuu/"


def _load(question_id: int) -> Question | None:
    return Question.objects.select_related("unit", "topic").filter(pk=question_id).first()


@task()
def send_question_receipt_task(question_id: int) -> int:
    """Tell the asker we received their message: tracking code, expected answer date, where to look it up."""
    question = _load(question_id)
    if question is None or not question.asker_email:
        return 0
    send_mail(
        subject=f"[{question.unit.display_name}] Đã tiếp nhận {question.get_kind_display().lower()} mã {question.code}",
        message=(
            f"Kính gửi {question.asker_name},\n\n"
            f"{question.unit.display_name} đã tiếp nhận {question.get_kind_display().lower()} “{question.title}” "
            f"lúc {question.received_at.astimezone():%H:%M ngày %d/%m/%Y}.\n"
            f"Mã tra cứu: {question.code}\n"
            f"Hạn trả lời dự kiến: {question.due_date:%d/%m/%Y}\n\n"
            f"Bạn có thể tra cứu tình trạng xử lý bằng mã tra cứu và địa chỉ thư điện tử này tại: {_lookup_url(question)}\n\n"
            "Thư này được gửi tự động, vui lòng không trả lời."
        ),
        from_email=None,
        recipient_list=[question.asker_email],
    )
    return 1


@task()
def send_answer_notice_task(question_id: int) -> int:
    """Send the asker the answer."""
    question = _load(question_id)
    if question is None or not question.asker_email or not question.answer:
        return 0
    send_mail(
        subject=f"[{question.unit.display_name}] Trả lời {question.get_kind_display().lower()} mã {question.code}",
        message=(
            f"Kính gửi {question.asker_name},\n\n"
            f"{question.unit.display_name} trả lời {question.get_kind_display().lower()} “{question.title}” của bạn như sau:\n\n"
            f"{question.answer}\n\n"
            f"Tra cứu: {_lookup_url(question)} (mã {question.code}).\n\n"
            "Thư này được gửi tự động, vui lòng không trả lời."
        ),
        from_email=None,
        recipient_list=[question.asker_email],
    )
    return 1


@task()
def send_closing_notice_task(question_id: int) -> int:
    """Explain to the asker why their message is not answered here and where to send it."""
    question = _load(question_id)
    if question is None or not question.asker_email or not question.closing_note:
        return 0
    send_mail(
        subject=f"[{question.unit.display_name}] Thông báo về {question.get_kind_display().lower()} mã {question.code}",
        message=(
            f"Kính gửi {question.asker_name},\n\n"
            f"Về {question.get_kind_display().lower()} “{question.title}” (mã {question.code}):\n\n"
            f"{question.closing_note}\n\n"
            "Thư này được gửi tự động, vui lòng không trả lời."
        ),
        from_email=None,
        recipient_list=[question.asker_email],
    )
    return 1


@task()
def notify_overdue_questions(today: str | None = None) -> int:
    """Daily: e-mail each unit's Trưởng ban the overdue items (once per item per day). `today` is ISO, for tests."""
    from portal.interaction.services import questions_notify_overdue

    return questions_notify_overdue(today=dt.date.fromisoformat(today) if today else None)
