"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Run with ``make test-browser`` (``pytest -m e2e e2e``). Chromium comes from Debian
(``apt-get install chromium``); Playwright never downloads a browser here.

Every site is served by the one live server; the browser reaches each through its
own hostname (``stttt.quangbinh.localhost:<port>``), which Chromium resolves to the
loopback address by itself.
"""

import io
import mimetypes
import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

CHROMIUM = os.environ.get("PORTAL_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Explicit waits are the rule; this only bounds how long a broken step may hang.
STEP_TIMEOUT_MS = 15_000
SCREENSHOT_DIR = Path(os.environ.get("PORTAL_E2E_SCREENSHOTS", "/tmp/portal-e2e"))
PASSWORD = "Mat-khau-thu-nghiem-2025"


@pytest.fixture(scope="session")
def browser():
    if not (os.path.isfile(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"{CHROMIUM} not found: install Debian's Chromium (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and the tests use the
    # Django ORM from the same thread between browser steps. Only while browser tests run.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser, request):
    """Open pages in fresh browser contexts (no shared cookies); screenshot them on failure."""
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(locale="vi-VN", **context_options)
        context.set_default_timeout(STEP_TIMEOUT_MS)
        context.route(re.compile(r"^https?://[^/]+/media/"), _serve_media)
        contexts.append(context)
        return context.new_page()

    yield open_page
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    if failed:
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        for n, context in enumerate(contexts):
            for m, page in enumerate(context.pages):
                stem = SCREENSHOT_DIR / f"{request.node.name}-{n}-{m}"
                page.screenshot(path=f"{stem}.png", full_page=True)
                Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
    for context in contexts:
        context.close()


def _serve_media(route):
    """Answer /media/ from Django's default storage (in memory under the test settings).

    Nothing serves media in the test settings (production has nginx or S3), so the
    browser would get 404s and the images would never lay out like real ones.
    """
    from django.conf import settings
    from django.core.files.storage import default_storage

    path = unquote(urlsplit(route.request.url).path)[len(settings.MEDIA_URL) :]
    if not path or ".." in path.split("/") or not default_storage.exists(path):
        route.fulfill(status=404, body="")
        return
    with default_storage.open(path, "rb") as handle:
        body = handle.read()
    route.fulfill(
        status=200,
        body=body,
        content_type=mimetypes.guess_type(path)[0] or "application/octet-stream",
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@dataclass
class PortalSites:
    """The units, sites and people one browser test works with."""

    port: int
    province: object
    agency: object
    district: object
    commune: object
    users: dict = field(default_factory=dict)

    def url(self, unit, path: str = "/") -> str:
        return f"http://{unit.hostname}:{self.port}{path}"

    def section(self, unit, slug: str = "tin-tuc-su-kien"):
        from portal.pages.models import SectionPage

        return SectionPage.objects.get(unit=unit, slug=slug)


def _make_units():
    from portal.units.constants import UnitKind
    from portal.units.models import Unit

    province = Unit.objects.create(
        code="44",
        kind=UnitKind.PROVINCE,
        name="Tỉnh Quảng Bình",
        division_type="Tỉnh",
        gso_code="44",
        sort_order=0,
        address="Số 6 Hùng Vương, Đồng Hới, Quảng Bình",
        phone="0232 3822 000",
        email="ubnd@quangbinh.gov.vn",
    )
    agency = Unit.objects.create(
        code="44-STTTT",
        kind=UnitKind.AGENCY,
        name="Sở Thông tin và Truyền thông",
        abbreviation="STTTT",
        division_type="Sở",
        parent=province,
        sort_order=1,
        address="Số 2 Quang Trung, Đồng Hới",
        phone="0232 3840 000",
    )
    # The longest agency name of Quảng Bình's list: it sets the width of the unit filter.
    Unit.objects.create(
        code="44-SNNPTNT",
        kind=UnitKind.AGENCY,
        name="Sở Nông nghiệp và Phát triển nông thôn",
        abbreviation="SNNPTNT",
        division_type="Sở",
        parent=province,
        sort_order=2,
    )
    district = Unit.objects.create(
        code="450",
        kind=UnitKind.DISTRICT,
        name="Thành phố Đồng Hới",
        division_type="Thành phố",
        gso_code="450",
        parent=province,
        sort_order=2,
    )
    commune = Unit.objects.create(
        code="19021",
        kind=UnitKind.COMMUNE,
        name="Xã Bảo Ninh",
        division_type="Xã",
        gso_code="19021",
        parent=district,
        sort_order=3,
    )
    return province, agency, district, commune


@pytest.fixture
def portal_sites(live_server, settings, transactional_db) -> PortalSites:
    """A province, an agency, a district and a commune, each provisioned with its own site.

    Units are created directly (importing all 175 would be slow); labels, sites,
    sections, role groups and workflows come from the real services.
    """
    from django.core.cache import cache
    from wagtail.models import Site

    from portal.units.provisioning import sites_provision
    from portal.units.selectors import invalidate_host_routes
    from portal.units.services import units_relabel

    port = live_server.thread.port
    settings.PORTAL_SITE_PORT = port
    base = settings.PORTAL_BASE_DOMAIN
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, base, f".{base}"]
    settings.CSRF_TRUSTED_ORIGINS = [
        *settings.CSRF_TRUSTED_ORIGINS,
        f"http://{base}:{port}",
        f"http://*.{base}:{port}",
    ]
    # Host routes, site root paths and login counters live in the cache; a flushed
    # database must not meet the previous test's cache.
    cache.clear()

    province, agency, district, commune = _make_units()
    units_relabel()
    sites_provision()
    for site in Site.objects.exclude(port=port):
        site.port = port
        site.save()
    invalidate_host_routes()
    for unit in (province, agency, district, commune):
        unit.refresh_from_db()
    assert agency.label == "stttt", agency.label
    return PortalSites(
        port=port, province=province, agency=agency, district=district, commune=commune
    )


@pytest.fixture
def board(portal_sites) -> PortalSites:
    """The editorial board of the agency's site: one Cộng tác viên, one Biên tập viên, one Trưởng ban."""
    from django.contrib.auth import get_user_model

    from portal.editorial.constants import Role
    from portal.editorial.services import role_grant

    people = {
        Role.CONTRIBUTOR: ("ctv.stttt", "Lê Văn", "Cộng tác"),
        Role.EDITOR: ("btv.stttt", "Trần Thị", "Biên tập"),
        Role.BOARD_HEAD: ("tb.stttt", "Nguyễn Văn", "Trưởng ban"),
    }
    User = get_user_model()
    for role, (username, first_name, last_name) in people.items():
        user = User.objects.create_user(
            username=username,
            password=PASSWORD,
            email=f"{username}@stttt.quangbinh.localhost",
            first_name=first_name,
            last_name=last_name,
        )
        role_grant(user=user, unit=portal_sites.agency, role=role)
        portal_sites.users[role] = user
    return portal_sites


