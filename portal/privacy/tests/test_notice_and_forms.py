"""The privacy notice on every site (own or inherited), the footer link, and on each personal-data form: its
purpose, a link to the notice and a consent box that is never pre-ticked."""

import re

import pytest
from django.utils import timezone

from portal.consultation.tests.conftest import make_consultation
from portal.dossiers.tests.factories import online_procedure
from portal.privacy import services
from portal.privacy.models import PrivacyNotice
from portal.privacy.tests.conftest import MAIN, make_citizen

pytestmark = pytest.mark.django_db
NOTICE = "/chinh-sach-bao-ve-du-lieu-ca-nhan/"
LINK = f'href="{NOTICE}"'


def test_notice_page_on_the_main_portal_and_inherited_by_a_unit_until_it_publishes_its_own(client, registry):
    main, stttt = registry["province"], registry["stttt"]
    services.notice_publish(unit=main, purposes="Giải quyết thủ tục hành chính\nTrả lời phản ánh", data_kinds="Họ tên\nSố điện thoại")
    page = client.get(NOTICE, HTTP_HOST=main.hostname)
    html = page.content.decode()
    assert page.status_code == 200 and "<h1" in html and "Phiên bản 1" in html
    assert "<li>Trả lời phản ánh</li>" in html and "<li>Số điện thoại</li>" in html
    assert "Tỉnh Quảng Bình" in html or main.display_name in html
    # Retention comes from the dated rules, with the legal basis; the rights and how to ask are listed.
    assert "Xoá mã xác minh sau" not in html  # the row label is ours, the value is the rule's
    assert "Mã xác minh đã gửi" in html and "7 ngày" in html and "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15" in html
    assert "Phản đối xử lý dữ liệu" in html and "/tai-khoan/du-lieu/" in html

    unit_html = client.get(NOTICE, HTTP_HOST=stttt.hostname).content.decode()
    assert "áp dụng chính sách chung của" in unit_html and "<li>Trả lời phản ánh</li>" in unit_html
    assert "Sở Thông tin và Truyền thông" in unit_html and "stttt@quangbinh.gov.vn" in unit_html  # the controller is the unit

    services.notice_publish(unit=stttt, purposes="Cấp phép trang thông tin điện tử tổng hợp", data_kinds="Thư điện tử")
    own = client.get(NOTICE, HTTP_HOST=stttt.hostname).content.decode()
    assert "<li>Cấp phép trang thông tin điện tử tổng hợp</li>" in own and "chính sách chung" not in own
    assert "<li>Trả lời phản ánh</li>" in client.get(NOTICE, HTTP_HOST=main.hostname).content.decode()
    # A new version never changes an old one.
    second = services.notice_publish(unit=stttt, purposes="Mục đích mới", data_kinds="Thư điện tử")
    first = PrivacyNotice.objects.get(unit=stttt, version=1)
    assert second.version == 2 and first.purposes == "Cấp phép trang thông tin điện tử tổng hợp" and first.sha256 != second.sha256


def test_footer_links_the_notice_on_every_page(client, registry):
    for unit in (registry["province"], registry["stttt"], registry["baoninh"]):
        html = client.get("/", HTTP_HOST=unit.hostname).content.decode()
        footer = html[html.index('class="site-footer"'):]
        assert f'{LINK}>Chính sách bảo vệ dữ liệu cá nhân</a>' in footer, unit.code


def _consent_box_unticked(html: str) -> None:
    boxes = re.findall(r'<input[^>]*name="consent"[^>]*>', html)
    assert boxes, "no consent box"
    for box in boxes:
        assert 'type="checkbox"' in box and "checked" not in box


def _purpose(html: str) -> str:
    match = re.search(r'<p class="privacy-purpose"[^>]*>(.*?)</p>', html, re.S)
    assert match, "no purpose text"
    assert LINK in match.group(1)
    return match.group(1)


def test_every_personal_data_form_states_its_purpose_links_the_notice_and_never_preticks_consent(client, registry):
    registration = client.get("/tai-khoan/dang-ky/", HTTP_HOST=MAIN).content.decode()
    assert "tạo tài khoản dịch vụ công" in _purpose(registration)
    _consent_box_unticked(registration)

    stttt = registry["stttt"]
    question = client.get("/hoi-dap/gui/", HTTP_HOST=stttt.hostname).content.decode()
    assert "trả lời câu hỏi, phản ánh, kiến nghị" in _purpose(question)
    _consent_box_unticked(question)

    consultation = make_consultation(stttt)
    comment = client.get(consultation.url, HTTP_HOST=stttt.hostname).content.decode()
    assert "góp ý dự thảo" in _purpose(comment)
    _consent_box_unticked(comment)

    # The dossier form runs under the consent given with the account, which the person can see and withdraw.
    procedure = online_procedure(registry["baoninh"])
    client.force_login(make_citizen())
    dossier = client.get(f"/dich-vu-cong/thu-tuc/{procedure.national_code}/nop-ho-so/", HTTP_HOST=MAIN).content.decode()
    assert "Dữ liệu của tôi" in _purpose(dossier)
    account = client.get("/tai-khoan/", HTTP_HOST=MAIN).content.decode()
    assert 'href="/tai-khoan/du-lieu/"' in account


def test_registration_records_consent_with_notice_version_hash_and_time(client, registry):
    from portal.moderation.forms import form_token
    from portal.moderation.models import ConsentRecord

    data = {"token": form_token(), "website": "", "kind": "individual", "full_name": "Phan Văn Đồng", "email": "",
            "phone": "0934 111 222", "password1": "Hoa-phuong-do-2026", "password2": "Hoa-phuong-do-2026"}
    refused = client.post("/tai-khoan/dang-ky/", data, HTTP_HOST=MAIN)
    assert refused.status_code == 200 and not ConsentRecord.objects.exists()
    before = timezone.now()
    client.post("/tai-khoan/dang-ky/", {**data, "token": form_token(), "consent": "on"}, HTTP_HOST=MAIN)
    record = ConsentRecord.objects.get()
    assert record.notice.purpose == "tai-khoan" and record.notice.version >= 1
    assert record.notice_sha256 == record.notice.sha256 and record.given_at >= before and record.channel == "web"
