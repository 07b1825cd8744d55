"""Citizen and business accounts: register, verify each contact, log in (L-32-dvc.1, L-PDP-consent)."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.citizens import services
from portal.citizens.models import CitizenProfile, VerificationCode
from portal.citizens.selectors import citizen_can_submit
from portal.citizens.tests.conftest import MAIN, PASSWORD, last_code, register
from portal.moderation.models import ConsentRecord
from portal.notifications.models import Message

pytestmark = pytest.mark.django_db
UNIT_HOST = "stttt.quangbinh.localhost"


def verify(client, channel, code):
    return client.post("/tai-khoan/xac-minh/", {"channel": channel, "action": "verify", f"{channel}-code": code}, HTTP_HOST=MAIN)


def make_citizen(*, email="", phone="", verified=True, password=PASSWORD, full_name="Trần Văn Bình"):
    user = services.citizen_register(kind="individual", full_name=full_name, email=email, phone=phone, password=password)
    if verified:
        for channel, value in (("email", email), ("sms", phone)):
            if value:
                services.code_check(user=user, channel=channel, code=last_code(value.replace(" ", "") if channel == "sms" else value))
    return user


def test_register_with_phone_verify_and_then_submit(client, hosts):
    html = client.get("/tai-khoan/dang-ky/", HTTP_HOST=MAIN).content.decode()
    consent_box = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "checked" not in consent_box and "Luật Bảo vệ dữ liệu cá nhân" in html
    assert 'autocomplete="new-password"' in html and 'inputmode="tel"' in html and 'autocomplete="email"' in html

    response = register(client)
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/xac-minh/"
    user = get_user_model().objects.get(citizen_profile__phone="0912345678")
    assert user.username.startswith("cd-") and not user.is_staff and not user.is_superuser and not user.groups.exists()
    sms = Message.objects.get(event="citizen.verify")
    assert sms.channel == "sms" and sms.recipient == "0912345678"
    code = last_code("0912345678")
    stored = VerificationCode.objects.get(user=user)
    assert code not in stored.code_hash and stored.destination == "0912345678"
    assert stored.expires_at - stored.created_at == dt.timedelta(minutes=10)
    consent = ConsentRecord.objects.get()
    assert consent.notice.purpose == "tai-khoan" and consent.subject_ref == user.username and consent.subject_name == "Nguyễn Thị Hoa"

    # Logged in straight away, but told the account cannot submit yet.
    assert not citizen_can_submit(user)
    home = client.get("/tai-khoan/", HTTP_HOST=MAIN).content.decode()
    assert "Chưa xác minh" in home and "Bạn cần xác minh số điện thoại" in home and 'href="/dich-vu-cong/ho-so/"' in home
    page = client.get("/tai-khoan/xac-minh/", HTTP_HOST=MAIN).content.decode()
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page and "09******78" in page

    wrong = verify(client, "sms", "000000" if code != "000000" else "111111")
    assert wrong.status_code == 200 and "Mã xác minh không đúng. Bạn còn 4 lần thử." in wrong.content.decode()
    assert 'href="#id_sms-code"' in wrong.content.decode()
    response = verify(client, "sms", code)
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    user.citizen_profile.refresh_from_db()
    assert user.citizen_profile.phone_verified_at is not None and citizen_can_submit(get_user_model().objects.get(pk=user.pk))
    home = client.get("/tai-khoan/", HTTP_HOST=MAIN).content.decode()
    assert "✓ Đã xác minh" in home and "Tài khoản chưa nộp được hồ sơ" not in home
    actions = set(ModelLogEntry.objects.filter(object_id=str(user.citizen_profile.pk)).values_list("action", flat=True))
    assert {"portal.citizen.register", "portal.citizen.code_send", "portal.citizen.verify"} <= actions

    # The same phone cannot be registered again once verified; the form says so next to the field.
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)
    again = register(client, phone="+84 912 345 678", full_name="Người khác").content.decode()
    assert "Số điện thoại này đã được dùng cho một tài khoản khác" in again and 'href="#id_phone"' in again
    assert CitizenProfile.objects.count() == 1

    # A citizen never gets into the Wagtail admin.
    assert client.post("/tai-khoan/dang-nhap/", {"identifier": "0912345678", "password": PASSWORD}, HTTP_HOST=MAIN).status_code == 302
    admin = client.get("/admin/", HTTP_HOST=MAIN)
    assert admin.status_code in (302, 403) and (admin.status_code == 403 or "/admin/login/" in admin["Location"])

    # On a unit's site the account pages live at the main portal's address.
    moved = client.get("/tai-khoan/dang-nhap/?next=/dich-vu-cong/", HTTP_HOST=UNIT_HOST)
    assert moved.status_code == 302 and moved["Location"] == "http://quangbinh.localhost/tai-khoan/dang-nhap/?next=/dich-vu-cong/"


def test_registration_errors_are_summarised_in_vietnamese(client, hosts, settings):
    html = register(client, phone="", email="", password2="khac-mat-khau-1", consent=None, kind="organisation").content.decode()
    assert "Hãy nhập thư điện tử hoặc số điện thoại (ít nhất một)" in html
    assert "Hai mật khẩu chưa giống nhau." in html and "Hãy nhập tên tổ chức, doanh nghiệp." in html
    assert "Bạn cần đánh dấu đồng ý xử lý dữ liệu cá nhân" in html
    assert 'class="error-summary" role="alert"' in html and 'href="#id_organisation_name"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    html = register(client, password1="1234567890", password2="1234567890", phone="0912").content.decode()
    assert "Mật khẩu này hoàn toàn là số." in html and "Số điện thoại di động gồm 10 chữ số" in html
    assert not CitizenProfile.objects.exists() and not ConsentRecord.objects.exists()

    # An organisation with an e-mail only: the code goes by e-mail.
    response = register(client, kind="organisation", organisation_name="Công ty TNHH Nhật Lệ", tax_code="3100123456", phone="", email="Lien.He@NhatLe.vn")
    assert response.status_code == 302
    profile = CitizenProfile.objects.get()
    assert (profile.kind, profile.organisation_name, profile.tax_code, profile.email) == ("organisation", "Công ty TNHH Nhật Lệ", "3100123456", "lien.he@nhatle.vn")
    mail = Message.objects.get(event="citizen.verify")
    assert mail.channel == "email" and mail.recipient == "lien.he@nhatle.vn" and re.search(r"\b\d{6}\b", mail.subject)

    # Editing: a new phone waits for its code; the verified e-mail stays verified.
    verify(client, "email", last_code("lien.he@nhatle.vn"))
    html = client.get("/tai-khoan/sua/", HTTP_HOST=MAIN).content.decode()
    assert 'value="Công ty TNHH Nhật Lệ"' in html and 'autocomplete="address-line1"' in html
    data = {"full_name": "Lê Văn Nam", "organisation_name": "Công ty TNHH Nhật Lệ", "tax_code": "3100123456", "id_number": "044090001234",
            "email": "lien.he@nhatle.vn", "phone": "0987 654 321", "address": "Đồng Hới"}
    response = client.post("/tai-khoan/sua/", data, HTTP_HOST=MAIN)
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/xac-minh/"
    profile.refresh_from_db()
    assert profile.phone == "0987654321" and profile.phone_verified_at is None and profile.email_verified_at is not None
    assert not citizen_can_submit(profile.user)
    verify(client, "sms", last_code("0987654321"))
    profile.refresh_from_db()
    assert profile.phone_verified_at is not None and citizen_can_submit(profile.user)
    # Changing the e-mail makes it unverified again.
    client.post("/tai-khoan/sua/", {**data, "email": "moi@nhatle.vn"}, HTTP_HOST=MAIN)
    profile.refresh_from_db()
    assert profile.email == "moi@nhatle.vn" and profile.email_verified_at is None and not citizen_can_submit(profile.user)
    bad = client.post("/tai-khoan/sua/", {**data, "id_number": "12345"}, HTTP_HOST=MAIN).content.decode()
    assert "Số định danh cá nhân (số căn cước) gồm 12 chữ số" in bad

    # Registrations from one address are limited per hour.
    settings.PORTAL_REGISTER_RATE_LIMIT = 1
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)
    limited = register(client, phone="0912555666")
    assert limited.status_code == 429 and "Tạm dừng do thao tác quá nhiều lần" in limited.content.decode()
    assert not CitizenProfile.objects.filter(phone="0912555666").exists()


def test_five_wrong_codes_lock_the_code_and_expired_codes_are_refused(django_user_model):
    user = make_citizen(phone="0912345678", verified=False)
    code = last_code("0912345678")
    wrong = "000000" if code != "000000" else "111111"
    for remaining in (4, 3, 2, 1):
        with pytest.raises(services.CitizenError, match=f"Bạn còn {remaining} lần thử"):
            services.code_check(user=user, channel="sms", code=wrong)
    with pytest.raises(services.CitizenError, match="đã bị khoá vì nhập sai 5 lần"):
        services.code_check(user=user, channel="sms", code=wrong)
    # Locked: even the right code no longer works.
    with pytest.raises(services.CitizenError, match="đã bị khoá"):
        services.code_check(user=user, channel="sms", code=code)
    assert VerificationCode.objects.get().attempts == 5 and not citizen_can_submit(user)
    assert ModelLogEntry.objects.filter(action="portal.citizen.code_locked").count() == 1

    # A new code (after the cooldown) works; the locked one stays dead.
    later = timezone.now() + dt.timedelta(minutes=2)
    with pytest.raises(services.CodeCooldown):
        services.code_send(user=user, channel="sms")
    services.code_send(user=user, channel="sms", now=later)
    fresh = last_code("0912345678")
    # Expired ten minutes after it was sent.
    with pytest.raises(services.CitizenError, match="đã hết hạn"):
        services.code_check(user=user, channel="sms", code=fresh, now=later + dt.timedelta(minutes=10, seconds=1))
    services.code_check(user=user, channel="sms", code=fresh, now=later + dt.timedelta(minutes=9))
    assert citizen_can_submit(django_user_model.objects.get(pk=user.pk))


def test_login_by_email_and_phone_generic_failure_next_and_rate_limit(client, hosts, settings, django_user_model):
    make_citizen(email="binh@example.com", phone="0987111222")

    page = client.get("/tai-khoan/dang-nhap/?next=/dich-vu-cong/ho-so/", HTTP_HOST=MAIN).content.decode()
    assert 'autocomplete="username"' in page and 'autocomplete="current-password"' in page
    assert 'name="next" value="/dich-vu-cong/ho-so/"' in page
    assert "VNeID" not in page  # no identity provider configured here

    response = client.post("/tai-khoan/dang-nhap/", {"identifier": "Binh@Example.com", "password": PASSWORD, "next": "/dich-vu-cong/ho-so/"}, HTTP_HOST=MAIN)
    assert response.status_code == 302 and response["Location"] == "/dich-vu-cong/ho-so/"
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)
    assert client.get("/tai-khoan/", HTTP_HOST=MAIN)["Location"] == "/tai-khoan/dang-nhap/?next=%2Ftai-khoan%2F"

    # By phone, typed the way people write it; a `next` to another host is ignored.
    response = client.post("/tai-khoan/dang-nhap/", {"identifier": "+84 987 111 222", "password": PASSWORD, "next": "https://evil.example/"}, HTTP_HOST=MAIN)
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)
    response = client.post("/tai-khoan/dang-nhap/", {"identifier": "0987111222", "password": PASSWORD, "next": "//evil.example/x"}, HTTP_HOST=MAIN)
    assert response["Location"] == "/tai-khoan/"
    assert client.get("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN).status_code == 405  # logging out takes a POST
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)
    # An officer's account is not a citizen account.
    client.force_login(django_user_model.objects.create_user(username="can.bo", password=PASSWORD, is_staff=True))
    officer = client.get("/tai-khoan/", HTTP_HOST=MAIN)
    assert officer.status_code == 403 and "Không phải tài khoản công dân" in officer.content.decode()
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)

    # A wrong password and an unknown contact get the same answer.
    wrong = client.post("/tai-khoan/dang-nhap/", {"identifier": "binh@example.com", "password": "sai-mat-khau-1"}, HTTP_HOST=MAIN)
    unknown = client.post("/tai-khoan/dang-nhap/", {"identifier": "ai@example.com", "password": "sai-mat-khau-1"}, HTTP_HOST=MAIN)
    for response in (wrong, unknown):
        html = response.content.decode()
        assert response.status_code == 200 and "Thư điện tử, số điện thoại hoặc mật khẩu không đúng." in html
        assert 'href="#id_identifier"' in html
    assert "_auth_user_id" not in client.session

    # Too many failures for one account, from any address: 429 and a Vietnamese page, even with the right password.
    settings.PORTAL_LOGIN_RATE_LIMIT = 3
    for _ in range(2):
        client.post("/tai-khoan/dang-nhap/", {"identifier": "binh@example.com", "password": "sai-mat-khau-2"}, HTTP_HOST=MAIN, REMOTE_ADDR="10.0.0.9")
    limited = client.post("/tai-khoan/dang-nhap/", {"identifier": "binh@example.com", "password": PASSWORD}, HTTP_HOST=MAIN, REMOTE_ADDR="10.0.0.8")
    assert limited.status_code == 429 and "Tạm dừng do thao tác quá nhiều lần" in limited.content.decode()
    assert "_auth_user_id" not in client.session
    # The phone of the same account is its own identifier; an IP that failed three times is blocked too.
    client.post("/tai-khoan/dang-nhap/", {"identifier": "ai@example.com", "password": "sai-mat-khau-3"}, HTTP_HOST=MAIN)
    blocked_ip = client.post("/tai-khoan/dang-nhap/", {"identifier": "0987111222", "password": PASSWORD}, HTTP_HOST=MAIN)
    assert blocked_ip.status_code == 429
    other_ip = client.post("/tai-khoan/dang-nhap/", {"identifier": "0987111222", "password": PASSWORD}, HTTP_HOST=MAIN, REMOTE_ADDR="10.0.0.7")
    assert other_ip.status_code == 302


def test_code_checks_and_resends_are_rate_limited(client, hosts, settings):
    settings.PORTAL_LOOKUP_RATE_LIMIT = 2
    register(client, phone="0912000111")
    first = last_code("0912000111")
    resend = client.post("/tai-khoan/xac-minh/", {"channel": "sms", "action": "resend"}, HTTP_HOST=MAIN)
    assert resend.status_code == 302
    page = client.get("/tai-khoan/xac-minh/", HTTP_HOST=MAIN).content.decode()
    assert "Mã vừa được gửi. Vui lòng đợi" in page  # cooldown: no second SMS yet
    assert Message.objects.filter(recipient="0912000111").count() == 1 and last_code("0912000111") == first
    verify(client, "sms", "123")
    verify(client, "sms", "1234567")
    limited = verify(client, "sms", first)
    assert limited.status_code == 429 and "thử lại sau 15 phút" in limited.content.decode()


def test_unverified_contact_is_released_after_its_code_lapses():
    squatter = make_citizen(phone="0912333444", verified=False, full_name="Người gõ nhầm số")
    # While the code is live, the number is held.
    with pytest.raises(services.CitizenError, match="đã được dùng"):
        services.citizen_register(kind="individual", full_name="Chủ số thật", phone="0912333444", password=PASSWORD)
    VerificationCode.objects.filter(user=squatter).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    owner = services.citizen_register(kind="individual", full_name="Chủ số thật", phone="0912333444", password=PASSWORD)
    assert owner.citizen_profile.phone == "0912333444"
    squatter.citizen_profile.refresh_from_db()
    assert squatter.citizen_profile.phone == ""
    assert ModelLogEntry.objects.filter(action="portal.citizen.contact_release").exists()
