#!/usr/bin/env python
"""Serve the benchmark database with gunicorn as production would and measure four pages.

    .venv/bin/python benchmarks/generate.py            # once: build benchmarks/data/bench.sqlite3
    .venv/bin/python benchmarks/run.py --label "SQLite"

For each page (main home, a unit home, a section listing, an article), uncached:
  * latency at one connection: N sequential requests (new connection each, as a sync
    gunicorn worker closes it), median and p90 of the full response time;
  * throughput at 64 connections: ``wrk -t2 -c64 -d10s``;
then the resident memory (VmRSS, and peak VmHWM) of every worker.

The section between ``<!-- run:LABEL -->`` markers in benchmarks/RESULTS.md is replaced
(or appended), so "before" and "after" runs can live side by side. Raw numbers also go to
benchmarks/data/results-<label>.json. Everything is bounded and stops by itself; gunicorn
is terminated at the end even on failure.
"""

import argparse
import http.client
import json
import os
import platform
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
VENV_BIN = REPO_DIR / ".venv" / "bin"
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'bench.sqlite3'}"
TARGETS_MS = {"main home": 25.0, "article": 15.0}
TARGET_RSS_MB = 150.0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def server_env(args) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DJANGO_DEBUG="false",
        DATABASE_URL=args.database_url,
        PORT=str(args.port),
        PORTAL_SITE_PORT=str(args.port),
        MEDIA_ROOT=str(DATA_DIR / "media"),
        STATIC_ROOT=str(DATA_DIR / "static"),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def describe(args) -> dict:
    """URLs, volume, versions and queries per page, computed in-process by generate.py."""
    command = [str(VENV_BIN / "python"), str(BENCH_DIR / "generate.py"), "--describe", "--port", str(args.port),
               "--database-url", args.database_url]
    env = server_env(args)
    env["BENCH_SOURCE"] = str(args.source)
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=args.source, env=env, check=False)
    if result.returncode != 0:
        sys.exit(f"generate.py --describe failed (has generate.py been run?):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not listen on {port} within {timeout} s")


def fetch(port: int, host: str, path: str) -> tuple[int, int, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host, "Accept-Encoding": "identity"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return response.status, len(body), (time.perf_counter() - started) * 1000


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure_latency(port: int, urls: dict, count: int, rounds: int) -> dict:
    """``count`` sequential requests per page, in ``rounds`` rounds taking the pages in turn,
    so that a burst of activity elsewhere on the machine does not land on one page only."""
    timings = {name: [] for name in urls}
    sizes = {}
    per_round = max(1, count // rounds)
    for _ in range(rounds):
        for name, (host, path) in urls.items():
            for _ in range(per_round):
                status, size, elapsed = fetch(port, host, path)
                if status != 200:
                    raise RuntimeError(f"http://{host}{path} answered {status}")
                timings[name].append(elapsed)
                sizes[name] = size
    return {
        name: {
            "requests": len(values),
            "median_ms": statistics.median(values),
            "p90_ms": percentile(values, 0.9),
            "min_ms": min(values),
            "bytes": sizes[name],
        }
        for name, values in timings.items()
    }


def drain(port: int, host: str) -> None:
    """wrk stops with up to 64 requests still queued in the listen backlog; let the workers
    finish them so that they are not counted against the next page."""
    for _ in range(2):
        fetch(port, host, "/healthz")
    time.sleep(1)


def wait_until_quiet(seconds: int, threshold: float) -> None:
    """Other work on a shared machine skews latencies; give it a bounded chance to finish."""
    deadline = time.monotonic() + seconds
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        time.sleep(5)
    load = os.getloadavg()[0]
    if load >= threshold:
        log(f"machine still busy (load {load:.2f}); measuring anyway, the load is recorded")


def _wrk_ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    number, unit = float(match.group(1)), match.group(2)
    return number * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def measure_throughput(port: int, host: str, path: str, connections: int, duration: int) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency",
               "-H", f"Host: {host}", f"http://127.0.0.1:{port}{path}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=True)
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {p: _wrk_ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)\s*$", out, re.MULTILINE)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests_per_s": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
        "wrk_output": out,
    }


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == master:
            pids.append(int(entry.name))
    return sorted(pids)


def memory_mb(pid: int) -> dict:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values


def machine() -> dict:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False).stdout.split()
    gunicorn = subprocess.run([str(VENV_BIN / "gunicorn"), "--version"], capture_output=True, text=True, check=False)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "wrk": wrk[1] if len(wrk) > 1 else "?",
        "gunicorn": (gunicorn.stdout or gunicorn.stderr).strip().split()[-1].strip("()"),
    }


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        # As gunicorn does: connections of an earlier run in TIME_WAIT do not count.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def gunicorn_command(args, source: Path, port: int) -> list[str]:
    return [
        str(VENV_BIN / "gunicorn"), "portal.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--worker-class", "sync",
        "--backlog", "2048", "--timeout", "60", "--log-level", "warning", "--chdir", str(source),
    ]


