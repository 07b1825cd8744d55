"""WCAG 2.1 AA on the procedure catalogue and a procedure page (issue #4 point 1), in a real browser.

axe-core runs at 1280 and 320 CSS px on the main portal's catalogue with facets applied, on a
unit's catalogue and on a procedure page and its print view; a keyboard user reaches the search
box and a facet link with Tab, at both widths (the filters fold into a <details> on narrow screens).
"""

import pytest
from playwright.sync_api import expect

from e2e.a11y import DESKTOP, NARROW, audit, visit

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def procedures(portal_sites):
    """A few published procedures over two units, with papers, channels and a downloadable form."""
    from django.core.files.base import ContentFile

    from portal.procedures.models import (
        Field,
        Procedure,
        ProcedureHandling,
        ProcedurePaper,
        ProcedureStatus,
    )

    ho_tich = Field.objects.create(name="Hộ tịch", slug="ho-tich")
    vien_thong = Field.objects.create(name="Bưu chính, viễn thông và Internet", slug="vien-thong")
    commune, agency = portal_sites.commune, portal_sites.agency

    def make(code, name, unit, field, applicant_types, online=False, **extra):
        procedure = Procedure.objects.create(
            national_code=code, name=name, unit=unit, field=field, applicant_types=applicant_types, levels=["commune"],
            primary_level="commune", status=ProcedureStatus.PUBLISHED, competent_agency=unit.display_name, **extra,
        )
        ProcedureHandling.objects.create(procedure=procedure, unit=unit, online_enabled=online)
        return procedure

    khai_sinh = make(
        "1.001193", "Đăng ký khai sinh", commune, ho_tich, ["citizen"], online=True,
        online_submission=True, online_processing=True, online_result=True, time_limit_days=1,
        steps="Bước 1. Người yêu cầu nộp tờ khai.\nBước 2. Công chức tư pháp – hộ tịch kiểm tra và ghi vào sổ hộ tịch.",
        channels=[
            {"channel": "online", "days": 1, "fee_text": "Miễn lệ phí"},
            {"channel": "in_person", "days": 1, "fee_text": "Miễn lệ phí"},
            {"channel": "post", "days": 1, "fee_text": "Miễn lệ phí"},
        ],
        conditions="Không có.", result="Giấy khai sinh (bản chính).", legal_basis="Luật Hộ tịch số 60/2014/QH13.",
    )
    ProcedurePaper.objects.create(procedure=khai_sinh, name="Tờ khai đăng ký khai sinh theo mẫu", originals=1,
                                  template_name="Tờ khai đăng ký khai sinh",
                                  template_file=ContentFile(b"%PDF-1.4\n", name="to-khai-khai-sinh.pdf"), sort_order=1)
    ProcedurePaper.objects.create(procedure=khai_sinh, name="Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh",
                                  originals=1, sort_order=2)
    make("1.001022", "Đăng ký kết hôn", commune, ho_tich, ["citizen"], time_limit_days=3)
    make("1.004500", "Cấp giấy phép thiết lập mạng viễn thông dùng riêng", agency, vien_thong, ["enterprise"],
         online_submission=True, online_processing=True, fee_amount=500000, time_limit_days=15)
    make("1.006000", "Cấp giấy phép hoạt động bưu chính nội tỉnh", agency, vien_thong, ["enterprise", "citizen"])
    return khai_sinh


def test_catalogue_and_procedure_page_have_no_axe_violations(new_page, portal_sites, procedures):
    main = portal_sites.url(portal_sites.province, "/dich-vu-cong/")
    pages = {
        "catalogue with facets": main + "?q=dang+ky&doi-tuong=individual&linh-vuc=ho-tich",
        "catalogue, all": main,
        "commune catalogue": portal_sites.url(portal_sites.commune, "/dich-vu-cong/"),
        "procedure page": main + "thu-tuc/1.001193/",
        "print view": main + "thu-tuc/1.001193/?in=1",
    }

    def check(name, page):
        if name == "catalogue with facets":
            expect(page.get_by_role("heading", name="Đang lọc theo")).to_be_visible()
            expect(page.locator(".pc-item")).to_have_count(2)
        if name == "procedure page":
            expect(page.get_by_role("link", name="Nộp hồ sơ trực tuyến")).to_be_visible()
            expect(page.get_by_role("button", name="In trang này")).to_be_visible()

    failures = audit(new_page, pages, check=check)
    assert not failures, "\n\n".join(failures)


def _tab_until(page, predicate: str, limit: int = 60) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({predicate}); }}"):
            return True
    return False


def test_keyboard_reaches_search_and_a_facet_link(new_page, portal_sites, procedures):
    url = portal_sites.url(portal_sites.province, "/dich-vu-cong/")

    page = new_page(viewport=DESKTOP)
    visit(page, url)
    assert _tab_until(page, "el.id === 'pc-q'"), "the search box is reachable with Tab"
    page.keyboard.type("khai sinh")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".pc-item")).to_have_count(1)
    assert _tab_until(page, "!!el.closest('.pc-facet') && el.tagName === 'A'"), "a facet link is reachable with Tab"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=khai+sinh" in page.url and ("doi-tuong=" in page.url or "linh-vuc=" in page.url or "muc-do=" in page.url)
    expect(page.locator("a.pc-selected").first).to_be_visible()

    narrow = new_page(viewport=NARROW)
    visit(narrow, url)
    expect(narrow.locator(".pc-facet a").first).to_be_hidden()  # folded above the results
    assert _tab_until(narrow, "el.tagName === 'SUMMARY'"), "the folded filters are reachable with Tab"
    narrow.keyboard.press("Enter")
    assert _tab_until(narrow, "!!el.closest('.pc-facet') && el.tagName === 'A'")
    with narrow.expect_navigation():
        narrow.keyboard.press("Enter")
    expect(narrow.get_by_role("heading", name="Đang lọc theo")).to_be_visible()


def test_procedure_page_prints_without_site_chrome(new_page, portal_sites, procedures):
    page = new_page(viewport=DESKTOP)
    visit(page, portal_sites.url(portal_sites.province, "/dich-vu-cong/thu-tuc/1.001193/"))
    expect(page.locator(".site-header")).to_be_visible()
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".breadcrumbs", ".pc-actions"):
        expect(page.locator(selector)).to_be_hidden()
    table = page.locator("table.pc-table").first
    expect(table).to_be_visible()
    styles = page.evaluate(
        """() => {
            const cell = document.querySelector('table.pc-table td');
            const text = document.querySelector('.pc-text p');
            const cs = (el) => getComputedStyle(el);
            return {border: cs(cell).borderTopStyle, borderColor: cs(cell).borderTopColor, color: cs(text).color,
                    link: cs(document.querySelector('main a')).color};
        }"""
    )
    assert styles == {"border": "solid", "borderColor": "rgb(0, 0, 0)", "color": "rgb(0, 0, 0)", "link": "rgb(0, 0, 0)"}
