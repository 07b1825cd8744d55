"""sitemap.xml, its index and its parts validate against the sitemaps.org schemas."""

from pathlib import Path

from lxml import etree

from portal.conftest import host, news_section, publish_article
from portal.pages import seo

SCHEMAS = Path(__file__).parent / "schemas"


def _schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def _valid(schema, content):
    document = etree.fromstring(content)
    assert schema.validate(document), schema.error_log
    return document


def test_the_schemas_catch_an_invalid_sitemap():
    sitemap = _schema("sitemap.xsd")
    bad = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>hom qua</lastmod></url></urlset>'
    assert not sitemap.validate(etree.fromstring(bad))


def test_sitemap_and_sitemap_index_validate(client, registry, monkeypatch):
    stttt = registry["stttt"]
    hostname = host(stttt)
    publish_article(news_section(stttt), title="Tin có dấu: Đồng Hới & Bảo Ninh")
    sitemap, siteindex = _schema("sitemap.xsd"), _schema("siteindex.xsd")

    document = _valid(sitemap, client.get("/sitemap.xml", HTTP_HOST=hostname).content)
    assert len(document) > 5
    _valid(sitemap, client.get("/sitemap.xml", HTTP_HOST=host(registry["province"])).content)

    # A site that outgrows one file gets a sitemap index; each part is a valid sitemap.
    monkeypatch.setattr(seo, "SITEMAP_PAGE_SIZE", 4)
    index = _valid(siteindex, client.get("/sitemap.xml", HTTP_HOST=hostname).content)
    assert etree.QName(index).localname == "sitemapindex"
    parts = [node.text for node in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(parts) >= 2
    for url in parts:
        path = url.split(hostname, 1)[1]
        _valid(sitemap, client.get(path, HTTP_HOST=hostname).content)
