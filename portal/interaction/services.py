"""The one write path for questions and feedback: receipt, assignment, answer, publication, closing.

Every function owns its transaction, refuses illegal transitions (constants.ALLOWED_TRANSITIONS),
stamps who and when, writes the audit record and sends e-mail only after commit.
"""

import datetime as dt
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.core.uploads import validate_upload
from portal.interaction import permissions
from portal.interaction.constants import (
    ALLOWED_TRANSITIONS,
    CLOSING_TEXTS,
    CODE_ALPHABET,
    CODE_PREFIX,
    CODE_RANDOM_LENGTH,
    OPEN_STATUSES,
    ClosingTemplate,
    QuestionKind,
    QuestionStatus,
)
from portal.interaction.models import Question, Topic
from portal.moderation.constants import ViolationCategory
from portal.moderation.services import consent_notice_current, consent_record, screen_text
from portal.rules.services import rule_value, working_days_add

CODE_ATTEMPTS = 12


class QuestionError(Exception):
    """Raised with a message meant for the person who acted."""


def question_due_date(received_on: dt.date) -> dt.date:
    """The answer deadline: `qa.answer_working_days` working days after the day of receipt (rule in force that day)."""
    return working_days_add(received_on, rule_value("qa.answer_working_days", on=received_on))


def question_new_code(kind: str, on: dt.date) -> str:
    """A readable, hard-to-guess tracking code: kind prefix, date, random letters ("HD-260130-7K3Q")."""
    random_part = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_RANDOM_LENGTH))
    return f"{CODE_PREFIX[QuestionKind(kind)]}-{on:%y%m%d}-{random_part}"


def _transition(question: Question, to: str) -> None:
    if to not in ALLOWED_TRANSITIONS[QuestionStatus(question.status)]:
        raise QuestionError(
            f"Không thể chuyển “{question.code}” từ “{question.get_status_display()}” sang “{QuestionStatus(to).label}”."
        )
    question.status = to


def _locked(question: Question) -> Question:
    return Question.objects.select_for_update(of=("self",)).select_related("unit").get(pk=question.pk)


def _on_commit_enqueue(task, *args) -> None:
    transaction.on_commit(lambda: task.enqueue(*args))


@transaction.atomic
def question_submit(
    *,
    unit,
    kind: str,
    title: str,
    content: str,
    asker_name: str,
    asker_email: str,
    topic: Topic | None = None,
    asker_phone: str = "",
    asker_address: str = "",
    attachment=None,
    ip_address: str | None = None,
    now: dt.datetime | None = None,
) -> Question:
    """Receive what a citizen sent on `unit`'s site: code, deadline, screening, consent evidence, receipt e-mail.

    The caller has already checked the form (consent ticked, not a robot, under the rate limit).
    """
    if topic is not None and topic.unit_id != unit.pk:
        raise QuestionError("Lĩnh vực không thuộc đơn vị này.")
    content_type = ""
    if attachment:
        content_type = validate_upload(attachment).content_type
    now = now or timezone.now()
    received_on = timezone.localdate(now)
    hits = screen_text(title, content)
    question = Question(
        unit=unit,
        kind=kind,
        topic=topic,
        title=title.strip(),
        content=content.strip(),
        asker_name=asker_name.strip(),
        asker_email=asker_email.strip(),
        asker_phone=asker_phone.strip(),
        asker_address=asker_address.strip(),
        received_at=now,
        due_date=question_due_date(received_on),
        screening_hits=[{"term": hit.term, "category": hit.category} for hit in hits],
        flagged=bool(hits),
    )
    # Codes are random: two submissions may draw the same one; the unique index decides and we draw again.
    for attempt in range(CODE_ATTEMPTS):
        question.code = question_new_code(kind, received_on)
        try:
            with transaction.atomic():
                question.save(force_insert=True)
            break
        except IntegrityError:
            question.pk = None
            if attempt == CODE_ATTEMPTS - 1:
                raise
    question.consent = consent_record(
        notice=consent_notice_current("hoi-dap"), name=question.asker_name, email=question.asker_email,
        subject_ref=question.code, ip_address=ip_address,
    )
    fields = ["consent"]
    if attachment:
        question.attachment = attachment
        question.attachment_content_type = content_type
        fields += ["attachment", "attachment_content_type"]
    question.save(update_fields=fields)
    log(question, "portal.question.receive", data={"code": question.code, "unit": unit.pk, "flagged": question.flagged})

    from portal.interaction.tasks import send_question_receipt_task

    _on_commit_enqueue(send_question_receipt_task, question.pk)
    return question


