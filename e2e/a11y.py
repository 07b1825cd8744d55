"""What every accessibility browser test shares: axe-core options, the two viewports, and one
audit loop (axe at 1280 and 320 CSS px, and no sideways scrolling at 320 px)."""

from collections.abc import Callable

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}


def visit(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, (
        f"{url} answered {response and response.status}"
    )
    page.wait_for_load_state("load")
    expect(page.locator("main#noi-dung")).to_be_visible()


def horizontal_overflow(page: Page) -> dict:
    """How far the page scrolls sideways, and which elements stick out of the viewport."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const culprits = [];
            for (const el of document.body.querySelectorAll('*')) {
                const box = el.getBoundingClientRect();
                if (box.width && (box.right > width + 0.5 || box.left < -0.5) && !el.closest('.visually-hidden, .skip-link')) {
                    culprits.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
                }
            }
            return {scrollWidth: document.scrollingElement.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 10)};
        }"""
    )


def audit(
    new_page,
    pages: dict[str, str],
    *,
    reflow: bool = True,
    check: Callable[[str, Page], None] | None = None,
) -> list[str]:
    """Visit every page at both widths; return the axe violations (and 320 px overflows) found.

    `check(name, page)` runs the test's own expectations after each visit, before axe.
    """
    axe = Axe()
    failures = []
    for viewport in (DESKTOP, NARROW):
        page = new_page(viewport=viewport)
        for name, url in pages.items():
            visit(page, url)
            if check is not None:
                check(name, page)
            results = axe.run(page, options=AXE_OPTIONS)
            if results.violations_count:
                failures.append(f"== {name} at {viewport['width']}px ({url})\n{results.generate_report()}")
            if reflow and viewport is NARROW:
                overflow = horizontal_overflow(page)
                if overflow["scrollWidth"] > NARROW["width"]:
                    failures.append(f"== {name}: scrolls sideways at 320 px: {overflow}")
    return failures
