"""The retention job removes only expired rows and logs counts (never data); the breach log flags a late
notification to the authority; the operator-only and board-head admin screens."""

import datetime as dt
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from portal.citizens.models import CitizenProfile, VerificationCode
from portal.consultation.models import DraftComment
from portal.dossiers.models import Dossier
from portal.dossiers.tests.factories import online_procedure, submitted
from portal.interaction.models import Question
from portal.privacy import services
from portal.privacy.constants import ANONYMISED
from portal.privacy.models import PersonalDataBreach, PrivacyNotice, RetentionRun
from portal.privacy.tests.conftest import make_citizen

pytestmark = pytest.mark.django_db


def _ago(**delta):
    return timezone.now() - dt.timedelta(**delta)


def test_retention_job_handles_only_expired_rows_and_logs_counts(registry, django_capture_on_commit_callbacks):
    from portal.consultation.services import comment_submit
    from portal.consultation.tests.conftest import make_consultation
    from portal.interaction.services import question_submit

    # Verification codes: 7 days.
    keep_user = make_citizen("cd-giu", phone="0911111111", email="giu@example.vn")
    VerificationCode.objects.create(user=keep_user, channel="sms", destination="0911111111", code_hash="a", created_at=_ago(days=8), expires_at=_ago(days=8))
    VerificationCode.objects.create(user=keep_user, channel="sms", destination="0911111111", code_hash="b", created_at=_ago(days=1), expires_at=_ago(days=1))
    # Unverified accounts: 30 days; a verified one of the same age stays, and so does a young unverified one.
    old_unverified = make_citizen("cd-cu", phone="0922222222", email="cu@example.vn")
    young_unverified = make_citizen("cd-moi", phone="0933333333", email="moi@example.vn")
    CitizenProfile.objects.filter(user__in=[old_unverified, young_unverified]).update(phone_verified_at=None, email_verified_at=None)
    CitizenProfile.objects.filter(user__in=[old_unverified, keep_user]).update(created_at=_ago(days=31))
    # Questions: 5 years after they were finished; an old question still open is kept.
    with django_capture_on_commit_callbacks(execute=True):
        questions = [question_submit(unit=registry["stttt"], kind="question", title=f"Câu hỏi {i}", content="Nội dung",
                                     asker_name=f"Người hỏi {i}", asker_email=f"hoi{i}@example.vn") for i in range(3)]
    Question.objects.filter(pk=questions[0].pk).update(status="answered", answered_at=_ago(days=6 * 366), received_at=_ago(days=6 * 366))
    Question.objects.filter(pk=questions[1].pk).update(status="answered", answered_at=_ago(days=300))
    Question.objects.filter(pk=questions[2].pk).update(received_at=_ago(days=6 * 366))
    # Comments: 5 years after the consultation closed.
    old_page = make_consultation(registry["stttt"], title="Dự thảo cũ")
    new_page = make_consultation(registry["stttt"], title="Dự thảo mới")
    old_comment = comment_submit(consultation=old_page, name="Người góp ý cũ", email="cu.gopy@example.vn", content="Ý kiến", notify=False)
    new_comment = comment_submit(consultation=new_page, name="Người góp ý mới", email="moi.gopy@example.vn", content="Ý kiến", notify=False)
    type(old_page).objects.filter(pk=old_page.pk).update(opens_at=_ago(days=6 * 366), closes_at=_ago(days=6 * 365))
    # Dossiers: 10 years after they ended; the row stays (statistics), the applicant goes.
    procedure = online_procedure(registry["baoninh"])
    ended_long_ago, ended_recently = (submitted(procedure, receiving=registry["baoninh"]) for _ in range(2))
    Dossier.objects.filter(pk=ended_long_ago.pk).update(status="returned", closed_at=_ago(days=11 * 366))
    Dossier.objects.filter(pk=ended_recently.pk).update(status="returned", closed_at=_ago(days=366))

    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    dry = {run.kind: run.count for run in RetentionRun.objects.filter(dry_run=True)}
    assert dry == {"verification_code": 1, "unverified_account": 1, "question": 1, "draft_comment": 1, "dossier": 1}
    assert "sẽ xoá 1 bản ghi" in out.getvalue()
    assert VerificationCode.objects.filter(user=keep_user).count() == 2 and CitizenProfile.objects.filter(user=old_unverified).exists()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_retention", stdout=io.StringIO())
    assert list(VerificationCode.objects.filter(user=keep_user).values_list("code_hash", flat=True)) == ["b"]
    assert not CitizenProfile.objects.filter(user_id=old_unverified.pk).exists()
    assert CitizenProfile.objects.filter(user=young_unverified).exists() and CitizenProfile.objects.filter(user=keep_user).exists()
    names = dict(Question.objects.values_list("pk", "asker_name"))
    assert names == {questions[0].pk: ANONYMISED, questions[1].pk: "Người hỏi 1", questions[2].pk: "Người hỏi 2"}
    assert Question.objects.get(pk=questions[0].pk).asker_email == ""
    assert DraftComment.objects.get(pk=old_comment.pk).name == ANONYMISED and DraftComment.objects.get(pk=new_comment.pk).email == "moi.gopy@example.vn"
    assert Dossier.objects.get(pk=ended_long_ago.pk).applicant_name == ANONYMISED
    assert Dossier.objects.get(pk=ended_recently.pk).applicant_phone == "0912345678"
    assert Dossier.objects.count() == 2

    runs = {run.kind: run for run in RetentionRun.objects.filter(dry_run=False)}
    assert {kind: run.count for kind, run in runs.items()} == dry
    assert runs["question"].rule_key == "pdp.retention_question_years" and runs["question"].rule_value == 5
    assert "91/2025/QH15" in runs["question"].legal_basis and runs["dossier"].action == "anonymise" and runs["verification_code"].action == "delete"
    dump = json.dumps(list(RetentionRun.objects.values()), default=str, ensure_ascii=False)
    assert "Người hỏi 0" not in dump and "cu.gopy@example.vn" not in dump and "0922222222" not in dump

    # A second run finds nothing more.
    call_command("apply_retention", stdout=io.StringIO())
    assert sum(RetentionRun.objects.filter(dry_run=False).order_by("-ran_at")[:5].values_list("count", flat=True)) == 0


