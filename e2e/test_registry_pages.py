"""WCAG 2.1 AA on the registry pages (organisation chart, leaders, contacts, spokesperson, map, English).

The demo registries are loaded for the province and the agency; axe-core runs at 1280 and
320 CSS px, and the pages must reflow at 320 px (the contact table scrolls inside its own region).
"""

import pytest
from playwright.sync_api import expect

from e2e.a11y import DESKTOP, audit, visit

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PATHS = (
    "/gioi-thieu/co-cau-to-chuc/",
    "/gioi-thieu/lanh-dao/",
    "/lien-he/",
    "/thong-tin-bao-chi/nguoi-phat-ngon/",
    "/en/gioi-thieu/",
)


@pytest.fixture
def registry_pages(portal_sites) -> dict[str, str]:
    from django.utils import timezone

    from portal.registry import demo

    sites = portal_sites
    units = {"main": sites.province, "stttt": sites.agency, "donghoi": sites.district, "baoninh": sites.commune}
    demo.seed(units, {}, timezone.now(), lambda line: None)
    pages = {f"{unit.label or 'main'} {path}": sites.url(unit, path) for unit in (sites.province, sites.agency) for path in PATHS}
    pages["main map"] = sites.url(sites.province, "/gioi-thieu/ban-do-hanh-chinh/")
    return pages


def test_registry_pages_pass_axe_and_reflow_at_320_px(new_page, registry_pages):
    failures = audit(new_page, registry_pages)
    assert not failures, "\n\n".join(failures)


def test_english_page_is_marked_english(new_page, registry_pages, portal_sites):
    page = new_page(viewport=DESKTOP)
    visit(page, portal_sites.url(portal_sites.agency, "/en/gioi-thieu/"))
    container = page.locator("main [lang=en]")
    expect(container).to_contain_text("Department of Information and Communications")
    expect(container.get_by_role("table", name="Contact directory of competent officials")).to_be_visible()
