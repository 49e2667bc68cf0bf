"""Profile: where one process spends its time planning, claiming, building and sending reminders.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes40_h6 \\
    .venv/bin/python bench/reminders_profile.py [--count 2000] [--top 25] [--phase send]

Run from the project root. The same rows as bench/reminders.py (one event, N confirmed
registrations, the 1-day reminder due), but every phase runs in this process, one after the
other, into a sink in a process of its own (bench/smtp_sink.py): planning (plan_reminders),
claiming (claim_due in batches of 100) and sending (send_batch per claim). Prints per phase the
wall time and this process's CPU time (less noisy on a shared machine than wall time), per row,
and, for the phase named by --phase, the functions cProfile finds most expensive (cumulative).
"""

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.worker_settings")
os.environ.setdefault(
    "DATABASE_URL", f"sqlite:///{Path(tempfile.gettempdir()) / 'kardes40-bench.sqlite3'}"
)

SLUG = "bench-reminders-profile"


class Phase:
    def __init__(self, name: str, rows: int, profile: bool):
        self.name, self.rows = name, rows
        self.profiler = cProfile.Profile() if profile else None

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        if self.profiler:
            self.profiler.enable()
        return self

    def __exit__(self, *exc):
        if self.profiler:
            self.profiler.disable()
        wall, cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
        print(
            f"{self.name:<9} {wall:7.2f} s wall {cpu:7.2f} s CPU  "
            f"{1000 * wall / self.rows:6.3f} / {1000 * cpu / self.rows:6.3f} ms a row"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--phase", choices=["plan", "claim", "send"], default="send")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--no-send", action="store_true", help="plan and claim only")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings
    from django.utils import timezone

    from bench.smtp_sink import ProcessSink
    from events.models import Event, Registration
    from events.services import reminders
    from tests.factories import EventFactory, RegistrationFactory

    call_command("migrate", verbosity=0)
    Event.objects.filter(slug=SLUG).delete()
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
            email=__import__("factory").Sequence(lambda n: f"profile{n}@example.org"),
        ),
        batch_size=2000,
    )
    now = timezone.now()
    profiled = {}
    try:
        with ProcessSink() as sink, override_settings(EMAIL_HOST="127.0.0.1", EMAIL_PORT=sink.port):
            with Phase("plan", args.count, args.phase == "plan") as phase:
                planned = reminders.plan_reminders(event=event, now=now)
            profiled["plan"] = phase.profiler
            claims = []
            with Phase("claim", args.count, args.phase == "claim") as phase:
                while claim := reminders.claim_due(now=now):
                    if not claim.delivery_ids:
                        break
                    claims.append(claim)
            profiled["claim"] = phase.profiler
            sent = 0
            if not args.no_send:
                with Phase("send", args.count, args.phase == "send") as phase:
                    sent = sum(
                        reminders.send_batch(delivery_ids=c.delivery_ids, claim=c.token).sent
                        for c in claims
                    )
                profiled["send"] = phase.profiler
            arrived = sink.wait_for(sent, timeout=30)
            received = sink.received()
        print(
            f"planned {planned.planned}, claimed {sum(len(c.delivery_ids) for c in claims)} in "
            f"{len(claims)} batches, sent {sent}, at the sink {len(received)} "
            f"(duplicates {sum(n - 1 for n in received.values())}){'' if arrived else ' LATE'}"
        )
    finally:
        Event.objects.filter(pk=event.pk).delete()
    print()
    if profiled.get(args.phase) is None:
        return 0
    stats = pstats.Stats(profiled[args.phase]).sort_stats(args.sort)
    stats.print_stats(args.top)
    if os.environ.get("BENCH_CALLERS"):
        stats.print_callers(os.environ["BENCH_CALLERS"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
