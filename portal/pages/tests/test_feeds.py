"""RSS 2.0 and Atom 1.0 feeds per site, per section, for legal documents and procedures; the
feed index; withdrawn and restricted content is left out."""

import feedparser
from wagtail.models import PageViewRestriction

from portal.conftest import host, news_section, publish_article
from portal.pages.models import SectionPage


def _feed(client, path, hostname):
    response = client.get(path, HTTP_HOST=hostname)
    assert response.status_code == 200, (path, response.status_code)
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return response, parsed


def test_feeds_parse_list_live_content_and_drop_withdrawn(client, registry, django_assert_max_num_queries):
    from portal.legaldocs.tests.conftest import publish_document
    from portal.procedures.models import Procedure, ProcedureStatus

    stttt = registry["stttt"]
    hostname = host(stttt)
    base = f"http://{hostname}"
    news = news_section(stttt)
    kept = publish_article(news, title="Hội nghị chuyển đổi số & an toàn thông tin", lead="Sapo giữ lại & đầy đủ.", authors="Minh Quân")
    withdrawn = publish_article(news, title="Thông báo sẽ được gỡ")
    other_site = publish_article(news_section(registry["syt"]), title="Tin của Sở Y tế")
    private = SectionPage(title="Khu vực nội bộ", slug="noi-bo")
    stttt.site.root_page.add_child(instance=private)
    private.save_revision().publish()
    hidden = publish_article(private, title="Tài liệu nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")
    document = publish_document(stttt, "15/2026/QĐ-UBND", title="Quyết định về chuyển đổi số", issue_date=__import__("datetime").date(2024, 3, 1))
    Procedure.objects.create(
        national_code="1.000100", name="Cấp giấy phép trang thông tin điện tử tổng hợp", unit=stttt,
        primary_level="province", status=ProcedureStatus.PUBLISHED,
    )
    Procedure.objects.create(national_code="1.000999", name="Thủ tục nháp", unit=stttt, primary_level="province")

    for kind in ("rss", "atom"):
        response, parsed = _feed(client, f"/{kind}/tin-moi.xml", hostname)
        assert response["Content-Type"].startswith("application/rss+xml" if kind == "rss" else "application/atom+xml")
        assert parsed.version == ("rss20" if kind == "rss" else "atom10")
        assert parsed.feed.title == "Tin mới – Sở Thông tin và Truyền thông"
        titles = [entry.title for entry in parsed.entries]
        assert kept.title in titles and withdrawn.title in titles
        assert other_site.title not in titles and hidden.title not in titles
        entry = parsed.entries[titles.index(kept.title)]
        assert entry.link == f"{base}/tin-tuc-su-kien/{kept.slug}/"
        assert entry.id == entry.link
        assert entry.author == "Minh Quân"
        assert entry.summary == "Sapo giữ lại &amp; đầy đủ." or entry.summary == "Sapo giữ lại & đầy đủ."
        assert entry.published_parsed or entry.updated_parsed

        _response, section = _feed(client, f"/{kind}/chuyen-muc/tin-tuc-su-kien.xml", hostname)
        assert {e.title for e in section.entries} >= {kept.title, withdrawn.title}
        assert section.feed.title.startswith("Tin tức – Sự kiện")

        _response, legal = _feed(client, f"/{kind}/van-ban.xml", hostname)
        assert [e.title for e in legal.entries] == [f"15/2026/QĐ-UBND – {document.title}"]
        assert legal.entries[0].link == document.full_url == f"{base}/van-ban/15-2026-qd-ubnd/"

        _response, procedures = _feed(client, f"/{kind}/thu-tuc.xml", hostname)
        assert [e.title for e in procedures.entries] == ["Cấp giấy phép trang thông tin điện tử tổng hợp"]
        assert procedures.entries[0].link == f"{base}/dich-vu-cong/thu-tuc/1.000100/"

    # Restricted sections have no feed; unknown ones neither.
    assert client.get("/rss/chuyen-muc/noi-bo.xml", HTTP_HOST=hostname).status_code == 404
    assert client.get("/rss/chuyen-muc/khong-co.xml", HTTP_HOST=hostname).status_code == 404

    # Bounded queries, whatever the number of articles.
    for number in range(10):
        publish_article(news, title=f"Tin bổ sung {number}")
    client.get("/rss/tin-moi.xml", HTTP_HOST=hostname)
    with django_assert_max_num_queries(8):
        _response, grown = _feed(client, "/rss/tin-moi.xml", hostname)
    assert len(grown.entries) == 12
    with django_assert_max_num_queries(10):
        _feed(client, "/atom/chuyen-muc/tin-tuc-su-kien.xml", hostname)

    # Withdrawn: gone from the feeds and from sitemap.xml at the next request.
    assert f"/{withdrawn.slug}/" in client.get("/sitemap.xml", HTTP_HOST=hostname).content.decode()
    withdrawn.unpublish()
    for path in ("/rss/tin-moi.xml", "/atom/tin-moi.xml", "/rss/chuyen-muc/tin-tuc-su-kien.xml"):
        _response, parsed = _feed(client, path, hostname)
        assert withdrawn.title not in [e.title for e in parsed.entries], path
    assert f"/{withdrawn.slug}/" not in client.get("/sitemap.xml", HTTP_HOST=hostname).content.decode()


def test_feed_index_lists_every_feed_in_both_formats(client, registry):
    stttt = registry["stttt"]
    hostname = host(stttt)
    response = client.get("/rss/", HTTP_HOST=hostname)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Kênh RSS</h1>" in page
    for name in ("tin-moi", "chuyen-muc/tin-tuc-su-kien", "thu-tuc"):
        assert f'href="/rss/{name}.xml"' in page and f'href="/atom/{name}.xml"' in page
    assert 'href="/rss/van-ban.xml"' in page  # the site has a legal documents section
    # Every feed listed answers and parses.
    import re

    for path in re.findall(r'href="(/(?:rss|atom)/[^"]+\.xml)"', page):
        _feed(client, path, hostname)
    # The footer links the index; the home page's head links the news feed.
    home = client.get("/", HTTP_HOST=hostname).content.decode()
    assert '<a href="/rss/">Kênh RSS</a>' in home
    assert '<link rel="alternate" type="application/rss+xml" title="Tin mới (RSS)" href="/rss/tin-moi.xml">' in home
