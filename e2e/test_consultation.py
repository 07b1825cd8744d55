"""Lấy ý kiến dự thảo in a real browser (L-43-10.10, L-72-5, WCAG 2.1 AA).

axe-core finds nothing on the consultation index, an open consultation (form and approved
comments) and a closed one with its response report, at 1280 and 320 CSS px, and none of
them scrolls sideways at 320 px. Then a citizen sends a comment, sees the confirmation with
its reference number, and the comment shows on the page only after a moderator approves it
in the admin.
"""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from e2e.a11y import AXE_OPTIONS, DESKTOP, audit, visit
from e2e.conftest import PASSWORD

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OPEN_TITLE = "Dự thảo Quyết định ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh"
CLOSED_TITLE = "Dự thảo Nghị quyết quy định mức chi hỗ trợ thành viên Tổ công nghệ số cộng đồng"
CITIZEN_TEXT = "Đề nghị bổ sung thời hạn cập nhật lịch công tác của lãnh đạo vào Điều 6."


def _publish(index, **fields):
    from portal.consultation.models import ConsultationPage

    page = ConsultationPage(**fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


@pytest.fixture
def consultations(board):
    """On the agency's site: an open consultation with two approved comments (one answered)
    and a pending one, and a closed consultation with its response report."""
    from django.utils import timezone

    from portal.consultation import services
    from portal.consultation.models import ConsultationIndexPage
    from portal.editorial.constants import Role

    sites = board
    head = sites.users[Role.BOARD_HEAD]
    index = ConsultationIndexPage.objects.get(unit=sites.agency, slug="lay-y-kien")
    now = timezone.now()
    open_page = _publish(
        index,
        title=OPEN_TITLE,
        summary="Quy định việc quản lý, vận hành, cung cấp và cập nhật thông tin trên Cổng thông tin điện tử tỉnh.",
        body="<h2>Chương I. Quy định chung</h2><p><b>Điều 1. Phạm vi điều chỉnh.</b> Quy chế này quy định về quản lý Cổng.</p>",
        legal_basis="Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ.",
        opens_at=now - timedelta(days=5),
        closes_at=now + timedelta(days=25),
    )
    closed_page = _publish(
        index,
        title=CLOSED_TITLE,
        summary="Mức chi hỗ trợ hằng tháng đối với thành viên Tổ công nghệ số cộng đồng ở thôn, bản, tổ dân phố.",
        body="<p><b>Điều 2. Mức chi.</b> Tổ trưởng 300.000 đồng/tháng; thành viên 200.000 đồng/tháng.</p>",
        opens_at=now - timedelta(days=70),
        closes_at=now - timedelta(days=40),
        report_body="<p>Cơ quan soạn thảo nhận được 02 ý kiến; tiếp thu bổ sung hỗ trợ chi phí dữ liệu di động.</p>",
    )
    for name, text, response in (
        ("Nguyễn Văn Hùng", "Đề nghị quy định rõ trách nhiệm của Ban biên tập cấp xã.", "Tiếp thu, bổ sung tại Điều 9."),
        ("Trần Thị Mai", "Nên có phiên bản tiếng Anh cho phần giới thiệu.", ""),
    ):
        comment = services.comment_submit(consultation=open_page, name=name, email="nguoi.dan@example.vn", content=text, notify=False)
        services.comment_moderate(comment=comment, actor=head, approve=True)
        if response:
            services.comment_respond(comment=comment, actor=head, response=response)
    services.comment_submit(consultation=open_page, name="Lê Chờ Duyệt", email="cho@example.vn", content="Góp ý đang chờ.", notify=False)
    old = services.comment_submit(
        consultation=closed_page, name="Đặng Văn Tuấn", email="tuan@example.vn", content="Đề nghị hỗ trợ chi phí dữ liệu di động.",
        now=closed_page.opens_at + timedelta(days=1), notify=False,
    )
    services.comment_moderate(comment=old, actor=head, approve=True)
    services.comment_respond(comment=old, actor=head, response="Tiếp thu: bổ sung khoản 3 Điều 2.")
    return {
        "sites": sites,
        "index": sites.url(sites.agency, "/lay-y-kien/"),
        "open": open_page.get_full_url(),
        "closed": closed_page.get_full_url(),
    }


def test_axe_and_reflow_on_consultation_pages(new_page, consultations):
    def check(name, page):
        if name == "open":
            expect(page.locator("form.public-form")).to_be_visible()
            expect(page.locator("#y-kien")).to_contain_text("Tiếp thu, bổ sung tại Điều 9.")
        if name == "closed":
            expect(page.locator("#bao-cao")).to_contain_text("tiếp thu bổ sung hỗ trợ chi phí dữ liệu di động")

    pages = {name: consultations[name] for name in ("index", "open", "closed")}
    failures = audit(new_page, pages, check=check)
    assert not failures, "\n\n".join(failures)


def test_citizen_comment_shows_only_after_a_moderator_approves_it(new_page, consultations):
    sites = consultations["sites"]
    citizen = new_page(viewport=DESKTOP)
    visit(citizen, consultations["open"])

    # Sent empty first: the errors are announced and tied to their fields, and still pass axe.
    citizen.get_by_role("button", name="Gửi góp ý").click()
    expect(citizen.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    expect(citizen.locator("#id_consent")).to_have_attribute("aria-invalid", "true")
    results = Axe().run(citizen, options=AXE_OPTIONS)
    assert not results.violations_count, results.generate_report()

    citizen.get_by_label("Họ và tên").fill("Phạm Thị Thu")
    citizen.get_by_label("Thư điện tử", exact=False).first.fill("thu.pt@example.vn")
    citizen.get_by_label("Nội dung góp ý").fill(CITIZEN_TEXT)
    consent = citizen.locator("#id_consent")
    expect(consent).not_to_be_checked()  # never pre-ticked
    consent.check()
    citizen.get_by_role("button", name="Gửi góp ý").click()

    thanks = citizen.locator("#cam-on")
    expect(thanks).to_contain_text("Cảm ơn bạn đã gửi góp ý")
    reference = thanks.locator(".reference").inner_text()
    assert re.fullmatch(r"GY\d{6}-[A-Z2-9]{5}", reference), reference
    expect(citizen.locator("#y-kien")).not_to_contain_text(CITIZEN_TEXT)

    # The Trưởng ban approves it in the admin.
    from portal.editorial.constants import Role

    moderator = new_page(viewport=DESKTOP)
    head = sites.users[Role.BOARD_HEAD]
    moderator.goto(sites.url(sites.agency, "/admin/login/"))
    moderator.locator("#id_username").fill(head.username)
    moderator.locator("#id_password").fill(PASSWORD)
    moderator.locator("form.login-form [type=submit]").click()
    moderator.wait_for_url(re.compile(r"/admin/$"))
    moderator.goto(sites.url(sites.agency, "/admin/gop-y-du-thao/"))
    row = moderator.locator("tr", has_text=reference)
    expect(row).to_contain_text("Phạm Thị Thu")
    row.get_by_role("link", name=re.compile("Xem, kiểm duyệt")).click()
    expect(moderator.locator("main")).to_contain_text(CITIZEN_TEXT)
    moderator.get_by_role("button", name="Duyệt, công khai góp ý").click()
    expect(moderator.locator(".messages")).to_contain_text(f"Đã duyệt, công khai góp ý {reference}")

    citizen.reload()
    comments = citizen.locator("#y-kien")
    expect(comments).to_contain_text(CITIZEN_TEXT)
    expect(comments).to_contain_text("Phạm Thị Thu")
    expect(comments).not_to_contain_text("thu.pt@example.vn")
