import unicodedata
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image

from portal.conftest import PASSWORD, news_section, publish_article
from portal.editorial.tests.test_workflow import article_form
from portal.pages.models import LISTING_PAGE_SIZE, ArticlePage
from portal.units.models import Unit

pytestmark = pytest.mark.django_db
HOST = "stttt.quangbinh.localhost"


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=("portal_pages", "articlepage", section.pk))


def make_image(unit):
    buffer = BytesIO()
    PILImage.new("RGB", (80, 60), (20, 90, 160)).save(buffer, "JPEG")
    return Image.objects.create(title="Ảnh hội nghị", file=ImageFile(buffer, name="hoi-nghi.jpg"), collection=unit.collection_link.collection)


def test_main_image_needs_alternative_text(client, registry, board):
    section = news_section(registry["stttt"])
    image = make_image(registry["stttt"])
    assert client.login(username="stttt.tb", password=PASSWORD)
    data = article_form("Bài có ảnh", **{"action-publish": "1"})
    data["main_image"] = str(image.pk)
    response = client.post(add_url(section), data, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "văn bản thay thế là bắt buộc" in response.content.decode()
    assert not ArticlePage.objects.filter(title="Bài có ảnh").exists()

    data["main_image_alt"] = "Toàn cảnh hội nghị chuyển đổi số tại hội trường UBND tỉnh"
    assert client.post(add_url(section), data, HTTP_HOST=HOST).status_code == 302
    article = ArticlePage.objects.get(title="Bài có ảnh")
    page = client.get("/tin-tuc-su-kien/bai-co-anh/", HTTP_HOST=HOST).content.decode()
    assert 'alt="Toàn cảnh hội nghị chuyển đổi số tại hội trường UBND tỉnh"' in page
    assert article.live


def test_source_fields_are_required_together_and_shown(client, registry, board):
    section = news_section(registry["stttt"])
    assert client.login(username="stttt.tb", password=PASSWORD)
    data = article_form("Tin lấy từ báo", **{"action-publish": "1"})
    data["source_name"] = "Báo Quảng Bình"
    response = client.post(add_url(section), data, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "Nghị định 72/2013/NĐ-CP Điều 20" in response.content.decode()

    data.update(
        source_author="Hoàng Minh",
        source_url="https://baoquangbinh.vn/tin-mau.html",
        source_published_at="28/11/2026 07:15",
    )
    assert client.post(add_url(section), data, HTTP_HOST=HOST).status_code == 302
    page = client.get("/tin-tuc-su-kien/tin-lay-tu-bao/", HTTP_HOST=HOST).content.decode()
    assert "Báo Quảng Bình" in page and "Hoàng Minh" in page and "07:15 28/11/2026" in page
    assert "https://baoquangbinh.vn/tin-mau.html" in page


def test_decomposed_input_is_stored_and_matched_as_nfc(client, registry, board):
    section = news_section(registry["stttt"])
    assert client.login(username="stttt.tb", password=PASSWORD)
    decomposed = unicodedata.normalize("NFD", "Quảng Bình đón khách")
    assert decomposed != "Quảng Bình đón khách"
    data = article_form(decomposed, **{"action-publish": "1"})
    data["slug"] = "quang-binh-don-khach"
    assert client.post(add_url(section), data, HTTP_HOST=HOST).status_code == 302
    assert ArticlePage.objects.filter(title="Quảng Bình đón khách").exists()

    unit = Unit.objects.create(code="T1", kind="commune", name=unicodedata.normalize("NFD", "Xã Quảng Phú"))
    assert Unit.objects.get(pk=unit.pk).name == "Xã Quảng Phú"
    filtered = client.get("/", {"don-vi": "stttt"}, HTTP_HOST="quangbinh.localhost")
    assert filtered.status_code == 200


def test_section_listing_is_paginated_with_breadcrumbs_and_footer(client, registry):
    section = news_section(registry["stttt"])
    for number in range(LISTING_PAGE_SIZE + 3):
        publish_article(section, title=f"Tin số {number:02d} về cải cách hành chính")
    first = client.get("/tin-tuc-su-kien/", HTTP_HOST=HOST).content.decode()
    assert first.count('class="card"') == LISTING_PAGE_SIZE
    assert "Trang 1 / 2" in first
    second = client.get("/tin-tuc-su-kien/", {"trang": 2}, HTTP_HOST=HOST).content.decode()
    assert second.count('class="card"') == 3
    assert client.get("/tin-tuc-su-kien/", {"trang": "abc"}, HTTP_HOST=HOST).status_code == 200
    assert client.get("/tin-tuc-su-kien/", {"trang": 999}, HTTP_HOST=HOST).status_code == 200
    article = client.get("/tin-tuc-su-kien/tin-so-00-ve-cai-cach-hanh-chinh/", HTTP_HOST=HOST).content.decode()
    assert 'aria-label="Đường dẫn"' in article and "Tin tức – Sự kiện" in article
    assert "Sở Thông tin và Truyền thông" in article and "stttt@quangbinh.gov.vn" in article


def test_dates_are_vietnamese(client, registry):
    from django.utils import timezone

    section = news_section(registry["stttt"])
    when = timezone.datetime(2026, 3, 5, 14, 7, tzinfo=timezone.get_fixed_timezone(420))
    publish_article(section, title="Tin ngày 5 tháng 3", published_at=when)
    page = client.get("/tin-tuc-su-kien/tin-ngay-5-thang-3/", HTTP_HOST=HOST).content.decode()
    assert "14:07 05/03/2026" in page
    assert '<html lang="vi">' in page


def test_login_attempts_are_rate_limited(client, registry, board, settings):
    settings.PORTAL_LOGIN_RATE_LIMIT = 3
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "stttt.btv", "password": "sai"}, HTTP_HOST=HOST)
        assert response.status_code == 200
    blocked = client.post("/admin/login/", {"username": "stttt.btv", "password": PASSWORD}, HTTP_HOST=HOST)
    assert blocked.status_code == 429
    assert "thử lại sau" in blocked.content.decode()


