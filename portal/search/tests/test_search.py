"""Search through the page and the API: folding, phrases, numbers, ranking, scoping, takedown, privacy."""

import datetime as dt
import re
import unicodedata

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from portal.conftest import news_section, publish_article
from portal.legaldocs.tests.conftest import publish_document as legaldocs_publish
from portal.procedures.models import Procedure, ProcedureStatus
from portal.search.models import SearchDocument

from .conftest import publish_question

MAIN = "quangbinh.localhost"
pytestmark = pytest.mark.django_db


def titles(client, host=MAIN, **params) -> list[str]:
    response = client.get("/tim-kiem/", params, HTTP_HOST=host)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(r'<h3 class="sr-title"><a href="[^"]*">(.*?)</a></h3>', html, flags=re.S)
    return [re.sub(r"</?mark>", "", t) for t in found]


def api(client, **params) -> dict:
    response = client.get("/api/v1/search", params, HTTP_HOST=MAIN)
    assert response.status_code == 200, response.content
    return response.json()


def publish_document(unit, *, number, title, abstract, full_text="", issue_date=dt.date(2024, 3, 1)):
    page = legaldocs_publish(unit, number, title=title, abstract=abstract, full_text=full_text, issue_date=issue_date,
                             effective_date=issue_date)
    page.save_revision().publish()
    return page


def test_dong_hoi_with_without_marks_and_decomposed_give_the_same_results(client, registry, indexed):
    with indexed():
        publish_article(news_section(registry["stttt"]), title="Lễ hội Đồng Hới mùa hè", body="<p>Nhiều hoạt động.</p>")
        publish_article(news_section(registry["donghoi"]), title="Dong Hoi don khach du lich", body="<p>Viet khong dau.</p>")
        publish_article(news_section(registry["stttt"]), title="Tin khác", body="<p>Không liên quan.</p>")
    composed = "Đồng Hới"
    decomposed = unicodedata.normalize("NFD", composed)
    expected = ["Lễ hội Đồng Hới mùa hè", "Dong Hoi don khach du lich"]
    for q in ("dong hoi", composed, decomposed, "ĐỒNG HỚI"):
        assert sorted(titles(client, q=q)) == sorted(expected), q
        assert sorted(item["title"] for item in api(client, q=q)["items"]) == sorted(expected), q
    # The same order whichever way it is typed.
    orders = {tuple(titles(client, q=q)) for q in ("dong hoi", composed, decomposed)}
    assert len(orders) == 1
    # The page says how many, and marks the matches in the original spelling.
    html = client.get("/tim-kiem/", {"q": "dong hoi"}, HTTP_HOST=MAIN).content.decode()
    assert 'role="status"' in html and "2 kết quả" in html
    assert "<mark>Đồng</mark> <mark>Hới</mark>" in html and "<mark>Dong</mark> <mark>Hoi</mark>" in html


def test_document_number_finds_its_document_first_and_full_text_is_searched(client, registry, indexed):
    with indexed():
        wanted = publish_document(
            registry["province"], number="06/2015/QĐ-UBND", title="Quyết định ban hành quy chế quản lý cổng thông tin",
            abstract="Ban hành quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh",
            full_text="<p>Điều 1. Phạm vi điều chỉnh về thủy lợi nội đồng.</p>", issue_date=dt.date(2015, 3, 1),
        )
        publish_document(
            registry["province"], number="12/2020/QĐ-UBND",
            title="Quyết định sửa đổi Quyết định số 06/2015/QĐ-UBND về cổng thông tin",
            abstract="Sửa đổi, bổ sung một số điều của Quyết định 06/2015/QĐ-UBND", issue_date=dt.date(2020, 5, 1),
        )
    for q in ("06/2015/QĐ-UBND", "06/2015/qd-ubnd", "06 / 2015 / QĐ - UBND"):
        assert titles(client, q=q)[0] == wanted.title, q
        assert api(client, q=q)["items"][0]["number"] == "06/2015/QĐ-UBND"
    # Words only found in the full text of the document.
    assert titles(client, q="thuy loi noi dong") == [wanted.title]


def test_quoted_phrase_needs_the_words_together(client, registry, indexed):
    with indexed():
        publish_article(news_section(registry["stttt"]), title="Du lịch biển Bảo Ninh hút khách", body="<p>x</p>")
        publish_article(news_section(registry["stttt"]), title="Ninh Bình và Bảo tàng", body="<p>y</p>")
    assert sorted(titles(client, q="bao ninh")) == ["Du lịch biển Bảo Ninh hút khách", "Ninh Bình và Bảo tàng"]
    assert titles(client, q='"bảo ninh"') == ["Du lịch biển Bảo Ninh hút khách"]
    assert titles(client, q="“bao ninh”") == ["Du lịch biển Bảo Ninh hút khách"]
    html = client.get("/tim-kiem/", {"q": '"ninh bao"'}, HTTP_HOST=MAIN).content.decode()
    assert "Không có kết quả nào" in html and "không có dấu ngoặc kép" in html


