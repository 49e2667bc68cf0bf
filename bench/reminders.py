"""Bench: N due reminders through Redis and one Celery worker into a local SMTP sink.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes_reminders \\
    TEST_REDIS_URL=redis://127.0.0.1:6379/13 \\
    .venv/bin/python bench/reminders.py [--count 10000] [--concurrency 8]

Run from the project root. Creates one event with N confirmed registrations whose 1-day
reminder is due, runs one sweep (plan, claim, queue in batches of 100) against the real Redis
broker, and counts what arrives at an aiosmtpd sink running in a process of its own
(bench/smtp_sink.py). Prints the time to enqueue, the time until the last email arrived, emails
per second, duplicates, missing and unexpected addresses (all must be 0, counted by the sink),
and CPU milliseconds per message of the worker, the sink and the sweep. The bench rows are
deleted afterwards. Without DATABASE_URL it uses a SQLite file in the temp directory.

The limit it is held to is measured in the same run, once before and once after the reminders,
into the same sink: a plain smtplib loop pushes N pre-rendered copies of a real reminder (built
by our code for one of the run's registrations) to distinct addresses, one connection per 100
messages. The ratio to the mean of the two limit rates is printed; target >= 50 %, with 0
duplicates and 0 missing on both sides. Each email waits for one durable commit (its sent mark,
see bench/RESULTS.md), so the worker's --concurrency matters more than its CPU.
"""

import argparse
import os
import smtplib
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from cputime import CpuMeter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.worker_settings")
os.environ.setdefault(
    "DATABASE_URL", f"sqlite:///{Path(tempfile.gettempdir()) / 'kardes40-bench.sqlite3'}"
)
os.environ.setdefault("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")

