"""A user of site A cannot see or change site B's pages, media, settings or users."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from portal.conftest import PASSWORD, news_section, publish_article

pytestmark = pytest.mark.django_db


def make_image(unit, title):
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "PNG")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"{title}.png"), collection=unit.collection_link.collection
    )


def make_document(unit, title):
    return Document.objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=f"{title}.pdf"), collection=unit.collection_link.collection
    )


@pytest.fixture
def two_sites(registry, board):
    stttt, syt = registry["stttt"], registry["syt"]
    return {
        "own_article": publish_article(news_section(stttt), title="Chuyển đổi số tại Sở Thông tin và Truyền thông"),
        "other_article": publish_article(news_section(syt), title="Tiêm chủng mở rộng tại Sở Y tế"),
        "own_image": make_image(stttt, "anh-stttt-hoi-nghi"),
        "other_image": make_image(syt, "anh-syt-benh-vien"),
        "own_doc": make_document(stttt, "tailieu-stttt-ke-hoach"),
        "other_doc": make_document(syt, "tailieu-syt-bao-cao"),
        "stttt": stttt,
        "syt": syt,
    }


@pytest.fixture
def stttt_editor_client(client, board):
    assert client.login(username="stttt.btv", password=PASSWORD)
    return client


def get(client, url):
    return client.get(url, HTTP_HOST="stttt.quangbinh.localhost")


def text_of(response) -> str:
    """Chooser views answer JSON with the HTML inside; others answer HTML."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_explorer_shows_only_own_site(stttt_editor_client, two_sites):
    client = stttt_editor_client
    own_home = two_sites["stttt"].site.root_page_id
    other_home = two_sites["syt"].site.root_page_id
    response = get(client, "/admin/pages/")
    assert response.status_code in (200, 302)
    listing = client.get(f"/admin/pages/{own_home}/", HTTP_HOST="stttt.quangbinh.localhost", follow=True)
    assert "Tin tức – Sự kiện" in listing.content.decode()
    other = client.get(f"/admin/pages/{other_home}/", HTTP_HOST="stttt.quangbinh.localhost", follow=True)
    # Wagtail sends the user back to their own explorable root.
    assert other.redirect_chain and other.redirect_chain[-1][0].endswith(f"/admin/pages/{own_home}/")
    assert "Tiêm chủng" not in other.content.decode()


def test_other_sites_pages_cannot_be_edited_or_deleted(stttt_editor_client, two_sites):
    client = stttt_editor_client
    other = two_sites["other_article"]
    for url in (f"/admin/pages/{other.pk}/edit/", f"/admin/pages/{other.pk}/delete/", f"/admin/pages/{other.pk}/unpublish/"):
        response = get(client, url)
        assert response.status_code in (302, 403), url
        assert "Tiêm chủng" not in response.content.decode()
    response = client.post(
        f"/admin/pages/{other.pk}/edit/", {"title": "Bị sửa"}, HTTP_HOST="stttt.quangbinh.localhost"
    )
    other.refresh_from_db()
    assert other.title == "Tiêm chủng mở rộng tại Sở Y tế"
    own = two_sites["own_article"]
    assert get(client, f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_admin_search_finds_only_own_pages(stttt_editor_client, two_sites):
    body = get(stttt_editor_client, "/admin/pages/search/?q=t%E1%BA%A1i").content.decode()
    assert "Chuyển đổi số" in body
    assert "Tiêm chủng" not in body


def test_page_chooser_offers_only_own_site(stttt_editor_client, two_sites):
    client = stttt_editor_client
    browse = text_of(get(client, "/admin/choose-page/"))
    assert "Sở Thông tin và Truyền thông" in browse
    assert "Sở Y tế" not in browse
    search = text_of(get(client, "/admin/choose-page/search/?q=t%E1%BA%A1i"))
    assert "Chuyển đổi số" in search
    assert "Tiêm chủng" not in search


def test_images_isolated_in_listing_chooser_and_direct_urls(stttt_editor_client, two_sites):
    client = stttt_editor_client
    for url in ("/admin/images/", "/admin/images/chooser/", "/admin/images/chooser/results/?q=anh"):
        body = text_of(get(client, url))
        assert "anh-stttt-hoi-nghi" in body, url
        assert "anh-syt-benh-vien" not in body, url
    other = two_sites["other_image"]
    for url in (f"/admin/images/{other.pk}/", f"/admin/images/{other.pk}/delete/", f"/admin/images/chooser/{other.pk}/"):
        response = get(client, url)
        assert response.status_code in (302, 403, 404), url
    assert get(client, f"/admin/images/{two_sites['own_image'].pk}/").status_code == 200


def test_documents_isolated_in_listing_chooser_and_direct_urls(stttt_editor_client, two_sites):
    client = stttt_editor_client
    for url in ("/admin/documents/", "/admin/documents/chooser/", "/admin/documents/chooser/results/?q=tailieu"):
        body = text_of(get(client, url))
        assert "tailieu-stttt-ke-hoach" in body, url
        assert "tailieu-syt-bao-cao" not in body, url
    other = two_sites["other_doc"]
    for url in (f"/admin/documents/edit/{other.pk}/", f"/admin/documents/delete/{other.pk}/", f"/admin/documents/chooser/{other.pk}/"):
        assert get(client, url).status_code in (302, 403, 404), url
    assert get(client, f"/admin/documents/edit/{two_sites['own_doc'].pk}/").status_code == 200


def test_site_settings_only_for_own_site(client, two_sites, board):
    assert client.login(username="stttt.qt", password=PASSWORD)
    own_site = two_sites["stttt"].site_id
    other_site = two_sites["syt"].site_id
    assert get(client, f"/admin/settings/portal_pages/siteappearance/{own_site}/").status_code == 200
    assert get(client, f"/admin/settings/portal_pages/siteappearance/{other_site}/").status_code in (302, 403)
    response = client.post(
        f"/admin/settings/portal_pages/siteappearance/{other_site}/",
        {"tagline": "Bị sửa", "footer_note": "", "hotline": "", "facebook_url": ""},
        HTTP_HOST="stttt.quangbinh.localhost",
    )
    assert response.status_code in (302, 403)
    from portal.pages.models import SiteAppearance

    assert SiteAppearance.objects.filter(site_id=other_site, tagline="Bị sửa").count() == 0


def test_a_person_may_hold_roles_on_several_sites(client, two_sites):
    from portal.conftest import make_user
    from portal.editorial.constants import Role

    make_user("nhieu.vaitro", (two_sites["stttt"], Role.EDITOR), (two_sites["syt"], Role.EDITOR))
    assert client.login(username="nhieu.vaitro", password=PASSWORD)
    body = get(client, "/admin/pages/search/?q=t%E1%BA%A1i").content.decode()
    assert "Chuyển đổi số" in body and "Tiêm chủng" in body
    assert get(client, f"/admin/pages/{two_sites['other_article'].pk}/edit/").status_code == 200
