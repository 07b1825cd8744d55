#!/usr/bin/env python
"""Submit dossiers over HTTP from many concurrent clients, then look them up; report speed and duplicate codes.

Issue #4 point 13: ≥ 100 submissions/s on a 2-core machine with zero duplicate codes, status lookups p99 ≤ 20 ms.

    # against a server that is already running (any base URL; --host sets the Host header if the URL is an IP)
    .venv/bin/python benchmarks/submit_dossiers.py --base-url http://127.0.0.1:8765 --host quangbinh.localhost \\
        --api-key "$BENCH_API_KEY" --procedure 1.001234 --unit 44-STTTT --clients 32 --duration 20

    # or let the script start gunicorn on the benchmark database (the only thing it ever starts) and stop it after
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python benchmarks/submit_dossiers.py \\
        --serve --workers 4 --port 8770 --host quangbinh.localhost \\
        --procedure 1.001234 --unit 44-STTTT --clients 32 --duration 20

The database must already hold the procedure (national code) published with a handling unit; see benchmarks/RESULTS.md,
"Dossier submission", for the preparation. A server you start yourself needs PORTAL_SUBMISSION_API_KEYS=name:KEY
(the same KEY as --api-key) and a high PORTAL_LOOKUP_RATE_LIMIT (every lookup comes from one IP); --serve sets both
(with a fresh key). The script writes nothing but dossiers through the API.

Phases:
  1. warm-up: each client submits --warmup dossiers (counted for duplicates, not for speed);
  2. submissions: --clients threads, each with its own keep-alive connection (http.client), POST /api/v1/dossiers
     with a fresh Idempotency-Key, until --duration seconds have passed or --count submissions were made;
  3. replays: --replays earlier Idempotency-Keys are sent again; each must answer 200 with the same code;
  4. lookups: --clients threads POST /api/v1/dossiers/lookup {code, phone_tail} for --lookup-duration seconds,
     one in --wrong-every with a wrong phone tail (must answer 404, like an unknown code).
Duplicates are codes returned for two different Idempotency-Keys. The exit status is 1 when there are duplicates,
replay mismatches or no successful submission, so the script can gate a CI job.

--json FILE also writes the raw numbers. Nothing here imports Django: the client measures what an integrator sees.
"""

import argparse
import http.client
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
VENV_BIN = REPO_DIR / ".venv" / "bin"
SUBMIT_PATH = "/api/v1/dossiers"
LOOKUP_PATH = "/api/v1/dossiers/lookup"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc", "Đức"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hương", "Khoa", "Lan", "Long", "Mai", "Nam", "Phúc", "Quang", "Thảo"]
PLACES = ["Phường Đồng Phú, TP Đồng Hới", "Xã Bảo Ninh, TP Đồng Hới", "Phường Hải Thành, TP Đồng Hới", "Xã Lộc Ninh, TP Đồng Hới"]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0–100), in the unit of the values; None without values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