def test_slugs_are_ascii_whether_typed_in_the_editor_or_made_in_code(client, registry, board):
    section = news_section(registry["stttt"])
    assert client.login(username="stttt.tb", password=PASSWORD)
    data = article_form("Quảng Bình đẩy mạnh chuyển đổi số", **{"action-publish": "1"})
    data["slug"] = "quảng-bình-đẩy-mạnh-chuyển-đổi-số"  # what the editor's slug field fills in
    assert client.post(add_url(section), data, HTTP_HOST=HOST).status_code == 302
    assert ArticlePage.objects.filter(slug="quang-binh-day-manh-chuyen-doi-so").exists()

    made_in_code = publish_article(section, title="Đường Hồ Chí Minh huyền thoại")
    assert made_in_code.slug == "duong-ho-chi-minh-huyen-thoai"


def test_routing_finds_nested_pages_and_hides_drafts(client, registry):
    from portal.pages.models import SectionPage

    news = news_section(registry["stttt"])
    sub = SectionPage(title="Chuyển đổi số", slug="chuyen-doi-so", live=True)
    news.add_child(instance=sub)
    publish_article(sub, title="Tin trong chuyên mục con")
    draft = publish_article(sub, title="Tin đã gỡ")
    draft.unpublish()
    assert client.get("/tin-tuc-su-kien/chuyen-doi-so/tin-trong-chuyen-muc-con/", HTTP_HOST=HOST).status_code == 200
    assert client.get("/tin-tuc-su-kien/chuyen-doi-so/tin-da-go/", HTTP_HOST=HOST).status_code == 404
    assert client.get("/tin-tuc-su-kien/khong-co/", HTTP_HOST=HOST).status_code == 404
    # Another site's path never resolves here.
    other = publish_article(news_section(registry["syt"]), title="Tin của Sở Y tế")
    assert client.get(f"/tin-tuc-su-kien/{other.slug}/", HTTP_HOST=HOST).status_code == 404
    assert client.get(f"/tin-tuc-su-kien/{other.slug}/", HTTP_HOST="syt.quangbinh.localhost").status_code == 200
