"""WCAG 2.1 AA on the registry pages (organisation chart, leaders, contacts, spokesperson, map, English).

The demo registries are loaded for the province and the agency; axe-core runs at 1280 and
320 CSS px, and the pages must reflow at 320 px (the contact table scrolls inside its own region).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
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


def visit(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} answered {response and response.status}"
    page.wait_for_load_state("load")
    expect(page.locator("main#noi-dung")).to_be_visible()


def test_registry_pages_pass_axe_and_reflow_at_320_px(new_page, registry_pages):
    axe = Axe()
    failures = []
    for viewport in (DESKTOP, NARROW):
        page = new_page(viewport=viewport)
        for name, url in registry_pages.items():
            visit(page, url)
            results = axe.run(page, options=AXE_OPTIONS)
            if results.violations_count:
                failures.append(f"== {name} at {viewport['width']}px ({url})\n{results.generate_report()}")
            if viewport is NARROW:
                width = page.evaluate("() => document.scrollingElement.scrollWidth")
                if width > NARROW["width"]:
                    failures.append(f"== {name}: scrolls sideways at 320 px ({width}px)")
    assert not failures, "\n\n".join(failures)


def test_english_page_is_marked_english(new_page, registry_pages, portal_sites):
    page = new_page(viewport=DESKTOP)
    visit(page, portal_sites.url(portal_sites.agency, "/en/gioi-thieu/"))
    container = page.locator("main [lang=en]")
    expect(container).to_contain_text("Department of Information and Communications")
    expect(container.get_by_role("table", name="Contact directory of competent officials")).to_be_visible()
