"""Registration under load: N registrations for an event with S seats, against a real server.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes_bench \
        python bench/registration.py [--requests 200] [--seats 50] [--concurrency 200]

Starts gunicorn (2 gthread workers x 8 threads, loopback only) on the given PostgreSQL database,
with the project's settings and middleware and the bench's URLconf (bench/server_urls.py),
with Redis (its own database number) as cache and Celery broker and one Celery worker that
builds and "sends" the emails (locmem backend: built in full, not delivered), as production
runs it (--no-celery sends them inside the request instead). It creates a bench event.

--concurrency delegates first open the registration form (GET, unmeasured: cookie and CSRF
token), then all submit at the same moment and keep submitting until N registrations are in;
each POST goes through the real view, with a unique email. Phase two confirms every pending
seat through the real confirm link. Prints throughput, p50/p95 latency, the CPU each part of
the machine spent per registration and the latency that CPU alone allows, the final counts and
every error, and exits non-zero when a target is missed.

The limit it is held to is measured in the same run on the same server: the same number of
POSTs, as many at once, to a minimal Django form view (/__bench__/insert/: the CSRF check, one
INSERT in a transaction, a redirect). Registration throughput is printed as a share of it;
target >= 40 %, with exactly `seats` confirmed and 0 errors. The bench event and its registrations
are deleted at the end (--keep to look at them). bench/RESULTS.md has the figures.
"""

import argparse
import http.client
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from cputime import CpuMeter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Server and bench share these, so the bench can sign the confirm links the server accepts.
BENCH_ENV = {
    "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-not-for-use"),
    "DJANGO_DEBUG": "false",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    # 200 registrations from one loopback address would trip the per-address limit (30/h).
    "REGISTRATION_RATE_LIMIT_PER_IP": "1000000/h",
    "REGISTRATION_RATE_LIMIT_PER_EMAIL": "1000000/h",
    # Likewise the cap on unconfirmed registrations per client network and event (10).
    "REGISTRATION_PENDING_PER_NETWORK": "1000000",
    # Mails are built in full (templates, .ics, QR code) and kept in memory, not delivered.
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    # Persistent connections, as a production deployment would run.
    "DATABASE_CONN_MAX_AGE": "60",
    "WHITENOISE_USE_FINDERS": "true",
    "LOG_LEVEL": "WARNING",
}
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def setup_django() -> None:
    for key, value in BENCH_ENV.items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anniversary.settings")
    import django

    django.setup()


def start_worker() -> subprocess.Popen:
    env = {**os.environ, **BENCH_ENV}
    command = [
        sys.executable, "-m", "celery", "-A", "anniversary", "worker", "--pool=solo",
        "--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env)


def wait_for_queue(redis_url: str, timeout: float = 120) -> float:
    """Seconds until the worker has taken every queued email off the broker."""
    import redis

    client = redis.Redis.from_url(redis_url)
    started = time.perf_counter()
    while client.llen("celery") and time.perf_counter() - started < timeout:
        time.sleep(0.05)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int, threads: int) -> subprocess.Popen:
    env = {**os.environ, **BENCH_ENV}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "anniversary.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def wait_until_up(base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    parts = urlsplit(base)
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=2)
            conn.request("GET", "/en/program/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"Server at {base} did not answer within {timeout:.0f} s")


class Browser:
    """A delegate with the form open: CSRF cookie and token, and a keep-alive connection."""

    def __init__(self, base: str, form_path: str):
        parts = urlsplit(base)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        self.conn.request("GET", form_path, headers={"Accept-Language": "en"})
        response = self.conn.getresponse()
        html = response.read().decode()
        cookie = response.getheader("Set-Cookie", "")
        self.cookie = cookie.split(";", 1)[0]
        match = CSRF_INPUT.search(html)
        if response.status != 200 or not match or not self.cookie.startswith("csrftoken="):
            raise RuntimeError(f"could not load the form {form_path}: {response.status}")
        self.token = match.group(1)
        # The form was read a while ago: the submit opens a new connection, as a browser
        # would after the server's keep-alive timeout.
        self.conn.close()

    def post(self, path: str, data: dict) -> tuple[int, str, float]:
        body = urlencode({**data, "csrfmiddlewaretoken": self.token})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": self.cookie,
            "Referer": "http://127.0.0.1/",
            "Accept-Language": "en",
        }
        started = time.perf_counter()
        self.conn.request("POST", path, body=body, headers=headers)
        response = self.conn.getresponse()
        response.read()
        return response.status, response.getheader("Location", ""), time.perf_counter() - started


