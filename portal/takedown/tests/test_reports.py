"""Visitors report a violation on an answer or a comment; the report is a ticket whose resolution is logged (L-27-23c.3)."""

import datetime as dt
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry

from portal.conftest import PASSWORD
from portal.interaction import services as qa
from portal.interaction.constants import QuestionKind, QuestionStatus
from portal.interaction.models import InteractionIndexPage, Question
from portal.moderation.forms import form_token
from portal.moderation.models import ConsentRecord
from portal.rules.services import working_days_add
from portal.takedown import services
from portal.takedown.constants import ReportCategory, ReportStatus, TakedownStatus
from portal.takedown.models import ViolationReport
from portal.takedown.resolve import item_from_url

pytestmark = pytest.mark.django_db
UNIT_HOST = "stttt.quangbinh.localhost"


@pytest.fixture
def answer(registry, board):
    question = qa.question_submit(
        unit=registry["stttt"], kind=QuestionKind.QUESTION, title="Lắp trạm phát sóng gần trường học",
        content="Nhà mạng lắp trạm BTS sát cổng trường, có an toàn không?", asker_name="Trần Thị Bình",
        asker_email="binh@example.com",
    )
    qa.question_assign(question=question, actor=board["head"], assignee=board["editor"])
    qa.question_answer(question=question, actor=board["editor"], answer="Trạm đã được kiểm định, bảo đảm an toàn bức xạ.")
    return qa.question_publish(question=question, actor=board["head"])


def answer_path(question) -> str:
    return InteractionIndexPage.objects.get(unit_id=question.unit_id).get_url_parts()[2] + question.code + "/"


def report_link(client, question) -> str:
    page = client.get(answer_path(question), HTTP_HOST=UNIT_HOST).content.decode()
    match = re.search(r'href="(/bao-cao-vi-pham/\?muc=[^"]+)"[^>]*>Báo cáo vi phạm', page)
    assert match, "every published answer links to the report form"
    return unescape(match.group(1))


def test_report_through_the_public_form_then_uphold_in_the_queue(client, registry, board, answer):
    link = report_link(client, answer)
    form = client.get(link, HTTP_HOST=UNIT_HOST)
    assert form.status_code == 200 and "Lắp trạm phát sóng" in form.content.decode()
    data = {"token": form_token(), "website": "", "category": ReportCategory.PRIVACY,
            "description": "Câu hỏi nêu địa chỉ nhà riêng của tôi.", "contact_email": "nguoibao@example.com"}
    refused = client.post(link, data, HTTP_HOST=UNIT_HOST)
    assert refused.status_code == 200 and "cần đánh dấu đồng ý" in refused.content.decode(), "consent when an e-mail is given"
    sent = client.post(link, {**data, "consent": "on"}, HTTP_HOST=UNIT_HOST, follow=True)
    report = ViolationReport.objects.get()
    assert f"Báo cáo số <strong>{report.pk}</strong>" in sent.content.decode()
    assert (report.unit, report.object_id, report.status) == (registry["stttt"], answer.pk, ReportStatus.NEW)
    assert report.resolve_due == working_days_add(timezone.localdate(), 2)
    assert ConsentRecord.objects.filter(subject_ref=f"bao-cao-vi-pham:{report.pk}").exists()

    assert client.login(username="stttt.tb", password=PASSWORD)
    queue = client.get(reverse("takedown:reports"), HTTP_HOST=UNIT_HOST).content.decode()
    assert "Lắp trạm phát sóng" in queue and report.resolve_due.strftime("%d/%m/%Y") in queue
    url = reverse("takedown:report", args=[report.pk])
    client.post(url, {"action": "review"}, HTTP_HOST=UNIT_HOST)
    client.post(url, {"action": "uphold", "note": "Che địa chỉ; gỡ câu trả lời để sửa."}, HTTP_HOST=UNIT_HOST)

    report.refresh_from_db()
    assert report.status == ReportStatus.UPHELD and report.resolved_by == board["head"]
    assert report.takedown.status == TakedownStatus.DONE
    assert Question.objects.get(pk=answer.pk).status == QuestionStatus.ANSWERED, "the answer is off the site"
    client.logout()
    assert client.get(answer_path(answer), HTTP_HOST=UNIT_HOST).status_code == 404
    entry = log_registry.get_logs_for_instance(report).get(action="portal.violation_report.resolve")
    assert entry.data["upheld"] is True and entry.data["resolution_seconds"] >= 0 and entry.user == board["head"]
    assert client.login(username="stttt.tb", password=PASSWORD)
    done = client.get(reverse("takedown:reports") + "?da-xu-ly=1", HTTP_HOST=UNIT_HOST).content.decode()
    assert "Có vi phạm, đã gỡ bỏ" in done and "Thời gian xử lý" in done


