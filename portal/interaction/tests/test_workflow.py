"""The board's side: deadlines in working days, the queue, the actions, isolation between units, the overdue report."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.conftest import make_user
from portal.editorial.constants import Role
from portal.interaction import selectors, services
from portal.interaction.constants import QuestionStatus
from portal.interaction.models import Question
from portal.interaction.tasks import notify_overdue_questions
from portal.interaction.tests.conftest import at, login
from portal.moderation.models import ProhibitedTerm
from portal.moderation.services import terms_changed

pytestmark = pytest.mark.django_db
HOST = "stttt.quangbinh.localhost"


def test_due_date_skips_the_lunar_new_year_and_overdue_starts_the_day_after(submit_question):
    # Received Friday 13/02/2026; 16–20/02 are Tết holidays and 14–15, 21–22/02 weekends.
    # Ten working days: 23, 24, 25, 26, 27/02 and 2, 3, 4, 5, 6/03.
    question = submit_question(now=at(2026, 2, 13, 16, 30))
    assert question.due_date == dt.date(2026, 3, 6)

    def deadline(day):
        return selectors.question_deadline(question, today=day, soon_days=selectors.due_soon_days(day))

    assert not deadline(dt.date(2026, 3, 6)).overdue
    assert deadline(dt.date(2026, 3, 9)).overdue
    assert deadline(dt.date(2026, 3, 4)).due_soon  # two working days left (5 and 6/03)
    assert not deadline(dt.date(2026, 3, 2)).due_soon  # four left
    assert list(selectors.question_list_overdue(today=dt.date(2026, 3, 6))) == []
    assert list(selectors.question_list_overdue(today=dt.date(2026, 3, 9))) == [question]


def test_codes_are_readable_and_a_collision_draws_again(submit_question, monkeypatch):
    first = submit_question(now=at(2026, 1, 30))
    assert re.fullmatch(r"HD-260130-[2345679ACDEFGHJKMNPQRTUVWXYZ]{4}", first.code)
    # Force the random draw to repeat the first code once, then give something new.
    import portal.interaction.services as module

    letters = iter(first.code[-4:] + "ZZZZ")
    monkeypatch.setattr(module.secrets, "choice", lambda alphabet: next(letters))
    second = submit_question(now=at(2026, 1, 30))
    assert second.code == "HD-260130-ZZZZ" and second.pk != first.pk


def test_screening_flags_prohibited_terms_for_the_board(client, submit_question, board):
    ProhibitedTerm.objects.create(term="lừa đảo", category="e")
    terms_changed()
    question = submit_question(content="Trang web này lua dao người dân, đề nghị Sở xử lý.")
    assert question.flagged and question.screening_hits == [{"term": "lừa đảo", "category": "e"}]
    login(client, "stttt.btv")
    html = client.get(reverse("interaction:detail", args=[question.pk]), HTTP_HOST=HOST).content.decode()
    assert "Có từ ngữ cần kiểm tra: “lừa đảo” (nhóm e:" in html
    assert "Cần kiểm tra từ ngữ" in client.get(reverse("interaction:queue"), HTTP_HOST=HOST).content.decode()


def test_board_assigns_answers_and_publishes_through_the_admin(client, submit_question, board, django_capture_on_commit_callbacks):
    question = submit_question()
    login(client, "stttt.tb")
    queue = client.get(reverse("interaction:queue"), HTTP_HOST=HOST).content.decode()
    assert question.code in queue

    def act(action, **data):
        return client.post(reverse("interaction:act", args=[question.pk, action]), data, HTTP_HOST=HOST)

    assert act("assign", assignee=board["contributor"].pk).status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.ASSIGNED and question.assignee == board["contributor"]

    login(client, "stttt.ctv")  # the assignee answers
    with django_capture_on_commit_callbacks(execute=True):
        act("answer", answer="Hồ sơ nộp tại Bộ phận một cửa của Sở.")
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED and question.answered_by == board["contributor"] and question.answered_at
    assert mail.outbox[-1].to == ["an.nguyen@example.com"] and "Bộ phận một cửa" in mail.outbox[-1].body
    act("publish")  # a Cộng tác viên cannot publish
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED

    login(client, "stttt.btv")
    act("publish")
    question.refresh_from_db()
    assert question.status == QuestionStatus.PUBLISHED and question.published_by == board["editor"] and question.published_at
    assert question.title in client.get("/hoi-dap/", HTTP_HOST=HOST).content.decode()

    act("unpublish")
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED and question.published_at is None
    assert question.title not in client.get("/hoi-dap/", HTTP_HOST=HOST).content.decode()

    actions = list(ModelLogEntry.objects.for_instance(question).order_by("timestamp").values_list("action", "user__username"))
    assert actions == [
        ("portal.question.receive", None),
        ("portal.question.assign", "stttt.tb"),
        ("portal.question.answer", "stttt.ctv"),
        ("portal.question.publish", "stttt.btv"),
        ("portal.question.unpublish", "stttt.btv"),
    ]
    history = client.get(reverse("interaction:detail", args=[question.pk]), HTTP_HOST=HOST).content.decode()
    assert "Đăng công khai câu trả lời" in history  # the Vietnamese audit label


def test_assignee_must_be_on_the_units_board(submit_question, board):
    question = submit_question()
    with pytest.raises(services.QuestionError, match="thành viên Ban biên tập"):
        services.question_assign(question=question, actor=board["head"], assignee=board["syt_editor"])
    with pytest.raises(services.QuestionError):
        services.question_assign(question=question, actor=board["head"], assignee=board["site_admin"])
    question.refresh_from_db()
    assert question.status == QuestionStatus.RECEIVED and question.assignee is None


def test_another_units_board_can_neither_see_nor_act(client, submit_question, board):
    question = submit_question(title="Câu hỏi gửi Sở TTTT")
    login(client, "syt.btv")
    assert question.title not in client.get(reverse("interaction:queue"), HTTP_HOST=HOST).content.decode()
    assert client.get(reverse("interaction:detail", args=[question.pk]), HTTP_HOST=HOST).status_code == 404
    assert client.post(reverse("interaction:act", args=[question.pk, "assign"]), {"assignee": board["syt_editor"].pk}, HTTP_HOST=HOST).status_code == 404
    assert client.post(reverse("interaction:act", args=[question.pk, "reject"]), {"category": "other"}, HTTP_HOST=HOST).status_code == 404
    with pytest.raises(services.QuestionError):
        services.question_publish(question=question, actor=board["syt_editor"])
    question.refresh_from_db()
    assert question.status == QuestionStatus.RECEIVED

    # Quản trị trang runs the site, not the answers.
    login(client, "stttt.qt")
    refused = client.get(reverse("interaction:queue"), HTTP_HOST=HOST)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied


def test_superuser_sees_every_unit(client, submit_question, registry):
    from portal.conftest import PASSWORD

    submit_question(title="Câu hỏi gửi Sở TTTT")
    services.question_submit(
        unit=registry["donghoi"], kind="question", title="Câu hỏi gửi Đồng Hới", content="Nội dung", asker_name="B",
        asker_email="b@example.com",
    )
    make_user("vanhanh", is_superuser=True, is_staff=True)
    client.login(username="vanhanh", password=PASSWORD)
    html = client.get(reverse("interaction:queue"), HTTP_HOST=HOST).content.decode()
    assert "Câu hỏi gửi Sở TTTT" in html and "Câu hỏi gửi Đồng Hới" in html


def test_illegal_transitions_are_refused(client, submit_question, board):
    question = submit_question()
    with pytest.raises(services.QuestionError, match="Không thể chuyển"):
        services.question_publish(question=question, actor=board["head"])
    with pytest.raises(services.QuestionError, match="Không thể chuyển"):
        services.question_answer(question=question, actor=board["head"], answer="Trả lời khi chưa giao")
    login(client, "stttt.tb")
    client.post(reverse("interaction:act", args=[question.pk, "publish"]), HTTP_HOST=HOST)
    question.refresh_from_db()
    assert question.status == QuestionStatus.RECEIVED
    services.question_reject(question=question, actor=board["head"], category="other")
    with pytest.raises(services.QuestionError):
        services.question_assign(question=question, actor=board["head"], assignee=board["editor"])


def test_answer_can_be_reopened_and_corrected(submit_question, board):
    question = submit_question()
    services.question_assign(question=question, actor=board["head"], assignee=board["editor"])
    services.question_answer(question=question, actor=board["editor"], answer="Bản nháp")
    services.question_reopen(question=question, actor=board["head"])
    question.refresh_from_db()
    assert question.status == QuestionStatus.ASSIGNED
    services.question_answer(question=question, actor=board["editor"], answer="Bản đã sửa")
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED and question.answer == "Bản đã sửa"


def test_out_of_scope_close_emails_the_template(client, submit_question, board, django_capture_on_commit_callbacks):
    question = submit_question(title="Khiếu nại quyết định xử phạt")
    login(client, "stttt.tb")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("interaction:act", args=[question.pk, "close"]), {"template": "khieu-nai", "note": ""}, HTTP_HOST=HOST)
    question.refresh_from_db()
    assert question.status == QuestionStatus.CLOSED and question.closing_template == "khieu-nai" and question.closed_by == board["head"]
    message = mail.outbox[-1]
    assert message.to == ["an.nguyen@example.com"] and "Luật Khiếu nại năm 2011" in message.body and question.code in message.body

    other = submit_question(title="Hỏi về cấp sổ đỏ")
    with django_capture_on_commit_callbacks(execute=True):
        services.question_close_out_of_scope(
            question=other, actor=board["editor"], template="co-quan-khac",
            note="Nội dung thuộc thẩm quyền của Sở Tài nguyên và Môi trường.",
        )
    assert "Sở Tài nguyên và Môi trường" in mail.outbox[-1].body
    third = submit_question(title="Hỏi về giấy phép xây dựng")
    login(client, "stttt.btv")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("interaction:act", args=[third.pk, "close"]), {"template": "co-quan-khac", "agency": "Sở Xây dựng"}, HTTP_HOST=HOST
        )
    assert "thuộc thẩm quyền giải quyết của Sở Xây dựng" in mail.outbox[-1].body


def test_reject_keeps_the_violation_category(submit_question, board):
    question = submit_question(content="Quảng cáo bán hàng cấm")
    services.question_reject(question=question, actor=board["editor"], category="dd", note="Quảng cáo")
    question.refresh_from_db()
    assert question.status == QuestionStatus.REJECTED and question.violation_category == "dd"
    with pytest.raises(services.QuestionError, match="nhóm vi phạm"):
        services.question_reject(question=submit_question(), actor=board["editor"], category="zz")


def test_private_attachment_only_for_the_units_board(client, submit_question, board):
    from django.core.files.uploadedfile import SimpleUploadedFile

    question = submit_question(attachment=SimpleUploadedFile("giay-to.pdf", b"%PDF-1.4\n%%EOF\n"))
    url = reverse("interaction:attachment", args=[question.pk])
    login(client, "stttt.ctv")
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    login(client, "syt.btv")
    assert client.get(url, HTTP_HOST=HOST).status_code == 404
    client.logout()
    assert client.get(url, HTTP_HOST=HOST).status_code == 302  # to the login page


def test_queue_flags_overdue_and_due_soon_as_text(client, submit_question, board):
    from django.utils import timezone

    today = timezone.localdate()
    overdue = submit_question(title="Câu hỏi đã quá hạn", now=timezone.now() - dt.timedelta(days=60))
    fresh = submit_question(title="Câu hỏi mới gửi")
    Question.objects.filter(pk=fresh.pk).update(due_date=today)  # due today: due soon, not overdue
    login(client, "stttt.btv")
    html = client.get(reverse("interaction:queue"), HTTP_HOST=HOST).content.decode()
    assert html.index(overdue.code) < html.index(fresh.code), "sorted by due date"
    row = re.search(rf"{overdue.code}.*?</tr>", html, re.S).group(0)
    assert "Quá hạn" in row
    row = re.search(rf"{fresh.code}.*?</tr>", html, re.S).group(0)
    assert "Sắp đến hạn" in row and "Quá hạn" not in row

    dashboard = client.get("/admin/", HTTP_HOST=HOST).content.decode()
    assert "Hỏi đáp chờ xử lý" in dashboard and "1 quá hạn" in dashboard


def test_overdue_task_emails_the_head_once_a_day(submit_question, board, registry):
    question = submit_question(now=at(2026, 2, 13))
    make_user("stttt.tb2", (registry["stttt"], Role.BOARD_HEAD))
    assert notify_overdue_questions.enqueue(today="2026-03-06").return_value == 0
    result = notify_overdue_questions.enqueue(today="2026-03-09")
    assert result.return_value == 1
    message = mail.outbox[-1]
    assert sorted(message.to) == ["stttt.tb2@example.gov.vn", "stttt.tb@example.gov.vn"]
    assert question.code in message.body and "06/03/2026" in message.body
    assert notify_overdue_questions.enqueue(today="2026-03-09").return_value == 0, "once per item per day"
    call_command("notify_overdue_questions", "--now", "--today", "2026-03-10")
    assert len(mail.outbox) == 2
    call_command("notify_overdue_questions", "--today", "2026-03-11")  # enqueued (run at once by the test backend)
    assert len(mail.outbox) == 3
    services.question_assign(question=question, actor=board["head"], assignee=board["editor"])
    services.question_answer(question=question, actor=board["editor"], answer="Đã trả lời")
    assert notify_overdue_questions.enqueue(today="2026-03-12").return_value == 0


def test_topics_admin_is_scoped_to_the_board(client, board, registry):
    login(client, "stttt.btv")
    client.post(reverse("interaction:topics"), {"unit": registry["stttt"].pk, "name": "Chuyển đổi số"}, HTTP_HOST=HOST)
    topic = registry["stttt"].qa_topics.get()
    assert topic.name == "Chuyển đổi số"
    assert client.post(reverse("interaction:topics"), {"unit": registry["syt"].pk, "name": "Y tế"}, HTTP_HOST=HOST).status_code == 404
    login(client, "syt.btv")
    assert client.post(reverse("interaction:topic_toggle", args=[topic.pk]), HTTP_HOST=HOST).status_code == 404
    login(client, "stttt.tb")
    client.post(reverse("interaction:topic_toggle", args=[topic.pk]), HTTP_HOST=HOST)
    topic.refresh_from_db()
    assert not topic.active
