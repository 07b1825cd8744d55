"""Print-friendly article view (L-39.*): an "In bài viết" button (only with JavaScript), and a print
style sheet that keeps the content only, black on white, with link addresses written out."""

import pytest
from playwright.sync_api import expect

from e2e.a11y import DESKTOP, visit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _article_url(portal_sites, article) -> str:
    return portal_sites.url(portal_sites.agency, "/" + article.url_path.strip("/").split("/", 1)[1] + "/")


def test_article_prints_content_only_with_link_addresses(new_page, portal_sites, published_articles):
    url = _article_url(portal_sites, published_articles["with_image"])
    page = new_page(viewport=DESKTOP)
    page.add_init_script("try { window.localStorage.setItem('portal.contrast', 'high'); } catch (e) {}")
    visit(page, url)
    button = page.get_by_role("button", name="In bài viết")
    expect(button).to_be_visible()
    page.evaluate("window.print = () => { window.__printed = true; }")
    button.click()
    assert page.evaluate("window.__printed === true")

    page.emulate_media(media="print")
    for selector in (".site-nav", ".header-search", ".assist", ".print-tools", ".footer-links", ".breadcrumbs"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("main h1")).to_be_visible()
    styles = page.evaluate(
        """() => {
            const link = document.querySelector('.rich-text a[href^="http"]');
            const cs = (el, pseudo) => getComputedStyle(el, pseudo);
            return {after: cs(link, '::after').content, color: cs(document.querySelector('.rich-text p')).color,
                    background: cs(document.body).backgroundColor};
        }"""
    )
    assert "https://quangbinh.gov.vn/" in styles["after"]
    # Black on white even though the reader had high contrast (white on black) on screen.
    assert styles["color"] == "rgb(0, 0, 0)" and styles["background"] == "rgb(255, 255, 255)"


def test_print_button_is_hidden_without_javascript(new_page, portal_sites, published_articles):
    url = _article_url(portal_sites, published_articles["plain"])
    page = new_page(viewport=DESKTOP, java_script_enabled=False)
    page.goto(url)
    expect(page.locator("[data-print-button]")).to_be_hidden()
    expect(page.locator("main h1")).to_be_visible()
