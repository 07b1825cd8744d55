"""Where candidates come from: the database (SQLite FTS5 or PostgreSQL full-text) or OpenSearch.

A backend only *retrieves*: for each tier (exact number, title, head = title + number + abstract,
everything) it returns at most ``limit`` ids of matching documents, newest index rows first. The
ranking is done afterwards in Python with one formula (`selectors.rank`), so every backend, and
both databases, give the same order for the same data.
"""

from __future__ import annotations

import json
import logging
from itertools import pairwise

from django.conf import settings
from django.db import connection

from .models import SearchDocument
from .text import Query

logger = logging.getLogger(__name__)

TIERS = ("title", "head", "all")  # tier 1, 2, 3; tier 0 is the exact number


class DatabaseBackend:
    name = "database"

    def candidates(self, query: Query, *, unit_ids=None, kind=None, limit: int) -> tuple[dict[int, int], bool]:
        """{document id: best tier} and whether any tier was cut at ``limit``."""
        found: dict[int, int] = {}
        capped = False
        if query.key:
            qs = SearchDocument.objects.filter(number_key=query.key)
            if unit_ids is not None:
                qs = qs.filter(unit_id__in=unit_ids)
            if kind:
                qs = qs.filter(kind=kind)
            for pk in qs.order_by("-id").values_list("id", flat=True)[:limit]:
                found.setdefault(pk, 0)
        if query.empty:
            return found, capped
        for tier, column in enumerate(TIERS, start=1):
            ids = self._match(column, query, unit_ids=unit_ids, kind=kind, limit=limit)
            capped = capped or len(ids) >= limit
            for pk in ids:
                found.setdefault(pk, tier)
        return found, capped

    # ---------------------------------------------------------------- per vendor
    def _filters(self, unit_ids, kind, alias: str) -> tuple[str, list]:
        sql, params = "", []
        if unit_ids is not None:
            unit_ids = [int(u) for u in unit_ids] or [0]
            sql += f" AND {alias}unit_id IN ({', '.join(['%s'] * len(unit_ids))})"
            params += unit_ids
        if kind:
            sql += f" AND {alias}kind = %s"
            params.append(kind)
        return sql, params

    def _match(self, column: str, query: Query, *, unit_ids, kind, limit) -> list[int]:
        if connection.vendor == "postgresql":
            return self._match_postgresql(column, query, unit_ids=unit_ids, kind=kind, limit=limit)
        return self._match_sqlite(column, query, unit_ids=unit_ids, kind=kind, limit=limit)

    def _match_sqlite(self, column, query, *, unit_ids, kind, limit) -> list[int]:
        match = fts5_expression(query)
        filters, params = self._filters(unit_ids, kind, "d.")
        join = " JOIN sitesearch_searchdocument d ON d.id = f.rowid" if filters else ""
        sql = (
            f"SELECT f.rowid FROM sitesearch_fts_{column} f{join} WHERE sitesearch_fts_{column} MATCH %s{filters} "
            "ORDER BY f.rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *params, limit])
            return [row[0] for row in cursor.fetchall()]

    def _match_postgresql(self, column, query, *, unit_ids, kind, limit) -> list[int]:
        filters, params = self._filters(unit_ids, kind, "")
        conditions, values = [], []
        # A two-word phrase is exactly its word pair; a longer one needs its pairs (to find the rows
        # fast) and the phrase itself (to be exact). Either way the rows are those of the plain query.
        words = tsquery_expression(query, pairs_only=True)
        if words:
            conditions.append(f"{column}_tsv @@ to_tsquery('simple', %s)")
            values.append(words)
        pairs = tsquery_pairs(query)
        if pairs:
            conditions.append(f"{column}_pairs @@ to_tsquery('simple', %s)")
            values.append(pairs)
        sql = (
            f"SELECT id FROM sitesearch_searchdocument WHERE {' AND '.join(conditions)}{filters} "
            "ORDER BY id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*values, *params, limit])
            return [row[0] for row in cursor.fetchall()]

    # The index follows the table: FTS5 through triggers, PostgreSQL through generated columns.
    def index(self, documents) -> None:
        return None

    def remove(self, ids) -> None:
        return None

    def clear(self) -> None:
        return None


def fts5_expression(query: Query) -> str:
    """FTS5 query: every phrase and word required; the last bare word also as a prefix."""
    parts = ['"' + " ".join(p) + '"' for p in query.phrases]
    for term in query.terms:
        parts.append(f'"{term}"*' if term == query.prefix else f'"{term}"')
    return " AND ".join(parts)


def tsquery_expression(query: Query, *, pairs_only: bool = False) -> str:
    """The same query for PostgreSQL's to_tsquery('simple', ...).

    ``pairs_only``: leave out two-word phrases (the pair vectors match them exactly).
    """
    phrases = [p for p in query.phrases if not (pairs_only and len(p) == 2)]
    parts = ["(" + " <-> ".join(f"'{w}'" for w in p) + ")" for p in phrases]
    for term in query.terms:
        parts.append(f"'{term}':*" if term == query.prefix else f"'{term}'")
    return " & ".join(parts)


def tsquery_pairs(query: Query) -> str:
    """Every adjacent word pair of the quoted phrases, as the pair vectors store them ("giaoqthong")."""
    pairs = []
    for phrase in query.phrases:
        for a, b in pairwise(phrase):
            if f"'{a}q{b}'" not in pairs:
                pairs.append(f"'{a}q{b}'")
    return " & ".join(pairs)


# ---------------------------------------------------------------------------- OpenSearch

OPENSEARCH_SETTINGS = {
    "analysis": {
        "analyzer": {
            # icu_folding (or asciifolding: it folds đ to d too) + lowercase; the text we send is
            # already folded, so the analyzer only has to agree with the query side.
            "portal_folded": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            }
        }
    }
}
OPENSEARCH_MAPPINGS = {
    "properties": {
        "id": {"type": "long"},
        "unit_id": {"type": "long"},
        "kind": {"type": "keyword"},
        "number_key": {"type": "keyword"},
        "title_f": {"type": "text", "analyzer": "portal_folded"},
        "head_f": {"type": "text", "analyzer": "portal_folded"},
        "all_f": {"type": "text", "analyzer": "portal_folded"},
    }
}


class OpenSearchBackend:
    """The same tiers over OpenSearch's HTTP API (for very large indexes). Not run in CI: no server here."""

    name = "opensearch"

    def __init__(self, url: str | None = None, prefix: str | None = None, session=None):
        self.url = (url or settings.PORTAL_OPENSEARCH_URL).rstrip("/")
        self.index_name = (prefix or settings.PORTAL_OPENSEARCH_INDEX_PREFIX) + "documents"
        self._session = session

    @property
    def session(self):
        if self._session is None:
            import requests

            self._session = requests.Session()
        return self._session

    def _request(self, method: str, path: str, body=None, *, ndjson: bool = False):
        headers = {"Content-Type": "application/x-ndjson" if ndjson else "application/json"}
        data = body if ndjson else (json.dumps(body) if body is not None else None)
        response = self.session.request(method, f"{self.url}/{path}", data=data, headers=headers, timeout=10)
        response.raise_for_status()
        return response.json()

    def match_body(self, column: str, query: Query, *, unit_ids, kind, limit) -> dict:
        must = [
            {"match_phrase": {f"{column}_f": " ".join(p)}} for p in query.phrases
        ]
        for term in query.terms:
            if term == query.prefix:
                must.append({"bool": {"should": [{"term": {f"{column}_f": term}}, {"prefix": {f"{column}_f": term}}]}})
            else:
                must.append({"term": {f"{column}_f": term}})
        filters = []
        if unit_ids is not None:
            filters.append({"terms": {"unit_id": [int(u) for u in unit_ids]}})
        if kind:
            filters.append({"term": {"kind": kind}})
        return {
            "size": limit, "_source": False, "track_total_hits": False,
            "query": {"bool": {"must": must, "filter": filters}},
            "sort": [{"id": "desc"}],
        }

    def number_body(self, query: Query, *, unit_ids, kind, limit) -> dict:
        filters = [{"term": {"number_key": query.key}}]
        if unit_ids is not None:
            filters.append({"terms": {"unit_id": [int(u) for u in unit_ids]}})
        if kind:
            filters.append({"term": {"kind": kind}})
        return {"size": limit, "_source": False, "query": {"bool": {"filter": filters}}, "sort": [{"id": "desc"}]}

    def candidates(self, query: Query, *, unit_ids=None, kind=None, limit: int) -> tuple[dict[int, int], bool]:
        found: dict[int, int] = {}
        capped = False
        bodies = []
        if query.key:
            bodies.append((0, self.number_body(query, unit_ids=unit_ids, kind=kind, limit=limit)))
        if not query.empty:
            bodies += [
                (tier, self.match_body(column, query, unit_ids=unit_ids, kind=kind, limit=limit))
                for tier, column in enumerate(TIERS, start=1)
            ]
        for tier, body in bodies:
            hits = self._request("POST", f"{self.index_name}/_search", body)["hits"]["hits"]
            capped = capped or (tier and len(hits) >= limit)
            for hit in hits:
                found.setdefault(int(hit["_id"]), tier)
        return found, bool(capped)

    def bulk_body(self, documents) -> str:
        lines = []
        for doc in documents:
            lines.append(json.dumps({"index": {"_index": self.index_name, "_id": doc.pk}}))
            lines.append(json.dumps({
                "id": doc.pk, "unit_id": doc.unit_id, "kind": doc.kind, "number_key": doc.number_key,
                "title_f": doc.title_f, "head_f": doc.head_f, "all_f": doc.all_f,
            }))
        return "\n".join(lines) + "\n"

    def ensure_index(self) -> None:
        response = self.session.head(f"{self.url}/{self.index_name}", timeout=10)
        if response.status_code == 404:
            self._request("PUT", self.index_name, {"settings": OPENSEARCH_SETTINGS, "mappings": OPENSEARCH_MAPPINGS})

    def index(self, documents) -> None:
        documents = list(documents)
        if documents:
            self.ensure_index()
            self._request("POST", "_bulk", self.bulk_body(documents), ndjson=True)

    def remove(self, ids) -> None:
        lines = [json.dumps({"delete": {"_index": self.index_name, "_id": pk}}) for pk in ids]
        if lines:
            self._request("POST", "_bulk", "\n".join(lines) + "\n", ndjson=True)

    def clear(self) -> None:
        self.session.delete(f"{self.url}/{self.index_name}", timeout=10)


def get_backend():
    if getattr(settings, "PORTAL_SEARCH_BACKEND", "database") == "opensearch":
        return OpenSearchBackend()
    return DatabaseBackend()
