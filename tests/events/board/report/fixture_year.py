"""A hand-built report year: so many events, registrations, check-ins, visits and outcomes.

The year is last year, counted from the test's own clock, so that the whole of it is over at
any moment the suite is pinned to. The expected numbers are written out in the tests.

Events of the year (İzmir unless said otherwise):
  festival    cultural festival, 10 March, confirmed       -> held
  forum       business forum, 5 May, Bakü, done            -> held
  conference  conference, 20 June, still planned           -> passed without confirmation
  exhibition  exhibition, 15 July, cancelled               -> cancelled
  youth       youth program, "September", no venue         -> never dated
  concert     cultural festival, 1 October, Bakü, confirmed -> held, nobody registered
plus one event a minute before the year and one a minute after it (not counted) and the 1986
milestone.

Registrations (country, language):
  festival    a1..a6 confirmed (AZ, az), a1..a4 checked in; one waitlisted, one cancelled,
              one pending (AZ, az)
  forum       t1..t5 confirmed (TR, tr) all checked in; d1 confirmed (DE, en) checked in;
              a1 confirmed (AZ, az) not checked in
  conference  g1 confirmed (GE, en), not checked in (the event was never confirmed)
  exhibition  two cancelled (AZ, az)
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from contacts.enums import Language, OrganizationKind
from events.enums import DatePrecision, EpisodeStatus, EventKind, EventStatus, RegistrationStatus
from events.timezones import IZMIR
from tests.factories import (
    BakuVenueFactory,
    DelegationVisitFactory,
    EventFactory,
    MeetingFactory,
    MilestoneFactory,
    OrganizationFactory,
    PersonFactory,
    PodcastEpisodeFactory,
    PodcastSeriesFactory,
    RegistrationFactory,
    SourceFactory,
    VenueFactory,
)

IZ = ZoneInfo(IZMIR)


@dataclass
class World:
    year: int
    events: dict
    series: object


def _event(year, month, day, **fields):
    start = datetime(year, month, day, 18, tzinfo=IZ)
    return EventFactory(start=start, end=start + timedelta(hours=3), **fields)


def _registrations(
    event, prefix, count, *, country, language, status=RegistrationStatus.CONFIRMED, attended=0
):
    made = []
    for number in range(1, count + 1):
        made.append(
            RegistrationFactory(
                event=event,
                email=f"{prefix}{number}@example.org",
                country=country,
                language=language,
                status=status,
                confirmed_at=event.start - timedelta(days=3)
                if status == RegistrationStatus.CONFIRMED
                else None,
                attended_at=event.start if number <= attended else None,
            )
        )
    return made


def build_year(year: int) -> World:
    izmir, baku = VenueFactory(city="İzmir"), BakuVenueFactory(city="Bakü")
    kinds = EventKind
    festival = _event(year, 3, 10, kind=kinds.CULTURAL_FESTIVAL, venue=izmir, slug="festival")
    forum = _event(
        year, 5, 5, kind=kinds.BUSINESS_FORUM, venue=baku, status=EventStatus.DONE, slug="forum"
    )
    conference = _event(
        year,
        6,
        20,
        kind=kinds.CONFERENCE,
        venue=izmir,
        status=EventStatus.PLANNED,
        slug="conference",
    )
    exhibition = _event(
        year,
        7,
        15,
        kind=kinds.EXHIBITION,
        venue=izmir,
        status=EventStatus.CANCELLED,
        slug="exhibition",
    )
    youth = EventFactory(
        kind=kinds.YOUTH_PROGRAM,
        venue=None,
        status=EventStatus.PLANNED,
        date_precision=DatePrecision.MONTH,
        start=datetime(year, 9, 1, tzinfo=IZ),
        end=datetime(year, 10, 1, tzinfo=IZ),
        slug="youth",
    )
    concert = _event(year, 10, 1, kind=kinds.CULTURAL_FESTIVAL, venue=baku, slug="concert")
    # Just outside the year, on either side (İzmir time).
    before = datetime(year, 1, 1, tzinfo=IZ) - timedelta(minutes=1)
    outside = EventFactory(
        start=before, end=before + timedelta(hours=1), venue=izmir, slug="before"
    )
    after = datetime(year + 1, 1, 1, tzinfo=IZ) + timedelta(minutes=1)
    EventFactory(start=after, end=after + timedelta(hours=1), venue=izmir, slug="after")
    MilestoneFactory(slug="protocol-1986")

    az, tr, en = Language.AZERBAIJANI, Language.TURKISH, Language.ENGLISH
    _registrations(festival, "a", 6, country="AZ", language=az, attended=4)
    _registrations(
        festival, "w", 1, country="AZ", language=az, status=RegistrationStatus.WAITLISTED
    )
    _registrations(festival, "c", 1, country="AZ", language=az, status=RegistrationStatus.CANCELLED)
    _registrations(festival, "p", 1, country="AZ", language=az, status=RegistrationStatus.PENDING)
    _registrations(forum, "t", 5, country="TR", language=tr, attended=5)
    _registrations(forum, "d", 1, country="DE", language=en, attended=1)
    _registrations(forum, "a", 1, country="AZ", language=az)
    _registrations(conference, "g", 1, country="GE", language=en)
    _registrations(
        exhibition, "x", 2, country="AZ", language=az, status=RegistrationStatus.CANCELLED
    )
    RegistrationFactory(event=outside, email="o@example.org")

    # Visits: one sent, two received, one between other cities; one undated, one the year before.
    sent = DelegationVisitFactory(
        origin_city="İzmir", destination_city="Bakü", start_date=date(year, 4, 2)
    )
    received = DelegationVisitFactory(
        origin_city="Bakı", destination_city="IZMIR", start_date=date(year, 5, 3)
    )
    DelegationVisitFactory(
        origin_city="Bakü", destination_city="İzmir", start_date=date(year, 11, 20)
    )
    DelegationVisitFactory(
        origin_city="Ankara", destination_city="Bakü", start_date=date(year, 6, 1)
    )
    DelegationVisitFactory(start_date=None)
    DelegationVisitFactory(start_date=date(year - 1, 12, 31))

    # Meetings: two with an outcome, one without; one undated (not counted).
    association = OrganizationFactory(
        name="İZAZDER", kind=OrganizationKind.ASSOCIATION, country="TR"
    )
    municipality = OrganizationFactory(
        name="Bakı Şəhər İcra Hakimiyyəti", kind=OrganizationKind.MUNICIPALITY, country="AZ"
    )
    business = OrganizationFactory(
        name="Xəzər Ticarət", kind=OrganizationKind.BUSINESS, country="AZ"
    )
    stranger = OrganizationFactory(name="Unknown host", kind=OrganizationKind.OTHER, country="")
    unmet = OrganizationFactory(name="Not met this year", kind=OrganizationKind.MEDIA, country="FR")
    roadmap = MeetingFactory(
        visit=sent,
        date=date(year, 4, 3),
        host_organization=municipality,
        outcomes="Joint roadmap agreed",
    )
    roadmap.organizations.set([association, municipality])
    roadmap.sources.add(SourceFactory(headline="Roadmap article"))
    talks = MeetingFactory(visit=received, date=date(year, 5, 4), outcomes="")
    talks.organizations.set([municipality, business])
    MeetingFactory(
        visit=None, date=date(year, 6, 2), host_organization=stranger, outcomes="Protocol signed"
    )
    undated = MeetingFactory(date=None, outcomes="Something")
    undated.organizations.set([unmet])

    # Podcasts: two episodes published in the year (guests p1, p2; p2), one planned, one older.
    series = PodcastSeriesFactory(title="Kardeş sesler", slug="kardes-sesler")
    guest1, guest2 = PersonFactory(), PersonFactory()
    published = EpisodeStatus.PUBLISHED
    first = PodcastEpisodeFactory(series=series, status=published, published_on=date(year, 2, 1))
    first.guests.set([guest1, guest2])
    second = PodcastEpisodeFactory(series=series, status=published, published_on=date(year, 8, 1))
    second.guests.set([guest2])
    PodcastEpisodeFactory(
        series=series, status=EpisodeStatus.PLANNED, published_on=date(year, 9, 1)
    )
    PodcastEpisodeFactory(series=series, status=published, published_on=date(year - 1, 5, 1))

    events = {
        "festival": festival,
        "forum": forum,
        "conference": conference,
        "exhibition": exhibition,
        "youth": youth,
        "concert": concert,
    }
    return World(year=year, events=events, series=series)