def make_image(title: str, *, collection=None):
    """A small real JPEG, generated with Pillow and stored as a Wagtail image."""
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (30, 90, 140)).save(buffer, format="JPEG")
    buffer.seek(0)
    kwargs = {"collection": collection} if collection is not None else {}
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name="anh-thu-nghiem.jpg"), **kwargs
    )


def publish_article(section, *, title: str, lead: str, body: str, tags=(), **fields):
    from portal.pages.models import ArticlePage

    fields.setdefault("authors", "Ban biên tập")  # publishing needs a creator (Thông tư 24/2011)
    article = ArticlePage(title=title, lead=lead, body=body, **fields)
    article.tags.add(*tags)
    section.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


@pytest.fixture
def published_articles(portal_sites) -> dict:
    """Published articles on the agency's site: one with a main image (and alt text), one with
    a source, tags and a related article; and a paginated section on the district's site."""
    from django.utils import timezone

    from portal.pages.models import LISTING_PAGE_SIZE, ArticleRelatedLink
    from portal.units.models import UnitCollection

    section = portal_sites.section(portal_sites.agency)
    collection = UnitCollection.objects.get(unit=portal_sites.agency).collection
    image = make_image("Hội nghị chuyển đổi số", collection=collection)
    with_image = publish_article(
        section,
        title="Hội nghị triển khai chuyển đổi số năm 2025",
        lead="Sở Thông tin và Truyền thông tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số.",
        body=(
            "<h2>Mục tiêu</h2><p>Hội nghị thống nhất các mục tiêu chuyển đổi số của tỉnh.</p>"
            "<ul><li>Chính quyền số</li><li>Kinh tế số</li><li>Xã hội số</li></ul>"
            '<p>Xem thêm tại <a href="https://quangbinh.gov.vn/">Cổng thông tin điện tử tỉnh</a>.</p>'
        ),
        main_image=image,
        main_image_alt="Quang cảnh hội nghị triển khai chuyển đổi số tại hội trường Sở",
        main_image_caption="Quang cảnh hội nghị",
        photographer="Hoàng Minh",
        authors="Phòng Thông tin – Báo chí",
    )
    plain = publish_article(
        section,
        title="Thông báo lịch tiếp công dân tháng 6",
        lead="Lãnh đạo Sở tiếp công dân vào thứ Năm hằng tuần.",
        body="<p>Địa điểm: Trụ sở Sở Thông tin và Truyền thông.</p>",
        tags=["tiếp công dân", "thông báo"],
        related_links=[ArticleRelatedLink(related=with_image)],
        source_name="Báo Quảng Bình",
        source_author="Minh Châu",
        source_url="https://baoquangbinh.vn/",
        source_published_at=timezone.now() - timedelta(days=1),
    )
    # More articles than one listing page holds, so the pagination shows.
    district_section = portal_sites.section(portal_sites.district)
    for n in range(LISTING_PAGE_SIZE + 1):
        publish_article(
            district_section,
            title=f"Đồng Hới: tin hoạt động số {n + 1}",
            lead=f"Tóm tắt tin hoạt động số {n + 1} của thành phố.",
            body="<p>Nội dung tin.</p>",
        )
    return {
        "with_image": with_image,
        "plain": plain,
        "section": section,
        "paginated_section": district_section,
    }