def test_title_ranks_above_abstract_above_body_whatever_the_date(client, registry, indexed):
    section = news_section(registry["stttt"])
    now = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)
    with indexed():
        publish_article(section, title="Chuyển đổi số ở Quảng Bình", body="<p>a</p>", published_at=now - dt.timedelta(days=30))
        publish_article(section, title="Bài có sapo", lead="Đẩy mạnh chuyển đổi số.", body="<p>b</p>", published_at=now - dt.timedelta(days=10))
        publish_article(section, title="Bài mới nhất", body="<p>Nói về chuyển đổi số.</p>", published_at=now)
    assert titles(client, q="chuyen doi so") == ["Chuyển đổi số ở Quảng Bình", "Bài có sapo", "Bài mới nhất"]


def test_unit_site_is_scoped_and_main_portal_has_facets(client, registry, indexed):
    stttt, donghoi, syt = registry["stttt"], registry["donghoi"], registry["syt"]
    with indexed():
        publish_article(news_section(stttt), title="Hội nghị an toàn thông tin", body="<p>x</p>")
        publish_article(news_section(donghoi), title="Thành phố tổ chức hội nghị an toàn giao thông", body="<p>x</p>")
        Procedure.objects.create(
            national_code="1.009999", name="Cấp giấy phép hội nghị, hội thảo quốc tế", unit=syt, primary_level="province",
            status=ProcedureStatus.PUBLISHED,
        )
        publish_question(stttt, title="Hỏi về hội nghị trực tuyến", content="Tổ chức thế nào?", answer="Theo hướng dẫn.",
                         code="HD-260501-AB12")
        publish_question(stttt, title="Hỏi về hội nghị chưa đăng", content="?", answer="Chưa đăng.", code="HD-260501-AB13",
                         published=False)
    assert sorted(titles(client, host=stttt.hostname, q="hoi nghi")) == ["Hỏi về hội nghị trực tuyến", "Hội nghị an toàn thông tin"]
    data = api(client, q="hội nghị")
    assert data["total"] == 4
    assert {f["value"]: f["count"] for f in data["facets"]["type"]} == {"article": 2, "procedure": 1, "answer": 1}
    assert {f["value"]: f["count"] for f in data["facets"]["unit"]} == {"44-STTTT": 2, "450": 1, "44-SYT": 1}
    answer = next(item for item in data["items"] if item["type"] == "answer")
    assert answer["url"].endswith("/HD-260501-AB12/")
    procedure = next(item for item in data["items"] if item["type"] == "procedure")
    assert procedure["url"] == "http://syt.quangbinh.localhost/dich-vu-cong/thu-tuc/1.009999/"
    assert [i["type"] for i in api(client, q="hội nghị", type="procedure")["items"]] == ["procedure"]
    assert {i["unit"]["code"] for i in api(client, q="hội nghị", unit="44-STTTT")["items"]} == {"44-STTTT"}
    assert len(api(client, q="hội nghị", site=stttt.hostname)["items"]) == 2
    # The page's facets link with the Vietnamese parameters and keep the query.
    html = client.get("/tim-kiem/", {"q": "hội nghị"}, HTTP_HOST=MAIN).content.decode()
    assert "Loại nội dung" in html and "Đơn vị" in html and "loai=procedure" in html
    assert titles(client, q="hội nghị", **{"don-vi": donghoi.pk}) == ["Thành phố tổ chức hội nghị an toàn giao thông"]
    # A unit's site has no unit facet.
    assert "sr-don-vi" not in client.get("/tim-kiem/", {"q": "hội nghị"}, HTTP_HOST=stttt.hostname).content.decode()