SLUG = "bench-reminders"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument(
        "--concurrency", type=int, default=8, help="worker processes (prefork; production runs 8)"
    )
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--ratio-target", type=float, default=0.50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from bench.smtp_sink import ProcessSink
    from events.models import Event, Registration, ReminderDelivery
    from events.services import reminders
    from tests.factories import EventFactory, RegistrationFactory
    from tests.reminder_live import (
        LiveBroker,
        Worker,
        clear_broker,
        database_url,
        redis_reachable,
    )

    redis_url = settings.TEST_REDIS_URL
    if not redis_reachable(redis_url):
        print(f"Redis is not reachable at {redis_url}", file=sys.stderr)
        return 2
    call_command("migrate", verbosity=0)
    Event.objects.filter(slug=SLUG).delete()
    clear_broker(redis_url)

    event = EventFactory(
        slug=SLUG,
        title="Bench: İzmir–Bakü evening",
        start=timezone.now() + timedelta(hours=23),
        capacity=None,
        reminder_offsets=[24 * 60],
    )
    confirmed = timezone.now() - timedelta(days=30)
    Registration.objects.bulk_create(
        RegistrationFactory.build_batch(
            args.count,
            event=event,
            confirmed_at=confirmed,
            email=__import__("factory").Sequence(lambda n: f"bench{n}@example.org"),
        ),
        batch_size=2000,
    )
    print(
        f"{args.count} due reminders; {connection.vendor}; broker {redis_url}; "
        f"worker prefork -c {args.concurrency}"
    )

    expected = {f"bench{n}@example.org" for n in range(args.count)}
    with ProcessSink() as sink:
        # The limit first, once before and once after the reminders: the machine is shared,
        # and the mean of the two is fairer to both sides than one figure taken at one moment.
        sample = build_sample_message(event)
        limit_meter = CpuMeter({"smtp sink": sink.process.pid}, {})
        limit_cpu = []
        limit_runs = [plain_smtp_loop(sink, sample, args.count, limit_meter, limit_cpu)]
        env = {
            "DATABASE_URL": database_url(connection.settings_dict, connection.vendor),
            "TEST_REDIS_URL": redis_url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
        }
        worker = Worker(env=env, pool="prefork", concurrency=args.concurrency, name="bench")
        with worker, LiveBroker(redis_url):
            meter = CpuMeter({"worker": worker.process.pid, "smtp sink": sink.process.pid}, {})
            before = meter.read()
            started = time.perf_counter()
            result = reminders.sweep()
            enqueued = time.perf_counter() - started
            delivered = sink.wait_for(args.count, timeout=args.timeout)
            elapsed = time.perf_counter() - started
            after = meter.read()
            # Anything sent twice would arrive within moments of the last first copy.
            time.sleep(2)
            received = sink.received()
        duplicates = sum(count - 1 for count in received.values())
        missing = len(expected - received.keys())
        unexpected = len(received.keys() - expected)
        sent_rows = ReminderDelivery.objects.filter(event=event, state="sent").count()
        sink.reset()
        limit_runs.append(plain_smtp_loop(sink, sample, args.count, limit_meter, limit_cpu))

    print(f"planned and claimed: {result.claimed} in {result.batches} batches")
    print(f"time to enqueue:     {enqueued:.2f} s")
    print(f"time to deliver all: {elapsed:.2f} s{'' if delivered else ' (TIMED OUT)'}")
    print(f"emails per second:   {len(received) / elapsed:.0f}")
    print(f"duplicates:          {duplicates}")
    print(f"missing:             {missing}")
    if unexpected:
        print(f"unexpected:          {unexpected}")
    print(f"rows marked sent:    {sent_rows}")
    if os.environ.get("BENCH_WORKER_LOG"):
        print(worker.log())
    print_cpu("reminders", before, after, args.count, client="sweep (bench process)")

    print(f"\nlimit (smtplib loop): {len(sample)} bytes a message, {args.count} a run")
    limit_ok = True
    for when, (limit_received, limit_elapsed) in zip(("before", "after"), limit_runs, strict=True):
        limit_duplicates = sum(count - 1 for count in limit_received.values())
        limit_missing = args.count - len(limit_received)
        limit_ok = limit_ok and limit_duplicates == 0 and limit_missing == 0
        print(
            f"limit {when}:        {args.count / limit_elapsed:.0f}/s in {limit_elapsed:.2f} s "
            f"(duplicates {limit_duplicates}, missing {limit_missing})"
        )
    for n, (before, after) in enumerate(limit_cpu):
        print_cpu(f"limit {('before', 'after')[n]}", before, after, args.count, "smtplib loop")
    limit_rate = sum(args.count / seconds for _, seconds in limit_runs) / len(limit_runs)
    rate = len(received) / elapsed
    print(f"limit per second:    {limit_rate:.0f} (mean of the two)")
    ratio = rate / limit_rate if limit_rate else 0.0
    print(f"share of the limit:  {ratio:.1%} (target >= {args.ratio_target:.0%})")
    Event.objects.filter(pk=event.pk).delete()
    clear_broker(redis_url)
    ok = (
        delivered
        and duplicates == missing == unexpected == 0
        and limit_ok
        and ratio >= args.ratio_target
    )
    print(
        f"target (0 duplicates, 0 missing, share >= {args.ratio_target:.0%}): "
        f"{'MET' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


def build_sample_message(event) -> bytes:
    """A 1-day reminder to one of this run's registrations as our code builds it (an unsaved
    row), as bytes on the wire: CRLF line ends, as Django's SMTP backend sends it."""
    from events.services.reminders.messages import build_delivery_message  # noqa: PLC0415
    from events.services.reminders.plan import registration_recipient  # noqa: PLC0415

    registration = event.registrations.first()
    delivery = registration_recipient(registration).row(
        kind="delegate_reminder",
        subject_key="bench:sample",
        due_at=event.start,
        event=event,
        offset=24 * 60,
    )
    delivery.pk = 0
    return build_delivery_message(delivery).message().as_bytes(linesep="\r\n")


def print_cpu(what: str, before: dict, after: dict, count: int, client: str) -> None:
    """CPU milliseconds per message by process group between two CpuMeter readings.

    "everything else" is the machine's busy time not spent by the groups measured: PostgreSQL
    and Redis, but also whatever other work the machine was doing at the time."""
    wall = after["_wall"] - before["_wall"]
    machine = after["_machine"] - before["_machine"]
    used = {k: after[k] - before[k] for k in before if not k.startswith("_")}
    used[client] = used.pop("bench client")
    used["everything else"] = max(machine - sum(used.values()), 0.0)
    parts = ", ".join(f"{label} {1000 * sec / count:.2f}" for label, sec in used.items())
    print(
        f"CPU {what}: {1000 * machine / count:.2f} ms a message ({parts}); "
        f"{machine / wall:.2f} of {os.cpu_count()} cores busy"
    )


def plain_smtp_loop(
    sink, raw: bytes, count: int, meter=None, readings=None, per_connection: int = 100
):
    """Push `count` copies of `raw` to distinct recipients; return (received, seconds).

    Counts come from the sink, which is reset first; the time runs until the sink has them all.
    With a CpuMeter, appends its readings (before, after) to `readings`.
    """
    sink.reset()
    before = meter.read() if meter else None
    started = time.perf_counter()
    for first in range(0, count, per_connection):
        with smtplib.SMTP("127.0.0.1", sink.port) as smtp:
            for n in range(first, min(first + per_connection, count)):
                smtp.sendmail("noreply@izazder.org", [f"limit{n}@example.org"], raw)
    sink.wait_for(count, timeout=60)
    elapsed = time.perf_counter() - started
    if meter:
        readings.append((before, meter.read()))
    received = sink.received()
    sink.reset()
    return received, elapsed


if __name__ == "__main__":
    sys.exit(main())
