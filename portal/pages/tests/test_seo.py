"""robots.txt, sitemap.xml (and its index) and the HTML sitemap, per site, through real requests."""

import math
import re
import xml.etree.ElementTree as ET

from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.conftest import host, news_section, publish_article
from portal.pages import seo
from portal.pages.models import SectionPage, StandardPage

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _xml(client, path, hostname, status=200):
    response = client.get(path, HTTP_HOST=hostname)
    assert response.status_code == status, (path, response.status_code)
    if status != 200:
        return None
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return ET.fromstring(response.content)


def _locs(root, kind="url"):
    return [node.findtext(f"{NS}loc") for node in root.findall(f"{NS}{kind}")]


def test_sitemaps_and_robots_follow_each_site_and_drop_withdrawn_pages(client, registry, monkeypatch, django_assert_max_num_queries):
    stttt, province = registry["stttt"], registry["province"]
    stttt_host, main_host = host(stttt), host(province)
    stttt_base, main_base = f"http://{stttt_host}", f"http://{main_host}"

    kept = publish_article(news_section(stttt), title="Hội nghị chuyển đổi số & an toàn thông tin")
    withdrawn = publish_article(news_section(stttt), title="Thông báo sẽ được gỡ")
    main_article = publish_article(news_section(province), title="Tin của Cổng thông tin tỉnh")
    # A draft never published, and a section behind a password with a live article inside it.
    draft = StandardPage(title="Bản nháp chưa công bố", slug="ban-nhap", live=False)
    stttt.site.root_page.add_child(instance=draft)
    private = SectionPage(title="Khu vực nội bộ", slug="noi-bo")
    stttt.site.root_page.add_child(instance=private)
    private.save_revision().publish()
    hidden = publish_article(private, title="Tài liệu nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat")

    # --- sitemap.xml: own host only, live public pages, the catalogue, lastmod dates; few queries.
    client.get("/sitemap.xml", HTTP_HOST=stttt_host)  # warm per-process caches
    with django_assert_max_num_queries(3):
        root = _xml(client, "/sitemap.xml", stttt_host)
    assert root.tag == f"{NS}urlset"
    locs = _locs(root)
    assert f"{stttt_base}/" == locs[0]
    assert f"{stttt_base}{kept.url_path[len(stttt.site.root_page.url_path) - 1:]}" in locs
    assert any(loc.endswith(f"/{withdrawn.slug}/") for loc in locs)
    assert f"{stttt_base}/dich-vu-cong/" in locs
    assert all(loc.startswith(f"{stttt_base}/") for loc in locs), "another site's page in Sở TTTT's sitemap"
    assert all(loc.isascii() for loc in locs), "URLs must be percent-encoded"
    assert not any(slug in loc for loc in locs for slug in ("/ban-nhap/", "/noi-bo/", f"/{hidden.slug}/"))
    assert not any(loc.endswith(f"/{main_article.slug}/") for loc in locs)
    lastmods = {node.findtext(f"{NS}loc"): node.findtext(f"{NS}lastmod") for node in root.findall(f"{NS}url")}
    kept_loc = f"{stttt_base}{kept.url_path[len(stttt.site.root_page.url_path) - 1:]}"
    assert lastmods[kept_loc] == timezone.localtime(kept.last_published_at).date().isoformat()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmods[kept_loc])
    assert lastmods[f"{stttt_base}/dich-vu-cong/"] is None

    main_locs = _locs(_xml(client, "/sitemap.xml", main_host))
    assert any(loc == f"{main_base}/tin-tuc-su-kien/{main_article.slug}/" for loc in main_locs)
    assert f"{main_base}/dich-vu-cong/" in main_locs
    assert not any(stttt_host in loc for loc in main_locs)

    # Growing the site does not add queries.
    for number in range(15):
        publish_article(news_section(stttt), title=f"Tin bổ sung số {number}")
    with django_assert_max_num_queries(3):
        grown = _locs(_xml(client, "/sitemap.xml", stttt_host))
    assert len(grown) == len(locs) + 15

    # --- withdrawn: unpublishing removes the article at the next request.
    withdrawn.unpublish()
    after = _locs(_xml(client, "/sitemap.xml", stttt_host))
    assert not any(loc.endswith(f"/{withdrawn.slug}/") for loc in after)
    assert len(after) == len(grown) - 1

    # --- the index takes over when the site outgrows one file.
    monkeypatch.setattr(seo, "SITEMAP_PAGE_SIZE", 4)
    index = _xml(client, "/sitemap.xml", stttt_host)
    assert index.tag == f"{NS}sitemapindex"
    parts = _locs(index, "sitemap")
    assert parts == [f"{stttt_base}/sitemap-{n}.xml" for n in range(1, math.ceil(len(after) / 4) + 1)]
    combined = []
    for part in parts:
        with django_assert_max_num_queries(4):
            urlset = _xml(client, part.removeprefix(stttt_base), stttt_host)
        assert urlset.tag == f"{NS}urlset"
        assert 1 <= len(_locs(urlset)) <= 4
        combined += _locs(urlset)
    assert combined == after, "the parts together list exactly the single-file entries, in order"
    _xml(client, f"/sitemap-{len(parts) + 1}.xml", stttt_host, status=404)
    _xml(client, "/sitemap-0.xml", stttt_host, status=404)

    # --- robots.txt
    response = client.get("/robots.txt", HTTP_HOST=stttt_host)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/tai-khoan/", "/dich-vu-cong/ho-so/", "/dich-vu-cong/thanh-toan/", "/api/"):
        assert f"Disallow: {path}" in lines
    assert f"Sitemap: {stttt_base}/sitemap.xml" in lines
    assert f"Sitemap: {main_base}/sitemap.xml" in client.get("/robots.txt", HTTP_HOST=main_host).content.decode()
    assert client.get("/robots.txt", HTTP_HOST="khong-co.example.org").status_code in (400, 404)


def test_html_sitemap_lists_the_sites_public_pages_in_tree_order(client, registry, django_assert_max_num_queries):
    stttt = registry["stttt"]
    stttt_host = host(stttt)
    section = news_section(stttt)
    article = publish_article(section, title="Bài viết trong sơ đồ")
    gone = publish_article(section, title="Bài viết đã gỡ")
    gone.unpublish()
    private = SectionPage(title="Khu vực nội bộ", slug="noi-bo")
    stttt.site.root_page.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    publish_article(news_section(registry["province"]), title="Tin riêng của Cổng tỉnh")

    client.get("/so-do-trang/", HTTP_HOST=stttt_host)
    with django_assert_max_num_queries(8):
        response = client.get("/so-do-trang/", HTTP_HOST=stttt_host)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1 class=\"page-title\">Sơ đồ trang</h1>" in html
    assert '<a href="/">Trang chủ</a>' in html
    assert f'<a href="/{section.slug}/">{section.title}</a>' in html
    assert f'<a href="/{section.slug}/{article.slug}/">{article.title}</a>' in html
    # Nested: the article's list sits inside the section's list item, after the section's link.
    assert html.index(f'href="/{section.slug}/"') < html.index(f'href="/{section.slug}/{article.slug}/"')
    assert html.count("<ul") >= 3
    assert '<a href="/dich-vu-cong/">Dịch vụ công</a>' in html
    for absent in ("Bài viết đã gỡ", "Khu vực nội bộ", "Tin riêng của Cổng tỉnh"):
        assert absent not in html
