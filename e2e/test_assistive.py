"""Assistive features on every site (issue #5 point 5, L-A11Y.2): text size, high contrast, read aloud.

The toolbar is server-rendered but hidden until assist.js runs; the choices are kept in
localStorage and applied before the first paint on every page of the site. High contrast
must stay axe-clean. Headless Chromium has no speech voices, so the read-aloud button stays
hidden there; a stubbed Vietnamese voice shows it and records what would be spoken.
"""

import pytest
from playwright.sync_api import expect

from e2e.a11y import DESKTOP, NARROW, audit, visit

pytestmark = [
    pytest.mark.e2e,
    # The live server sees only committed data; serialized_rollback restores the rows
    # Wagtail's migrations create (root page, locale, root collection) after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TOOLBAR = "Công cụ hỗ trợ đọc"
ROOT_FONT_PX = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
BODY_BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"
BLACK = "rgb(0, 0, 0)"
WHITE = "rgb(255, 255, 255)"


def test_text_size_and_high_contrast_are_remembered_across_pages(
    new_page, portal_sites, published_articles
):
    sites = portal_sites
    home = sites.url(sites.agency)
    article = published_articles["with_image"].get_full_url()
    section = sites.url(sites.agency, "/tin-tuc-su-kien/")

    # Without JavaScript the buttons could do nothing, so none shows.
    page = new_page(viewport=DESKTOP, java_script_enabled=False)
    visit(page, home)
    expect(page.locator("[data-assist]")).to_be_hidden()

    page = new_page(viewport=DESKTOP)
    visit(page, home)
    toolbar = page.get_by_role("group", name=TOOLBAR)
    expect(toolbar).to_be_visible()
    smaller = toolbar.get_by_role("button", name="Giảm cỡ chữ")
    default = toolbar.get_by_role("button", name="Cỡ chữ mặc định")
    bigger = toolbar.get_by_role("button", name="Tăng cỡ chữ")
    contrast = toolbar.get_by_role("button", name="Tương phản cao")
    for button in (smaller, default, bigger, contrast):
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, f"touch target too small: {box}"
    assert page.evaluate(ROOT_FONT_PX) == 16

    # "A+" twice: 100 % → 112.5 % → 125 %, announced, and kept on another page of the site.
    bigger.click()
    assert page.evaluate(ROOT_FONT_PX) == 18
    bigger.focus()
    page.keyboard.press("Enter")  # keyboard operable
    assert page.evaluate(ROOT_FONT_PX) == 20
    expect(toolbar.get_by_role("status")).to_have_text("Cỡ chữ: 125 %")
    heading = "() => parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize)"
    visit(page, article)
    assert page.evaluate(ROOT_FONT_PX) == 20
    assert page.locator("html").get_attribute("data-font") == "2"
    heading_at_125 = page.evaluate(heading)
    # Up to 150 % and no further; down a step; back to the default, which is forgotten.
    bigger.click()
    bigger.click()
    assert page.evaluate(ROOT_FONT_PX) == 24
    smaller.click()
    assert page.evaluate(ROOT_FONT_PX) == 20
    default.click()
    assert page.evaluate(ROOT_FONT_PX) == 16
    assert page.evaluate(heading) * 1.25 == pytest.approx(heading_at_125), (
        "text ignores the root size"
    )
    assert page.evaluate("() => localStorage.getItem('portal.font')") is None
    page.reload()
    assert page.evaluate(ROOT_FONT_PX) == 16

    # High contrast: a toggle button, black background, yellow underlined links; kept across pages.
    expect(contrast).to_have_attribute("aria-pressed", "false")
    assert page.evaluate(BODY_BACKGROUND) == WHITE
    contrast.click()
    expect(contrast).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(BODY_BACKGROUND) == BLACK
    link = page.locator("main a[href]").first
    assert link.evaluate("a => getComputedStyle(a).color") == "rgb(255, 255, 0)"
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")
    visit(page, section)
    expect(contrast).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(BODY_BACKGROUND) == BLACK
    assert page.locator("html").get_attribute("data-contrast") == "high"
    contrast.click()
    expect(contrast).to_have_attribute("aria-pressed", "false")
    visit(page, home)
    assert page.evaluate(BODY_BACKGROUND) == WHITE
    expect(contrast).to_have_attribute("aria-pressed", "false")


def test_high_contrast_and_largest_text_pass_axe_and_reflow(
    new_page, portal_sites, published_articles
):
    """axe-core at 1280 and 320 px with high contrast and text at 150 %, saved as a reader would."""
    sites = portal_sites

    def high_contrast_page(**options):
        page = new_page(**options)
        page.add_init_script(
            "localStorage.setItem('portal.contrast', 'high'); localStorage.setItem('portal.font', '3');"
        )
        return page

    def check(name, page):
        assert page.locator("html").get_attribute("data-contrast") == "high", name
        assert page.evaluate(BODY_BACKGROUND) == BLACK, name
        expect(page.get_by_role("button", name="Tương phản cao")).to_have_attribute(
            "aria-pressed", "true"
        )

    failures = audit(
        high_contrast_page,
        {
            "main home": sites.url(sites.province),
            "unit home": sites.url(sites.agency),
            "article with image": published_articles["with_image"].get_full_url(),
            "article with source, tags and related": published_articles["plain"].get_full_url(),
        },
        check=check,
    )
    assert not failures, "\n\n".join(failures)


# A Vietnamese voice that arrives late (as real voices do, with "voiceschanged"), and a
# speechSynthesis that records instead of speaking.
FAKE_VIETNAMESE_VOICE = """
(() => {
    const voice = {name: 'Giọng Việt (giả lập)', lang: 'vi-VN', voiceURI: 'gia-lap', localService: true, default: false};
    if (!('speechSynthesis' in window)) {
        Object.defineProperty(window, 'speechSynthesis', {value: new EventTarget(), configurable: true});
    }
    const synth = window.speechSynthesis;
    window.__voicesReady = false;
    window.__spoken = [];
    window.__cancelled = 0;
    synth.getVoices = () => (window.__voicesReady ? [voice] : []);
    synth.speak = (utterance) => {
        window.__spoken.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name});
        window.__lastUtterance = utterance;
    };
    synth.cancel = () => { window.__cancelled += 1; };
    window.SpeechSynthesisUtterance = class {
        constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.onend = null; this.onerror = null; }
    };
})();
"""


def test_read_aloud_shows_only_with_a_vietnamese_voice(new_page, portal_sites, published_articles):
    sites = portal_sites
    article = published_articles["with_image"]

    # Headless Chromium has no Vietnamese voice: the button stays hidden.
    page = new_page(viewport=NARROW)
    visit(page, article.get_full_url())
    has_vietnamese = page.evaluate(
        "() => 'speechSynthesis' in window && speechSynthesis.getVoices().some(v => v.lang.toLowerCase().startsWith('vi'))"
    )
    assert not has_vietnamese, "this browser has a Vietnamese voice: the hidden case is not tested"
    expect(page.locator("[data-read-aloud-button]")).to_be_hidden()
    expect(page.get_by_role("button", name="Đọc bài")).to_have_count(0)

    page = new_page(viewport=NARROW)
    page.add_init_script(FAKE_VIETNAMESE_VOICE)
    # Only articles read aloud.
    visit(page, sites.url(sites.agency))
    expect(page.locator("[data-read-aloud-button]")).to_have_count(0)

    visit(page, article.get_full_url())
    button = page.locator("[data-read-aloud-button]")
    expect(button).to_be_hidden()
    page.evaluate(
        "() => { window.__voicesReady = true; speechSynthesis.dispatchEvent(new Event('voiceschanged')); }"
    )
    expect(button).to_be_visible()
    expect(button).to_have_text("Đọc bài")
    box = button.bounding_box()
    assert box["height"] >= 44, box

    button.click()
    expect(button).to_have_text("Dừng đọc")
    spoken = page.evaluate("() => window.__spoken")
    assert spoken[0]["text"] == article.title
    assert {item["lang"] for item in spoken} == {"vi-VN"}
    assert {item["voice"] for item in spoken} == {"Giọng Việt (giả lập)"}
    everything = " ".join(item["text"] for item in spoken)
    assert article.lead in everything
    assert "Hội nghị thống nhất các mục tiêu chuyển đổi số của tỉnh." in everything
    assert "Kinh tế số" in everything
    assert all(len(item["text"]) <= 400 for item in spoken), "pieces too long for Chromium"

    # "Dừng đọc" cancels; reading to the end puts the button back too.
    button.click()
    expect(button).to_have_text("Đọc bài")
    assert page.evaluate("() => window.__cancelled") >= 1
    button.click()
    expect(button).to_have_text("Dừng đọc")
    page.evaluate("() => window.__lastUtterance.onend()")
    expect(button).to_have_text("Đọc bài")
