"""WCAG 2.1 AA on the public pages, checked in a real browser.

axe-core (WCAG 2.0/2.1 A and AA rules, plus best practices) runs at 1280 and 320
CSS px on the main portal's home and news section, a unit's home (with news and
empty), a section, a paginated section and two articles (one with a main image,
one with a source, tags and related news). Then, directly: reflow at 320 px
(no sideways scrolling), text at 200 %, text-spacing overrides, the skip link as
the first Tab stop, visible focus, landmarks, heading order and labels.
"""

import itertools

import pytest
from playwright.sync_api import Page, expect

from e2e.a11y import DESKTOP, NARROW, audit, horizontal_overflow, visit

pytestmark = [
    pytest.mark.e2e,
    # The live server sees only committed data; serialized_rollback restores the rows
    # Wagtail's migrations create (root page, locale, root collection) after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]



@pytest.fixture
def public_pages(portal_sites, published_articles) -> dict[str, str]:
    """The public pages under test, by name."""
    sites = portal_sites
    return {
        "main home": sites.url(sites.province),
        "main news section": sites.url(sites.province, "/tin-tuc-su-kien/"),
        "unit home": sites.url(sites.agency),
        "empty unit home": sites.url(sites.commune),
        "section": sites.url(sites.agency, "/tin-tuc-su-kien/"),
        "article with image": published_articles["with_image"].get_full_url(),
        "article with source, tags and related": published_articles["plain"].get_full_url(),
        "paginated section, page 2": published_articles["paginated_section"].get_full_url()
        + "?trang=2",
    }


def test_axe_finds_no_violations(new_page, public_pages):
    failures = audit(new_page, public_pages, reflow=False)
    assert not failures, "\n\n".join(failures)


def test_reflow_at_320_px_without_horizontal_scrolling(new_page, public_pages):
    page = new_page(viewport=NARROW)
    failures = []
    for name, url in public_pages.items():
        visit(page, url)
        overflow = horizontal_overflow(page)
        if overflow["scrollWidth"] > NARROW["width"]:
            failures.append(f"{name}: {overflow}")
    assert not failures, "\n".join(failures)


TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def test_text_spacing_overrides_at_320_px_lose_nothing(new_page, public_pages):
    """WCAG 1.4.12: the spacing a reader's style sheet may impose still reflows in 320 px."""
    page = new_page(viewport=NARROW)
    failures = []
    for name, url in public_pages.items():
        visit(page, url)
        page.add_style_tag(content=TEXT_SPACING)
        overflow = horizontal_overflow(page)
        if overflow["scrollWidth"] > NARROW["width"]:
            failures.append(f"{name}: {overflow}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "viewport", [DESKTOP, {"width": 640, "height": 800}], ids=["1280px", "640px"]
)
def test_text_resized_to_200_percent_still_fits(new_page, public_pages, viewport):
    """WCAG 1.4.4: text at 200 % (browser text zoom sets the root font size) loses nothing sideways.

    640 CSS px is also what a 1280 px wide window shows at 200 % page zoom.
    """
    page = new_page(viewport=viewport)
    failures = []
    for name, url in public_pages.items():
        visit(page, url)
        base = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('main p, main h1')).fontSize)"
        )
        page.add_style_tag(content="html { font-size: 200% !important; }")
        grown = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('main p, main h1')).fontSize)"
        )
        assert grown >= 1.9 * base, (
            f"{name}: text did not scale with the root font size ({base}px → {grown}px)"
        )
        overflow = horizontal_overflow(page)
        if overflow["scrollWidth"] > viewport["width"]:
            failures.append(f"{name}: {overflow}")
    assert not failures, "\n".join(failures)


def focused(page: Page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: (el.textContent || '').trim(),
                href: el.getAttribute('href'), outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                boxShadow: style.boxShadow, top: box.top, bottom: box.bottom, left: box.left, right: box.right,
                inViewport: box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
            };
        }"""
    )


FIRST_FOCUSABLE_AFTER_MAIN_START = """() => {
    const main = document.querySelector('main');
    const candidates = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    for (const el of candidates) {
        const position = main.compareDocumentPosition(el);
        const after = position & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY);
        if (after && el.getClientRects().length) return el.outerHTML;
    }
    return null;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["1280px", "320px"])
def test_keyboard_skip_link_and_visible_focus(new_page, public_pages, viewport):
    page = new_page(viewport=viewport)
    for name, url in public_pages.items():
        visit(page, url)
        # The first Tab lands on the skip link, which then shows on screen with a focus ring.
        page.keyboard.press("Tab")
        skip = focused(page)
        assert skip["cls"] == "skip-link" and skip["href"] == "#noi-dung", (
            f"{name}: first Tab focused {skip}"
        )
        assert skip["inViewport"], f"{name}: the focused skip link is off screen: {skip}"
        assert skip["outlineStyle"] != "none" and skip["outlineWidth"] >= 2, (
            f"{name}: no visible focus: {skip}"
        )
        # Activating it moves focus to the main content.
        page.keyboard.press("Enter")
        expect(page.locator("main#noi-dung")).to_be_focused()
        # The next Tab goes on from the start of the main content, with a visible focus ring.
        expected = page.evaluate(FIRST_FOCUSABLE_AFTER_MAIN_START)
        page.keyboard.press("Tab")
        after = focused(page)
        assert page.evaluate("() => document.activeElement.outerHTML") == expected, (
            f"{name}: Tab after the skip link went to {after}, not to {expected}"
        )
        assert after["outlineStyle"] != "none" and after["outlineWidth"] >= 2, (
            f"{name}: no visible focus: {after}"
        )

    # Every link and control of the header can be reached with Tab alone, each with a focus ring.
    visit(page, public_pages["unit home"])
    expected = page.evaluate(
        "() => [...document.querySelectorAll('header a[href], header button, header input')].map(el => el.getAttribute('href') || el.textContent.trim())"
    )
    reached = []
    page.keyboard.press("Tab")  # the skip link
    for _ in expected:
        page.keyboard.press("Tab")
        state = focused(page)
        assert state["outlineStyle"] != "none", f"no visible focus on {state}"
        reached.append(state["href"] or state["text"])
    assert reached == expected


def test_landmarks_and_heading_order(new_page, public_pages):
    page = new_page(viewport=DESKTOP)
    for name, url in public_pages.items():
        visit(page, url)
        assert page.locator("html").get_attribute("lang") == "vi"
        assert page.title().strip(), f"{name}: no <title>"
        expect(page.get_by_role("banner")).to_have_count(1)
        expect(page.get_by_role("main")).to_have_count(1)
        expect(page.get_by_role("contentinfo")).to_have_count(1)
        expect(page.get_by_role("navigation", name="Chuyên mục chính")).to_have_count(1)
        levels = page.evaluate(
            "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]))"
        )
        assert levels.count(1) == 1, f"{name}: expected exactly one h1, got {levels}"
        assert levels[0] == 1, f"{name}: the first heading is not the h1: {levels}"
        for previous, level in itertools.pairwise(levels):
            assert level <= previous + 1, (
                f"{name}: heading levels skip from h{previous} to h{level}: {levels}"
            )
        # Form controls carry labels (axe checks this too; here it is explicit).
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
                .map(el => el.outerHTML)"""
        )
        assert not unlabelled, f"{name}: controls without a label: {unlabelled}"
