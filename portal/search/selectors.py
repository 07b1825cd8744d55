"""Ranked search: bounded retrieval by the backend, one ranking formula in Python.

Ranking every match in the database costs time in proportion to the number of matches (FTS5
bm25 or ``ts_rank`` over tens of thousands of rows). Instead the backend returns, per tier, at
most ``TIER_LIMIT`` ids (newest first) of documents whose number equals the query (tier 0),
whose title matches (1), whose title + number + abstract match (2) or that match anywhere (3).
Those few hundred candidates are scored here, identically whatever the backend:

    score = 1000 if the number is the query's number
          + 300 / 200 / 100 / 0 for tier 0 / 1 / 2 / 3
          + 60 when the title holds the whole query as one run of words, +40 when it is exactly it
          + 30 when title + number + abstract hold it as one run
          + 8 per query word in the title, 2 per query word in the number or abstract
          + up to 10 for a short title
    ties: newer first (published date), then the newest index row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection

from portal.units.models import Unit

from .backends import get_backend
from .constants import KINDS, PER_PAGE, TIER_LIMIT
from .models import SearchDocument
from .text import Query, highlight, parse, snippet, word_matches

ROW_FIELDS = ("id", "kind", "unit_id", "url", "title", "number", "number_key", "abstract", "published", "title_f", "head_f")
TIER_SCORES = {0: 300, 1: 200, 2: 100, 3: 0}


@dataclass
class Hit:
    id: int
    kind: str
    unit_id: int | None
    url: str
    title: str
    number: str
    abstract: str
    published: object
    score: float
    tier: int
    title_html: str = ""
    snippet_html: str = ""
    unit_name: str = ""

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResult:
    query: Query
    hits: list[Hit] = field(default_factory=list)  # the requested page only
    total: int = 0
    capped: bool = False  # more matches exist than were ranked (the total is a lower bound)
    page: int = 1
    per_page: int = PER_PAGE
    kind_facets: list[Facet] = field(default_factory=list)
    unit_facets: list[Facet] = field(default_factory=list)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _contains_run(text: str, run: str, prefix: bool) -> bool:
    """Whether the folded ``text`` holds the words of ``run`` in a row (the last one as a prefix if asked)."""
    padded = " " + text + " "
    return (" " + run + ("" if prefix else " ")) in padded


class _Scorer:
    """The ranking formula, with what depends only on the query worked out once."""

    def __init__(self, query: Query):
        self.query = query
        self.key = query.key
        sequence = query.sequence
        self.run = " ".join(sequence)
        self.multi = len(sequence) > 1
        self.run_prefix = bool(query.prefix) and bool(sequence) and sequence[-1] == query.prefix
        self.exact = [w for w in query.all_words if w != query.prefix]
        self.prefix = query.prefix

    def _count(self, text: str, wordset: set[str]) -> int:
        n = sum(1 for w in self.exact if w in wordset)
        if self.prefix and (" " + self.prefix) in (" " + text):
            n += 1
        return n

    def __call__(self, row: dict, tier: int) -> float:
        title_f, head_f = row["title_f"], row["head_f"]
        title = title_f.split()
        rest_f = head_f[len(title_f):]
        total = TIER_SCORES[tier]
        if self.key and row["number_key"] == self.key:
            total += 1000
        if self.multi and _contains_run(title_f, self.run, self.run_prefix):
            total += 60
        if self.run and title_f == self.run:
            total += 40
        if self.multi and _contains_run(head_f, self.run, self.run_prefix):
            total += 30
        total += 8 * self._count(title_f, set(title))
        total += 2 * self._count(rest_f, set(rest_f.split()))
        total += 10 / (1 + len(title) / 4)
        return round(total, 6)


def score(row: dict, tier: int, query: Query) -> float:
    return _Scorer(query)(row, tier)


def rank(rows: list[dict], tiers: dict[int, int], query: Query) -> list[tuple[float, dict]]:
    scorer = _Scorer(query)
    scored = [(scorer(row, tiers[row["id"]]), row) for row in rows]
    scored.sort(key=lambda item: (-item[0], -(item[1]["published"].toordinal() if item[1]["published"] else 0), -item[1]["id"]))
    return scored


def _rows(ids: list[int]) -> list[dict]:
    """The candidates' short columns (never the bodies), with one plain query."""
    if not ids:
        return []
    table = SearchDocument._meta.db_table
    sql = f"SELECT {', '.join(ROW_FIELDS)} FROM {table} WHERE id IN ({', '.join(['%s'] * len(ids))})"
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        rows = [dict(zip(ROW_FIELDS, row, strict=True)) for row in cursor.fetchall()]
    if connection.vendor == "sqlite":  # SQLite returns dates as text
        for row in rows:
            if isinstance(row["published"], str):
                row["published"] = dt.date.fromisoformat(row["published"])
    return rows