class Client:
    """One keep-alive HTTP/1.1 connection, reopened when the server closes it (gunicorn's sync workers do)."""

    def __init__(self, base_url: str, host_header: str, timeout: float):
        parts = urlsplit(base_url)
        self.https = parts.scheme == "https"
        self.address = parts.hostname or "127.0.0.1"
        self.port = parts.port or (443 if self.https else 80)
        self.host_header = host_header or parts.netloc
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.connection = None
        self.reconnects = 0

    def _connect(self):
        cls = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        self.connection = cls(self.address, self.port, timeout=self.timeout)
        self.connection.connect()
        # No Nagle delay on small requests (a 40 ms stall with delayed ACKs would swamp the numbers).
        self.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reconnects += 1

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method: str, path: str, *, body: bytes | None = None, headers: dict | None = None):
        """(status, parsed JSON or None, seconds). Retries once on a connection the server had already closed:
        safe for submissions, which carry an Idempotency-Key."""
        headers = {"Host": self.host_header, "Accept": "application/json", **(headers or {})}
        if body is not None:
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        for attempt in (1, 2):
            if self.connection is None:
                self._connect()
            try:
                self.connection.request(method, self.prefix + path, body=body, headers=headers)
                response = self.connection.getresponse()
                raw = response.read()
                if response.getheader("Connection", "").lower() == "close" or response.will_close:
                    self.close()
                break
            except (http.client.RemoteDisconnected, http.client.CannotSendRequest, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2:
                    raise
        elapsed = time.perf_counter() - started
        try:
            data = json.loads(raw) if raw else None
        except ValueError:
            data = None
        return response.status, data, elapsed


class Run:
    """Shared state of one benchmark: every outcome is appended under a lock (cheap next to an HTTP round trip)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.submit_latencies: list[float] = []
        self.submit_errors: Counter = Counter()
        self.codes_by_key: dict[str, str] = {}
        self.phone_by_code: dict[str, str] = {}
        self.payload_by_key: dict[str, bytes] = {}
        self.lookup_latencies: list[float] = []
        self.lookup_statuses: Counter = Counter()
        self.lookup_unexpected: Counter = Counter()
        self.replay_ok = 0
        self.replay_mismatch: list[str] = []
        self.submitted = 0
        self.timed_attempts = 0
        self.timed_ok = 0

    def record_submission(self, key: str, payload: bytes, phone: str, status: int, data, elapsed: float, *, timed: bool):
        code = data.get("code") if isinstance(data, dict) else None
        # 200 only after a resend on a connection the server closed: the same key, the dossier of the first send.
        ok = status in (200, 201) and bool(code)
        with self.lock:
            if timed:
                self.timed_attempts += 1
                self.timed_ok += ok
                self.submit_latencies.append(elapsed)
            if ok:
                self.codes_by_key[key] = code
                self.phone_by_code.setdefault(code, phone)
                self.payload_by_key[key] = payload
            else:
                self.submit_errors[f"HTTP {status}"] += 1

    def record_exception(self, error: Exception, *, timed: bool):
        with self.lock:
            self.timed_attempts += timed
            self.submit_errors[type(error).__name__] += 1


def applicant(rng: random.Random) -> dict:
    phone = "09" + "".join(rng.choice("0123456789") for _ in range(8))
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return {
        "name": name,
        "phone": phone,
        "email": f"bench.{uuid.uuid4().hex[:12]}@example.com",
        "id_number": "044" + "".join(rng.choice("0123456789") for _ in range(9)),
        "address": rng.choice(PLACES),
    }


def submit_one(client: Client, run: Run, args, rng: random.Random, *, timed: bool) -> None:
    person = applicant(rng)
    body = {
        "procedure": args.procedure,
        "receiving_unit": args.unit,
        "applicant": person,
        "form_data": args.form_data,
        "result_delivery": "in_person",
    }
    payload = json.dumps(body, ensure_ascii=False).encode()
    key = str(uuid.uuid4())
    headers = {"Idempotency-Key": key, "X-Api-Key": args.api_key}
    try:
        status, data, elapsed = client.request("POST", SUBMIT_PATH, body=payload, headers=headers)
    except (OSError, http.client.HTTPException) as error:
        run.record_exception(error, timed=timed)
        client.close()
        return
    run.record_submission(key, payload, person["phone"], status, data, elapsed, timed=timed)


def warm_up(client: Client, run: Run, args, rng: random.Random) -> None:
    for _ in range(args.warmup):
        submit_one(client, run, args, rng, timed=False)


def submit_worker(client: Client, run: Run, args, rng: random.Random, deadline: float) -> None:
    while time.perf_counter() < deadline:
        if args.max_errors and sum(run.submit_errors.values()) >= args.max_errors:
            break  # a wrong key or procedure: no point hammering the server with refusals
        if args.count:
            with run.lock:
                if run.submitted >= args.count:
                    break
                run.submitted += 1
        submit_one(client, run, args, rng, timed=True)


def replay_check(run: Run, args) -> None:
    """The same Idempotency-Key again: 200 and the same code, no second dossier."""
    keys = random.sample(sorted(run.payload_by_key), min(args.replays, len(run.payload_by_key)))
    client = Client(args.base_url, args.host, args.timeout)
    try:
        for key in keys:
            status, data, _ = client.request(
                "POST", SUBMIT_PATH, body=run.payload_by_key[key], headers={"Idempotency-Key": key, "X-Api-Key": args.api_key},
            )
            code = data.get("code") if isinstance(data, dict) else None
            if status == 200 and code == run.codes_by_key[key]:
                run.replay_ok += 1
            else:
                run.replay_mismatch.append(f"{key}: HTTP {status}, code {code!r}, expected {run.codes_by_key[key]!r}")
    finally:
        client.close()


def wrong_tail(tail: str) -> str:
    return "".join(str((int(ch) + 1) % 10) for ch in tail)


def lookup_worker(run: Run, args, codes: list[tuple[str, str]], deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    client = Client(args.base_url, args.host, args.timeout)
    n = 0
    try:
        while time.perf_counter() < deadline:
            n += 1
            code, phone = rng.choice(codes)
            tail = phone[-args.tail_digits:]
            wrong = args.wrong_every and n % args.wrong_every == 0
            expected = 404 if wrong else 200
            body = json.dumps({"code": code, "phone_tail": wrong_tail(tail) if wrong else tail}).encode()
            try:
                status, _, elapsed = client.request("POST", LOOKUP_PATH, body=body)
            except (OSError, http.client.HTTPException) as error:
                with run.lock:
                    run.lookup_unexpected[type(error).__name__] += 1
                client.close()
                continue
            with run.lock:
                run.lookup_latencies.append(elapsed)
                run.lookup_statuses[status] += 1
                if status != expected:
                    run.lookup_unexpected[f"HTTP {status} for a {'wrong' if wrong else 'right'} phone tail"] += 1
    finally:
        client.close()


def start_gunicorn(args) -> subprocess.Popen:
    database_url = os.environ.get("DATABASE_URL", "")
    if "bench" not in database_url.rsplit("/", 1)[-1]:
        sys.exit("--serve needs DATABASE_URL pointing at a benchmark database (its name must contain 'bench').")
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=args.settings, DJANGO_DEBUG="false", PORTAL_SITE_PORT=str(args.port),
        LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1",
        # The benchmark's own integrator key, next to any configured ones.
        PORTAL_SUBMISSION_API_KEYS=",".join(filter(None, [os.environ.get("PORTAL_SUBMISSION_API_KEYS", ""), f"bench:{args.api_key}"])),
    )
    # Every lookup comes from 127.0.0.1: the per-IP limit (30 per 15 minutes) would answer 429 after a moment.
    env.setdefault("PORTAL_LOOKUP_RATE_LIMIT", "1000000000")
    command = [
        str(VENV_BIN / "gunicorn"), "portal.wsgi:application", "--bind", f"127.0.0.1:{args.port}",
        "--workers", str(args.workers), "--worker-class", args.worker_class, "--threads", str(args.threads), "--backlog", "2048", "--timeout", "60",
        "--log-level", "warning", "--chdir", str(REPO_DIR),
    ]
    log("starting " + " ".join(command[1:]))
    process = subprocess.Popen(command, cwd=REPO_DIR, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", args.port), timeout=1):
                time.sleep(1.0)  # let every worker finish booting
                return process
        except OSError:
            time.sleep(0.2)
    stop_gunicorn(process)
    sys.exit(f"gunicorn did not listen on {args.port} within 60 s")


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def benchmark(args) -> dict:
    run = Run()
    clients = [Client(args.base_url, args.host, args.timeout) for _ in range(args.clients)]
    rngs = [random.Random(seed) for seed in range(args.clients)]
    with ThreadPoolExecutor(max_workers=args.clients) as pool:
        if args.warmup:
            log(f"warming up: {args.warmup} submissions per client")
            list(pool.map(lambda i: warm_up(clients[i], run, args, rngs[i]), range(args.clients)))
        log(f"submitting: {args.clients} clients, " + (f"{args.count} submissions" if args.count else f"{args.duration} s"))
        started = time.perf_counter()
        deadline = started + (10**9 if args.count else args.duration)
        list(pool.map(lambda i: submit_worker(clients[i], run, args, rngs[i], deadline), range(args.clients)))
        wall = time.perf_counter() - started
    reconnects = sum(c.reconnects for c in clients)
    for client in clients:
        client.close()
    timed, ok_timed = run.timed_attempts, run.timed_ok
    codes = list(run.codes_by_key.values())
    duplicates = {code: n for code, n in Counter(codes).items() if n > 1}
    log(f"{len(codes)} dossiers created, {len(duplicates)} duplicate codes; replaying {args.replays} keys")
    if run.payload_by_key and args.replays:
        replay_check(run, args)
    if run.phone_by_code and args.lookup_duration > 0:
        lookup_clients = args.lookup_clients or args.clients
        log(f"looking up: {lookup_clients} clients, {args.lookup_duration} s")
        pairs = sorted(run.phone_by_code.items())
        deadline = time.perf_counter() + args.lookup_duration
        with ThreadPoolExecutor(max_workers=lookup_clients) as pool:
            for future in [pool.submit(lookup_worker, run, args, pairs, deadline, 1000 + seed) for seed in range(lookup_clients)]:
                future.result()
    return {
        "clients": args.clients,
        "submissions": {
            "timed": timed, "succeeded": ok_timed, "seconds": round(wall, 2),
            "per_second": round(ok_timed / wall, 1) if wall > 0 else None,
            "p50_ms": ms(percentile(run.submit_latencies, 50)), "p99_ms": ms(percentile(run.submit_latencies, 99)),
            "max_ms": ms(max(run.submit_latencies, default=None)),
            "errors": dict(run.submit_errors), "connections_opened": reconnects,
        },
        "dossiers_created": len(codes),
        "duplicate_codes": duplicates,
        "replays": {"ok": run.replay_ok, "mismatches": run.replay_mismatch},
        "lookups": {
            "count": len(run.lookup_latencies),
            "per_second": round(len(run.lookup_latencies) / args.lookup_duration, 1) if args.lookup_duration else None,
            "p50_ms": ms(percentile(run.lookup_latencies, 50)), "p99_ms": ms(percentile(run.lookup_latencies, 99)),
            "statuses": {str(k): v for k, v in sorted(run.lookup_statuses.items())},
            "unexpected": dict(run.lookup_unexpected),
        },
    }


def report(result: dict) -> str:
    s, lk = result["submissions"], result["lookups"]
    lines = [
        f"Submissions: {s['succeeded']} of {s['timed']} in {s['seconds']} s = {s['per_second']}/s "
        f"({result['clients']} clients; target ≥ 100/s)",
        f"  latency p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms, max {s['max_ms']} ms; connections opened {s['connections_opened']}",
        f"  errors (warm-up included): {s['errors'] or 'none'}",
        f"Dossiers created: {result['dossiers_created']}; duplicate codes: {len(result['duplicate_codes'])} (target 0)"
        + (f" e.g. {list(result['duplicate_codes'].items())[:5]}" if result["duplicate_codes"] else ""),
        f"Idempotency replays: {result['replays']['ok']} same code, {len(result['replays']['mismatches'])} mismatched"
        + (f" e.g. {result['replays']['mismatches'][:3]}" if result["replays"]["mismatches"] else ""),
        f"Lookups: {lk['count']} ({lk['per_second']}/s), p50 {lk['p50_ms']} ms, p99 {lk['p99_ms']} ms (target p99 ≤ 20 ms); "
        f"statuses {lk['statuses']}; unexpected: {lk['unexpected'] or 'none'}",
    ]
    return "\n".join(lines)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=None, help="Server to measure (default http://127.0.0.1:PORT).")
    parser.add_argument("--host", default="", help="Host header, e.g. quangbinh.localhost (default: the base URL's).")
    parser.add_argument("--api-key", default=os.environ.get("BENCH_API_KEY", ""),
                        help="X-Api-Key (default $BENCH_API_KEY); with --serve a fresh key is made and given to gunicorn.")
    parser.add_argument("--procedure", required=True, help="National code of a procedure open for online submission.")
    parser.add_argument("--unit", required=True, help="Code of the receiving unit.")
    parser.add_argument("--form-data", default="{}", type=json.loads, help="JSON object sent as form_data (default {}).")
    parser.add_argument("--clients", type=int, default=32, help="Concurrent clients (threads), default 32.")
    parser.add_argument("--duration", type=float, default=20.0, help="Seconds of timed submissions (default 20).")
    parser.add_argument("--count", type=int, default=0, help="Stop after this many timed submissions instead.")
    parser.add_argument("--warmup", type=int, default=2, help="Untimed submissions per client first (default 2).")
    parser.add_argument("--replays", type=int, default=50, help="Idempotency-Keys sent again (default 50).")
    parser.add_argument("--lookup-duration", type=float, default=10.0, help="Seconds of lookups (default 10; 0 skips).")
    parser.add_argument("--lookup-clients", type=int, default=0,
                        help="Concurrent clients for the lookup phase (default: --clients).")
    parser.add_argument("--tail-digits", type=int, default=4, help="Digits of the phone number sent as phone_tail (4).")
    parser.add_argument("--wrong-every", type=int, default=10, help="Every Nth lookup uses a wrong phone tail (10; 0: never).")
    parser.add_argument("--max-errors", type=int, default=500, help="Stop submitting after this many errors (500; 0: never).")
    parser.add_argument("--timeout", type=float, default=30.0, help="Socket timeout per request, seconds.")
    parser.add_argument("--json", type=Path, help="Also write the raw result here.")
    parser.add_argument("--serve", action="store_true", help="Start gunicorn on $DATABASE_URL (name must contain 'bench').")
    parser.add_argument("--port", type=int, default=8770, help="Port for --serve and the default base URL (8770).")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers for --serve (default 4).")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class for --serve (sync or gthread).")
    parser.add_argument("--threads", type=int, default=1, help="Threads per gunicorn worker (gthread), default 1.")
    parser.add_argument("--settings", default="portal.settings.dev", help="DJANGO_SETTINGS_MODULE for --serve.")
    args = parser.parse_args(argv)
    if not isinstance(args.form_data, dict):
        parser.error("--form-data must be a JSON object")
    args.base_url = args.base_url or f"http://127.0.0.1:{args.port}"
    if args.serve and not args.api_key:
        args.api_key = secrets.token_urlsafe(24)
    elif not args.api_key:
        parser.error("--api-key (or $BENCH_API_KEY) is needed unless --serve, which makes one")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    process = start_gunicorn(args) if args.serve else None
    try:
        result = benchmark(args)
    finally:
        if process is not None:
            stop_gunicorn(process)
    result["arguments"] = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k != "api_key"}
    print(report(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    failed = result["duplicate_codes"] or result["replays"]["mismatches"] or not result["dossiers_created"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
