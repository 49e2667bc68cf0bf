"""Bench: the year report for a year of 2,000 events and 50,000 registrations.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes40_bench \\
    .venv/bin/python bench/report.py [--events 2000] [--registrations 50000] [--year 2031]

Run from the project root. Bulk-creates the year (events of every kind and state in eight
cities, registrations in every state from 40 countries, visits, meetings with outcomes and
organizations, podcast episodes), then times, as a board member through Django's test client:
the report page, the same page for an empty year (the fixed cost: charts, templates), the board
dashboard as a familiar baseline, the PDF, and the largest export. Each page is timed --repeat
times and the median is printed, with the CPU time of this process, its query count, and the
load average before and after. The bench rows are deleted afterwards. The freshly loaded tables
are ANALYZEd first, as autovacuum keeps a live database (--no-analyze measures without).
Without DATABASE_URL it uses a SQLite file in the temp directory.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault(
    "DATABASE_URL", f"sqlite:///{Path(tempfile.gettempdir()) / 'kardes40-bench-report.sqlite3'}"
)

PREFIX = "bench-report-"
CITIES = ["İzmir", "Bakü", "Gəncə", "Ankara", "İstanbul", "Şuşa", "Sumqayıt", "Manisa"]
COUNTRIES = [
    "AZ", "TR", "DE", "FR", "GB", "US", "GE", "KZ", "UZ", "IT", "NL", "RU", "UA", "PL", "IR",
    "IQ", "SE", "NO", "FI", "DK", "ES", "PT", "BE", "AT", "CH", "CZ", "HU", "RO", "BG", "GR",
    "CY", "IL", "EG", "SA", "AE", "QA", "JP", "CN", "KR", "CA",
]  # fmt: skip


def build(*, year: int, events: int, registrations: int, seed: int = 40) -> None:
    from django.utils import timezone

    from contacts.models import DelegationVisit, Meeting, Organization, Source
    from events.enums import (
        DatePrecision,
        EpisodeStatus,
        EventKind,
        EventStatus,
        RegistrationStatus,
    )
    from events.models import Event, PodcastEpisode, PodcastSeries, Registration, Venue

    rng = random.Random(seed)
    izmir = ZoneInfo("Europe/Istanbul")
    venues = Venue.objects.bulk_create(
        [Venue(name=f"{PREFIX}hall {i}", city=CITIES[i % len(CITIES)]) for i in range(40)]
    )
    statuses = (
        [EventStatus.CONFIRMED] * 6
        + [EventStatus.DONE] * 2
        + [
            EventStatus.PLANNED,
            EventStatus.IDEA,
            EventStatus.CANCELLED,
        ]
    )
    made = []
    for number in range(events):
        start = datetime(year, 1, 1, 9, tzinfo=izmir) + timedelta(
            days=rng.randrange(365), hours=rng.randrange(12)
        )
        undated = number % 25 == 0
        made.append(
            Event(
                title=f"Bench event {number}",
                slug=f"{PREFIX}{number}",
                kind=rng.choice(EventKind.values),
                status=rng.choice(statuses),
                venue=None if undated else rng.choice(venues),
                start=start.replace(day=1, hour=0) if undated else start,
                end=(start.replace(day=1, hour=0) + timedelta(days=28))
                if undated
                else start + timedelta(hours=3),
                date_precision=DatePrecision.MONTH if undated else DatePrecision.EXACT,
                capacity=None,
            )
        )
    made = Event.objects.bulk_create(made, batch_size=500)
    consent = timezone.now()
    states = [RegistrationStatus.CONFIRMED] * 7 + [
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.CANCELLED,
        RegistrationStatus.PENDING,
        RegistrationStatus.EXPIRED,
    ]
    rows = []
    for number in range(registrations):
        event = made[number % len(made)]
        status = rng.choice(states)
        confirmed = status == RegistrationStatus.CONFIRMED
        rows.append(
            Registration(
                event=event,
                full_name=f"Bench delegate {number}",
                # About three registrations per delegate over the year.
                email=f"{PREFIX}{number % (registrations // 3 or 1)}-{number}@example.org",
                country=rng.choice(COUNTRIES[: rng.choice([3, 10, 40])]),
                language=rng.choice(["tr", "az", "en"]),
                consent_at=consent,
                status=status,
                confirmed_at=event.start - timedelta(days=2) if confirmed else None,
                attended_at=event.start if confirmed and rng.random() < 0.7 else None,
            )
        )
    Registration.objects.bulk_create(rows, batch_size=2000)
    organizations = Organization.objects.bulk_create(
        [
            Organization(
                name=f"{PREFIX}organization {i}",
                country=rng.choice(COUNTRIES[:10]),
                kind=rng.choice(["association", "municipality", "business", "university"]),
                search_name=f"{PREFIX}organization {i}",
                sort_name_tr=f"{PREFIX}organization {i:04d}",
            )
            for i in range(300)
        ]
    )
    source = Source.objects.create(headline=f"{PREFIX}article", language="tr")
    visits = DelegationVisit.objects.bulk_create(
        [
            DelegationVisit(
                title=f"{PREFIX}visit {i}",
                origin_city=rng.choice(CITIES),
                destination_city=rng.choice(CITIES),
                start_date=date(year, 1, 1) + timedelta(days=rng.randrange(365)),
            )
            for i in range(200)
        ]
    )
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                visit=visits[i % len(visits)],
                title=f"{PREFIX}meeting {i}",
                date=date(year, 1, 1) + timedelta(days=rng.randrange(365)),
                outcomes=f"Protocol {i} signed" if i % 3 == 0 else "",
                host_organization=rng.choice(organizations),
            )
            for i in range(400)
        ]
    )
    through = Meeting.organizations.through
    through.objects.bulk_create(
        [
            through(meeting=meeting, organization=organization)
            for meeting in meetings
            for organization in rng.sample(organizations, 3)
        ]
    )
    Meeting.sources.through.objects.bulk_create(
        [Meeting.sources.through(meeting=m, source=source) for m in meetings if m.outcomes]
    )
    series = PodcastSeries.objects.create(title=f"{PREFIX}series", slug=f"{PREFIX}series")
    PodcastEpisode.objects.bulk_create(
        [
            PodcastEpisode(
                series=series,
                number=i + 1,
                title=f"Episode {i}",
                status=EpisodeStatus.PUBLISHED,
                published_on=date(year, 1, 1) + timedelta(days=7 * i),
            )
            for i in range(50)
        ]
    )


def clean() -> None:
    from auditlog.context import disable_auditlog

    # Bench rows need no audit trail; logging each deleted row would take minutes.
    with disable_auditlog():
        _delete_bench_rows()


def _delete_bench_rows() -> None:
    from contacts.models import DelegationVisit, Organization, Source
    from events.models import Event, PodcastSeries, Venue

    Event.objects.filter(slug__startswith=PREFIX).delete()  # registrations cascade
    Venue.objects.filter(name__startswith=PREFIX).delete()
    DelegationVisit.objects.filter(title__startswith=PREFIX).delete()  # meetings cascade
    Organization.objects.filter(name__startswith=PREFIX).delete()
    Source.objects.filter(headline__startswith=PREFIX).delete()
    PodcastSeries.objects.filter(slug__startswith=PREFIX).delete()


def analyze(connection) -> None:
    """Planner statistics for the freshly bulk-loaded tables, as autovacuum keeps them on a live
    database (it analyzes a table once a tenth of it changed). Without them PostgreSQL plans
    for one row per table, and nested loops over 50,000 registrations cost 3-4 times the SQL
    time a live database spends."""
    from contacts.models import DelegationVisit, Meeting, Organization, Outcome
    from events.models import Event, PodcastEpisode, Registration, Venue

    filled = [Event, Venue, Registration, PodcastEpisode, DelegationVisit, Meeting, Organization]
    tables = [model._meta.db_table for model in [*filled, Outcome]]
    tables.append(Meeting.organizations.through._meta.db_table)
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def timed(client, url: str, repeat: int) -> tuple[float, float, int, int]:
    """(median seconds, median CPU seconds of this process, queries, bytes) of GET url.

    The CPU time is Django's own work (PostgreSQL's is in its processes): on a shared machine
    it moves much less with the load than the wall-clock time does.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu, queries, size = [], [], 0, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200, (url, response.status_code)
        queries, size = len(captured.captured_queries), len(response.content)
    return statistics.median(times), statistics.median(cpu), queries, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--registrations", type=int, default=50_000)
    parser.add_argument("--year", type=int, default=2031, help="a year no real data is in")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="leave the year in the database")
    parser.add_argument(
        "--no-analyze",
        action="store_true",
        help="skip ANALYZE after the bulk load (the planner then guesses one row per table)",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tests.factories import BoardMemberFactory

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    from events.models import Event

    started = time.perf_counter()
    if not (args.keep and Event.objects.filter(slug__startswith=PREFIX).exists()):
        clean()
        build(year=args.year, events=args.events, registrations=args.registrations)
    if not args.no_analyze:
        analyze(connection)
    print(
        f"{args.events} events, {args.registrations} registrations in {args.year}; "
        f"{connection.vendor}; built in {time.perf_counter() - started:.1f} s; "
        f"planner statistics {'left as they are' if args.no_analyze else 'refreshed'}"
    )
    member = BoardMemberFactory(username=f"{PREFIX}member")
    client = Client(HTTP_ACCEPT_LANGUAGE="tr")
    client.force_login(member)
    report = reverse("board:report", kwargs={"year": args.year})
    empty = reverse("board:report", kwargs={"year": args.year + 1})
    pages = [
        ("report page, full year", report, args.repeat),
        ("report page, empty year", empty, args.repeat),
        ("board dashboard (baseline)", reverse("board:dashboard"), args.repeat),
        ("PDF of the full year", reverse("board:report_pdf", kwargs={"year": args.year}), 1),
        (
            "export: participation by event (.xlsx)",
            reverse(
                "board:report_export",
                kwargs={"year": args.year, "table": "participation-by-event", "fmt": "xlsx"},
            ),
            args.repeat,
        ),
    ]
    print(f"load average at the start: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    try:
        client.get(report)  # warm: imports, templates, translations
        results = [(name, *timed(client, url, repeat)) for name, url, repeat in pages]
    finally:
        member.delete()
        if not args.keep:
            clean()
    print(f"load average at the end: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    print("| what | median | CPU (Django) | queries | size |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, seconds, cpu, queries, size in results:
        print(f"| {name} | {seconds:.2f} s | {cpu:.2f} s | {queries} | {size / 1024:.0f} KiB |")
    full, empty_year, dashboard = results[0][1], results[1][1], results[2][1]
    print(
        f"report / empty-year report: {full / empty_year:.1f}×; report / dashboard: {full / dashboard:.1f}×"
    )
    return 0 if full < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
