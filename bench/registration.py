"""Registration under load: N registrations for an event with S seats, against a real server.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes_public \
        python bench/registration.py [--requests 200] [--seats 50] [--concurrency 20]

Starts gunicorn (2 gthread workers x 8 threads, loopback only) on the given PostgreSQL database,
with Redis (its own database number) as cache and Celery broker and one Celery worker that
builds and "sends" the emails (locmem backend: built in full, not delivered), as production
runs it (--no-celery sends them inside the request instead). It creates a bench event, and sends the registration POSTs through the real view: each client
thread first GETs the form, as a browser does, for the CSRF cookie and token, then posts
registrations with unique emails. Phase two confirms every pending seat through the real
confirm link. Prints throughput, p50/p95 latency, the final counts and every error, and exits
non-zero when a target is missed. The bench event and its registrations are deleted at the end
(--keep to look at them). See bench/RESULTS.md for the figures and the options.
"""

import argparse
import http.client
import os
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
            conn.request("GET", "/program/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"Server at {base} did not answer within {timeout:.0f} s")


class Browser:
    """One keep-alive connection, CSRF cookie and token per client thread."""

    def __init__(self, base: str, form_path: str):
        parts = urlsplit(base)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.conn.request("GET", form_path, headers={"Accept-Language": "en"})
        response = self.conn.getresponse()
        html = response.read().decode()
        cookie = response.getheader("Set-Cookie", "")
        self.cookie = cookie.split(";", 1)[0]
        match = CSRF_INPUT.search(html)
        if response.status != 200 or not match or not self.cookie.startswith("csrftoken="):
            raise RuntimeError(f"could not load the form {form_path}: {response.status}")
        self.token = match.group(1)

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


def run_phase(base, form_path, jobs, concurrency):
    """Run (path, data, ok_location_part) jobs; return latencies, errors, wall time."""
    local = threading.local()
    latencies, errors = [], []
    lock = threading.Lock()

    def one(job):
        path, data, expected = job
        try:
            if not hasattr(local, "browser"):
                local.browser = Browser(base, form_path)
            status, location, seconds = local.browser.post(path, data)
        except (OSError, http.client.HTTPException, RuntimeError) as exc:
            with lock:
                errors.append(f"{path}: {exc!r}")
            return
        with lock:
            latencies.append(seconds)
            if status != 302 or expected not in location:
                errors.append(f"{path}: HTTP {status} {location}")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, jobs))
    return latencies, errors, time.perf_counter() - started


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
    parser.add_argument("--concurrency", type=int, default=20, help="client threads in flight")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--url", help="use this running server (same DATABASE_URL and secret)")
    parser.add_argument("--keep", action="store_true", help="keep the bench event afterwards")
    parser.add_argument(
        "--warmup", type=int, default=40, help="unmeasured registrations to another event first"
    )
    parser.add_argument("--p95-target-ms", type=float, default=500)
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/13",
        help="Redis for cache and broker; a database of its own, flushed at the start",
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
    setup_django()
    from django.core.management import call_command
    from django.utils import timezone

    from events.enums import RegistrationStatus
    from events.models import Event, Venue
    from events.tokens import SELF_SERVICE, make_token

    call_command("migrate", interactive=False, verbosity=0)
    # DEBUG is off, as in production: pages need the static manifest.
    call_command("collectstatic", interactive=False, verbosity=0)
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
        form_path = f"/events/{event.slug}/register/"

        if args.warmup:
            # Not measured: first requests load templates, translations and connections in
            # every server thread, and the Celery worker finishes booting.
            warm_path = f"/events/{warmup_event.slug}/register/"
            warm_jobs = [
                (warm_path, _form(f"warmup-{stamp}-{i}", i), "/register/thanks/")
                for i in range(args.warmup)
            ]
            _l, warm_errors, _w = run_phase(base, warm_path, warm_jobs, args.concurrency)
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
        latencies, errors, wall = run_phase(base, form_path, jobs, args.concurrency)
        report("Phase 1: registration POSTs", latencies, errors, wall, len(jobs))
        if worker:
            print(f"  emails       queue drained {wait_for_queue(args.redis):.2f} s after")

        pending = list(event.registrations.pending())
        confirm_jobs = [
            (
                f"/registrations/{r.pk}/{make_token(r, purpose=SELF_SERVICE)}/confirm/",
                {},
                "/registrations/",
            )
            for r in pending
        ]
        c_latencies, c_errors, c_wall = run_phase(base, form_path, confirm_jobs, args.concurrency)
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

        p95_ms = percentile(latencies, 0.95) * 1000
        ok = (
            not errors
            and not c_errors
            and counts[RegistrationStatus.CONFIRMED] == min(args.seats, args.requests)
            and counts[RegistrationStatus.PENDING] == 0
            and counts[RegistrationStatus.WAITLISTED] == max(args.requests - args.seats, 0)
            and p95_ms < args.p95_target_ms
        )
        print(
            f"\nTarget (exact seats, no errors, p95 < {args.p95_target_ms:.0f} ms): "
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


if __name__ == "__main__":
    sys.exit(main())
