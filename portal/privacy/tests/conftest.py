"""Fixtures for the personal-data tests: a citizen with data in every app, made through the real services."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.citizens.models import CitizenProfile, VerificationCode
from portal.citizens.services import consent_notice
from portal.moderation.services import consent_record

MAIN = "quangbinh.localhost"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PERSON = {
    "full_name": "Lê Thị Thu Hằng", "phone": "0987123456", "email": "thuhang.le@example.vn", "id_number": "044195007788",
    "address": "Tổ dân phố 7, phường Hải Thành, Đồng Hới",
}


def pdf(name="giay-to.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def make_citizen(username="cd-thuhang", **overrides):
    values = {**PERSON, **overrides}
    user = get_user_model().objects.create_user(username=username, password="x")
    now = timezone.now()
    CitizenProfile.objects.create(user=user, phone_verified_at=now, email_verified_at=now, **values)
    consent_record(notice=consent_notice(), name=values["full_name"], email=values["email"], subject_ref=username, ip_address="203.0.113.7")
    return user


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_superuser("motcua.privacy", "motcua@example.gov.vn", "x")


@pytest.fixture
def person(registry, officer, django_capture_on_commit_callbacks):
    """A citizen with: a finished dossier (files, events, rating, payment), a question, a comment, messages, a code."""
    from portal.consultation.services import comment_submit
    from portal.consultation.tests.conftest import make_consultation
    from portal.dossiers import services as dossiers
    from portal.dossiers.tests.factories import online_procedure
    from portal.interaction.services import question_submit
    from portal.payments.models import Payment

    baoninh = registry["baoninh"]
    user = make_citizen()
    procedure = online_procedure(baoninh, online_result=True)
    paper = procedure.papers.get()
    with django_capture_on_commit_callbacks(execute=True):
        draft = dossiers.dossier_draft_save(
            user=user, procedure=procedure, handling_unit=baoninh, receiving_unit=baoninh,
            applicant={"name": PERSON["full_name"], "phone": PERSON["phone"], "email": PERSON["email"],
                       "id_number": PERSON["id_number"], "address": PERSON["address"]},
            form_data={"ten_tre": "Lê Minh Khôi"}, idempotency_key="privacy-1", result_delivery="online",
            files=[(paper, pdf("to-khai-khai-sinh-hang.pdf"))],
        )
        dossier = dossiers.dossier_submit(dossier=draft, user=user)
        dossier = dossiers.dossier_receive(dossier=dossier, actor=officer)
        dossier = dossiers.dossier_start(dossier=dossier, actor=officer)
        dossier = dossiers.dossier_result(dossier=dossier, actor=officer, summary="Giấy khai sinh bản điện tử",
                                          result_file=pdf("giay-khai-sinh-khoi.pdf"))
        dossier = dossiers.dossier_return(dossier=dossier, actor=officer, method="online")
        dossiers.dossier_rate(dossier=dossier, user=user, rating="very_satisfied", comment="Cán bộ hướng dẫn rất tận tình")
        question = question_submit(
            unit=registry["stttt"], kind="question", title="Hỏi về cấp lại giấy khai sinh", content="Tôi làm mất bản chính thì làm sao?",
            asker_name=PERSON["full_name"], asker_email=PERSON["email"], asker_phone="0987 123 456", asker_address=PERSON["address"],
        )
        consultation = make_consultation(registry["stttt"])
        comment = comment_submit(consultation=consultation, name=PERSON["full_name"], email=PERSON["email"],
                                 content="Đề nghị rút ngắn thời hạn giải quyết.", organisation="Hội Phụ nữ phường Hải Thành")
    payment = Payment.objects.create(dossier=dossier, unit=baoninh, payer=user, amount=8000, gateway="sandbox", order_ref="PAY-PRIVACY-1",
                                     transaction_id="SBX-778899", status="paid", paid_at=timezone.now())
    VerificationCode.objects.create(user=user, channel="sms", destination=PERSON["phone"], code_hash="x" * 64,
                                    created_at=timezone.now(), expires_at=timezone.now())
    dossier.refresh_from_db()
    return {"user": user, "dossier": dossier, "question": question, "comment": comment, "payment": payment, "procedure": procedure}
