"""The procedure admin: scoped to the owner's and handlers' boards, publication refused with the missing fields."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.conftest import PASSWORD, make_user
from portal.editorial.constants import Role
from portal.procedures.models import (
    Field,
    Procedure,
    ProcedureHandling,
    ProcedurePaper,
    ProcedureStatus,
)

HOST = "quangbinh.localhost"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)


def edit_data(procedure, **overrides) -> dict:
    data = {
        "name": procedure.name, "field": procedure.field_id or "", "levels": ["province"], "primary_level": "province",
        "applicant_types": ["citizen"], "competent_agency": "", "implementing_agency": "Sở Thông tin và Truyền thông",
        "decision_number": "", "channel_kinds": ["online", "post"], "steps": "Bước 1. Nộp hồ sơ.\nBước 2. Nhận kết quả.", "time_limit_days": "10",
        "time_limit_text": "10 ngày làm việc", "fee_amount": "0", "fee_text": "Miễn phí", "conditions": "",
        "result": "Giấy phép", "legal_basis": "Nghị định 72/2013/NĐ-CP", "online_submission": "on",
        "online_processing": "on", "postal_result": "on",
        "form_schema": json.dumps([{"name": "ten_trang", "label": "Tên trang thông tin", "type": "text", "required": True}]),
        "giay-to-TOTAL_FORMS": "1", "giay-to-INITIAL_FORMS": "0", "giay-to-MIN_NUM_FORMS": "0", "giay-to-MAX_NUM_FORMS": "1000",
        "giay-to-0-name": "Đơn đề nghị cấp giấy phép", "giay-to-0-originals": "1", "giay-to-0-copies": "0",
        "giay-to-0-required": "on", "giay-to-0-template_name": "Mẫu số 01",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.django_db
def test_admin_scopes_edits_and_refuses_incomplete_publication(client, registry, django_assert_max_num_queries):
    stttt, syt, baoninh, province = registry["stttt"], registry["syt"], registry["baoninh"], registry["province"]
    field = Field.objects.create(name="Báo chí", slug="bao-chi")
    own = Procedure.objects.create(national_code="1.000100", name="Cấp giấy phép trang thông tin điện tử tổng hợp", unit=stttt, primary_level="province", field=field)
    ProcedureHandling.objects.create(procedure=own, unit=stttt)
    other = Procedure.objects.create(national_code="1.000200", name="Cấp chứng chỉ hành nghề khám bệnh", unit=syt, primary_level="province")
    commune = Procedure.objects.create(national_code="1.000300", name="Đăng ký khai sinh", unit=province, primary_level="commune")
    ProcedureHandling.objects.create(procedure=commune, unit=baoninh)
    editor = make_user("stttt.btv", (stttt, Role.EDITOR))
    commune_editor = make_user("baoninh.btv", (baoninh, Role.EDITOR))
    contributor = make_user("stttt.ctv", (stttt, Role.CONTRIBUTOR))

    # The list shows what the board owns or handles, with filters, in a bounded number of queries.
    login(client, editor)
    with django_assert_max_num_queries(25):
        html = client.get(reverse("procedures_admin:list"), HTTP_HOST=HOST).content.decode()
    assert own.name in html and other.name not in html and commune.name not in html
    filtered = client.get(reverse("procedures_admin:list"), {"trang-thai": "published"}, HTTP_HOST=HOST).content.decode()
    assert own.name not in filtered
    # Another unit's procedure: invisible (404) for reading, editing, publishing and the online switch.
    assert client.get(reverse("procedures_admin:detail", args=[other.pk]), HTTP_HOST=HOST).status_code == 404
    assert client.post(reverse("procedures_admin:detail", args=[other.pk]), edit_data(other), HTTP_HOST=HOST).status_code == 404
    assert client.post(reverse("procedures_admin:publish", args=[other.pk]), HTTP_HOST=HOST).status_code == 404
    assert client.post(reverse("procedures_admin:online", args=[commune.pk, baoninh.pk]), {"enabled": "1"}, HTTP_HOST=HOST).status_code == 404
    assert Procedure.objects.get(pk=other.pk).name == "Cấp chứng chỉ hành nghề khám bệnh"

    # Publishing an incomplete procedure through the admin is refused and names what is missing.
    page = client.post(reverse("procedures_admin:publish", args=[own.pk]), HTTP_HOST=HOST, follow=True).content.decode()
    assert "Chưa thể công khai thủ tục: còn thiếu Cơ quan thực hiện, Trình tự thực hiện" in page
    assert Procedure.objects.get(pk=own.pk).status == ProcedureStatus.DRAFT

    # A bad e-form and a renamed non-PDF template are refused with Vietnamese errors; nothing is saved.
    bad = client.post(reverse("procedures_admin:detail", args=[own.pk]), edit_data(own, form_schema='[{"name": "Tên"}]'), HTTP_HOST=HOST)
    assert bad.status_code == 400 and "tên trường (name) chỉ gồm chữ thường không dấu" in bad.content.decode()
    fake = SimpleUploadedFile("mau.pdf", b"MZ\x90\x00 not a pdf")
    bad = client.post(reverse("procedures_admin:detail", args=[own.pk]), {**edit_data(own), "giay-to-0-template_file": fake}, HTTP_HOST=HOST)
    assert bad.status_code == 400 and "không phải loại tệp được chấp nhận" in bad.content.decode()
    assert not ProcedurePaper.objects.filter(procedure=own).exists()

    # A complete edit with a downloadable form saves, re-derives the level, and then publication succeeds.
    form_file = SimpleUploadedFile("mau-01.pdf", PDF)
    saved = client.post(reverse("procedures_admin:detail", args=[own.pk]), {**edit_data(own), "giay-to-0-template_file": form_file}, HTTP_HOST=HOST)
    assert saved.status_code == 302
    own.refresh_from_db()
    assert own.level_2022 == "toan_trinh" and own.papers.get().template_file and own.form_schema[0]["name"] == "ten_trang"
    client.post(reverse("procedures_admin:publish", args=[own.pk]), HTTP_HOST=HOST)
    own.refresh_from_db()
    assert own.status == ProcedureStatus.PUBLISHED and [c["channel"] for c in own.channels] == ["online", "post"]
    # A published procedure cannot lose a mandatory field.
    page = client.post(reverse("procedures_admin:detail", args=[own.pk]), edit_data(own, result="", **{"giay-to-TOTAL_FORMS": "0"}), HTTP_HOST=HOST)
    assert page.status_code == 400 and "còn thiếu Kết quả thực hiện" in page.content.decode()
    client.post(reverse("procedures_admin:online", args=[own.pk, stttt.pk]), {"enabled": "1"}, HTTP_HOST=HOST)
    assert ProcedureHandling.objects.get(procedure=own, unit=stttt).online_enabled

    # A commune that handles a province-owned procedure sees it and switches its own reception, but cannot edit it.
    login(client, commune_editor)
    assert commune.name in client.get(reverse("procedures_admin:list"), HTTP_HOST=HOST).content.decode()
    detail = client.get(reverse("procedures_admin:detail", args=[commune.pk]), HTTP_HOST=HOST).content.decode()
    assert "Bắt đầu nhận trực tuyến" in detail and 'name="form_schema"' not in detail
    refused = client.post(reverse("procedures_admin:detail", args=[commune.pk]), edit_data(commune), HTTP_HOST=HOST)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    page = client.post(reverse("procedures_admin:online", args=[commune.pk, baoninh.pk]), {"enabled": "1"}, HTTP_HOST=HOST, follow=True)
    assert "Chưa thể nhận hồ sơ trực tuyến: thủ tục chưa có khả năng nộp hồ sơ trực tuyến" in page.content.decode()
    assert client.post(reverse("procedures_admin:publish", args=[commune.pk]), HTTP_HOST=HOST)["Location"] == "/admin/"

    # Contributors do not manage procedures at all.
    login(client, contributor)
    assert client.get(reverse("procedures_admin:list"), HTTP_HOST=HOST)["Location"] == "/admin/"
