"""Every kind of route declares UTF-8 in its Content-Type (L-39.*): HTML, JSON API, XML feeds and
sitemaps, plain text, iCalendar, CSV, and the error pages."""

import pytest
from django.urls import reverse

from portal.conftest import PASSWORD, news_section, publish_article
from portal.schedule.tests.conftest import entry, make_week
from portal.schedule.weeks import IsoWeek

pytestmark = pytest.mark.django_db
MAIN = "quangbinh.localhost"
UNIT = "stttt.quangbinh.localhost"


def assert_utf8(response, media_type: str):
    content_type = response["Content-Type"]
    assert content_type.split(";")[0].strip() == media_type, content_type
    assert "charset=utf-8" in content_type.lower().replace(" ", "").replace('"', ""), content_type
    body = b"".join(response.streaming_content) if response.streaming else response.content
    body.decode("utf-8")  # and the body really is UTF-8


def test_html_pages_and_error_pages_declare_utf8(client, registry):
    article = publish_article(news_section(registry["stttt"]), title="Hội nghị chuyển đổi số tỉnh Quảng Bình")
    article_path = article.relative_url(registry["stttt"].site)
    for host, path in [(MAIN, "/"), (UNIT, "/"), (UNIT, article_path), (UNIT, "/khong-co-trang-nay/")]:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code in (200, 404), (path, response.status_code)
        assert_utf8(response, "text/html")


def test_json_api_declares_utf8(client, registry):
    assert_utf8(client.get("/api/v1/units/", HTTP_HOST=MAIN), "application/json")
    assert_utf8(client.get("/api/v1/openapi.json", HTTP_HOST=MAIN), "application/json")
    missing = client.get("/api/v1/khong-co/", HTTP_HOST=MAIN)
    assert missing.status_code == 404


def test_xml_and_text_routes_declare_utf8(client, registry):
    publish_article(news_section(registry["stttt"]), title="Tin có dấu: Đồng Hới, Lệ Thuỷ")
    assert_utf8(client.get("/sitemap.xml", HTTP_HOST=UNIT), "application/xml")
    assert_utf8(client.get("/robots.txt", HTTP_HOST=UNIT), "text/plain")
    assert_utf8(client.get("/healthz", HTTP_HOST=MAIN), "text/plain")
    rss = client.get("/rss/tin-moi.xml", HTTP_HOST=UNIT)
    assert rss.status_code == 200
    assert_utf8(rss, "application/rss+xml")
    assert_utf8(client.get("/atom/tin-moi.xml", HTTP_HOST=UNIT), "application/atom+xml")


def test_icalendar_declares_utf8(client, registry):
    week = IsoWeek(2026, 49)
    make_week(registry["stttt"], week, [entry(week, 1, "08:00", "Họp giao ban Sở Thông tin và Truyền thông")])
    response = client.get("/chi-dao-dieu-hanh/lich-cong-tac/2026-w49/lich.ics", HTTP_HOST=UNIT)
    assert response.status_code == 200
    assert_utf8(response, "text/calendar")


def test_static_style_sheets_declare_utf8(client, registry):
    response = client.get("/static/portal/site.css", HTTP_HOST=MAIN)
    assert response.status_code == 200
    assert_utf8(response, "text/css")


def test_csv_export_declares_utf8(client, registry, django_user_model):
    url = reverse("audit:log")
    django_user_model.objects.create_superuser("quantri", "quantri@example.gov.vn", PASSWORD)
    client.login(username="quantri", password=PASSWORD)
    response = client.get(url, {"tai-ve": "csv"}, HTTP_HOST=MAIN)
    assert_utf8(response, "text/csv")
