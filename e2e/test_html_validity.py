"""Standards conformance in CI (L-39.*): one page of every public page type is valid HTML5 and
passes axe-core, in normal and in high-contrast mode.

* The HTML the server sends (not the DOM after scripts) is fetched from the live server, written
  to a temporary directory, and checked in one run of the Nu HTML Checker (``vnu.jar`` from the
  npm package ``vnu-jar``, run with the machine's Java; ``make vnu`` installs it under
  ``.tools/node``). Zero errors allowed. Without Java or vnu.jar the check is skipped locally and
  fails in CI (``CI=true``).
* axe-core runs over the same pages at 1280 and 320 CSS px with the reader's high-contrast
  setting on (``localStorage["portal.contrast"] = "high"``, as the toolbar button stores it),
  and again in normal mode.

"""

import json
import os
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from e2e.a11y import AXE_OPTIONS, DESKTOP, NARROW, horizontal_overflow
from e2e.test_consultation import consultations  # noqa: F401 (fixture)
from e2e.test_legaldocs_a11y import legal_pages  # noqa: F401 (fixture)
from e2e.test_procedures_a11y import procedures  # noqa: F401 (fixture)
from e2e.test_publicinfo_a11y import info_pages  # noqa: F401 (fixture)
from e2e.test_schedule_a11y import schedule_week  # noqa: F401 (fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(os.environ.get("PORTAL_VNU_JAR", ROOT / ".tools/node/node_modules/vnu-jar/build/dist/vnu.jar"))


def _vnu_command() -> list[str]:
    java = shutil.which("java")
    missing = [what for what, ok in (("java", java), (str(VNU_JAR), VNU_JAR.is_file())) if not ok]
    if missing:
        message = f"Nu HTML Checker unavailable: missing {', '.join(missing)} (run `make vnu`; Java: apt-get install default-jre-headless)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


@pytest.fixture
def every_page_type(portal_sites, published_articles, board, legal_pages, info_pages, procedures, schedule_week, consultations):  # noqa: F811
    """One URL per public page type, over the sites of the e2e fixtures."""
    from django.utils import timezone

    from portal.interaction.models import Topic
    from portal.pages.models import StandardPage
    from portal.pages.selectors import home_for_unit
    from portal.registry import demo

    sites = portal_sites
    agency, main = sites.agency, sites.province
    Topic.objects.create(unit=agency, name="Viễn thông – Internet", sort_order=1)
    demo.seed({"main": main, "stttt": agency, "donghoi": sites.district, "baoninh": sites.commune}, {}, timezone.now(), lambda line: None)
    standard = StandardPage(
        title="Chức năng, nhiệm vụ",
        intro="Sở Thông tin và Truyền thông là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.",
        body="<h2>Vị trí</h2><p>Tham mưu quản lý nhà nước về thông tin và truyền thông.</p><ul><li>Báo chí</li><li>Xuất bản</li></ul>",
    )
    home_for_unit(agency).add_child(instance=standard)
    standard.save_revision().publish()

    def on(unit, path):
        return sites.url(unit, path)

    def page_path(page):
        return "/" + page.url_path.strip("/").split("/", 1)[1] + "/"

    article = published_articles["with_image"]
    return {
        "main home": on(main, "/"),
        "unit home": on(agency, "/"),
        "section": on(agency, "/tin-tuc-su-kien/"),
        "article": on(agency, page_path(article)),
        "standard page": on(agency, page_path(standard)),
        "legal documents index": legal_pages["listing"],
        "legal document": legal_pages["document in force with relation"],
        "schedule week": schedule_week,
        "consultation index": consultations["index"],
        "consultation": consultations["open"],
        "interaction index": on(agency, "/hoi-dap/"),
        "interaction form": on(agency, "/hoi-dap/gui/"),
        "organisation": on(agency, "/gioi-thieu/co-cau-to-chuc/"),
        "leaders": on(agency, "/gioi-thieu/lanh-dao/"),
        "map": on(main, "/gioi-thieu/ban-do-hanh-chinh/"),
        "contact": on(agency, "/lien-he/"),
        "spokesperson": on(agency, "/thong-tin-bao-chi/nguoi-phat-ngon/"),
        "english": on(agency, "/en/gioi-thieu/"),
        "procurement section": info_pages["procurement section"],
        "procurement notice": info_pages["procurement notice"],
        "press release": info_pages["press release"],
        "access to information": info_pages["access to information"],
        "procedure catalogue": on(main, "/dich-vu-cong/"),
        "procedure": on(main, "/dich-vu-cong/thu-tuc/1.001193/"),
        "procedure print": on(main, "/dich-vu-cong/thu-tuc/1.001193/?in=1"),
        "dossier lookup": on(main, "/dich-vu-cong/tra-cuu/"),
        "statistics": on(main, "/dich-vu-cong/thong-ke/"),
        "citizen login": on(main, "/tai-khoan/dang-nhap/"),
        "citizen registration": on(main, "/tai-khoan/dang-ky/"),
        "sitemap page": on(agency, "/so-do-trang/"),
        "search results": on(agency, "/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"),
        "feed index": on(agency, "/rss/"),
        "privacy notice": on(main, "/chinh-sach-bao-ve-du-lieu-ca-nhan/"),
        "not found (404)": on(agency, "/trang-khong-ton-tai/"),
    }