def search(q: str, *, unit_ids=None, kind: str = "", unit_filter: int | None = None, page: int = 1,
           per_page: int = PER_PAGE, with_unit_facet: bool = False) -> SearchResult:
    """Ranked results for ``q`` within ``unit_ids`` (None: province-wide), with facet counts.

    A fixed number of queries whatever the size of the index: one per tier, the candidate rows,
    the page's bodies (for snippets) and the unit names.
    """
    query = parse(q)
    result = SearchResult(query=query, page=max(1, page), per_page=per_page)
    if query.empty and not query.key:
        return result
    kind = kind if kind in KINDS else ""
    scope = unit_ids
    if unit_filter:
        scope = [unit_filter] if unit_ids is None else [u for u in unit_ids if u == unit_filter]
    tiers, capped = get_backend().candidates(query, unit_ids=scope, kind=kind or None, limit=TIER_LIMIT)
    rows = _rows(list(tiers))
    ranked = rank(rows, tiers, query)
    result.total = len(ranked)
    result.capped = capped

    kind_counts: dict[str, int] = {}
    unit_counts: dict[int, int] = {}
    for _, row in ranked:
        kind_counts[row["kind"]] = kind_counts.get(row["kind"], 0) + 1
        if row["unit_id"]:
            unit_counts[row["unit_id"]] = unit_counts.get(row["unit_id"], 0) + 1
    result.kind_facets = [
        Facet(value=k, label=label, count=kind_counts[k], selected=k == kind) for k, label in KINDS.items() if k in kind_counts
    ]

    pages = max(1, -(-len(ranked) // per_page))
    result.page = min(result.page, pages)
    start = (result.page - 1) * per_page
    shown = ranked[start:start + per_page]
    unit_ids_needed = {r["unit_id"] for _, r in shown if r["unit_id"]}
    if with_unit_facet:
        unit_ids_needed |= set(unit_counts)
    names = {u.pk: (u.display_name, u.sort_order, u.code) for u in Unit.objects.filter(pk__in=unit_ids_needed)} if unit_ids_needed else {}
    if with_unit_facet:
        result.unit_facets = sorted(
            (Facet(value=str(pk), label=names[pk][0], count=n, selected=pk == unit_filter) for pk, n in unit_counts.items() if pk in names),
            key=lambda f: (-f.count, names[int(f.value)][1], names[int(f.value)][2]),
        )
    bodies = dict(SearchDocument.objects.filter(id__in=[r["id"] for _, r in shown]).values_list("id", "body")) if shown else {}
    for value, row in shown:
        abstract_matches = any(word_matches(w, query) for w in row["head_f"].split()[len(row["title_f"].split()):])
        text = row["abstract"] if abstract_matches or not bodies.get(row["id"]) else bodies[row["id"]]
        hit = Hit(
            id=row["id"], kind=row["kind"], unit_id=row["unit_id"], url=row["url"], title=row["title"], number=row["number"],
            abstract=row["abstract"], published=row["published"], score=value, tier=tiers[row["id"]],
            unit_name=names.get(row["unit_id"], ("",))[0],
        )
        hit.title_html = highlight(row["title"], query)
        hit.snippet_html = snippet(text, query)
        result.hits.append(hit)
    return result


def ranked_ids(q: str, *, unit_ids=None, kind: str = "", limit: int = 20) -> list[int]:
    """The ordered ids of the first ``limit`` results (benchmarks, parity checks)."""
    return [hit.id for hit in search(q, unit_ids=unit_ids, kind=kind, per_page=limit).hits]
