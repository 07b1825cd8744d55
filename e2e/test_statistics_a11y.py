"""WCAG 2.1 AA on the published statistics of dossier processing (L-61-stats), checked in a real browser.

axe-core runs at 1280 and 320 CSS px on the main portal's statistics (the province, with its tables per
unit and per procedure), on a unit's own statistics, and on the period form showing its errors.
"""

import pytest
from playwright.sync_api import expect

from e2e.a11y import audit

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
MARCH = "/dich-vu-cong/thong-ke/?tu-ngay=01/03/2026&den-ngay=31/03/2026"


def test_statistics_pages_have_no_axe_violations(new_page, portal_sites):
    from portal.dossiers.tests.test_statistics import dossier_set

    dossier_set(portal_sites.agency, portal_sites.commune)
    pages = {
        "province": portal_sites.url(portal_sites.province, MARCH),
        "unit": portal_sites.url(portal_sites.agency, MARCH),
        "wrong dates": portal_sites.url(portal_sites.province, "/dich-vu-cong/thong-ke/?tu-ngay=31/03/2026&den-ngay=abc"),
    }

    def check(name, page):
        if name == "wrong dates":
            expect(page.locator(".error-summary")).to_contain_text("Ngày kết thúc chưa đúng dạng")
            return
        expect(page.get_by_role("table", name="Tình hình giải quyết hồ sơ")).to_be_visible()
        received = page.get_by_role("row", name="Tiếp nhận mới trong kỳ")
        expect(received).to_contain_text("10" if name == "province" else "9")
        if name == "province":
            expect(page.locator("#bang-don-vi")).to_contain_text("UBND xã Bảo Ninh")

    failures = audit(new_page, pages, check=check)
    assert not failures, "\n\n".join(failures)
