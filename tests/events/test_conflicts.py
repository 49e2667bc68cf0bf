from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from events.conflicts import PERSON, VENUE, conflicts_between, conflicts_for
from events.enums import EventStatus
from tests.factories import BakuVenueFactory, EventFactory, PersonFactory, VenueFactory

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")
BAKU = ZoneInfo("Asia/Baku")


def test_conflicts_for_reports_same_venue_overlap():
    venue = VenueFactory()
    start = datetime(2026, 12, 5, 18, tzinfo=IZMIR)
    event = EventFactory(venue=venue, start=start, end=start + timedelta(hours=2))
    other = EventFactory(
        venue=venue, start=start + timedelta(hours=1), end=start + timedelta(hours=3)
    )

    conflicts = conflicts_for(event)

    assert [(c.kind, c.other) for c in conflicts] == [(VENUE, other)]


def test_conflicts_for_ignores_cancelled_events():
    venue = VenueFactory()
    start = datetime(2026, 12, 5, 18, tzinfo=IZMIR)
    event = EventFactory(venue=venue, start=start, end=start + timedelta(hours=2))
    EventFactory(
        venue=venue, start=start, end=start + timedelta(hours=2), status=EventStatus.CANCELLED
    )

    assert conflicts_for(event) == []


def test_conflicts_for_finds_person_across_time_zones():
    person = PersonFactory(full_name="Perviz Altay")
    # 10:00 in Bakü is 09:00 in İzmir: the same hour.
    baku = EventFactory(
        venue=BakuVenueFactory(),
        start=datetime(2026, 12, 5, 10, tzinfo=BAKU),
        end=datetime(2026, 12, 5, 11, tzinfo=BAKU),
        responsible=person,
    )
    izmir = EventFactory(
        venue=VenueFactory(),
        start=datetime(2026, 12, 5, 9, 30, tzinfo=IZMIR),
        end=datetime(2026, 12, 5, 10, 30, tzinfo=IZMIR),
    )
    izmir.speakers.add(person)

    conflicts = conflicts_for(baku)

    assert [(c.kind, c.other, c.person) for c in conflicts] == [(PERSON, izmir, person)]
    assert "Perviz Altay" in conflicts[0].message


def test_conflicts_between_reports_each_pair_once(django_assert_num_queries):
    venue = VenueFactory()
    start = datetime(2026, 12, 5, 18, tzinfo=IZMIR)
    for _ in range(3):
        EventFactory(venue=venue, start=start, end=start + timedelta(hours=1))

    with django_assert_num_queries(2):
        conflicts = conflicts_between(start - timedelta(days=1), start + timedelta(days=1))

    assert len(conflicts) == 3
