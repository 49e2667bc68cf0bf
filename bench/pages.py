"""Public pages under load, each as a share of a bare Django view on the same server, same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes40_bench \
        python bench/pages.py [--events 2000] [--seconds 3] [--connections 8]

Starts gunicorn (2 gthread workers x 4 threads, loopback only, DEBUG off) with the project's
settings and middleware and the bench's URLconf (bench/server_urls.py: the project's URLs plus
a bare view, /__bench__/bare/), on the given PostgreSQL database and Redis (its own database
number) as the cache. Adds --events public events over the next year (one venue in İzmir, one
in Bakü) and drives each page with --connections keep-alive client threads for --seconds each:
the bare view, home, an event page, a month calendar, the program, the feed (200 and 304) and
an event's .ics (304). Prints requests/s, p50/p95 latency, the body size and the share of the
bare view's requests/s. The bench's events are deleted at the end (--keep to look at them).

Uncached only for now: CACHED_VARIANT below is the hook for the whole-page cache (issues 13
and 14), which will add the "cached" columns in the same run.
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

from registration import BENCH_ENV, free_port, percentile, setup_django, start_server, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# --- the cached variant (issues 13 and 14: whole-page cache for anonymous visitors) -----------
# HOOK: when the page cache lands, set this to the environment that turns it on (for example
# {"PAGE_CACHE": "true"}). The bench then starts a second server with it, runs the same pages
# against it in the same run and prints the cached figures and their share of the bare view
# next to the uncached ones. None: not built yet, the cached column says so.
CACHED_VARIANT: dict[str, str] | None = None

BARE = "/__bench__/bare/"


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
    return Event.objects.filter(slug__startswith=f"bench-page-{stamp}-")


def pages(base: str, sample) -> list[tuple[str, str, dict]]:
    """(name, path, extra headers) for each page; 304 rows carry the validator a client holds."""
    local = sample.local_start
    language = {"Accept-Language": "tr"}
    feed_tag = get(base, "/calendar.ics", language).getheader("ETag")
    ics = f"/events/{sample.slug}/event.ics"
    ics_tag = get(base, ics, language).getheader("ETag")
    return [
        ("bare view (baseline)", BARE, {}),
        ("home /", "/", {}),
        ("event page", sample.get_absolute_url(), {}),
        ("month calendar", f"/program/{local.year}/{local.month}/", {}),
        ("program (one month)", f"/program/?month={local:%Y-%m}", {}),
        ("feed 200 (body cached)", "/calendar.ics", {}),
        ("feed 304", "/calendar.ics", {"If-None-Match": feed_tag}),
        ("event .ics 304", ics, {"If-None-Match": ics_tag}),
    ]


def measure(base: str, rows, args) -> list[dict]:
    results = []
    for name, path, extra in rows:
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
        results.append(
            {
                "name": name,
                "rps": len(latencies) / wall,
                "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
                "p95": percentile(latencies, 0.95) * 1000,
                "size": size,
                "statuses": statuses,
                "errors": errors,
            }
        )
    return results


def print_table(title: str, results: list[dict]) -> None:
    bare = results[0]["rps"]
    print(f"\n{title}")
    print(
        f"  {'page':<24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>9} {'share':>7}  statuses"
    )
    for row in results:
        share = row["rps"] / bare if bare else float("nan")
        statuses = ", ".join(f"{code}x{count}" for code, count in sorted(row["statuses"].items()))
        print(
            f"  {row['name']:<24} {row['rps']:>8.1f} {row['p50']:>8.1f} {row['p95']:>8.1f} "
            f"{row['size']:>9} {share:>7.1%}  {statuses}"
        )
        for error in row["errors"][:3]:
            print(f"      error: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000, help="extra public events")
    parser.add_argument("--seconds", type=float, default=3.0, help="measured seconds per page")
    parser.add_argument("--connections", type=int, default=8, help="client threads")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12", help="cache; flushed")
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
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        servers.append(start_server(port, args.workers, args.threads))
        wait_until_up(base)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"Machine: {os.cpu_count()} cores, load average before the run {load}")
        print(
            f"Bench: {args.events} extra public events, gunicorn {args.workers}x{args.threads}, "
            f"{args.connections} connections, {args.seconds:.0f} s per page, "
            f"cache {'local memory' if args.no_redis else 'Redis'}"
        )
        rows = pages(base, sample)
        print_table("Uncached", measure(base, rows, args))
        if CACHED_VARIANT is None:
            print(
                "\nCached: not measured yet (the page cache of issues 13/14; hook CACHED_VARIANT)"
            )
        else:
            port = free_port()
            cached_base = f"http://127.0.0.1:{port}"
            BENCH_ENV.update(CACHED_VARIANT)
            servers.append(start_server(port, args.workers, args.threads))
            wait_until_up(cached_base)
            print_table("Cached", measure(cached_base, pages(cached_base, sample), args))
        return 0
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=15)
        if not args.keep:
            events.delete()


if __name__ == "__main__":
    sys.exit(main())
