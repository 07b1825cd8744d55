"""A citizen account in a real browser: register with a phone, verify it with the code the SMS carried
(read from the outbox), log out and in again by phone; axe-core finds no WCAG 2.1 AA violations on the
registration page (empty and with errors), the verification page and the login page at 1280 and 320 px.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from e2e.a11y import AXE_OPTIONS, DESKTOP, NARROW, audit, horizontal_overflow
from e2e.conftest import PASSWORD

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = "0912 468 135"


def axe_violations(page: Page, name: str) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    width = page.viewport_size["width"]
    failures = [f"== {name} at {width}px\n{results.generate_report()}"] if results.violations_count else []
    if width == NARROW["width"] and horizontal_overflow(page)["scrollWidth"] > NARROW["width"]:
        failures.append(f"== {name}: scrolls sideways at 320 px: {horizontal_overflow(page)}")
    return failures


def sms_code() -> str:
    from portal.notifications.models import Message

    message = Message.objects.filter(recipient="0912468135", event="citizen.verify").order_by("-pk").first()
    assert message is not None, "no SMS in the outbox"
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def test_register_verify_and_log_in(new_page, portal_sites):
    sites = portal_sites
    failures = audit(
        new_page,
        {
            "đăng ký": sites.url(sites.province, "/tai-khoan/dang-ky/"),
            "đăng nhập": sites.url(sites.province, "/tai-khoan/dang-nhap/"),
        },
    )

    page = new_page(viewport=DESKTOP)
    page.goto(sites.url(sites.province, "/tai-khoan/dang-ky/"))
    # Sent empty: the error summary comes first and links to the fields.
    page.get_by_role("button", name="Đăng ký").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Hãy nhập họ và tên.")
    expect(summary).to_contain_text("Bạn cần đánh dấu đồng ý xử lý dữ liệu cá nhân")
    summary.get_by_role("link", name=re.compile("^Họ và tên")).click()
    expect(page.locator("#id_full_name")).to_be_focused()
    failures += axe_violations(page, "đăng ký có lỗi")

    page.get_by_label("Họ và tên").fill("Võ Thị Mai")
    page.get_by_label("Số điện thoại di động").fill(PHONE)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_label("Tôi đã đọc và đồng ý").check()
    page.get_by_role("button", name="Đăng ký").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Xác minh thư điện tử, số điện thoại")
    expect(page.locator("main")).to_contain_text("Chưa xác minh")
    failures += axe_violations(page, "xác minh")

    code_field = page.get_by_label("Mã xác minh (6 chữ số)")
    code_field.fill(sms_code())
    code_field.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tài khoản của tôi")
    expect(page.locator(".acct-contacts")).to_contain_text("✓ Đã xác minh")
    expect(page.get_by_role("link", name="Hồ sơ của tôi")).to_have_attribute("href", "/dich-vu-cong/ho-so/")
    expect(page.locator("main")).not_to_contain_text("Tài khoản chưa nộp được hồ sơ")

    page.get_by_role("button", name="Đăng xuất").click()
    page.goto(sites.url(sites.province, "/tai-khoan/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng nhập")
    page.get_by_label("Thư điện tử hoặc số điện thoại").fill("0912468135")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau-1")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".error-summary")).to_contain_text("Thư điện tử, số điện thoại hoặc mật khẩu không đúng.")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tài khoản của tôi")
    expect(page.locator("main")).to_contain_text("Võ Thị Mai")

    narrow = new_page(viewport=NARROW)
    narrow.goto(sites.url(sites.province, "/tai-khoan/dang-nhap/"))
    narrow.get_by_role("button", name="Đăng nhập").click()
    failures += axe_violations(narrow, "đăng nhập có lỗi")
    assert not failures, "\n\n".join(failures)