@transaction.atomic
def question_assign(*, question: Question, actor, assignee, now: dt.datetime | None = None) -> Question:
    """Trưởng ban or Biên tập viên hands the question to a member of the unit's board."""
    question = _locked(question)
    if not permissions.can_manage_question(actor, question):
        raise QuestionError("Bạn không có quyền giao xử lý câu hỏi này.")
    if assignee is None or not permissions.can_be_assigned(assignee, question.unit_id):
        raise QuestionError("Người được giao phải là thành viên Ban biên tập của đơn vị.")
    _transition(question, QuestionStatus.ASSIGNED)
    question.assignee = assignee
    question.assigned_at = now or timezone.now()
    question.save(update_fields=["status", "assignee", "assigned_at", "updated_at"])
    log(question, "portal.question.assign", user=actor, data={"code": question.code, "assignee": assignee.get_username()})
    return question


@transaction.atomic
def question_answer(*, question: Question, actor, answer: str, now: dt.datetime | None = None) -> Question:
    """The assignee (or Trưởng ban, Biên tập viên) writes the answer; the asker is told by e-mail."""
    question = _locked(question)
    if not permissions.can_answer_question(actor, question):
        raise QuestionError("Bạn không có quyền trả lời câu hỏi này.")
    answer = answer.strip()
    if not answer:
        raise QuestionError("Nội dung trả lời không được để trống.")
    first = question.status != QuestionStatus.ANSWERED
    _transition(question, QuestionStatus.ANSWERED)
    question.answer = answer
    question.answered_by = actor
    question.answered_at = now or timezone.now()
    question.save(update_fields=["status", "answer", "answered_by", "answered_at", "updated_at"])
    log(question, "portal.question.answer", user=actor, data={"code": question.code})
    if first:
        from portal.interaction.tasks import send_answer_notice_task

        _on_commit_enqueue(send_answer_notice_task, question.pk)
    return question


@transaction.atomic
def question_reopen(*, question: Question, actor) -> Question:
    """Send an answered (not yet published) item back to its assignee for more work."""
    question = _locked(question)
    if not permissions.can_manage_question(actor, question):
        raise QuestionError("Bạn không có quyền mở lại câu hỏi này.")
    if question.status != QuestionStatus.ANSWERED:
        raise QuestionError(f"Chỉ mở lại được câu hỏi ở trạng thái “{QuestionStatus.ANSWERED.label}”.")
    _transition(question, QuestionStatus.ASSIGNED)
    question.save(update_fields=["status", "updated_at"])
    log(question, "portal.question.reopen", user=actor, data={"code": question.code})
    return question


@transaction.atomic
def question_publish(*, question: Question, actor, now: dt.datetime | None = None) -> Question:
    """Trưởng ban or Biên tập viên puts the question (without e-mail or phone) and its answer on the site."""
    question = _locked(question)
    if not permissions.can_manage_question(actor, question):
        raise QuestionError("Chỉ Trưởng ban hoặc Biên tập viên được đăng câu trả lời.")
    _transition(question, QuestionStatus.PUBLISHED)
    question.published_at = now or timezone.now()
    question.published_by = actor
    question.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    log(question, "portal.question.publish", user=actor, data={"code": question.code})
    return question


@transaction.atomic
def question_unpublish(*, question: Question, actor) -> Question:
    """Take a published answer off the site; it stays answered."""
    question = _locked(question)
    if not permissions.can_manage_question(actor, question):
        raise QuestionError("Chỉ Trưởng ban hoặc Biên tập viên được gỡ câu trả lời.")
    _transition(question, QuestionStatus.ANSWERED)
    question.published_at = None
    question.published_by = None
    question.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    log(question, "portal.question.unpublish", user=actor, data={"code": question.code})
    return question


def closing_text(template: str, *, agency: str = "") -> str:
    """The default explanation for a closing template, ready for the board to edit."""
    return CLOSING_TEXTS[ClosingTemplate(template)].format(agency=agency.strip() or "cơ quan có thẩm quyền")


