"""CPU per uncached public page, in this process: home, month calendar, program, event page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes40_bench \
        python bench/profile_pages.py [--events 2000] [--count 30] [--profile 15]

Adds --events public events (as bench/pages.py does), renders each page --count times with
the whole-page cache off through Django's test client (the project's middleware, no server,
no network) and prints the CPU milliseconds per request (time.process_time: this process
only; PostgreSQL's own work is not counted), the wall milliseconds and the queries a
request. With --profile N it then renders each page N times more under cProfile and prints
its costliest functions (cumulative and own time). The bench's events are deleted at the end.
Numbers are for comparing two commits on the same machine in the same hour, not targets.
"""

import argparse
import cProfile
import os
import pstats
import re
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import add_events  # noqa: E402
from registration import BENCH_ENV, setup_django  # noqa: E402

_OWN_CODE = rf"^(?!.*site-packages){re.escape(str(Path(__file__).resolve().parent.parent))}"


def _counted(queries: list, run, sql, *rest):
    queries.append(sql)
    return run(sql, *rest)


def page_paths(sample) -> list[tuple[str, str]]:
    from django.utils import translation

    local = sample.local_start
    with translation.override("tr"):
        event_url = sample.get_absolute_url()
    return [
        ("home", "/tr/"),
        ("month calendar", f"/tr/program/{local.year}/{local.month}/"),
        ("program", f"/tr/program/?month={local:%Y-%m}"),
        ("event page", event_url),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000, help="extra public events")
    parser.add_argument("--count", type=int, default=30, help="timed renders a page")
    parser.add_argument("--profile", type=int, default=0, help="profiled renders a page")
    parser.add_argument("--top", type=int, default=25, help="functions printed a profile")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database of the bench's own.")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.server_settings"
    BENCH_ENV.pop("REDIS_URL", None)  # local memory: the page cache is off anyway
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    events = add_events(args.events, int(time.time()))
    sample = events.select_related("venue").order_by("start")[args.events // 2]
    client = Client(HTTP_HOST="127.0.0.1")
    try:
        with override_settings(PAGE_CACHE_SECONDS=0):
            print(f"{args.events} extra public events, {args.count} renders a page, uncached")
            print(f"  {'page':<16} {'CPU ms':>8} {'wall ms':>8} {'queries':>8} {'bytes':>8}")
            for name, path in page_paths(sample):
                for _warm in range(3):
                    assert client.get(path).status_code == 200, path
                queries = []
                with connection.execute_wrapper(partial(_counted, queries)):
                    body = client.get(path).content
                cpu, wall = time.process_time(), time.perf_counter()
                for _index in range(args.count):
                    client.get(path)
                cpu = (time.process_time() - cpu) / args.count * 1000
                wall = (time.perf_counter() - wall) / args.count * 1000
                print(f"  {name:<16} {cpu:>8.1f} {wall:>8.1f} {len(queries):>8} {len(body):>8}")
            for name, path in page_paths(sample) if args.profile else ():
                profiler = cProfile.Profile()
                profiler.enable()
                for _index in range(args.profile):
                    client.get(path)
                profiler.disable()
                print(f"\n--- {name} ({path}), {args.profile} renders ---")
                stats = pstats.Stats(profiler)
                # The project's own functions first (the framework's frames hide them).
                stats.sort_stats("cumulative").print_stats(_OWN_CODE, args.top)
                stats.sort_stats("tottime").print_stats(args.top)
    finally:
        events.delete()
    return 0


if __name__ == "__main__":
    sys.exit(main())
