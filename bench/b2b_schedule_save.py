"""Bench: writing a B2B schedule to the database, the bulk path against per-row saves.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes40_<yours> \\
    .venv/bin/python bench/b2b_schedule_save.py [--participants 200] [--requests 1000] [--runs 5]

Run from the project root. Creates one business forum with 200 participants (half from each
country), 1,000 accepted requests between random pairs, two sessions of 12 slots with 40 tables
and 5 % of each participant's slots closed (the input of bench/b2b_scheduler.py, seed 40), then
times, in the same run and on the same placements:

- write, per-row save: one Meeting.objects.create() per placed meeting (the naive baseline);
- write, bulk: one bulk_create of all of them (what events/b2b/schedule.py does);
- run_scheduler(), first run: lock, read requests, meetings and closed slots, plan, write;
- run_scheduler(), again with nothing changed: the same plan, nothing written.

Each write is one transaction and is rolled back to an empty schedule before the next. The
bench event is deleted afterwards. Without DATABASE_URL it uses a SQLite file in the temp
directory (the figures in bench/RESULTS.md are PostgreSQL's).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault(
    "DATABASE_URL", f"sqlite:///{Path(tempfile.gettempdir()) / 'kardes40-bench.sqlite3'}"
)

SLUG = "bench-b2b-schedule"


def _median(durations: list[float]) -> str:
    return f"{statistics.median(durations):.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--tables", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=40)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from events.b2b.models import ClosedSlot, Meeting, MeetingRequest, MeetingSession, Participant
    from events.b2b.schedule import run_scheduler
    from events.b2b.services import enable_matchmaking
    from events.enums import EventKind, RegistrationStatus
    from events.models import Event, Registration
    from tests.factories import EventFactory

    call_command("migrate", verbosity=0)
    Event.objects.filter(slug=SLUG).delete()
    rng = random.Random(args.seed)
    now = timezone.now()
    start = (now + timedelta(days=30)).replace(hour=6, minute=0, second=0, microsecond=0)
    event = EventFactory(
        slug=SLUG,
        title="Bench: İzmir–Bakü business forum",
        kind=EventKind.BUSINESS_FORUM,
        start=start,
        end=start + timedelta(days=1, hours=6),
        capacity=None,
    )
    enable_matchmaking(event=event)
    registrations = Registration.objects.bulk_create(
        Registration(
            event=event,
            full_name=f"Participant {n}",
            email=f"bench-b2b-{n}@example.org",
            country="AZ" if n % 2 else "TR",
            consent_at=now,
            created_at=now,
            confirmed_at=now,
            status=RegistrationStatus.CONFIRMED,
        )
        for n in range(args.participants)
    )
    participants = Participant.objects.bulk_create(
        Participant(
            event=event,
            registration=registration,
            organization_name=f"Company {n}",
            sector="trade",
            country=registration.country,
            city="Bakü" if n % 2 else "İzmir",
            languages="az,en",
            offer="Logistics",
            need="Partners",
        )
        for n, registration in enumerate(registrations)
    )
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < args.requests:
        a, b = rng.sample(range(args.participants), 2)
        pairs.add((min(a, b), max(a, b)))
    MeetingRequest.objects.bulk_create(
        MeetingRequest(
            event=event,
            requester=participants[a],
            recipient=participants[b],
            reason="Bench",
            status="accepted",
            created_at=now,
            expires_at=now + timedelta(days=2),
            answered_at=now,
        )
        for a, b in sorted(pairs)
    )
    sessions = [
        MeetingSession.objects.create(
            event=event,
            start=day_start,
            end=day_start + timedelta(hours=4),
            slot_minutes=20,
            tables=args.tables,
        )
        for day_start in (start, start + timedelta(days=1))
    ]
    closed = [
        ClosedSlot(participant=p, session=s, starts_at=slot)
        for p in participants
        for s in sessions
        for slot in s.slot_starts()
        if rng.random() < 0.05
    ]
    ClosedSlot.objects.bulk_create(closed)

    # The placements to write: the scheduler's own, captured from one run and then removed.
    report = run_scheduler(event=event)
    placed = list(Meeting.objects.filter(session__event=event).values())
    Meeting.objects.filter(session__event=event).delete()
    print(
        f"{args.participants} participants, {args.requests} accepted requests, "
        f"{sum(len(s.slot_starts()) for s in sessions)} slots × {args.tables} tables, "
        f"{len(closed)} closed slots; {report.placed} meetings placed; {connection.vendor}; "
        f"{args.runs} runs each"
    )

    def fresh_meetings():
        return [
            Meeting(
                request_id=row["request_id"],
                session_id=row["session_id"],
                starts_at=row["starts_at"],
                table=row["table"],
            )
            for row in placed
        ]

    def per_row():
        with transaction.atomic():
            for meeting in fresh_meetings():
                meeting.save()

    def bulk():
        with transaction.atomic():
            Meeting.objects.bulk_create(fresh_meetings())

    def clear():
        Meeting.objects.filter(session__event=event).delete()

    def first_run():
        run_scheduler(event=event)

    def timed(function, *, before=None):
        durations = []
        for _ in range(args.runs):
            if before:
                before()
            started = time.perf_counter()
            function()
            durations.append(time.perf_counter() - started)
        return durations

    rows = [
        ("write, per-row save (baseline)", timed(per_row, before=clear)),
        ("write, bulk_create (the path used)", timed(bulk, before=clear)),
        ("run_scheduler(), first run", timed(first_run, before=clear)),
    ]
    first_run()
    rows.append(("run_scheduler(), again with nothing changed", timed(first_run)))
    count = Meeting.objects.filter(session__event=event).count()
    print("| what | median s | max s |")
    print("| --- | ---: | ---: |")
    for name, durations in rows:
        print(f"| {name} | {_median(durations)} | {max(durations):.3f} |")
    print(f"meetings on record after the runs: {count} (placed: {report.placed})")
    Event.objects.filter(slug=SLUG).delete()
    return 0 if count == report.placed else 1


if __name__ == "__main__":
    sys.exit(main())