def test_breach_flag_when_the_authority_is_not_told_in_time(client, registry, board):
    now = timezone.now()
    late = services.breach_record(detected_at=now - dt.timedelta(hours=80), description="Lộ danh sách", categories="Họ tên")
    in_time = services.breach_record(detected_at=now - dt.timedelta(hours=80), description="Gửi nhầm thư", categories="Thư điện tử",
                                     notified_authority_at=now - dt.timedelta(hours=20))
    told_late = services.breach_record(detected_at=now - dt.timedelta(hours=100), description="Mất máy", categories="Số điện thoại",
                                       notified_authority_at=now - dt.timedelta(hours=1))
    fresh = services.breach_record(detected_at=now - dt.timedelta(hours=2), description="Nghi lộ", categories="Họ tên")
    assert late.authority_overdue() and told_late.authority_overdue()
    assert not in_time.authority_overdue() and not fresh.authority_overdue()
    assert late.authority_due() == late.detected_at + dt.timedelta(hours=72)
    assert [label for label, _ in in_time.timeline()] == ["Phát hiện", "Thông báo cơ quan chuyên trách", "Ghi nhận"]

    client.defaults["HTTP_HOST"] = registry["province"].hostname
    operator = get_user_model().objects.create_superuser(
        "vanhanh", "vh@example.gov.vn", "mat-khau-van-hanh-2026")
    client.force_login(operator)
    listing = client.get("/admin/snippets/privacy/personaldatabreach/")
    assert listing.status_code == 200 and "Quá hạn thông báo cơ quan chuyên trách" in listing.content.decode()
    added = client.post("/admin/snippets/privacy/personaldatabreach/add/", {
        "unit": "", "detected_at": timezone.localtime(now).strftime("%Y-%m-%d %H:%M"), "description": "Thư gửi nhầm người nhận",
        "categories": "Thư điện tử", "affected_count": "3", "measures": "", "notified_authority_at": "", "notified_subjects_at": "",
        "closed_at": "",
    })
    assert added.status_code == 302
    assert PersonalDataBreach.objects.get(description="Thư gửi nhầm người nhận").recorded_by == operator
    client.force_login(board["head"])  # a board head does not see the breach log
    assert client.get("/admin/snippets/privacy/personaldatabreach/").status_code in (302, 403)
    assert PersonalDataBreach.objects.count() == 5


def test_board_head_publishes_a_new_notice_version_for_their_own_unit_only(client, registry, board):
    client.defaults["HTTP_HOST"] = registry["province"].hostname
    stttt, main = registry["stttt"], registry["province"]
    services.notice_publish(unit=stttt, purposes="Mục đích cũ", data_kinds="Họ tên")
    client.force_login(board["head"])
    add_url = "/admin/snippets/privacy/privacynotice/add/"
    form = client.get(add_url)
    assert form.status_code == 200
    html = form.content.decode()
    assert f'<option value="{stttt.pk}"' in html and f'<option value="{main.pk}"' not in html
    published = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    response = client.post(add_url, {"unit": stttt.pk, "purposes": "Mục đích mới", "data_kinds": "Họ tên\nThư điện tử",
                                     "sharing": "", "extra": "", "published_at": published})
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = PrivacyNotice.objects.filter(unit=stttt).order_by("-version").first()
    assert latest.version == 2 and latest.purposes == "Mục đích mới" and latest.created_by == board["head"]
    assert PrivacyNotice.objects.get(unit=stttt, version=1).purposes == "Mục đích cũ"
    refused = client.post(add_url, {"unit": main.pk, "purposes": "X", "data_kinds": "Y", "published_at": published})
    assert refused.status_code == 200 and not PrivacyNotice.objects.filter(unit=main).exists()
