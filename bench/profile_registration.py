"""CPU per registration POST in process, through the whole middleware stack, with a profile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes_bench \
    REDIS_URL=redis://127.0.0.1:6379/13 \
        python bench/profile_registration.py [--posts 200] [--seats 50] [--profile out.prof]

The Django test client with CSRF checks on (a GET for the token first, as a browser does) posts
the registration form of a bench event, --posts times with unique addresses, and the same number
of POSTs to the minimal form view of bench/server_urls.py. It prints the CPU time of this
process (time.process_time: Python, the ORM, the Redis and database clients; not PostgreSQL's
or Redis' own) per POST for both, best of --rounds, and with --profile writes a cProfile of the
registration POSTs (CPU clock) and prints its top entries. Settings as bench/registration.py
runs the server (DEBUG off, persistent connections, rate limits raised). REDIS_URL is the cache
and broker, as in production; its database is flushed at the start (give it one of its own).
Nothing is sent: no worker runs, and the queued dispatch messages are dropped at the end.
"""

import argparse
import cProfile
import os
import pstats
import re
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from registration import BENCH_ENV, _form  # noqa: E402

FORM = "application/x-www-form-urlencoded"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds; the best counts")
    parser.add_argument("--profile", help="write a cProfile of one round of registrations here")
    parser.add_argument("--top", type=int, default=35)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database.")
    for key, value in BENCH_ENV.items():
        os.environ.setdefault(key, value)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.server_settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone, translation

    from events.models import Event, Venue

    # No setup_test_environment(): its template instrumentation would be measured too.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off: the manifest
    if settings.REDIS_URL:
        import redis

        redis.Redis.from_url(settings.REDIS_URL).flushdb()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, email text NOT NULL,"
            " created_at timestamptz NOT NULL DEFAULT now())"
        )
    venue, _created = Venue.objects.get_or_create(
        name="Bench hall", city="İzmir", defaults={"country": "TR"}
    )
    stamp = time.time_ns()
    events = []

    def new_event(name: str) -> Event:
        event = Event.objects.create(
            title=f"Bench {name} {stamp}",
            slug=f"bench-{name}-{stamp}",
            kind="conference",
            status="confirmed",
            venue=venue,
            start=timezone.now() + timedelta(days=30),
            end=timezone.now() + timedelta(days=30, hours=3),
            capacity=args.seats,
        )
        events.append(event)
        return event

    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")

    def token_for(path: str) -> str:
        response = client.get(path)
        assert response.status_code == 200, response.status_code
        return CSRF_INPUT.search(response.content.decode()).group(1)

    def registrations(event: Event, name: str):
        with translation.override("en"):
            path = reverse("events:register", args=[event.slug])
        token = token_for(path)
        posts = [
            (path, {**_form(f"{name}-{stamp}-{i}", i), "csrfmiddlewaretoken": token})
            for i in range(args.posts)
        ]
        return posts, "/register/thanks/"

    def inserts(name: str):
        with translation.override("en"):
            token = token_for(reverse("events:register", args=[events[0].slug]))
        path = "/__bench__/insert/"
        posts = [
            (path, {"email": f"{name}-{stamp}-{i}@example.org", "csrfmiddlewaretoken": token})
            for i in range(args.posts)
        ]
        return posts, "/insert/done/"

    def run(posts, expected: str) -> float:
        started = time.process_time()
        for path, data in posts:
            # Form-encoded, as browsers and bench/registration.py send it (not multipart).
            response = client.post(path, urlencode(data), content_type=FORM)
            if response.status_code != 302 or expected not in response["Location"]:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
            # A browser follows the redirect, whose page reads the flash message and clears its
            # cookie; without this the cookie would grow with every POST and be re-encoded by
            # each one (as bench/registration.py's delegates, each POST carries no message).
            client.cookies.pop("messages", None)
        return (time.process_time() - started) / len(posts)

    try:
        run(*registrations(new_event("warmup"), "warmup"))  # templates, translations, pools
        run(*inserts("warmup"))
        register_cpu, insert_cpu = [], []
        for round_ in range(args.rounds):
            register_cpu.append(run(*registrations(new_event(f"r{round_}"), f"r{round_}")))
            insert_cpu.append(run(*inserts(f"i{round_}")))
        print(
            f"CPU per POST in this process, best of {args.rounds} rounds of {args.posts} "
            f"({args.seats} seats):"
        )
        print(
            f"  registration  {min(register_cpu) * 1000:.2f} ms   "
            f"(rounds: {', '.join(f'{x * 1000:.2f}' for x in register_cpu)})"
        )
        print(
            f"  minimal POST  {min(insert_cpu) * 1000:.2f} ms   "
            f"(rounds: {', '.join(f'{x * 1000:.2f}' for x in insert_cpu)})"
        )
        if args.profile:
            posts, expected = registrations(new_event("profile"), "profile")
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            run(posts, expected)
            profiler.disable()
            profiler.dump_stats(args.profile)
            stats = pstats.Stats(args.profile)
            stats.sort_stats("cumulative").print_stats(args.top)
            stats.sort_stats("tottime").print_stats(args.top)
        return 0
    finally:
        for event in events:
            event.delete()
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS bench_insert")
        if settings.REDIS_URL:
            redis.Redis.from_url(settings.REDIS_URL).flushdb()


if __name__ == "__main__":
    sys.exit(main())