def open_browsers(base: str, form_path: str, count: int) -> list[Browser]:
    """Load the form once per client, before the clock starts: the burst is the submits."""
    with ThreadPoolExecutor(max_workers=min(count, 20)) as pool:
        return list(pool.map(lambda _i: Browser(base, form_path), range(count)))


def run_phase(browsers, jobs):
    """Run (path, data, ok_location_part) jobs, one client thread per browser, all released at
    the same moment; return latencies, errors and the wall time from release to the last one."""
    pending = queue.SimpleQueue()
    for job in jobs:
        pending.put(job)
    latencies, errors = [], []
    lock = threading.Lock()
    start = threading.Barrier(len(browsers) + 1)

    def client(browser):
        start.wait()
        while True:
            try:
                path, data, expected = pending.get_nowait()
            except queue.Empty:
                return
            try:
                status, location, seconds = browser.post(path, data)
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(f"{path}: {exc!r}")
                browser.conn.close()
                continue
            with lock:
                latencies.append(seconds)
                if status != 302 or expected not in location:
                    errors.append(f"{path}: HTTP {status} {location}")

    for browser in browsers:
        # A connection left from an earlier phase may have passed the server's keep-alive.
        browser.conn.close()
    threads = [threading.Thread(target=client, args=(b,), daemon=True) for b in browsers]
    for thread in threads:
        thread.start()
    start.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


# The CPU it takes to answer a registration; the Celery worker's email work can wait.
ANSWERING = ("web server", "postgresql", "redis", "bench client")


def print_floor(cpu: dict[str, float], *, requests: int, in_flight: int) -> None:
    """The latency the machine's CPU alone allows, whatever the code does with locks.

    With K registrations in flight and X seconds of CPU to answer each on C cores, the
    answers come at most C/X per second, so (Little's law) they take K*X/C on average; when
    all N arrive at once, the 95th percentile answer cannot come before 0.95*N*X/C.
    """
    cores = os.cpu_count() or 1
    per_answer = sum(cpu.get(group, 0.0) for group in ANSWERING) / requests
    if in_flight >= requests:
        floor, what = 0.95 * requests * per_answer / cores, "p95 of a burst"
    else:
        floor, what = in_flight * per_answer / cores, "mean latency"
    print(
        f"  CPU floor    {per_answer * 1000:.1f} ms to answer one ({', '.join(ANSWERING)}); "
        f"{in_flight} in flight on {cores} cores: {what} >= {floor * 1000:.0f} ms"
    )