@transaction.atomic
def question_close_out_of_scope(
    *, question: Question, actor, template: str, note: str = "", agency: str = "", now=None
) -> Question:
    """Close a complaint, a denunciation or another agency's matter; the explanation is e-mailed to the citizen."""
    question = _locked(question)
    if not permissions.can_manage_question(actor, question):
        raise QuestionError("Bạn không có quyền kết thúc câu hỏi này.")
    if template not in ClosingTemplate.values:
        raise QuestionError("Hãy chọn lý do không trả lời.")
    _transition(question, QuestionStatus.CLOSED)
    question.closing_template = template
    question.closing_note = note.strip() or closing_text(template, agency=agency)
    question.closed_at = now or timezone.now()
    question.closed_by = actor
    question.save(update_fields=["status", "closing_template", "closing_note", "closed_at", "closed_by", "updated_at"])
    log(question, "portal.question.close", user=actor, data={"code": question.code, "template": template})

    from portal.interaction.tasks import send_closing_notice_task

    _on_commit_enqueue(send_closing_notice_task, question.pk)
    return question


@transaction.atomic
def question_reject(*, question: Question, actor, category: str, note: str = "", now=None) -> Question:
    """Refuse spam or a message that breaks NĐ 72/2013 Điều 5; nothing is sent to the sender."""
    question = _locked(question)
    if not permissions.can_manage_question(actor, question):
        raise QuestionError("Bạn không có quyền từ chối câu hỏi này.")
    if category not in ViolationCategory.values:
        raise QuestionError("Hãy chọn nhóm vi phạm.")
    _transition(question, QuestionStatus.REJECTED)
    question.violation_category = category
    question.closing_note = note.strip()
    question.closed_at = now or timezone.now()
    question.closed_by = actor
    question.save(update_fields=["status", "violation_category", "closing_note", "closed_at", "closed_by", "updated_at"])
    log(question, "portal.question.reject", user=actor, data={"code": question.code, "category": category})
    return question


def questions_notify_overdue(*, today: dt.date | None = None) -> int:
    """E-mail each unit's Trưởng ban the overdue items not yet reported today; returns how many e-mails went out.

    Run daily (task `notify_overdue_questions`, command of the same name). Each item is reported
    at most once a day, however often this runs.
    """
    from django.core.mail import send_mail

    from portal.interaction import selectors

    today = today or timezone.localdate()
    by_unit: dict[int, list[Question]] = {}
    for question in selectors.question_list_overdue(today=today).exclude(overdue_notified_on=today):
        by_unit.setdefault(question.unit_id, []).append(question)
    sent = 0
    for items in by_unit.values():
        unit = items[0].unit
        recipients = selectors.board_head_emails(unit.pk)
        if not recipients:
            continue
        lines = [
            f"- {q.code} “{q.title}” — hạn {q.due_date:%d/%m/%Y}, {q.get_status_display().lower()}"
            + (f", người xử lý: {q.assignee.get_full_name() or q.assignee.get_username()}" if q.assignee else "")
            for q in items
        ]
        send_mail(
            subject=f"[Cổng TTĐT] {len(items)} câu hỏi, phản ánh quá hạn trả lời — {unit.display_name}",
            message=(
                f"Ngày {today:%d/%m/%Y}, {unit.display_name} có {len(items)} câu hỏi, phản ánh, kiến nghị đã quá hạn trả lời:\n\n"
                + "\n".join(lines)
                + "\n\nVui lòng vào trang quản trị, mục “Hỏi đáp, phản ánh”, để xử lý."
            ),
            from_email=None,
            recipient_list=recipients,
        )
        Question.objects.filter(pk__in=[q.pk for q in items], status__in=OPEN_STATUSES).update(overdue_notified_on=today)
        sent += 1
    return sent


@transaction.atomic
def topic_create(*, unit, actor, name: str, sort_order: int = 0) -> Topic:
    if not permissions.can_manage_topics(actor, unit.pk):
        raise QuestionError("Bạn không có quyền sửa danh sách lĩnh vực của đơn vị này.")
    name = name.strip()
    if not name:
        raise QuestionError("Tên lĩnh vực không được để trống.")
    if Topic.objects.filter(unit=unit, name__iexact=name).exists():
        raise QuestionError(f"Lĩnh vực “{name}” đã có.")
    topic = Topic.objects.create(unit=unit, name=name, sort_order=sort_order)
    log(topic, "portal.question.topic", user=actor, data={"unit": unit.pk, "name": name, "active": True})
    return topic


@transaction.atomic
def topic_set_active(*, topic: Topic, actor, active: bool) -> Topic:
    if not permissions.can_manage_topics(actor, topic.unit_id):
        raise QuestionError("Bạn không có quyền sửa danh sách lĩnh vực của đơn vị này.")
    topic.active = active
    topic.save(update_fields=["active"])
    log(topic, "portal.question.topic", user=actor, data={"unit": topic.unit_id, "name": topic.name, "active": active})
    return topic
