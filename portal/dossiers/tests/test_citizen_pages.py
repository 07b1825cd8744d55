"""The citizen's side through the pages: draft, resume, submit once, supplement, result download, rating, lookup."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.citizens.models import CitizenProfile
from portal.dossiers.models import Dossier
from portal.dossiers.services import (
    dossier_receive,
    dossier_request_supplement,
    dossier_result,
    dossier_return,
)
from portal.dossiers.tests.factories import online_procedure
from portal.notifications.models import Message

MAIN = "quangbinh.localhost"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def citizen(username="cd-an", phone="0912345678"):
    user = get_user_model().objects.create_user(username=username, password="x")
    CitizenProfile.objects.create(user=user, full_name="Nguyễn Văn An", phone=phone, phone_verified_at=timezone.now(),
                                  id_number="044090000001", address="Thôn Sa Động, xã Bảo Ninh")
    return user


def _form(procedure, units, key, **extra):
    data = {
        "idempotency_key": key, "handling_unit": units["baoninh"].pk, "receiving_unit": units["baoninh"].pk,
        "applicant_name": "Nguyễn Văn An", "applicant_phone": "0912345678", "applicant_email": "",
        "applicant_id_number": "044090000001", "applicant_address": "Bảo Ninh", "result_delivery": "online",
        "postal_address": "", "f_ten_tre": "",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_draft_resume_submit_once_supplement_result_and_rating(client, registry, django_capture_on_commit_callbacks):
    units = registry
    procedure = online_procedure(units["baoninh"], online_result=True)
    paper = procedure.papers.get()
    user = citizen()
    officer = get_user_model().objects.create_superuser("motcua", "m@example.gov.vn", "x")
    url = f"/dich-vu-cong/thu-tuc/{procedure.national_code}/nop-ho-so/"

    # Anonymous visitors are sent to the login page, and back afterwards.
    response = client.get(url, HTTP_HOST=MAIN)
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/?next=")

    client.force_login(user)
    page = client.get(url, HTTP_HOST=MAIN)
    assert page.status_code == 200
    assert "Nguyễn Văn An" in page.content.decode()  # filled from the account
    key = page.context["form"].initial["idempotency_key"]

    # Save a partial draft: nothing is lost, and the page says what is still missing.
    saved = client.post(url, _form(procedure, units, key, action="save"), HTTP_HOST=MAIN)
    draft = Dossier.objects.get()
    assert saved.status_code == 302 and saved["Location"] == f"/dich-vu-cong/ho-so/{draft.pk}/sua/"
    resumed = client.get(saved["Location"], HTTP_HOST=MAIN).content.decode()
    assert "Còn thiếu" in resumed and "Họ, chữ đệm và tên người được khai sinh" in resumed

    # A file whose content is not what its name says is refused with a clear message; the draft stays.
    fake = SimpleUploadedFile("to-khai.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    refused = client.post(f"/dich-vu-cong/ho-so/{draft.pk}/sua/",
                          _form(procedure, units, key, action="submit", f_ten_tre="Nguyễn Văn Bình", **{f"paper_{paper.pk}": fake}),
                          HTTP_HOST=MAIN)
    assert refused.status_code == 400 and "Lỗi" in refused.content.decode()
    assert Dossier.objects.get().status == "draft"

    # Submit (as on another device: same key, from the resumed draft); a double click gives one dossier.
    good = SimpleUploadedFile("to-khai.pdf", PDF, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/dich-vu-cong/ho-so/{draft.pk}/sua/",
                           _form(procedure, units, key, action="submit", f_ten_tre="Nguyễn Văn Bình", **{f"paper_{paper.pk}": good}),
                           HTTP_HOST=MAIN)
    again = client.post(url, _form(procedure, units, key, action="submit", f_ten_tre="Nguyễn Văn Bình"), HTTP_HOST=MAIN)
    dossier = Dossier.objects.get()
    assert done.status_code == 302 and again.status_code == 302 and again["Location"] == done["Location"]
    assert dossier.status == "submitted" and dossier.code.startswith(f"{units['baoninh'].code}-")
    assert dossier.form_data == {"ten_tre": "Nguyễn Văn Bình"}
    assert Message.objects.filter(reference=dossier.code, channel="sms", event="dossier.submit").exists()

    # The officer receives and asks for a supplement; the citizen sends it from the dossier page.
    dossier = dossier_receive(dossier=dossier, actor=officer)
    dossier = dossier_request_supplement(dossier=dossier, actor=officer, note="Bổ sung giấy chứng sinh")
    detail = client.get(f"/dich-vu-cong/ho-so/{dossier.pk}/", HTTP_HOST=MAIN).content.decode()
    assert "Bổ sung giấy chứng sinh" in detail and "Mẫu 01" in detail
    extra = SimpleUploadedFile("chung-sinh.pdf", PDF, content_type="application/pdf")
    client.post(f"/dich-vu-cong/ho-so/{dossier.pk}/", {"action": "supplement", "note": "Gửi bản sao", "file": extra}, HTTP_HOST=MAIN)
    dossier.refresh_from_db()
    assert dossier.status == "processing" and dossier.files.filter(kind="supplement").count() == 1

    # Result online: downloadable after login by the applicant only; then rating.
    result = SimpleUploadedFile("giay-khai-sinh.pdf", PDF, content_type="application/pdf")
    dossier = dossier_result(dossier=dossier, actor=officer, summary="Giấy khai sinh bản điện tử", result_file=result)
    result_file = dossier.files.get(kind="result")
    download = client.get(f"/dich-vu-cong/ho-so/{dossier.pk}/tep/{result_file.pk}/", HTTP_HOST=MAIN)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    stranger = citizen("cd-khac", phone="0987654321")
    client.force_login(stranger)
    assert client.get(f"/dich-vu-cong/ho-so/{dossier.pk}/tep/{result_file.pk}/", HTTP_HOST=MAIN).status_code == 404
    assert client.get(f"/dich-vu-cong/ho-so/{dossier.pk}/", HTTP_HOST=MAIN).status_code == 404
    client.force_login(user)
    dossier_return(dossier=dossier, actor=officer, method="online")
    client.post(f"/dich-vu-cong/ho-so/{dossier.pk}/", {"action": "rate", "rating": "very_satisfied", "comment": "Nhanh"}, HTTP_HOST=MAIN)
    dossier.refresh_from_db()
    assert dossier.rating.get_rating_display() == "Rất hài lòng"
    mine = client.get("/dich-vu-cong/ho-so/", HTTP_HOST=MAIN).content.decode()
    assert dossier.code in mine and "Đã trả kết quả" in mine

    # Public lookup: code + last four phone digits, POST only; a wrong factor answers like an unknown code.
    client.logout()
    found = client.post("/dich-vu-cong/tra-cuu/", {"code": dossier.code, "phone_tail": "5678"}, HTTP_HOST=MAIN).content.decode()
    assert "Đã trả kết quả" in found and "Nguyễn Văn An" not in found
    wrong = client.post("/dich-vu-cong/tra-cuu/", {"code": dossier.code, "phone_tail": "1111"}, HTTP_HOST=MAIN)
    unknown = client.post("/dich-vu-cong/tra-cuu/", {"code": "18898-200101-0001", "phone_tail": "5678"}, HTTP_HOST=MAIN)
    assert wrong.status_code == unknown.status_code == 200
    assert "Không tìm thấy hồ sơ" in wrong.content.decode()

    def strip(response):  # the typed values and the CSRF token are the only differences allowed
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return html.replace("18898-200101-0001", "").replace(dossier.code, "").replace("1111", "").replace("5678", "")

    assert strip(wrong) == strip(unknown)