def _form(name: str, index: int) -> dict:
    return {
        "full_name": f"Bench Delegate {index}",
        "email": f"{name}@example.org",
        "organization": "Bench",
        "country": "AZ" if index % 2 else "TR",
        "language": ("tr", "az", "en")[index % 3],
        "consent": "on",
    }


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def report(name, latencies, errors, wall, count):
    print(f"\n{name}")
    print(f"  requests     {count}  in {wall:.2f} s  ->  {count / wall:.1f} req/s")
    if latencies:
        print(
            f"  latency ms   p50 {statistics.median(latencies) * 1000:.0f}  "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f}  max {max(latencies) * 1000:.0f}"
        )
    print(f"  errors       {len(errors)}")
    for error in errors[:10]:
        print(f"    {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument(
        "--concurrency", type=int, default=200, help="delegates submitting at the same moment"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--url", help="use this running server (same DATABASE_URL and secret)")
    parser.add_argument("--keep", action="store_true", help="keep the bench event afterwards")
    parser.add_argument(
        "--warmup", type=int, default=40, help="unmeasured registrations to another event first"
    )
    parser.add_argument(
        "--share-target",
        type=float,
        default=0.40,
        help="registration req/s as a share of the minimal POST view's, at least",
    )
    parser.add_argument(
        "--redis",
        default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/13",
        help="Redis for cache and broker (default: REDIS_URL, else database 13); a database "
        "of its own, flushed at the start",
    )
    parser.add_argument(
        "--no-celery", action="store_true", help="no Redis: send emails inside the request"
    )
    args = parser.parse_args()
    if not args.no_celery:
        BENCH_ENV["REDIS_URL"] = args.redis

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL database (the bench measures row locks)."
        )
    # The server and the bench share the bench's URLconf (the baseline view is in it).
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.server_settings"
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone, translation

    from events.enums import RegistrationStatus
    from events.models import Event, Venue
    from events.tokens import SELF_SERVICE, make_token

    call_command("migrate", interactive=False, verbosity=0)
    # DEBUG is off, as in production: pages need the static manifest.
    call_command("collectstatic", interactive=False, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, email text NOT NULL,"
            " created_at timestamptz NOT NULL DEFAULT now())"
        )
    venue, _created = Venue.objects.get_or_create(
        name="Bench hall", city="İzmir", defaults={"country": "TR"}
    )
    stamp = int(time.time())
    warmup_event = Event.objects.create(
        title=f"Bench warm-up {stamp}",
        slug=f"bench-warmup-{stamp}",
        kind="conference",
        status="confirmed",
        venue=venue,
        start=timezone.now() + timedelta(days=30),
        end=timezone.now() + timedelta(days=30, hours=3),
        capacity=args.warmup // 2,
    )
    event = Event.objects.create(
        title=f"Bench event {stamp}",
        slug=f"bench-{stamp}",
        kind="conference",
        status="confirmed",
        venue=venue,
        start=timezone.now() + timedelta(days=30),
        end=timezone.now() + timedelta(days=30, hours=3),
        capacity=args.seats,
    )

    server = worker = None
    if not args.no_celery:
        import redis

        redis.Redis.from_url(args.redis).flushdb()
    try:
        if not args.no_celery:
            worker = start_worker()
        if args.url:
            base = args.url.rstrip("/")
        else:
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            server = start_server(port, args.workers, args.threads)
        wait_until_up(base)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"Machine: {os.cpu_count()} cores, load average before the run {load}")
        print(
            f"Bench: {args.requests} registrations for {args.seats} seats, "
            f"{args.concurrency} client threads, gunicorn {args.workers}x{args.threads}, "
            f"emails {'in the request' if args.no_celery else 'via Redis + 1 Celery worker'}"
        )
        # Public pages live under their language's prefix; the clients read English.
        with translation.override("en"):
            form_path = reverse("events:register", args=[event.slug])
            warm_path = reverse("events:register", args=[warmup_event.slug])

        if args.warmup:
            # Not measured: first requests load templates, translations and connections in
            # every server thread, and the Celery worker finishes booting.
            warm_jobs = [
                (warm_path, _form(f"warmup-{stamp}-{i}", i), "/register/thanks/")
                for i in range(args.warmup)
            ]
            warm_browsers = open_browsers(base, warm_path, min(args.concurrency, args.warmup))
            _l, warm_errors, _w = run_phase(warm_browsers, warm_jobs)
            if warm_errors:
                print("Warm-up errors:", *warm_errors[:5], sep="\n  ")
            if worker:
                wait_for_queue(args.redis)

        jobs = [
            (
                form_path,
                _form(f"bench-{stamp}-{i}", i),
                "/register/thanks/",
            )
            for i in range(args.requests)
        ]
        browsers = open_browsers(base, form_path, args.concurrency)
        # The limit, same server, same run, same clients: a minimal form POST (CSRF check, one
        # INSERT in a transaction, a redirect), once before the registrations and once after
        # (the emails sent), so that a change in the machine's load during the run weighs on
        # both sides alike.
        meter = CpuMeter(
            trees={"web server": server and server.pid, "celery worker": worker and worker.pid},
            names={"postgresql": "postgres", "redis": "redis-server"},
            # This database's backends only: the server is shared with other databases.
            titles={"postgresql": f" {connection.settings_dict['NAME']} "},
        )

        def limit_phase(name: str, label: str):
            base_jobs = [
                (
                    "/__bench__/insert/",
                    {"email": f"{label}-{stamp}-{i}@example.org"},
                    "/insert/done/",
                )
                for i in range(args.requests)
            ]
            before = meter.read()
            result = run_phase(browsers, base_jobs)
            after = meter.read()
            report(name, *result, len(base_jobs))
            return result, meter.report(before, after, len(base_jobs), quiet=True)

        (_l, b_errors, b_wall), b_cpu = limit_phase(
            "Phase 0: minimal POST view (the limit)", "base"
        )
        before = meter.read()
        latencies, errors, wall = run_phase(browsers, jobs)
        after = meter.read()
        report("Phase 1: registration POSTs", latencies, errors, wall, len(jobs))
        cpu = meter.report(before, after, len(jobs))
        print_floor(cpu, requests=len(jobs), in_flight=min(args.concurrency, len(jobs)))
        if worker:
            print(f"  emails       queue drained {wait_for_queue(args.redis):.2f} s after")
        (_l, b2_errors, b2_wall), b2_cpu = limit_phase(
            "Phase 1b: minimal POST view again (the limit)", "base-after"
        )
        b_errors += b2_errors
        limit_rate = 2 * args.requests / (b_wall + b2_wall)

        pending = list(event.registrations.pending())

        def confirm_path(registration) -> str:
            token = make_token(registration, purpose=SELF_SERVICE)
            with translation.override("en"):
                return reverse("events:confirm", args=[registration.pk, token])

        confirm_jobs = [
            (
                confirm_path(r),
                {},
                "/registrations/",
            )
            for r in pending
        ]
        c_latencies, c_errors, c_wall = run_phase(browsers, confirm_jobs)
        report("Phase 2: confirm link POSTs", c_latencies, c_errors, c_wall, len(confirm_jobs))
        if worker:
            print(f"  emails       queue drained {wait_for_queue(args.redis):.2f} s after")

        counts = {
            status: event.registrations.filter(status=status).count()
            for status in RegistrationStatus.values
        }
        print("\nFinal registrations")
        for status, count in counts.items():
            print(f"  {status:<12} {count}")

        share = (len(jobs) / wall) / limit_rate
        print(
            f"\nShare of the limit: {len(jobs) / wall:.1f} / {limit_rate:.1f} req/s"
            f" = {share:.1%} (target >= {args.share_target:.0%}); registration p95 "
            f"{percentile(latencies, 0.95) * 1000:.0f} ms"
        )
        # The same comparison in CPU, which the other work on a shared machine moves less than
        # requests per second: what answering one costs (see ANSWERING), limit over registration.
        per_limit = sum(b_cpu.get(g, 0) + b2_cpu.get(g, 0) for g in ANSWERING) / (2 * args.requests)
        per_registration = sum(cpu.get(g, 0) for g in ANSWERING) / len(jobs)
        print(
            f"CPU to answer one: {per_registration * 1000:.1f} ms per registration, "
            f"{per_limit * 1000:.1f} ms per minimal POST = {per_limit / per_registration:.1%} "
            "(the share an otherwise idle machine would show if CPU is the bound)"
        )
        ok = (
            not errors
            and not c_errors
            and not b_errors
            and counts[RegistrationStatus.CONFIRMED] == min(args.seats, args.requests)
            and counts[RegistrationStatus.PENDING] == 0
            and counts[RegistrationStatus.WAITLISTED] == max(args.requests - args.seats, 0)
            and share >= args.share_target
        )
        print(
            f"Target (exact seats, no errors, share >= {args.share_target:.0%}): "
            f"{'MET' if ok else 'MISSED'}"
        )
        return 0 if ok else 1
    finally:
        for process in (server, worker):
            if process:
                process.terminate()
                process.wait(timeout=15)
        if not args.keep:
            event.delete()
            warmup_event.delete()
            with connection.cursor() as cursor:
                cursor.execute("DROP TABLE IF EXISTS bench_insert")


if __name__ == "__main__":
    sys.exit(main())
