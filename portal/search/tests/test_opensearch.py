"""The OpenSearch backend WITHOUT a server (none runs in CI): the index mapping, the request bodies it
sends, and how it merges the tiers, checked against a stand-in HTTP session that records requests.
Whether a real OpenSearch answers these bodies as expected is NOT tested here (see docs/search.md)."""

import json

import pytest

from portal.search.backends import (
    OPENSEARCH_MAPPINGS,
    OPENSEARCH_SETTINGS,
    OpenSearchBackend,
    get_backend,
)
from portal.search.models import SearchDocument
from portal.search.sources import document_fields
from portal.search.text import parse


class RecordingSession:
    """Stands in for requests.Session: records each request and answers with canned hits."""

    def __init__(self, hits_by_call):
        self.hits_by_call = list(hits_by_call)
        self.calls = []

    def request(self, method, url, data=None, headers=None, timeout=None):
        self.calls.append((method, url, data))
        hits = self.hits_by_call.pop(0) if self.hits_by_call else []
        return Response({"hits": {"hits": [{"_id": str(h)} for h in hits]}, "errors": False})

    def head(self, url, timeout=None):
        self.calls.append(("HEAD", url, None))
        return Response({}, status=200)

    def delete(self, url, timeout=None):
        self.calls.append(("DELETE", url, None))
        return Response({})


class Response:
    def __init__(self, payload, status=200):
        self.payload, self.status_code = payload, status

    def raise_for_status(self):
        return None

    def json(self):
        return self.payload


def test_mapping_folds_like_the_database_backend():
    analyzer = OPENSEARCH_SETTINGS["analysis"]["analyzer"]["portal_folded"]
    assert analyzer["filter"] == ["lowercase", "asciifolding"]  # asciifolding maps đ to d as well
    for column in ("title_f", "head_f", "all_f"):
        assert OPENSEARCH_MAPPINGS["properties"][column] == {"type": "text", "analyzer": "portal_folded"}
    assert OPENSEARCH_MAPPINGS["properties"]["number_key"]["type"] == "keyword"


def test_query_bodies_for_phrases_prefix_and_filters():
    backend = OpenSearchBackend(url="http://search.invalid:9200", prefix="t-", session=RecordingSession([]))
    body = backend.match_body("title", parse('"Đồng Hới" du lịch'), unit_ids=[3, 4], kind="article", limit=100)
    must = body["query"]["bool"]["must"]
    assert must[0] == {"match_phrase": {"title_f": "dong hoi"}}
    assert must[1] == {"term": {"title_f": "du"}}
    assert must[2] == {"bool": {"should": [{"term": {"title_f": "lich"}}, {"prefix": {"title_f": "lich"}}]}}
    assert body["query"]["bool"]["filter"] == [{"terms": {"unit_id": [3, 4]}}, {"term": {"kind": "article"}}]
    assert body["sort"] == [{"id": "desc"}] and body["size"] == 100
    number = backend.number_body(parse("06/2015/QĐ-UBND"), unit_ids=None, kind=None, limit=100)
    assert number["query"]["bool"]["filter"] == [{"term": {"number_key": "062015qdubnd"}}]


def test_tiers_are_merged_best_first():
    session = RecordingSession([[7], [7, 8], [7, 8, 9], [9, 10]])  # number, title, head, all
    backend = OpenSearchBackend(url="http://search.invalid:9200", prefix="t-", session=session)
    found, capped = backend.candidates(parse("06/2015/QĐ-UBND"), limit=100)
    assert found == {7: 0, 8: 1, 9: 2, 10: 3} and capped is False
    assert [c[1] for c in session.calls] == ["http://search.invalid:9200/t-documents/_search"] * 4


@pytest.mark.django_db
def test_bulk_body_sends_the_folded_columns(settings):
    document = SearchDocument(pk=5, source="page", object_id=1, **document_fields(
        kind="legaldoc", unit_id=None, url="http://x/", title="Quyết định về Đồng Hới", number="06/2015/QĐ-UBND",
    ))
    backend = OpenSearchBackend(url="http://search.invalid:9200", prefix="t-", session=RecordingSession([]))
    action, source = backend.bulk_body([document]).strip().split("\n")
    assert json.loads(action) == {"index": {"_index": "t-documents", "_id": 5}}
    assert json.loads(source)["title_f"] == "quyet dinh ve dong hoi"
    assert json.loads(source)["number_key"] == "062015qdubnd"
    settings.PORTAL_SEARCH_BACKEND = "opensearch"
    assert isinstance(get_backend(), OpenSearchBackend)
    settings.PORTAL_SEARCH_BACKEND = "database"
    assert get_backend().name == "database"