def start_server(args, source: Path, port: int) -> subprocess.Popen:
    if not port_is_free(port):
        sys.exit(f"port {port} is in use; stop what listens there or pass --port (and generate.py --port)")
    # PORTAL_SITE_PORT stays args.port: the Host header (and so every link) says args.port.
    process = subprocess.Popen(gunicorn_command(args, source, port), cwd=source, env=server_env(args), start_new_session=True)
    try:
        wait_for_port(port, process)
        deadline = time.monotonic() + 60
        while len(worker_pids(process.pid)) < args.workers and time.monotonic() < deadline:
            time.sleep(0.2)
    except BaseException:
        stop_server(process)
        raise
    log(f"gunicorn {process.pid} on {port} serving {source}, workers {worker_pids(process.pid)}")
    return process


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def warm_up(port: int, urls: dict, rounds: int) -> None:
    for _ in range(rounds):
        for host, path in urls.values():
            status, _, _ = fetch(port, host, path)
            if status != 200:
                raise RuntimeError(f"http://{host}{path} answered {status} on port {port}")


def run_ab(args) -> dict:
    """The same pages from two checkouts at once, one request to each in turn.

    Whatever else the machine is doing then slows both sides alike, so the ratio holds
    even when the absolute numbers drift. Latency at one connection only.
    """
    wait_until_quiet(args.wait_quiet, args.quiet_load)
    sides = {"before": args.compare, "after": args.source}
    infos = {}
    for side, source in sides.items():
        args_for_side = argparse.Namespace(**{**vars(args), "source": source})
        infos[side] = describe(args_for_side)
    info = infos["after"]
    urls = {name: tuple(value) for name, value in info["urls"].items()}
    ports = {"before": args.port + 1, "after": args.port}
    processes = {}
    timings = {side: {name: [] for name in urls} for side in sides}
    try:
        for side, source in sides.items():
            processes[side] = start_server(args, source, ports[side])
        for side in sides:
            warm_up(ports[side], urls, args.warmup)
        load_before = os.getloadavg()
        per_round = max(1, args.requests // args.rounds)
        for _ in range(args.rounds):
            for name, (host, path) in urls.items():
                for index in range(per_round):
                    order = ("before", "after") if index % 2 == 0 else ("after", "before")
                    for side in order:
                        status, _, elapsed = fetch(ports[side], host, path)
                        if status != 200:
                            raise RuntimeError(f"http://{host}{path} answered {status} ({side})")
                        timings[side][name].append(elapsed)
        load_after = os.getloadavg()
        workers = {side: {pid: memory_mb(pid) for pid in worker_pids(process.pid)} for side, process in processes.items()}
    finally:
        for process in processes.values():
            stop_server(process)
    pages = {}
    for name in urls:
        pages[name] = {
            side: {
                "median_ms": statistics.median(timings[side][name]),
                "p90_ms": percentile(timings[side][name], 0.9),
                "queries": infos[side]["pages"][name]["queries"],
                "requests": len(timings[side][name]),
            }
            for side in sides
        }
        log(f"{name:16} before {pages[name]['before']['median_ms']:.1f} ms, after {pages[name]['after']['median_ms']:.1f} ms")
    return {
        "ab": True, "pages": pages, "info": info, "machine": machine(), "load_before": load_before,
        "load_after": load_after, "workers": workers, "sources": {side: str(source) for side, source in sides.items()},
        "gunicorn": " ".join(gunicorn_command(args, args.source, args.port)[1:]),
    }


def render_ab(args, results: dict, command: str) -> str:
    info, host = results["info"], results["machine"]
    lines = [
        f"### {args.label}",
        "",
        f"- Date: {datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- Machine: {host['nproc']} cores, {host['cpu']}, {host['memory_gib']} GiB RAM; load generator on the same cores",
        f"- Versions: Python {info['python']}, Django {info['django']}, Wagtail {info['wagtail']}, gunicorn {host['gunicorn']}, {info['database']}",
        f"- Data: {info['sites']} sites, {info['articles']} articles",
        f"- Servers: two gunicorns (2 sync workers each, DEBUG off, no page cache; Django cache: "
        f"{'Redis' if os.environ.get('REDIS_URL') else 'local memory'}), before = `{results['sources']['before']}`, "
        f"after = `{results['sources']['after']}`; {args.requests} requests per page and side, one to each side in turn",
        f"- Command: `{command}`",
        f"- Load average (1 min) before / after the measurements: {results['load_before'][0]:.2f} / {results['load_after'][0]:.2f}",
        "",
        "| Page | Queries before → after | Median before | Median after | after / before | p90 before | p90 after |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in results["pages"].items():
        before, after = page["before"], page["after"]
        lines.append(
            f"| {name} | {before['queries']} → {after['queries']} | {before['median_ms']:.1f} ms | {after['median_ms']:.1f} ms | "
            f"{after['median_ms'] / before['median_ms']:.2f} | {before['p90_ms']:.1f} ms | {after['p90_ms']:.1f} ms |"
        )
    lines.append("")
    return "\n".join(lines)


def run(args) -> dict:
    if not port_is_free(args.port):
        sys.exit(f"port {args.port} is in use; stop what listens there or pass --port (and generate.py --port)")
    wait_until_quiet(args.wait_quiet, args.quiet_load)
    info = describe(args)
    log(f"{info['sites']} sites, {info['articles']} articles, {info['database']}")
    results = {"pages": {}}
    process = start_server(args, args.source, args.port)
    try:
        urls = {name: tuple(value) for name, value in info["urls"].items()}
        log("warm-up")
        warm_up(args.port, urls, args.warmup)
        results["load_before"] = os.getloadavg()
        latencies = measure_latency(args.port, urls, args.requests, args.rounds)
        for name, (host, path) in urls.items():
            latency = latencies[name]
            log(f"{name:16} 1 conn: median {latency['median_ms']:.1f} ms, p90 {latency['p90_ms']:.1f} ms")
            results["pages"][name] = {"host": host, "path": path, "latency": latency, **info["pages"][name]}
        if not args.skip_wrk:
            for name, (host, path) in urls.items():
                throughput = measure_throughput(args.port, host, path, args.connections, args.duration)
                drain(args.port, urls["main home"][0])
                log(f"{name:16} {args.connections} conn: {throughput['requests_per_s']:.1f} req/s, p50 {throughput['p50_ms']} ms")
                results["pages"][name]["throughput"] = throughput
        results["load_after"] = os.getloadavg()
        results["workers"] = {pid: memory_mb(pid) for pid in worker_pids(process.pid)}
        for pid, mem in results["workers"].items():
            log(f"worker {pid}: VmRSS {mem['VmRSS']:.1f} MB, peak {mem['VmHWM']:.1f} MB")
    finally:
        stop_server(process)
    results.update(info=info, machine=machine(), gunicorn=" ".join(gunicorn_command(args, args.source, args.port)[1:]))
    return results


def render(args, results: dict, command: str) -> str:
    info, host = results["info"], results["machine"]
    rss = [m["VmRSS"] for m in results["workers"].values()]
    peak = [m["VmHWM"] for m in results["workers"].values()]
    lines = [
        f"### {args.label}",
        "",
        f"- Date: {datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- Machine: {host['nproc']} cores, {host['cpu']}, {host['memory_gib']} GiB RAM, {host['os']}; load generator on the same cores",
        f"- Versions: Python {info['python']}, Django {info['django']}, Wagtail {info['wagtail']}, gunicorn {host['gunicorn']}, {info['database']}, wrk {host['wrk']}",
        f"- Data: {info['sites']} sites, {info['articles']} articles ({info['live_articles']} live)",
        f"- Server: `gunicorn {results['gunicorn']}`, DJANGO_SETTINGS_MODULE=portal.settings.dev, DEBUG off, no page cache; "
        f"Django cache: {'Redis' if os.environ.get('REDIS_URL') else 'local memory'}",
        *([f"- Code served: `{args.source}` (see README, \"Measuring a change\")"] if args.source != REPO_DIR else []),
        f"- Command: `{command}`",
        f"- Load average (1 min) before / after the measurements: {results['load_before'][0]:.2f} / {results['load_after'][0]:.2f}",
        "",
        f"| Page | URL | Queries | HTML | Median @1 conn | p90 @1 conn | req/s @{args.connections} conn | p50 / p99 @{args.connections} conn |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in results["pages"].items():
        latency = page["latency"]
        throughput = page.get("throughput")
        tp = f"{throughput['requests_per_s']:.0f}" if throughput else "–"
        tl = f"{throughput['p50_ms']:.0f} / {throughput['p99_ms']:.0f} ms" if throughput else "–"
        if throughput and (throughput["non_2xx"] or throughput["socket_errors"]):
            tl += f" (non-2xx {throughput['non_2xx']}, errors {throughput['socket_errors']})"
        url = f"http://{page['host']}{page['path']}"
        if len(url) > 70:
            url = url[:67] + "…"
        lines.append(
            f"| {name} | `{url}` | {page['queries']} | {page['bytes'] / 1024:.0f} KB | {latency['median_ms']:.1f} ms | "
            f"{latency['p90_ms']:.1f} ms | {tp} | {tl} |"
        )
    lines.append("")
    verdicts = []
    for name, target in TARGETS_MS.items():
        value = results["pages"][name]["latency"]["median_ms"]
        verdicts.append(f"{name} median {value:.1f} ms ≤ {target:.0f} ms: **{'met' if value <= target else 'NOT met'}**")
    verdicts.append(
        f"worker RSS {', '.join(f'{v:.0f}' for v in rss)} MB (peak {', '.join(f'{v:.0f}' for v in peak)} MB) ≤ {TARGET_RSS_MB:.0f} MB: "
        f"**{'met' if max(peak) <= TARGET_RSS_MB else 'NOT met'}**"
    )
    lines.append("Targets: " + "; ".join(verdicts) + ".")
    lines.append("")
    return "\n".join(lines)


def write_results(path: Path, label: str, section: str) -> None:
    start, end = f"<!-- run:{label} -->", f"<!-- /run:{label} -->"
    block = f"{start}\n{section}{end}\n"
    text = path.read_text() if path.exists() else "# Benchmark results\n\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="latest", help="name of this run's section in RESULTS.md")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8765)))
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--source", type=lambda value: Path(value).resolve(), default=REPO_DIR,
                        help="serve the code of another checkout of the project (e.g. a snapshot of the code before a change)")
    parser.add_argument("--wait-quiet", type=int, default=300,
                        help="wait up to this many seconds for the 1-minute load average to fall below --quiet-load")
    parser.add_argument("--quiet-load", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3, help="the sequential requests are split in this many interleaved rounds")
    parser.add_argument("--compare", type=lambda value: Path(value).resolve(), metavar="DIR",
                        help="A/B mode: also serve DIR (\"before\") on --port + 1 and alternate requests between the two; latency only")
    parser.add_argument("--requests", type=int, default=300, help="sequential requests per page at one connection")
    parser.add_argument("--warmup", type=int, default=20, help="warm-up rounds over the four pages")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--skip-wrk", action="store_true", help="latency only")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch RESULTS.md")
    args = parser.parse_args(argv)

    command = " ".join(shlex.quote(part) for part in [".venv/bin/python", "benchmarks/run.py", *(argv or sys.argv[1:])])
    for name in ("REDIS_URL", "DATABASE_URL"):
        if os.environ.get(name):
            command = f"{name}={shlex.quote(os.environ[name])} {command}"
    if args.compare:
        results = run_ab(args)
        section = render_ab(args, results, command)
    else:
        results = run(args)
        section = render(args, results, command)
    print(section)
    if not args.no_write:
        DATA_DIR.mkdir(exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", args.label.lower()).strip("-") or "latest"
        (DATA_DIR / f"results-{slug}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
        write_results(args.output, args.label, section)
        log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
