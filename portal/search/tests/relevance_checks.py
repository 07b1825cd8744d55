"""The relevance test set (portal/search/relevance/queries.json) over the demo data.

Building the demo (import_units --province 44, provision_sites, seed_demo, which rebuilds the
search index at its end) is the slowest step of the suite, so the set is checked inside the demo
test (portal/core/tests/test_seed_demo.py), on SQLite and PostgreSQL alike, by calling
``check_relevance_set_on_the_demo``. The thresholds are set from measured scores (docs/search.md,
benchmarks/RESULTS.md).
"""

import unicodedata

from portal.search.relevance import evaluate, load
from portal.search.selectors import search

RECALL_AT_10 = 0.95
MRR = 0.9


def check_relevance_set_on_the_demo():
    queries = load()
    assert len(queries) >= 50
    assert any(q.get("form") == "nfd" for q in queries) and any('"' in q["q"] for q in queries)

    scores = evaluate(queries)
    misses = [(r["q"], r["first_relevant_rank"], r["top"]) for r in scores["rows"] if r["rr"] < 1]
    assert scores["recall_at_10"] >= RECALL_AT_10, misses
    assert scores["mrr"] >= MRR, misses

    # The acceptance examples, on the demo: one result list whichever way Đồng Hới is typed,
    # and a document number finds its document first, typed as printed or in lower case without marks.
    def ids(q):
        return [h.id for h in search(q, per_page=50).hits]

    dong_hoi = ids("dong hoi")
    assert dong_hoi and dong_hoi == ids("Đồng Hới") == ids(unicodedata.normalize("NFD", "Đồng Hới"))
    for q in ("42/2022/NĐ-CP", "42/2022/nd-cp"):
        assert search(q).hits[0].number == "42/2022/NĐ-CP"
