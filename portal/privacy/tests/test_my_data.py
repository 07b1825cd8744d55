"""“Dữ liệu của tôi”: the export holds everything stored about the person, deletion removes it and leaves the
dossier statistics unchanged, a dossier in processing blocks deletion, withdrawing consent stops submissions."""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.citizens.models import CitizenProfile, VerificationCode
from portal.consultation.models import DraftComment
from portal.dossiers import statistics
from portal.dossiers.models import Dossier, DossierFile
from portal.interaction.models import Question
from portal.moderation.models import ConsentRecord
from portal.notifications.models import Message
from portal.payments.models import Payment
from portal.privacy.constants import ANONYMISED
from portal.privacy.tests.conftest import MAIN, PERSON, make_citizen, pdf

pytestmark = pytest.mark.django_db


def _strings(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return {str(value)} if value not in (None, "") else set()


def test_page_needs_a_citizen_login(client, registry):
    response = client.get("/tai-khoan/du-lieu/", HTTP_HOST=MAIN)
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/?next=")
    # Export, deletion and the rest are POST only: nothing personal is ever put in a URL.
    client.force_login(make_citizen())
    assert client.get("/tai-khoan/du-lieu/tai-ve/", HTTP_HOST=MAIN).status_code == 405
    assert client.get("/tai-khoan/du-lieu/xoa-tai-khoan/", HTTP_HOST=MAIN).status_code == 405


def test_export_contains_everything_stored_about_the_person(client, person, django_assert_max_num_queries):
    user, dossier, question, comment, payment = (person[k] for k in ("user", "dossier", "question", "comment", "payment"))
    client.force_login(user)
    page = client.get("/tai-khoan/du-lieu/", HTTP_HOST=MAIN)
    assert page.status_code == 200
    html = page.content.decode()
    assert PERSON["id_number"] in html and dossier.code in html and question.code in html and "to-khai-khai-sinh-hang.pdf" in html
    assert 'href="/chinh-sach-bao-ve-du-lieu-ca-nhan/"' in html

    with django_assert_max_num_queries(25):
        response = client.post("/tai-khoan/du-lieu/tai-ve/", HTTP_HOST=MAIN)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    exported = json.loads(response.content)
    text = _strings(exported)
    blob = response.content.decode()

    profile = CitizenProfile.objects.get(user=user)
    for field in ("full_name", "id_number", "phone", "email", "address"):
        assert getattr(profile, field) in text, field
    # Every personal value of every row stored about the person appears in the export.
    stored = Dossier.objects.filter(applicant=user).values(
        "code", "applicant_name", "applicant_id_number", "applicant_phone", "applicant_email", "applicant_address",
    ).get()
    assert set(stored.values()) <= text
    assert "Lê Minh Khôi" in text  # the e-form
    assert {f.original_name for f in DossierFile.objects.filter(dossier=dossier)} <= text
    assert "Cán bộ hướng dẫn rất tận tình" in text  # rating comment
    assert {payment.order_ref, payment.transaction_id} <= text
    q = Question.objects.get(pk=question.pk)
    assert {q.code, q.title, q.content, q.asker_name, q.asker_email, q.asker_phone, q.asker_address} <= text
    c = DraftComment.objects.get(pk=comment.pk)
    assert {c.reference, c.name, c.email, c.organisation, c.content} <= text
    messages = Message.objects.filter(recipient__in=[PERSON["phone"], PERSON["email"]])
    assert messages.exists() and all(m.body in text for m in messages)
    consents = ConsentRecord.objects.filter(subject_ref__in=[user.username, q.code, c.reference])
    assert consents.count() >= 2 and all(r.notice_sha256 in text for r in consents)
    assert VerificationCode.objects.filter(user=user).exists() and exported["ma_xac_minh"][0]["destination"] == PERSON["phone"]
    assert "code_hash" not in blob and "x" * 64 not in blob  # secrets are not personal data to hand out


def test_an_unverified_contact_does_not_give_access_to_someone_elses_questions(client, person):
    intruder = make_citizen("cd-ke-gian", phone="0911000111", email=PERSON["email"].upper().replace("@", "+x@"))
    CitizenProfile.objects.filter(user=intruder).update(email=PERSON["email"] + ".vn", email_verified_at=None)
    client.force_login(intruder)
    exported = json.loads(client.post("/tai-khoan/du-lieu/tai-ve/", HTTP_HOST=MAIN).content)
    assert exported["cau_hoi_phan_anh"] == [] and exported["gop_y_du_thao"] == [] and exported["ho_so"] == []


def _figures(client, start, end):
    figures = statistics.dossier_statistics(start=start, end=end)
    by_unit = [(row.unit.pk, row.stats) for row in statistics.dossier_statistics_by_unit(start=start, end=end)]
    page = client.get("/dich-vu-cong/thong-ke/?ky=nam", HTTP_HOST=MAIN)
    assert page.status_code == 200
    return figures, by_unit, page.context["cells"], page.context["unit_rows"], page.context["procedure_rows"]


def test_deleting_the_account_removes_personal_data_and_keeps_statistics(client, person, django_capture_on_commit_callbacks):
    user, dossier, question, comment = (person[k] for k in ("user", "dossier", "question", "comment"))
    today = timezone.localdate()
    start, end = today.replace(month=1, day=1), today
    before = _figures(client, start, end)
    assert before[0].received == 1 and before[0].resolved == 1 and before[0].ratings == 1
    files = [f.file.name for f in DossierFile.objects.filter(dossier=dossier)]
    storage = DossierFile.objects.filter(dossier=dossier).first().file.storage
    assert files and all(storage.exists(name) for name in files)

    client.force_login(user)
    refused = client.post("/tai-khoan/du-lieu/xoa-tai-khoan/", {}, HTTP_HOST=MAIN)  # confirmation box not ticked
    assert refused.status_code == 400 and "Hãy đánh dấu xác nhận" in refused.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post("/tai-khoan/du-lieu/xoa-tai-khoan/", {"confirm": "on"}, HTTP_HOST=MAIN)
    assert done.status_code == 200 and "Đã xoá tài khoản" in done.content.decode()
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not CitizenProfile.objects.filter(user_id=user.pk).exists()
    assert not VerificationCode.objects.filter(user_id=user.pk).exists()
    dossier.refresh_from_db()
    assert dossier.applicant_id is None and dossier.applicant_name == ANONYMISED and dossier.form_data == {}
    assert (dossier.applicant_phone, dossier.applicant_email, dossier.applicant_id_number, dossier.applicant_address) == ("", "", "", "")
    assert dossier.status == "returned" and dossier.code  # the row stays, for the register and statistics
    assert not DossierFile.objects.filter(dossier=dossier).exists() and not any(storage.exists(name) for name in files)
    assert dossier.rating.comment == "" and dossier.rating.rating == "very_satisfied"
    assert Payment.objects.get(pk=person["payment"].pk).payer_id is None
    q, c = Question.objects.get(pk=question.pk), DraftComment.objects.get(pk=comment.pk)
    assert (q.asker_name, q.asker_email, q.asker_phone, q.asker_address) == (ANONYMISED, "", "", "")
    assert (c.name, c.email, c.organisation) == (ANONYMISED, "", "")
    assert not Message.objects.filter(recipient__in=[PERSON["phone"], PERSON["email"]]).exists()
    assert not ConsentRecord.objects.filter(subject_name=PERSON["full_name"]).exists()
    # Nothing of the person is left anywhere in the dossier, question, comment, consent and audit tables.
    for model in (Dossier, Question, DraftComment, ConsentRecord, Message, ModelLogEntry):
        dump = json.dumps(list(model.objects.values()), default=str, ensure_ascii=False)
        for value in (PERSON["full_name"], PERSON["phone"], PERSON["email"], PERSON["id_number"], "0987 123 456"):
            assert value not in dump, (model.__name__, value)
    entry = ModelLogEntry.objects.get(action="portal.privacy.account_delete")
    assert entry.data["dossiers"] == 1 and entry.data["questions"] == 1 and entry.data["comments"] == 1

    after = _figures(client, start, end)
    assert after == before


def test_a_dossier_in_processing_blocks_deletion_with_an_explanation(client, registry, officer):
    from portal.dossiers.services import dossier_draft_save, dossier_submit
    from portal.dossiers.tests.factories import online_procedure

    user = make_citizen()
    procedure = online_procedure(registry["baoninh"])
    draft = dossier_draft_save(
        user=user, procedure=procedure, handling_unit=registry["baoninh"], receiving_unit=registry["baoninh"],
        applicant={"name": PERSON["full_name"], "phone": PERSON["phone"]}, form_data={"ten_tre": "Bé"}, idempotency_key="k",
        files=[(procedure.papers.get(), pdf())],
    )
    dossier = dossier_submit(dossier=draft, user=user)
    client.force_login(user)
    page = client.get("/tai-khoan/du-lieu/", HTTP_HOST=MAIN).content.decode()
    assert f"Chưa xoá được tài khoản vì hồ sơ {dossier.code}" in page and 'name="confirm"' not in page
    response = client.post("/tai-khoan/du-lieu/xoa-tai-khoan/", {"confirm": "on"}, HTTP_HOST=MAIN, follow=True)
    assert dossier.code in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert Dossier.objects.get(pk=dossier.pk).applicant_name == PERSON["full_name"]


def test_withdrawing_consent_stops_dossier_submission_until_given_again(client, registry):
    from portal.dossiers.permissions import SubmissionRefused
    from portal.dossiers.services import dossier_draft_save
    from portal.dossiers.tests.factories import online_procedure

    user = make_citizen()
    procedure = online_procedure(registry["baoninh"])
    client.force_login(user)
    page = client.get("/tai-khoan/du-lieu/", HTTP_HOST=MAIN).content.decode()
    assert "Rút lại sự đồng ý" in page
    client.post("/tai-khoan/du-lieu/dong-y/", {"action": "withdraw"}, HTTP_HOST=MAIN)
    record = ConsentRecord.objects.get(subject_ref=user.username)
    assert record.withdrawn_at is not None
    assert ModelLogEntry.objects.filter(action="portal.privacy.consent_withdraw").exists()

    def submit():
        return dossier_draft_save(
            user=get_user_model().objects.get(pk=user.pk), procedure=procedure, handling_unit=registry["baoninh"],
            receiving_unit=registry["baoninh"], applicant={"name": "A", "phone": PERSON["phone"]}, form_data={},
            idempotency_key="sau-khi-rut",
        )

    with pytest.raises(SubmissionRefused):
        submit()
    form_page = client.get(f"/dich-vu-cong/thu-tuc/{procedure.national_code}/nop-ho-so/", HTTP_HOST=MAIN).content.decode()
    assert "Bạn đã rút lại sự đồng ý" in form_page

    # Consenting again needs the (unticked) box ticked.
    page = client.get("/tai-khoan/du-lieu/", HTTP_HOST=MAIN).content.decode()
    box = page[page.index('name="consent"') - 40: page.index('name="consent"') + 60]
    assert "checked" not in box
    assert client.post("/tai-khoan/du-lieu/dong-y/", {}, HTTP_HOST=MAIN).status_code == 400
    client.post("/tai-khoan/du-lieu/dong-y/", {"consent": "on"}, HTTP_HOST=MAIN)
    assert ConsentRecord.objects.filter(subject_ref=user.username, withdrawn_at__isnull=True).count() == 1
    assert submit().pk


def test_citizen_files_a_request_from_the_account(client, registry):
    from portal.privacy.models import DataSubjectRequest

    user = make_citizen()
    client.force_login(user)
    response = client.post("/tai-khoan/du-lieu/yeu-cau/", {"kind": "restrict", "details": "Ngừng gửi tin nhắn."}, HTTP_HOST=MAIN, follow=True)
    item = DataSubjectRequest.objects.get()
    assert item.user == user and item.unit == registry["province"] and item.channel == "web"
    assert item.requester_name == PERSON["full_name"] and item.ack_due > timezone.localdate() - dt.timedelta(days=1)
    assert f"Đã gửi yêu cầu số {item.pk}" in response.content.decode()
