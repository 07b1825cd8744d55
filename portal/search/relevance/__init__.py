"""The relevance test set (queries.json) and its scores: recall@10 and MRR over the current index."""

import json
import unicodedata
from pathlib import Path

QUERIES = Path(__file__).with_name("queries.json")


def load(path: Path = QUERIES) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


def _is(hit, expected: dict) -> bool:
    if hit.kind != expected["kind"]:
        return False
    if "number" in expected:
        return hit.number == expected["number"]
    return hit.title == expected["title"]


def evaluate(queries: list[dict] | None = None, *, k: int = 10) -> dict:
    """Mean recall@k and mean reciprocal rank of the first relevant result, province-wide."""
    from portal.search.selectors import search

    queries = load() if queries is None else queries
    rows = []
    for item in queries:
        q = unicodedata.normalize("NFD", item["q"]) if item.get("form") == "nfd" else item["q"]
        hits = search(q, per_page=k).hits
        found = [any(_is(h, e) for h in hits) for e in item["expected"]]
        first = next((rank for rank, h in enumerate(hits, start=1) if any(_is(h, e) for e in item["expected"])), None)
        rows.append({
            "q": item["q"], "form": item.get("form", "nfc"), "recall": sum(found) / len(found),
            "rr": 1 / first if first else 0.0, "first_relevant_rank": first,
            "top": [h.title for h in hits[:3]],
        })
    n = len(rows) or 1
    return {
        "queries": len(rows),
        "recall_at_10": round(sum(r["recall"] for r in rows) / n, 4),
        "mrr": round(sum(r["rr"] for r in rows) / n, 4),
        "rows": rows,
    }