def test_dismissal_is_logged_with_its_resolution_time_and_lateness(registry, board, answer):
    item = item_from_url(f"http://{UNIT_HOST}{answer_path(answer)}")
    received = timezone.now() - dt.timedelta(days=7)
    report = services.report_submit(item=item, category=ReportCategory.OTHER, description="Quảng cáo.", now=received)
    with pytest.raises(services.TakedownError):
        services.report_resolve(report=report, user=board["syt_editor"], uphold=False, note="Không phải việc của tôi.")
    report = services.report_resolve(report=report, user=board["head"], uphold=False, note="Nội dung không vi phạm.")
    assert report.status == ReportStatus.DISMISSED and report.takedown is None
    assert report.resolution_time >= dt.timedelta(days=7) and report.is_overdue
    assert Question.objects.get(pk=answer.pk).status == QuestionStatus.PUBLISHED
    entry = log_registry.get_logs_for_instance(report).get(action="portal.violation_report.resolve")
    assert entry.data["upheld"] is False and entry.data["overdue"] is True
    with pytest.raises(services.TakedownError):
        services.report_review(report=report, user=board["head"])  # resolved is final


def test_report_link_is_signed_and_only_for_public_items(client, registry, board, answer):
    assert client.get("/bao-cao-vi-pham/?muc=question:1", HTTP_HOST=UNIT_HOST).status_code == 404
    link = report_link(client, answer)
    assert client.get(link, HTTP_HOST="donghoi.quangbinh.localhost").status_code == 404, "only on the item's own site"
    qa.question_unpublish(question=answer, actor=board["head"])
    assert client.get(link, HTTP_HOST=UNIT_HOST).status_code == 404


def test_approved_comments_carry_the_report_link(client, registry, board):
    from portal.consultation.models import DraftComment
    from portal.consultation.tests.conftest import make_consultation

    page = make_consultation(registry["stttt"])
    comment = DraftComment.objects.create(
        consultation=page, unit=page.unit, reference="GY-TEST-0001", name="Lê Văn Cường", email="cuong@example.com",
        content="Đề nghị bổ sung quy định về an toàn thông tin.", status="approved",
    )
    html = client.get(page.get_url_parts()[2], HTTP_HOST=page.get_site().hostname).content.decode()
    assert "/bao-cao-vi-pham/?muc=" in html
    item = item_from_url(f"http://{page.get_site().hostname}{page.get_url_parts()[2]}#gy-{comment.pk}")
    assert item.obj == comment


def test_takedown_of_an_approved_comment_rejects_it(registry, board):
    from portal.consultation.models import DraftComment
    from portal.consultation.tests.conftest import make_consultation
    from portal.moderation.constants import ModerationStatus
    from portal.takedown.constants import Channel

    page = make_consultation(registry["stttt"])
    comment = DraftComment.objects.create(
        consultation=page, unit=page.unit, reference="GY-TEST-0002", name="Phạm Thị Dung", email="dung@example.com",
        content="Nội dung có số điện thoại của người khác.", status=ModerationStatus.APPROVED,
    )
    item = item_from_url(f"http://{UNIT_HOST}{page.get_url_parts()[2]}#gy-{comment.pk}")
    takedown = services.takedown_create(
        actor=board["head"], requester_name="Người bị nêu tên", channel=Channel.EMAIL, legal_basis="Lộ số điện thoại.", items=[item]
    )
    services.takedown_execute(request=takedown, user=board["head"])
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.REJECTED and "Gỡ bỏ theo yêu cầu số" in comment.moderation_note


def test_demo_seed_creates_one_executed_request_and_one_open_report(registry, board, answer):
    from django.utils import timezone as tz

    from portal.takedown import demo
    from portal.takedown.models import TakedownRequest

    units, users = {"stttt": registry["stttt"]}, {"stttt": {"board_head": board["head"]}}
    assert demo.seed(units, users, tz.now(), lambda line: None) == 3
    assert demo.seed(units, users, tz.now(), lambda line: None) == 0, "idempotent"
    takedown = TakedownRequest.objects.get()
    assert takedown.status == TakedownStatus.DONE and not takedown.breached
    assert ViolationReport.objects.get().status == ReportStatus.NEW
