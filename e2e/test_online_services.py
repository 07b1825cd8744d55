"""Online public services in a real browser, end to end.

A citizen finds a procedure (typing without diacritics), fills the e-form by keyboard alone, attaches a
file, saves a draft, resumes it on another device and submits; the commune's one-stop officer receives it
and asks for a supplement; the citizen supplements; the officer records and returns the result; the citizen
looks the status up, downloads the result and rates the service. The outbox holds a message for each step.
axe-core finds no WCAG 2.1 AA violations on the submission form and the lookup page at 1280 and 320 px.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from e2e.a11y import AXE_OPTIONS, DESKTOP, NARROW
from e2e.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PDF = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n"
CODE = re.compile(r"Hồ sơ (\S+-\d{6}-\d{4})")


@pytest.fixture
def services_world(portal_sites):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from portal.citizens.models import CitizenProfile
    from portal.dossiers.tests.factories import online_procedure
    from portal.editorial.constants import Role
    from portal.editorial.services import role_grant

    procedure = online_procedure(portal_sites.commune, code="1.004772", name="Thủ tục đăng ký khai sinh", online_result=True)
    User = get_user_model()
    citizen = User.objects.create_user(username="cd-huong", password=PASSWORD)
    CitizenProfile.objects.create(user=citizen, full_name="Nguyễn Thị Hương", phone="0912345678", phone_verified_at=timezone.now(),
                                  address="Thôn Quang Phú, xã Bảo Ninh")
    officer = User.objects.create_user(username="motcua.baoninh", password=PASSWORD, first_name="Hằng", last_name="Võ Thị")
    role_grant(user=officer, unit=portal_sites.commune, role=Role.ONE_STOP)
    portal_sites.users.update({"citizen": citizen, "officer": officer})
    return portal_sites, procedure


def axe_violations(page: Page, name: str) -> list[str]:
    failures = []
    for viewport in (DESKTOP, NARROW):
        page.set_viewport_size(viewport)
        results = Axe().run(page, options=AXE_OPTIONS)
        if results.violations_count:
            failures.append(f"== {name} at {viewport['width']}px\n{results.generate_report()}")
    page.set_viewport_size(DESKTOP)
    return failures


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until `selector` has the focus: proves it is reachable by keyboard, in order."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} never received the focus by Tab")


def citizen_login(page: Page, sites, path: str) -> None:
    page.goto(sites.url(sites.province, path))
    page.get_by_label("Thư điện tử hoặc số điện thoại").fill("0912345678")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def officer_open(page: Page, sites, code: str) -> None:
    page.goto(sites.url(sites.commune, "/admin/mot-cua/"))
    page.get_by_role("link", name=code).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(code)


def test_citizen_submits_officer_processes_citizen_tracks_downloads_and_rates(new_page, services_world, tmp_path):
    from portal.dossiers.models import Dossier
    from portal.notifications.models import Message

    sites, _procedure = services_world
    failures = []
    paper = tmp_path / "to-khai-khai-sinh.pdf"
    paper.write_bytes(PDF)

    # 1. Find the procedure on the main portal, typed without diacritics.
    citizen = new_page(viewport=DESKTOP)
    citizen.goto(sites.url(sites.province, "/dich-vu-cong/?q=dang+ky+khai+sinh"))
    citizen.get_by_role("link", name=re.compile("Thủ tục đăng ký khai sinh")).first.click()
    citizen.get_by_role("link", name=re.compile("Nộp hồ sơ trực tuyến")).click()
    # Not logged in: the login page, then back to the form.
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Đăng nhập")
    citizen.get_by_label("Thư điện tử hoặc số điện thoại").fill("0912345678")
    citizen.get_by_label("Mật khẩu").fill(PASSWORD)
    citizen.get_by_role("button", name="Đăng nhập").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Nộp hồ sơ trực tuyến")
    failures += axe_violations(citizen, "submission form")

    # 2. Keyboard alone: reach the e-form field, type, choose delivery, save the draft with Enter.
    tab_to(citizen, "#id_f_ten_tre")
    citizen.keyboard.type("Nguyễn Văn Bình")
    # A radio group is one Tab stop; the arrow keys move within it (in person → post → online).
    tab_to(citizen, "input[name=result_delivery][value=in_person]")
    citizen.keyboard.press("ArrowDown")
    citizen.keyboard.press("ArrowDown")
    expect(citizen.locator("input[name=result_delivery][value=online]")).to_be_checked()
    citizen.locator("input[type=file]").set_input_files(str(paper))
    tab_to(citizen, "button[value=save]")
    citizen.keyboard.press("Enter")
    expect(citizen.get_by_text("Đã lưu bản nháp")).to_be_visible()
    assert Dossier.objects.get().status == "draft"

    # 3. Another device: log in, resume the draft from "Hồ sơ của tôi", submit.
    phone = new_page(viewport=NARROW)
    citizen_login(phone, sites, "/dich-vu-cong/ho-so/")
    phone.get_by_role("link", name="Bản nháp (tiếp tục)").click()
    expect(phone.locator("#id_f_ten_tre")).to_have_value("Nguyễn Văn Bình")
    expect(phone.get_by_text("Đã đính kèm: to-khai-khai-sinh.pdf")).to_be_visible()
    phone.get_by_role("button", name="Nộp hồ sơ").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Hồ sơ ")
    code = CODE.search(phone.get_by_role("heading", level=1).inner_text()).group(1)
    expect(phone.get_by_text("Đã nộp, chờ tiếp nhận").first).to_be_visible()

    # 4. The officer receives and asks for a supplement (Mẫu 02).
    office = new_page(viewport=DESKTOP)
    office.goto(sites.url(sites.commune, "/admin/login/"))
    office.locator("#id_username").fill("motcua.baoninh")
    office.locator("#id_password").fill(PASSWORD)
    office.locator("form.login-form [type=submit]").click()
    office.wait_for_url(re.compile(r"/admin/$"))
    officer_open(office, sites, code)
    office.get_by_role("button", name="Tiếp nhận và lập giấy hẹn (Mẫu 01)").click()
    expect(office.get_by_text("Đã tiếp nhận hồ sơ").first).to_be_visible()
    office.get_by_label("Giấy tờ cần bổ sung, hoàn thiện").fill("Bản sao giấy chứng sinh")
    office.get_by_role("button", name="Gửi yêu cầu bổ sung (Mẫu 02)").click()
    expect(office.get_by_text("Đã gửi yêu cầu bổ sung").first).to_be_visible()

    # 5. The citizen supplements from the dossier page.
    phone.reload()
    expect(phone.get_by_text("Bản sao giấy chứng sinh").first).to_be_visible()
    phone.get_by_label("Nội dung bổ sung").fill("Gửi bản sao giấy chứng sinh")
    phone.get_by_label("Giấy tờ bổ sung").set_input_files(str(paper))
    phone.get_by_role("button", name="Gửi bổ sung").click()
    expect(phone.get_by_text("Đã gửi giấy tờ bổ sung")).to_be_visible()

    # 6. The officer records the result (a file: the citizen chose online delivery) and returns it.
    office.reload()
    office.get_by_label("Tóm tắt kết quả giải quyết").fill("Cấp Giấy khai sinh bản điện tử")
    office.get_by_label("Tệp kết quả (PDF, Word, ảnh)").set_input_files(str(paper))
    office.get_by_role("button", name="Ghi nhận kết quả").click()
    expect(office.get_by_text("Đã ghi nhận kết quả").first).to_be_visible()
    office.get_by_label("Hình thức trả").select_option("online")
    office.get_by_role("button", name="Xác nhận đã trả kết quả").click()
    expect(office.get_by_text("Đã trả kết quả").first).to_be_visible()

    # 7. Anyone with the code and the phone's last digits sees the status.
    visitor = new_page(viewport=DESKTOP)
    visitor.goto(sites.url(sites.province, "/dich-vu-cong/tra-cuu/"))
    visitor.get_by_label("Mã hồ sơ").fill(code)
    visitor.get_by_label("4 số cuối điện thoại của người nộp").fill("5678")
    visitor.get_by_role("button", name="Tra cứu").click()
    expect(visitor.locator(".lookup-result")).to_contain_text("Đã trả kết quả")
    failures += axe_violations(visitor, "lookup result")
    visitor.get_by_label("4 số cuối điện thoại của người nộp").fill("0000")
    visitor.get_by_role("button", name="Tra cứu").click()
    expect(visitor.get_by_text("Không tìm thấy hồ sơ")).to_be_visible()
    failures += axe_violations(visitor, "lookup not found")

    # 8. The citizen downloads the result and rates the service.
    phone.reload()
    with phone.expect_download() as download:
        phone.get_by_role("link", name=re.compile("Tải kết quả")).click()
    assert download.value.suggested_filename == "to-khai-khai-sinh.pdf"
    phone.get_by_label("Rất hài lòng").check()
    phone.get_by_role("button", name="Gửi đánh giá").click()
    expect(phone.get_by_text("Cảm ơn ông/bà đã đánh giá")).to_be_visible()

    dossier = Dossier.objects.get(code=code)
    assert dossier.status == "returned" and dossier.rating.rating == "very_satisfied"
    events = set(Message.objects.filter(reference=code, channel="sms").values_list("event", flat=True))
    assert {"dossier.submit", "dossier.receive", "dossier.request_supplement", "dossier.supplement",
            "dossier.result", "dossier.return"} <= events
    assert not failures, "\n".join(failures)
