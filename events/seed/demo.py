"""The demo program: upcoming sample events in both cities, kept apart from the facts.

Every row it writes carries `is_demo=True` (venues, events, registrations) and a seed key starting
with "demo:", so it is marked as an example on every page and removed with one command.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from contacts.enums import Language
from events.b2b import demo as b2b_demo
from events.enums import DatePrecision, EventKind, EventStatus, RegistrationStatus
from events.models import Event, Registration, Venue
from events.pageversion import bump_page_version
from events.timezones import BAKU, IZMIR

from .loader import LoadReport, load_records
from .records import Record, Ref

DEMO_KEY_PREFIX = "demo:"

VENUES = {
    IZMIR: Record(
        "demo:venue:izmir",
        Venue,
        {
            "name": "Örnek salon, Alsancak (demo)",
            "address": "Örnek adres, Alsancak",
            "city": "İzmir",
            "country": "TR",
            "time_zone": IZMIR,
            "capacity": 150,
            "is_demo": True,
        },
    ),
    BAKU: Record(
        "demo:venue:baku",
        Venue,
        {
            "name": "Örnek salon, İçerişehir (demo)",
            "address": "Örnek adres, İçerişehir",
            "city": "Bakü",
            "country": "AZ",
            "time_zone": BAKU,
            "capacity": 120,
            "is_demo": True,
        },
    ),
}

DESCRIPTION = (
    "Kardeş 40'ı denemek için örnek bir etkinlik: kayıt olun, doluluk oranına ve bekleme "
    "listesine bakın, yönetim panelinde üzerinde değişiklik yapın. Gerçek programın parçası "
    "değildir."
)


@dataclass(frozen=True)
class DemoEvent:
    key: str
    title: str
    kind: str
    zone: str
    days_ahead: int
    starts_at: time
    hours: float
    capacity: int
    confirmed: int = 0
    pending: int = 0
    waitlisted: int = 0
    # Running now (started an hour ago), so check-in at the door can be tried: the first
    # `checked_in` confirmed delegates are already in, the others not yet arrived.
    running: bool = False
    checked_in: int = 0


# Two running today (one in each city's zone) for the door; the others two to eight weeks ahead,
# so reminders, registration and the calendar all have something to show.
EVENTS = [
    DemoEvent(
        "izmir-reception-today",
        "Örnek: Bugün İzmir'de karşılama resepsiyonu",
        EventKind.OTHER,
        IZMIR,
        0,
        time(0, 0),
        4,
        30,
        confirmed=12,
        running=True,
        checked_in=5,
    ),
    DemoEvent(
        "baku-roundtable-today",
        "Örnek: Bugün Bakü'de yuvarlak masa",
        EventKind.CONFERENCE,
        BAKU,
        0,
        time(0, 0),
        4,
        25,
        confirmed=8,
        running=True,
        checked_in=3,
    ),
    DemoEvent(
        "tea-and-poetry-evening",
        "Örnek: Azerbaycan çayı ve şiir akşamı",
        EventKind.CULTURAL_FESTIVAL,
        IZMIR,
        15,
        time(19, 0),
        2.5,
        20,
        confirmed=20,
        waitlisted=3,
    ),
    DemoEvent(
        "business-breakfast",
        "Örnek: İzmir–Bakü iş kahvaltısı",
        EventKind.B2B_MEETING,
        BAKU,
        20,
        time(9, 30),
        2,
        40,
        confirmed=12,
        pending=2,
    ),
    DemoEvent(
        "youth-volunteering-workshop",
        "Örnek: Gençlik gönüllülüğü atölyesi",
        EventKind.YOUTH_PROGRAM,
        IZMIR,
        27,
        time(14, 0),
        3,
        60,
    ),
    DemoEvent(
        "podcast-live-recording",
        "Örnek: Canlı izleyiciyle podcast kaydı",
        EventKind.PODCAST_EPISODE,
        BAKU,
        34,
        time(18, 0),
        1.5,
        30,
        confirmed=5,
    ),
    DemoEvent(
        "film-evening",
        "Örnek: Film gösterimi ve söyleşi",
        EventKind.CULTURAL_FESTIVAL,
        BAKU,
        41,
        time(19, 0),
        2.5,
        80,
    ),
    DemoEvent(
        "ports-business-forum",
        "Örnek: Limanlar ve lojistik üzerine iş forumu",
        EventKind.BUSINESS_FORUM,
        IZMIR,
        48,
        time(10, 0),
        6,
        120,
    ),
]


def _start(demo: DemoEvent, *, today: date, now: datetime) -> datetime:
    tz = ZoneInfo(demo.zone)
    if demo.running:
        # On the hour, an hour ago, in the venue's zone: under way whenever the demo is loaded.
        return now.astimezone(tz).replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    return datetime.combine(today + timedelta(days=demo.days_ahead), demo.starts_at, tzinfo=tz)


def _event_record(demo: DemoEvent, *, today: date, now: datetime) -> Record:
    start = _start(demo, today=today, now=now)
    return Record(
        f"demo:event:{demo.key}",
        Event,
        {
            "title": demo.title,
            "slug": f"demo-{demo.key}",
            "kind": demo.kind,
            "status": EventStatus.CONFIRMED,
            "description": DESCRIPTION,
            "venue": Ref(VENUES[demo.zone].key),
            "start": start,
            "end": start + timedelta(hours=demo.hours),
            "date_precision": DatePrecision.EXACT,
            "capacity": demo.capacity,
            "registration_opens": now.replace(second=0, microsecond=0) - timedelta(days=2),
            "registration_closes": start - timedelta(hours=2),
            "is_public": True,
            "is_demo": True,
        },
    )


def demo_records(*, now: datetime) -> list[Record]:
    today = timezone.localdate(now)
    return [*VENUES.values(), *(_event_record(demo, today=today, now=now) for demo in EVENTS)]


def _sample_registrations(event: Event, demo: DemoEvent, *, now: datetime) -> list[Registration]:
    statuses = (
        [RegistrationStatus.CONFIRMED] * demo.confirmed
        + [RegistrationStatus.PENDING] * demo.pending
        + [RegistrationStatus.WAITLISTED] * demo.waitlisted
    )
    rows = []
    for number, status in enumerate(statuses, start=1):
        from_baku = number % 2 == 0
        arrived = demo.running and number <= demo.checked_in
        # Spread over the last days, in order: the waitlist is first come, first served.
        created = now - timedelta(days=3) + timedelta(minutes=37 * number)
        rows.append(
            Registration(
                event=event,
                full_name=f"Örnek katılımcı {number}",
                email=f"sample.delegate{number}+{demo.key}@example.org",
                organization="Örnek kuruluş",
                country="AZ" if from_baku else "TR",
                language=Language.AZERBAIJANI if from_baku else Language.TURKISH,
                time_zone=BAKU if from_baku else IZMIR,
                consent_at=created,
                status=status,
                created_at=created,
                confirmed_at=created if status == RegistrationStatus.CONFIRMED else None,
                expires_at=now + timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS)
                if status == RegistrationStatus.PENDING
                else None,
                attended_at=event.start + timedelta(minutes=4 * number) if arrived else None,
                is_demo=True,
            )
        )
    return rows


@transaction.atomic
def load_demo(*, now: datetime | None = None) -> tuple[LoadReport, int]:
    """Load the demo program if it is missing; return the load report and registrations made.

    Side effects: inserts demo venues, events and, for events created now, sample registrations
    (all `is_demo=True`). Existing demo rows are left as they are, so running it twice changes
    nothing. Never touches a row that is not a demo row.
    """
    now = now or timezone.now()
    report = load_records(records=demo_records(now=now))
    registrations = []
    for demo in EVENTS:
        key = f"demo:event:{demo.key}"
        if key in report.created_keys:
            registrations += _sample_registrations(report.rows[key], demo, now=now)
    Registration.objects.bulk_create(registrations)
    if registrations:  # seats left changed, and bulk_create() sends no signal
        bump_page_version()
    business = b2b_demo.load(now=now)  # the demo forum's B2B program: events/b2b/demo.py
    return report, len(registrations) + business


@transaction.atomic
def remove_demo() -> dict[str, int]:
    """Delete every demo row and nothing else; return how many of each went.

    Side effects: deletes demo registrations and any registration made on a demo event (it
    cannot outlive its event), demo events, and demo venues that no real event uses (those are
    kept and counted as `venues_kept`).
    """
    _, deleted = Registration.objects.filter(Q(is_demo=True) | Q(event__is_demo=True)).delete()
    registrations = deleted.get(Registration._meta.label, 0)
    _, deleted = Event.objects.demo().delete()
    events = deleted.get(Event._meta.label, 0)
    # A real event the board placed in a demo hall keeps its venue (PROTECT would refuse anyway).
    venues = Venue.objects.filter(is_demo=True)
    kept = list(venues.filter(events__isnull=False).distinct().values_list("pk", flat=True))
    _, deleted = venues.exclude(pk__in=kept).delete()
    return {
        "registrations": registrations,
        "events": events,
        "venues": deleted.get(Venue._meta.label, 0),
        "venues_kept": len(kept),
    }


def stale_demo_events(*, now: datetime | None = None) -> int:
    """How many demo events have already ended (a hint to refresh the demo program)."""
    return Event.objects.demo().past(now).count()