def _fetch(url: str) -> tuple[int, str, str]:
    """The bytes the server sends, as a browser would ask for them (Host with the site's name)."""
    parts = urlsplit(url)
    request = urllib.request.Request(
        f"http://127.0.0.1:{parts.port}{parts.path}{'?' + parts.query if parts.query else ''}",
        headers={"Host": parts.netloc, "Accept": "text/html", "Accept-Language": "vi"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8")


def _collect(pages: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Fetch every page: (name -> html, problems)."""
    documents, problems = {}, []
    for name, url in pages.items():
        status, content_type, html = _fetch(url)
        expected = 404 if "404" in name else 200
        if status != expected:
            problems.append(f"{name}: {url} answered {status}")
            continue
        if "charset=utf-8" not in content_type.lower().replace(" ", ""):
            problems.append(f"{name}: Content-Type {content_type!r} declares no UTF-8")
        documents[name] = html
    return documents, problems


def test_every_page_type_is_valid_html5(every_page_type):
    command = _vnu_command()
    documents, problems = _collect(every_page_type)
    with tempfile.TemporaryDirectory(prefix="portal-vnu-") as directory:
        files = {}
        for n, (name, html) in enumerate(documents.items()):
            path = Path(directory) / f"{n:02d}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = name
        result = subprocess.run([*command, *(str(Path(directory) / f"{n:02d}.html") for n in range(len(documents)))],
                                capture_output=True, text=True, timeout=600)
        lines = {name: html.splitlines() for name, html in documents.items()}
        try:
            messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
        except json.JSONDecodeError:
            pytest.fail(f"vnu did not answer JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    for message in messages:
        if message.get("type") not in ("error", "non-document-error") and message.get("subType") != "fatal":
            continue
        url = message.get("url", "")
        name = files.get(url.rsplit("/", 1)[-1], url or "?")
        line = message.get("lastLine")
        source = lines.get(name, [])[line - 1].strip()[:160] if line and name in lines and line <= len(lines[name]) else ""
        problems.append(f"{name} (line {line}): {message.get('message')}\n    {source}")
    assert not problems, f"{len(problems)} HTML problem(s):\n" + "\n".join(problems)
    assert len(documents) == len(every_page_type) >= 30


def _axe_failures(new_page, pages: dict[str, str], *, contrast: bool) -> list[str]:
    axe = Axe()
    failures = []
    for viewport in (DESKTOP, NARROW):
        page = new_page(viewport=viewport)
        if contrast:
            # What the toolbar's "Tương phản cao" button stores; the head script applies it before the first paint.
            page.add_init_script("try { window.localStorage.setItem('portal.contrast', 'high'); } catch (e) {}")
        for name, url in pages.items():
            response = page.goto(url)
            expected = 404 if "404" in name else 200
            if response is None or response.status != expected:
                failures.append(f"== {name}: {url} answered {response and response.status}")
                continue
            page.wait_for_load_state("load")
            # Print views are for paper: no reading aids there.
            applied = page.evaluate("document.documentElement.getAttribute('data-contrast')") == "high"
            if contrast and "print" not in name and not applied:
                failures.append(f"== {name}: high contrast was not applied ({url})")
            results = axe.run(page, options=AXE_OPTIONS)
            if results.violations_count:
                mode = "high contrast" if contrast else "normal"
                failures.append(f"== {name}, {mode}, {viewport['width']}px ({url})\n{results.generate_report()}")
            if viewport is NARROW:
                overflow = horizontal_overflow(page)
                if overflow["scrollWidth"] > NARROW["width"]:
                    failures.append(f"== {name}: scrolls sideways at 320 px: {overflow}")
    return failures


def test_every_page_type_passes_axe_in_high_contrast_and_normal_mode(new_page, every_page_type):
    failures = _axe_failures(new_page, every_page_type, contrast=True)
    failures += _axe_failures(new_page, every_page_type, contrast=False)
    assert not failures, "\n\n".join(failures)
