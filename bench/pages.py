"""Public pages under load, each as a share of a bare Django view on the same server, same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes40_bench \
        python bench/pages.py [--events 2000] [--seconds 3] [--connections 8] [--profile 30]

Starts gunicorn (2 gthread workers x 4 threads, loopback only, DEBUG off) with the project's
settings and middleware and the bench's URLconf (bench/server_urls.py: the project's URLs plus
a bare view, /__bench__/bare/), on the given PostgreSQL database and Redis (its own database
number, flushed: --redis, else REDIS_URL) as the cache. Adds --events public events over the
next year (one venue in İzmir, one in Bakü) and drives each page with --connections
keep-alive client threads for --seconds each: the bare view, home, an event page, a month
calendar, the program, the feed (200 and 304) and an event's .ics (304). The feed and .ics
rows send `Accept-Encoding: gzip`, as every calendar client does (their body size is the
gzipped one; their 304s re-send the weak ETag that answer carried); the HTML rows send none.

Two servers in the same run: one with the whole-page cache off (PAGE_CACHE_SECONDS=0: every
page rendered, as a first visitor after a change sees it) and one with it on
(CACHED_VARIANT). For each page it prints requests/s, p50/p95 latency and the share of that
server's bare view, uncached and cached, the body size, and each target met or missed
(TARGETS). --profile N also renders the uncached home, event page and month calendar N times
in this process under cProfile and prints where the time goes. The bench's events are deleted
at the end (--keep to look at them).
"""

import argparse
import http.client
import os
import statistics
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

from registration import BENCH_ENV, free_port, percentile, setup_django, start_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The whole-page cache (events/public/pagecache.py): off for the first server, on for the
# second; the same pages are measured against both in the same run.
UNCACHED_VARIANT = {"PAGE_CACHE_SECONDS": "0"}
CACHED_VARIANT: dict[str, str] | None = {"PAGE_CACHE_SECONDS": "600"}

# (page key, column, least share of the bare view): issue 14's targets, as ratios in one run.
TARGETS = [
    ("home", "uncached", 0.10),
    ("event", "uncached", 0.10),
    ("month", "uncached", 0.10),
    ("feed304", "uncached", 0.50),
    *(
        (key, "cached", 0.50)
        for key in ("home", "event", "month", "program", "feed", "feed304", "ics304")
    ),
]

BARE = "/__bench__/bare/"
# What a calendar client sends for the feed and an event's .ics.
CALENDAR_CLIENT = {"Accept-Encoding": "gzip"}


def drive(base: str, path: str, *, seconds: float, connections: int, headers: dict):
    """Keep `connections` keep-alive clients requesting `path` for `seconds`; return the
    latencies, the statuses seen, the last body size, errors and the wall time."""
    host, port = base.removeprefix("http://").split(":")
    latencies, statuses, errors, sizes = [], {}, [], [0]
    lock = threading.Lock()
    start = threading.Barrier(connections + 1)
    deadline = [0.0]

    def client():
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        mine, seen = [], {}
        start.wait()
        while time.perf_counter() < deadline[0]:
            began = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(repr(exc))
                conn.close()
                continue
            mine.append(time.perf_counter() - began)
            seen[response.status] = seen.get(response.status, 0) + 1
            sizes[0] = len(body)
        conn.close()
        with lock:
            latencies.extend(mine)
            for status, count in seen.items():
                statuses[status] = statuses.get(status, 0) + count

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    deadline[0] = time.perf_counter() + seconds
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return latencies, statuses, sizes[0], errors, time.perf_counter() - began


