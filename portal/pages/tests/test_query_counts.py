"""Listings cost a fixed number of queries however many sites and articles exist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.conftest import news_section
from portal.pages.models import ArticlePage
from portal.units.constants import UnitKind
from portal.units.models import Unit
from portal.units.provisioning import sites_provision
from portal.units.services import units_relabel

pytestmark = pytest.mark.django_db
MAX_QUERIES = 16

PAGES = {
    "main home": ("quangbinh.localhost", "/"),
    "unit home": ("stttt.quangbinh.localhost", "/"),
    "section listing": ("stttt.quangbinh.localhost", "/tin-tuc-su-kien/"),
    "main news with proposals": ("quangbinh.localhost", "/tin-tuc-su-kien/"),
    "article": ("stttt.quangbinh.localhost", "/tin-tuc-su-kien/tin-0000/"),
}


def add_articles(section, count, start=0):
    now = timezone.now()
    for number in range(start, start + count):
        section.add_child(
            instance=ArticlePage(
                title=f"Tin {number:04d}",
                slug=f"tin-{number:04d}",
                lead="Sapo.",
                body="<p>Nội dung.</p>",
                authors="Ban biên tập",
                live=True,
                published_at=now - timezone.timedelta(minutes=number),
                first_published_at=now,
            )
        )


def count_queries(client):
    counts = {}
    for name, (host, path) in PAGES.items():
        client.get(path, HTTP_HOST=host)  # warm per-process caches (site root paths)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, name
        counts[name] = len(ctx.captured_queries)
    return counts


def test_listings_have_bounded_queries(client, registry):
    stttt_news = news_section(registry["stttt"])
    add_articles(stttt_news, 3)
    small = count_queries(client)

    province = registry["province"]
    for number in range(50):
        Unit.objects.create(code=f"9{number:03d}", kind=UnitKind.COMMUNE, name=f"Xã Thử Nghiệm {number}", parent=province)
    units_relabel()
    sites_provision()
    sections = [news_section(unit) for unit in Unit.objects.filter(code__startswith="9")[:10]]
    add_articles(stttt_news, 200, start=3)
    for index, section in enumerate(sections):
        add_articles(section, 30, start=1000 + index * 30)
    assert Unit.objects.exclude(site=None).count() >= 50
    assert ArticlePage.objects.count() >= 500

    large = count_queries(client)
    assert large == small, f"query counts grew with data: {small} → {large}"
    assert max(large.values()) <= MAX_QUERIES, large
