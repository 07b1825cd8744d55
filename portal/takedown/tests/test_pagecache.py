"""The page cache: anonymous public pages only, fresh after every publish, unpublish or takedown."""

import pytest

from portal.conftest import PASSWORD, news_section, publish_article
from portal.core.pagecache import page_cache_purge

pytestmark = pytest.mark.django_db
UNIT_HOST = "stttt.quangbinh.localhost"


@pytest.fixture
def cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60


def test_hit_then_miss_after_publish_and_unpublish(client, cache_on, registry, board):
    section = news_section(registry["stttt"])
    first = publish_article(section, title="Hội nghị chuyển đổi số tỉnh năm 2026")
    assert client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)["X-Cache"] == "MISS"
    cached = client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)
    assert cached["X-Cache"] == "HIT" and "Hội nghị chuyển đổi số" in cached.content.decode()
    assert cached["X-Frame-Options"] == "SAMEORIGIN", "stored with the headers the visitor would get"

    publish_article(section, title="Tập huấn an toàn thông tin cho cán bộ xã")
    fresh = client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)
    assert fresh["X-Cache"] == "MISS" and "Tập huấn an toàn thông tin" in fresh.content.decode()

    path = first.get_url_parts()[2]
    assert client.get(path, HTTP_HOST=UNIT_HOST)["X-Cache"] == "MISS"
    assert client.get(path, HTTP_HOST=UNIT_HOST)["X-Cache"] == "HIT"
    first.unpublish(user=board["head"])
    assert client.get(path, HTTP_HOST=UNIT_HOST).status_code == 404
    listing = client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)
    assert listing["X-Cache"] == "MISS" and "Hội nghị chuyển đổi số" not in listing.content.decode()


def test_keyed_by_host_and_full_path(client, cache_on, registry):
    client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)
    assert client.get("/tin-tuc-su-kien/?trang=2", HTTP_HOST=UNIT_HOST)["X-Cache"] == "MISS"
    assert client.get("/tin-tuc-su-kien/", HTTP_HOST="donghoi.quangbinh.localhost")["X-Cache"] == "MISS"
    page_cache_purge()
    assert client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)["X-Cache"] == "MISS"


def test_never_caches_a_logged_in_view_a_form_page_or_the_admin(client, cache_on, registry, board):
    assert client.login(username="stttt.tb", password=PASSWORD)
    for _ in range(2):
        response = client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)
        assert response.status_code == 200 and "X-Cache" not in response
        assert "X-Cache" not in client.get("/admin/", HTTP_HOST=UNIT_HOST)
    client.logout()
    client.cookies.clear()

    # The question form carries a CSRF token: it is never shared between visitors.
    from portal.interaction.models import InteractionIndexPage

    form_path = InteractionIndexPage.objects.get(unit=registry["stttt"]).get_url_parts()[2] + "gui/"
    for _ in range(2):
        response = client.get(form_path, HTTP_HOST=UNIT_HOST)
        assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Cache" not in response
        client.cookies.clear()
    # Nor a 404, nor the API.
    assert "X-Cache" not in client.get("/khong-co-trang-nay/", HTTP_HOST=UNIT_HOST)
    assert "X-Cache" not in client.get("/api/v1/units/", HTTP_HOST=UNIT_HOST)


def test_off_when_seconds_is_zero(client, registry, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)
    assert "X-Cache" not in client.get("/tin-tuc-su-kien/", HTTP_HOST=UNIT_HOST)
