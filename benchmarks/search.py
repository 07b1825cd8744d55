#!/usr/bin/env python
"""Search speed (and relevance) benchmark.

    .venv/bin/python benchmarks/search.py --docs 10000                       # SQLite file in benchmarks/data/
    .venv/bin/python benchmarks/search.py --docs 100000
    .venv/bin/python benchmarks/search.py --docs 100000 --database postgres://postgres@127.0.0.1:5432/bench_search
    .venv/bin/python benchmarks/search.py --relevance --database sqlite:////path/to/demo.sqlite3

Speed: fills a throwaway database with N synthetic Vietnamese documents (titles, abstracts and
bodies drawn from a vocabulary with đ words, diacritics and document numbers), then runs ~200
queries (with and without diacritics, phrases, numbers) through the real selector
``portal.search.selectors.search`` (ranked top 20 + facets, exactly what the page and the API
call) and reports p50/p95/p99. Relevance: scores ``portal/search/relevance/queries.json`` on a
database that holds the demo (``seed_demo``). Both write JSON to benchmarks/results/ and a
section to benchmarks/RESULTS.md.
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
TARGET_P95_MS = 50.0

_VOCABULARY = (
    "Đồng Hới Quảng Bình Bảo Ninh Lệ Thủy Bố Trạch Minh Hóa Tuyên Hóa Quảng Trạch Ba Đồn Phong Nha Kẻ Bàng Nhật Lệ "
    "đường điện đất đai đầu tư đào tạo đăng ký đối thoại đổi mới đô thị địa phương đồng bào đề án đánh giá đại hội "
    "chuyển đổi số dịch vụ công trực tuyến hồ sơ thủ tục hành chính giấy phép kinh doanh doanh nghiệp hợp tác xã "
    "nông thôn mới du lịch cộng đồng giáo dục y tế bảo hiểm xã hội an toàn giao thông phòng chống thiên tai mưa lũ "
    "ngư dân tàu cá khai thác hải sản môi trường rác thải nhựa văn hóa thể thao lễ hội di sản hang động "
    "ngân sách giải ngân vốn kế hoạch năm quý tháng hội nghị triển khai nhiệm vụ chỉ đạo kiểm tra giám sát "
    "công an quân sự biên phòng an ninh trật tự khu dân cư thanh niên phụ nữ nông dân cựu chiến binh "
    "trường học học sinh giáo viên bệnh viện trạm y tế tiêm chủng sốt xuất huyết dinh dưỡng "
    "khoa học công nghệ viễn thông internet báo chí xuất bản thông tin truyền thông bưu chính"
)
SYLLABLES = _VOCABULARY.split()
NUMBERS = ["QĐ-UBND", "NĐ-CP", "TT-BTTTT", "NQ-HĐND", "KH-UBND", "CT-UBND"]
KINDS = ["article", "article", "article", "legaldoc", "procedure", "answer", "page"]


def configure(database_url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(REPO_DIR))
    import django

    django.setup()


def ensure_postgres_database(database_url: str) -> None:
    if not database_url.startswith("postgres"):
        return
    import psycopg

    base, name = database_url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def words(rng, n):
    return " ".join(rng.choice(SYLLABLES) for _ in range(n))


def sentence(rng, n):
    text = words(rng, n)
    return text[:1].upper() + text[1:]


def fill(n: int, seed: int = 44) -> None:
    from django.db import connection, transaction

    from portal.search.models import SearchDocument
    from portal.search.sources import document_fields
    from portal.units.models import Unit

    current = SearchDocument.objects.count()
    if current == n:
        print(f"{n} tài liệu đã có sẵn.")
        return
    SearchDocument.objects.all().delete()
    # bulk_create: no signals (other apps react to new units; only the search table is migrated here).
    Unit.objects.bulk_create(
        [Unit(code=f"BENCH-{i:02d}", kind="agency", name=f"Đơn vị thử {i}") for i in range(20)], ignore_conflicts=True
    )
    units = list(Unit.objects.filter(code__startswith="BENCH-").values_list("pk", flat=True))
    rng = random.Random(seed)
    start = time.perf_counter()
    batch = []
    day0 = date(2015, 1, 1)
    for i in range(n):
        kind = rng.choice(KINDS)
        number = f"{rng.randint(1, 400):02d}/{rng.randint(2010, 2026)}/{rng.choice(NUMBERS)}" if kind == "legaldoc" else ""
        fields = document_fields(
            kind=kind, unit_id=rng.choice(units), url=f"http://bench.quangbinh.localhost/tai-lieu/{i}/",
            title=sentence(rng, rng.randint(7, 14)), number=number, abstract=sentence(rng, rng.randint(15, 30)),
            body=" ".join(sentence(rng, rng.randint(10, 20)) + "." for _ in range(rng.randint(8, 16))),
            published=day0 + timedelta(days=rng.randint(0, 4000)),
        )
        batch.append(SearchDocument(source="bench", object_id=i, **fields))
        if len(batch) == 2000:
            with transaction.atomic():
                SearchDocument.objects.bulk_create(batch)
            batch = []
    if batch:
        with transaction.atomic():
            SearchDocument.objects.bulk_create(batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE sitesearch_searchdocument")
    else:
        with connection.cursor() as cursor:
            for column in ("title", "head", "all"):
                cursor.execute(f"INSERT INTO sitesearch_fts_{column}(sitesearch_fts_{column}) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    print(f"Đã tạo {n} tài liệu trong {time.perf_counter() - start:.1f} s.")


def make_queries(count: int, seed: int = 7) -> list[str]:
    from portal.core.text import fold
    from portal.search.models import SearchDocument

    rng = random.Random(seed)
    numbers = list(SearchDocument.objects.exclude(number="").values_list("number", flat=True)[:50])
    queries = []
    for i in range(count):
        roll = i % 10
        if roll == 0 and numbers:
            q = rng.choice(numbers)
        elif roll == 1:
            q = '"' + words(rng, 2) + '"'
        else:
            q = words(rng, rng.choice([1, 2, 2, 3]))
        if i % 2:
            q = fold(q) if roll != 0 else q.lower()
        if i % 15 == 0:
            q = unicodedata.normalize("NFD", q)
        queries.append(q)
    return queries


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(values) - 1)
    return values[f] + (values[c] - values[f]) * (k - f)


def run_speed(n: int, query_count: int) -> dict:
    from django.db import connection, reset_queries

    from portal.search.selectors import search

    fill(n)
    queries = make_queries(query_count)
    for q in queries[:20]:  # warm the caches
        search(q, per_page=20)
    timings, cpu, totals = [], [], []
    load_before = os.getloadavg()[0]
    for q in queries:
        reset_queries()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = search(q, per_page=20)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        totals.append(result.total)
    return {
        "kind": "speed", "database": connection.vendor, "documents": n, "queries": len(queries),
        "p50_ms": round(percentile(timings, 50), 2), "p95_ms": round(percentile(timings, 95), 2),
        "p99_ms": round(percentile(timings, 99), 2), "max_ms": round(max(timings), 2),
        "cpu_p50_ms": round(percentile(cpu, 50), 2), "cpu_p95_ms": round(percentile(cpu, 95), 2),
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "mean_candidates": round(statistics.mean(totals), 1), "target_p95_ms": TARGET_P95_MS,
        "met": percentile(timings, 95) <= TARGET_P95_MS,
    }


def run_relevance() -> dict:
    from django.db import connection

    from portal.search.relevance import evaluate
    from portal.search.services import search_rebuild

    search_rebuild()
    scores = evaluate()
    misses = [r for r in scores["rows"] if r["rr"] < 1]
    return {
        "kind": "relevance", "database": connection.vendor, "queries": scores["queries"],
        "recall_at_10": scores["recall_at_10"], "mrr": scores["mrr"], "not_first": misses,
    }


def machine() -> str:
    cores = os.cpu_count()
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = 0.0
    return f"{cores} cores, {platform.processor() or platform.machine()}, load {load:.2f}"


def record(result: dict) -> None:
    from django.db import connection

    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if connection.vendor == "sqlite":
        import sqlite3

        engine = f"SQLite {sqlite3.sqlite_version}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            engine = f"PostgreSQL {cursor.fetchone()[0]}"
    result = {**result, "date": stamp, "machine": machine(), "engine": engine}
    if result["kind"] == "speed":
        name = f"search-{result['database']}-{result['documents']}.json"
    else:
        name = f"search-relevance-{result['database']}.json"
    (RESULTS_DIR / name).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = [f"\n<!-- run:search {name} -->", f"### Search: {name.removesuffix('.json')}", "",
             f"- Date: {stamp}; machine: {result['machine']}; {result['engine']}",
             f"- Command: `.venv/bin/python benchmarks/search.py {' '.join(sys.argv[1:])}`", ""]
    if result["kind"] == "speed":
        lines += [
            "| Database | Documents | Queries | p50 | p95 | p99 | max | CPU p50 / p95 (this process) | Load avg before / after | Target p95 ≤ 50 ms |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
            f"| {result['database']} | {result['documents']} | {result['queries']} | {result['p50_ms']} ms | "
            f"{result['p95_ms']} ms | {result['p99_ms']} ms | {result['max_ms']} ms | {result['cpu_p50_ms']} / {result['cpu_p95_ms']} ms | "
            f"{result['load_average_before_after'][0]} / {result['load_average_before_after'][1]} | {'met' if result['met'] else 'NOT met'} |",
        ]
    else:
        lines += [
            "| Database | Queries | recall@10 | MRR |", "|---|---:|---:|---:|",
            f"| {result['database']} | {result['queries']} | {result['recall_at_10']} | {result['mrr']} |",
        ]
    lines.append(f"<!-- /run:search {name} -->")
    with (BENCH_DIR / "RESULTS.md").open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "not_first"}, ensure_ascii=False, indent=1))
    if result.get("not_first"):
        for row in result["not_first"]:
            print(f"  {row['q']!r} ({row['form']}): first relevant at {row['first_relevant_rank']}; top: {row['top']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--database", default=f"sqlite:///{BENCH_DIR / 'data' / 'search-bench.sqlite3'}")
    parser.add_argument("--relevance", action="store_true", help="score queries.json on a database holding the demo")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    (BENCH_DIR / "data").mkdir(exist_ok=True)
    ensure_postgres_database(args.database)
    configure(args.database)
    from django.core.management import call_command

    if args.relevance:
        result = run_relevance()
    else:
        call_command("migrate", "sitesearch", verbosity=0)
        result = run_speed(args.docs, args.queries)
    if args.no_record:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        record(result)


if __name__ == "__main__":
    main()
