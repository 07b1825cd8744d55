"""Search in a real browser: axe-core (WCAG 2.1 AA) on the results page at 1280 and 320 CSS px, on the
main portal (with facets) and on a unit's site, including the "no results" advice; and a keyboard
user who reaches the header search box with Tab, searches without diacritics and reaches a result."""

import pytest
from playwright.sync_api import expect

from e2e.a11y import DESKTOP, audit, visit
from e2e.conftest import publish_article

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def searchable(portal_sites):
    from portal.procedures.models import Procedure, ProcedureStatus

    publish_article(
        portal_sites.section(portal_sites.agency), title="Hội nghị chuyển đổi số tại Đồng Hới",
        lead="Sở Thông tin và Truyền thông tổ chức hội nghị ở Đồng Hới.", body="<p>Nội dung hội nghị.</p>",
    )
    publish_article(
        portal_sites.section(portal_sites.district), title="Đồng Hới chỉnh trang đô thị",
        lead="Thành phố ra quân chỉnh trang đô thị.", body="<p>Đường phố Đồng Hới sạch đẹp.</p>",
    )
    Procedure.objects.create(
        national_code="1.009001", name="Cấp phép tổ chức lễ hội ở Đồng Hới", unit=portal_sites.agency,
        primary_level="province", status=ProcedureStatus.PUBLISHED,
    )
    return portal_sites


def test_results_pages_pass_axe_at_both_widths(new_page, searchable):
    sites = searchable

    def check(name, page):
        if name == "none":
            expect(page.locator("#sr-count")).to_contain_text("Không có kết quả")
        elif name == "empty":
            expect(page.locator("#sr-q")).to_be_visible()
        else:
            expect(page.locator(".sr-item").first).to_be_visible()
            expect(page.locator(".sr-item mark").first).to_be_visible()

    failures = audit(new_page, {
        "main": sites.url(sites.province, "/tim-kiem/?q=dong+hoi"),
        "main filtered": sites.url(sites.province, "/tim-kiem/?q=%C4%90%E1%BB%93ng+H%E1%BB%9Bi&loai=article"),
        "unit": sites.url(sites.agency, "/tim-kiem/?q=hoi+nghi"),
        "none": sites.url(sites.province, '/tim-kiem/?q="khong+co+gi+het"'),
        "empty": sites.url(sites.province, "/tim-kiem/"),
    }, check=check)
    assert not failures, "\n".join(failures)


def test_keyboard_user_searches_from_the_header(new_page, searchable):
    sites = searchable
    page = new_page(viewport=DESKTOP)
    visit(page, sites.url(sites.province, "/"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "header-q":
            break
    else:
        pytest.fail("Tab never reached the header search box")
    page.keyboard.type("dong hoi")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=dong+hoi")
    expect(page.locator("#sr-count")).to_contain_text("3 kết quả")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kết quả tìm kiếm")
    # Folded matching marks "Đồng" and "Hới" (and "Hội", which folds to the same "hoi").
    expect(page.locator(".sr-title mark", has_text="Đồng").first).to_be_visible()
    # Tab from the results box onwards reaches the first facet link and then the results.
    page.locator("#sr-q").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.sr-title') !== null"):
            break
    else:
        pytest.fail("Tab never reached a result link")
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_contain_text("Đồng Hới")