def test_unpublished_withdrawn_and_private_content_leaves_search(client, registry, indexed):
    section = news_section(registry["stttt"])
    with indexed():
        article = publish_article(section, title="Thông báo tuyển dụng viên chức", body="<p>x</p>")
        procedure = Procedure.objects.create(
            national_code="1.008888", name="Tuyển dụng viên chức sự nghiệp", unit=registry["stttt"],
            primary_level="province", status=ProcedureStatus.PUBLISHED,
        )
    assert len(titles(client, q="tuyen dung")) == 2
    with indexed():
        article.unpublish()
        procedure.status = ProcedureStatus.WITHDRAWN
        procedure.save()
    assert titles(client, q="tuyen dung") == []

    with indexed():
        PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")
        publish_article(section, title="Tài liệu nội bộ tuyển dụng", body="<p>x</p>")
    assert titles(client, q="tuyen dung") == []
    assert not SearchDocument.objects.filter(title__contains="nội bộ").exists()
    call_command("search_rebuild", stdout=None)
    assert not SearchDocument.objects.filter(title__contains="nội bộ").exists()


def test_highlighting_never_lets_markup_through(client, registry, indexed):
    with indexed():
        publish_article(
            news_section(registry["stttt"]), title='<script>alert("x")</script> Quảng Bình <img src=x onerror=alert(1)>',
            lead="<b>đậm</b> Quảng Bình", body="<p>x</p>",
        )
    html = client.get("/tim-kiem/", {"q": "quang binh <script>"}, HTTP_HOST=MAIN).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>đậm" not in html
    assert "&lt;script&gt;" in html and "<mark>Quảng</mark> <mark>Bình</mark>" in html
    item = api(client, q="quang binh")["items"][0]
    assert "<script>" not in item["title_html"] and "<mark>Quảng</mark>" in item["title_html"]


def test_results_page_query_count_does_not_grow(client, registry, indexed, django_assert_max_num_queries):
    section = news_section(registry["stttt"])
    with indexed():
        for i in range(30):
            publish_article(section, title=f"Bản tin thời tiết số {i}", body="<p>Mưa rào ở Đồng Hới.</p>")
    client.get("/tim-kiem/", {"q": "thoi tiet"}, HTTP_HOST=MAIN)  # warm the site caches
    with django_assert_max_num_queries(14):
        response = client.get("/tim-kiem/", {"q": "thoi tiet"}, HTTP_HOST=MAIN)
    html = response.content.decode()
    assert "30 kết quả" in html and html.count('class="sr-item"') == 20 and "trang=2" in html
    second = titles(client, q="thoi tiet", trang=2)
    assert len(second) == 10


def test_rebuild_command_restores_the_index_for_all_or_one_site(client, registry, indexed):
    with indexed():
        publish_article(news_section(registry["stttt"]), title="Khai trương trung tâm dữ liệu", body="<p>x</p>")
        publish_article(news_section(registry["donghoi"]), title="Trung tâm dữ liệu thành phố", body="<p>x</p>")
    SearchDocument.objects.all().delete()
    assert titles(client, q="trung tam du lieu") == []
    call_command("search_rebuild", "--site", "stttt", stdout=None)
    assert titles(client, q="trung tam du lieu") == ["Khai trương trung tâm dữ liệu"]
    call_command("search_rebuild", stdout=None)
    assert len(titles(client, q="trung tam du lieu")) == 2


def test_same_ordered_results_on_every_database(client, registry, indexed):
    """A fixed data set and its exact expected order: the test runs on SQLite and on PostgreSQL (CI)."""
    section = news_section(registry["stttt"])
    base = dt.datetime(2026, 1, 10, 8, tzinfo=dt.UTC)
    rows = [
        ("Nông thôn mới ở Bố Trạch", "Xây dựng nông thôn mới.", "<p>Đường giao thông.</p>"),
        ("Đường giao thông nông thôn", "Bê tông hóa.", "<p>Nông thôn mới khởi sắc.</p>"),
        ("Nông thôn mới", "Tổng kết.", "<p>x</p>"),
        ("Tin văn hóa", "Lễ hội.", "<p>Phong trào nông thôn mới và đời sống văn hóa.</p>"),
        ("Văn hóa đọc", "Nông thôn mới có thư viện.", "<p>x</p>"),
    ]
    with indexed():
        for i, (title, lead, body) in enumerate(rows):
            publish_article(section, title=title, lead=lead, body=body, published_at=base + dt.timedelta(days=i))
    assert titles(client, q="nông thôn mới") == [
        "Nông thôn mới", "Nông thôn mới ở Bố Trạch", "Văn hóa đọc", "Đường giao thông nông thôn", "Tin văn hóa",
    ]
    assert titles(client, q='"nong thon moi"') == [
        "Nông thôn mới", "Nông thôn mới ở Bố Trạch", "Văn hóa đọc", "Đường giao thông nông thôn", "Tin văn hóa",
    ]
    assert titles(client, q="van hoa") == ["Văn hóa đọc", "Tin văn hóa"]
