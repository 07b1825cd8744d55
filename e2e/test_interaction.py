"""Hỏi đáp in a real browser: a citizen asks on the agency's site, the board answers in the admin,
the citizen finds the published answer (also searching without diacritics); axe-core finds no
WCAG 2.1 AA violations on the listing, the form (empty and with errors) and the receipt at 1280 and 320 px.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from e2e.a11y import AXE_OPTIONS, DESKTOP, NARROW
from e2e.conftest import PASSWORD

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Thủ tục cấp giấy phép thiết lập trang thông tin điện tử tổng hợp"
ANSWER = "Hồ sơ gồm đơn đề nghị theo mẫu, đề án hoạt động; nộp tại Trung tâm Phục vụ hành chính công tỉnh."
CODE = re.compile(r"(?:HD|PA)-\d{6}-[0-9A-Z]{4}")


@pytest.fixture
def topics(portal_sites):
    from portal.interaction.models import Topic

    return [
        Topic.objects.create(unit=portal_sites.agency, name="Viễn thông – Internet", sort_order=1),
        Topic.objects.create(unit=portal_sites.agency, name="Chuyển đổi số", sort_order=2),
    ]


def fill_question(page: Page) -> None:
    page.get_by_label("Câu hỏi", exact=True).check()
    page.get_by_label("Lĩnh vực").select_option(label="Viễn thông – Internet")
    page.get_by_label("Tiêu đề").fill(TITLE)
    page.get_by_label("Nội dung").fill("Doanh nghiệp tôi muốn lập trang tin tổng hợp thì cần hồ sơ gì và nộp ở đâu?")
    page.get_by_label("Họ và tên").fill("Nguyễn Văn An")
    page.get_by_label("Thư điện tử").fill("an.nguyen@example.com")
    page.get_by_label("Tôi đã đọc và đồng ý").check()


def axe_violations(page: Page, name: str) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    width = page.viewport_size["width"]
    return [f"== {name} at {width}px\n{results.generate_report()}"] if results.violations_count else []


def test_citizen_asks_board_answers_citizen_finds_the_answer(new_page, board, topics):
    sites = board
    citizen = new_page(viewport=DESKTOP)
    citizen.goto(sites.url(sites.agency, "/hoi-dap/gui/"))
    fill_question(citizen)
    citizen.get_by_role("button", name="Gửi").click()
    expect(citizen.get_by_role("heading", level=1)).to_contain_text("Đã tiếp nhận")
    receipt = citizen.locator(".receipt").inner_text()
    code = CODE.search(receipt).group(0)
    assert re.search(r"Hạn trả lời dự kiến: \d{2}/\d{2}/\d{4}", receipt)

    # Not public yet.
    citizen.goto(sites.url(sites.agency, "/hoi-dap/"))
    expect(citizen.locator("main")).not_to_contain_text(TITLE)

    head = sites.users["board_head"]
    admin = new_page(viewport=DESKTOP)
    admin.goto(sites.url(sites.agency, "/admin/login/"))
    admin.locator("#id_username").fill(head.username)
    admin.locator("#id_password").fill(PASSWORD)
    admin.locator("form.login-form [type=submit]").click()
    admin.wait_for_url(re.compile(r"/admin/$"))
    expect(admin.get_by_role("region", name="Hỏi đáp chờ xử lý")).to_contain_text("Chưa trả lời: 1")
    admin.get_by_role("link", name="Mở danh sách hỏi đáp, phản ánh").click()
    admin.get_by_role("link", name=code).click()
    admin.get_by_label("Người xử lý").select_option(value=str(head.pk))
    admin.get_by_role("button", name="Giao xử lý").click()
    expect(admin.locator(".messages .success")).to_contain_text("Đã giao xử lý")
    admin.get_by_label("Nội dung trả lời").fill(ANSWER)
    admin.get_by_role("button", name="Lưu câu trả lời").click()
    expect(admin.locator(".messages .success")).to_contain_text("Đã lưu câu trả lời")
    admin.get_by_role("button", name="Đăng công khai").click()
    expect(admin.locator(".messages .success")).to_contain_text("Đã đăng công khai")

    citizen.goto(sites.url(sites.agency, "/hoi-dap/"))
    expect(citizen.locator("main")).to_contain_text(TITLE)
    citizen.get_by_label("Từ khóa").fill("thu tuc giay phep")
    citizen.locator("main").get_by_role("button", name="Tìm").click()
    expect(citizen.locator(".qa-list")).to_contain_text(TITLE)
    citizen.get_by_role("link", name=TITLE).click()
    expect(citizen.locator("main")).to_contain_text(ANSWER)
    expect(citizen.locator("main")).not_to_contain_text("an.nguyen@example.com")


def test_axe_finds_no_violations_on_the_qa_pages(new_page, portal_sites, topics):
    from portal.interaction import services

    services.question_submit(
        unit=portal_sites.agency, kind="question", topic=topics[0], title=TITLE, content="Nội dung câu hỏi.",
        asker_name="Nguyễn Văn An", asker_email="an.nguyen@example.com",
    )
    failures = []
    for viewport in (DESKTOP, NARROW):
        page = new_page(viewport=viewport)
        page.goto(portal_sites.url(portal_sites.agency, "/hoi-dap/"))
        failures += axe_violations(page, "listing (empty)")
        page.goto(portal_sites.url(portal_sites.agency, "/hoi-dap/gui/"))
        failures += axe_violations(page, "form")
        page.get_by_role("button", name="Gửi").click()
        expect(page.locator(".error-summary")).to_be_visible()
        failures += axe_violations(page, "form with errors")
        fill_question(page)
        page.get_by_role("button", name="Gửi").click()
        expect(page.locator(".receipt")).to_be_visible()
        failures += axe_violations(page, "receipt")
        page.goto(portal_sites.url(portal_sites.agency, "/hoi-dap/tra-cuu/"))
        failures += axe_violations(page, "lookup")
        if viewport is NARROW:
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"the lookup page scrolls sideways by {overflow}px at 320px"
    assert not failures, "\n\n".join(failures)