def get(base: str, path: str, headers: dict) -> http.client.HTTPResponse:
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def add_events(count: int, stamp: int):
    from django.db import connection
    from django.utils import timezone

    from events.models import Event, Venue

    izmir, _ = Venue.objects.get_or_create(
        name="Bench hall", city="İzmir", defaults={"country": "TR", "time_zone": "Europe/Istanbul"}
    )
    baku, _ = Venue.objects.get_or_create(
        name="Bench salon", city="Bakü", defaults={"country": "AZ", "time_zone": "Asia/Baku"}
    )
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    # Spread over a year, two events most evenings: about 170 a month, as an announced program.
    Event.objects.bulk_create(
        (
            Event(
                title=f"İzmir–Bakü buluşması {index}",
                slug=f"bench-page-{stamp}-{index}",
                kind="cultural_festival",
                status="confirmed",
                venue=baku if index % 2 else izmir,
                start=start + timedelta(hours=index * 365 * 24 // max(count, 1)),
                end=start + timedelta(hours=index * 365 * 24 // max(count, 1) + 2),
                capacity=100,
                description="Kardeş şehirlerin 40. yılı için bir akşam: müzik, şiir ve sohbet. "
                * 3,
            )
            for index in range(count)
        ),
        batch_size=500,
    )
    # A bulk load leaves the planner's statistics saying the table holds a few dozen rows, and
    # it then walks every event for a page (the home page's next events: 2.3 of 3.2 ms; the
    # event page's slug: 2.6 ms). Production has the statistics autovacuum keeps (it analyzes a
    # table within a minute of such a change); measure with them, not with the stale ones.
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Event._meta.db_table}, {Venue._meta.db_table}")
    return Event.objects.filter(slug__startswith=f"bench-page-{stamp}-")


def pages(base: str, sample) -> list[tuple[str, str, str, dict]]:
    """(key, name, path, extra headers) for each page; 304 rows carry the validator a client
    holds. Public pages under the Turkish prefix, as a shared link opens them; the feed and
    .ics as a calendar client asks for them (gzip)."""
    from django.utils import translation

    local = sample.local_start
    with translation.override("tr"):
        event_url = sample.get_absolute_url()
    ics = f"{event_url}event.ics"
    feed_tag = get(base, "/calendar.ics", CALENDAR_CLIENT).getheader("ETag")
    ics_tag = get(base, ics, CALENDAR_CLIENT).getheader("ETag")
    return [
        ("bare", "bare view (baseline)", BARE, {}),
        ("home", "home /tr/", "/tr/", {}),
        ("event", "event page", event_url, {}),
        ("month", "month calendar", f"/tr/program/{local.year}/{local.month}/", {}),
        ("program", "program (one month)", f"/tr/program/?month={local:%Y-%m}", {}),
        ("feed", "feed 200 (gzip)", "/calendar.ics", CALENDAR_CLIENT),
        ("feed304", "feed 304", "/calendar.ics", {**CALENDAR_CLIENT, "If-None-Match": feed_tag}),
        ("ics304", "event .ics 304", ics, {**CALENDAR_CLIENT, "If-None-Match": ics_tag}),
    ]


def wait_until_up(base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if get(base, "/tr/", {}).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"Server at {base} did not answer within {timeout:.0f} s")


def measure(base: str, rows, args) -> dict[str, dict]:
    results = {}
    for key, name, path, extra in rows:
        headers = {"Accept-Language": "tr", **extra}
        drive(
            base,
            path,
            seconds=min(1.0, args.seconds),
            connections=args.connections,
            headers=headers,
        )
        latencies, statuses, size, errors, wall = drive(
            base, path, seconds=args.seconds, connections=args.connections, headers=headers
        )
        results[key] = {
            "name": name,
            "rps": len(latencies) / wall,
            "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
            "p95": percentile(latencies, 0.95) * 1000,
            "size": size,
            "statuses": statuses,
            "errors": errors,
        }
    for row in results.values():
        bare = results["bare"]["rps"]
        row["share"] = row["rps"] / bare if bare else float("nan")
    return results


def print_table(uncached: dict[str, dict], cached: dict[str, dict] | None) -> list[str]:
    """One line a page, uncached and cached side by side; returns the targets missed."""
    print(
        f"\n  {'page':<22} | {'uncached req/s':>14} {'p50':>6} {'p95':>6} {'share':>6} | "
        f"{'cached req/s':>12} {'p50':>6} {'p95':>6} {'share':>6} | {'bytes':>8}  statuses"
    )
    for key, row in uncached.items():
        other = (cached or {}).get(key)
        right = (
            f"{other['rps']:>12.1f} {other['p50']:>6.1f} {other['p95']:>6.1f} "
            f"{other['share']:>6.1%}"
            if other
            else f"{'not measured':>33}"
        )
        statuses = ", ".join(f"{code}x{count}" for code, count in sorted(row["statuses"].items()))
        if other:
            statuses += " / " + ", ".join(
                f"{code}x{count}" for code, count in sorted(other["statuses"].items())
            )
        print(
            f"  {row['name']:<22} | {row['rps']:>14.1f} {row['p50']:>6.1f} {row['p95']:>6.1f} "
            f"{row['share']:>6.1%} | {right} | {row['size']:>8}  {statuses}"
        )
        for error in (row["errors"] + (other["errors"] if other else []))[:3]:
            print(f"      error: {error}")
    print("\n  Targets (share of the bare view of the same server, same run):")
    missed = []
    for key, column, least in TARGETS:
        table = uncached if column == "uncached" else cached
        if table is None:
            print(f"    {uncached[key]['name']:<22} {column:<8} >= {least:.0%}: not measured")
            continue
        share = table[key]["share"]
        verdict = "met" if share >= least else "MISSED"
        if verdict != "met":
            missed.append(f"{key} {column}")
        print(f"    {table[key]['name']:<22} {column:<8} >= {least:.0%}: {share:6.1%}  {verdict}")
    return missed


def profile(sample, count: int) -> None:
    """Render the uncached home, event page and month calendar `count` times each in this
    process under cProfile; print each page's time per request and its costliest functions."""
    import cProfile
    import pstats

    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import translation

    local = sample.local_start
    with translation.override("tr"):
        event_url = sample.get_absolute_url()
    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(PAGE_CACHE_SECONDS=0):
        for name, path in (
            ("home", "/tr/"),
            ("event page", event_url),
            ("month calendar", f"/tr/program/{local.year}/{local.month}/"),
            ("program", f"/tr/program/?month={local:%Y-%m}"),
        ):
            for _warm in range(3):
                assert client.get(path).status_code == 200, path
            profiler = cProfile.Profile()
            began = time.perf_counter()
            profiler.enable()
            for _index in range(count):
                client.get(path)
            profiler.disable()
            each = (time.perf_counter() - began) / count * 1000
            print(f"\n--- profile: {name} ({path}), {each:.1f} ms a request in process ---")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000, help="extra public events")
    parser.add_argument("--seconds", type=float, default=3.0, help="measured seconds per page")
    parser.add_argument("--connections", type=int, default=8, help="client threads")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--redis",
        default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/12",
        help="cache (its database is flushed); default REDIS_URL",
    )
    parser.add_argument("--profile", type=int, default=0, help="profile N renders a page")
    parser.add_argument("--no-redis", action="store_true", help="local-memory cache instead")
    parser.add_argument("--keep", action="store_true", help="keep the bench events afterwards")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database of the bench's own.")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.server_settings"
    if not args.no_redis:
        BENCH_ENV["REDIS_URL"] = args.redis
        # The pages do not queue tasks; Celery would only need a broker if they did.
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not args.no_redis:
        import redis

        redis.Redis.from_url(args.redis).flushdb()
    stamp = int(time.time())
    events = add_events(args.events, stamp)
    sample = events.select_related("venue").order_by("start")[args.events // 2]
    servers = []
    try:
        if args.profile:
            profile(sample, args.profile)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        BENCH_ENV.update(UNCACHED_VARIANT)
        servers.append(start_server(port, args.workers, args.threads))
        wait_until_up(base)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"Machine: {os.cpu_count()} cores, load average before the run {load}")
        print(
            f"Bench: {args.events} extra public events, gunicorn {args.workers}x{args.threads}, "
            f"{args.connections} connections, {args.seconds:.0f} s per page, "
            f"cache {'local memory' if args.no_redis else 'Redis'}"
        )
        uncached = measure(base, pages(base, sample), args)
        first = servers.pop()
        first.terminate()
        first.wait(timeout=15)
        cached = None
        if CACHED_VARIANT is not None:
            port = free_port()
            cached_base = f"http://127.0.0.1:{port}"
            BENCH_ENV.update(CACHED_VARIANT)
            servers.append(start_server(port, args.workers, args.threads))
            wait_until_up(cached_base)
            cached = measure(cached_base, pages(cached_base, sample), args)
        missed = print_table(uncached, cached)
        print(f"\n  {len(TARGETS) - len(missed)} of {len(TARGETS)} targets met")
        return 0
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=15)
        if not args.keep:
            events.delete()


if __name__ == "__main__":
    sys.exit(main())
