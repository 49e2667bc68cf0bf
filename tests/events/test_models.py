from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError

from events.enums import Recurrence
from events.timezones import IZMIR, local_days
from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

BAKU = ZoneInfo("Asia/Baku")
UTC = ZoneInfo("UTC")


def test_event_ending_before_start_is_refused():
    start = datetime(2026, 12, 1, 10, tzinfo=UTC)

    with pytest.raises(IntegrityError):
        EventFactory(start=start, end=start - timedelta(hours=1))


def test_event_negative_capacity_is_refused():
    with pytest.raises(IntegrityError):
        EventFactory(capacity=-1)


def test_event_slugs_are_unique():
    EventFactory(slug="nevruz")

    with pytest.raises(IntegrityError):
        EventFactory(slug="nevruz")


def test_event_in_baku_shows_local_and_izmir_time():
    event = EventFactory(venue=BakuVenueFactory(), start=datetime(2026, 12, 1, 10, 0, tzinfo=BAKU))

    assert (event.local_start.hour, event.zone_label) == (10, "Baku")
    assert (event.other_start.hour, event.other_zone_label) == (9, "Izmir")


def test_event_in_izmir_is_stored_in_utc_and_shown_at_utc_plus_3():
    event = EventFactory(venue=VenueFactory(), start=datetime(2026, 12, 1, 16, 0, tzinfo=UTC))

    assert event.local_start.hour == 19
    assert event.other_start.hour == 20


def test_yearly_event_next_occurrence_is_in_the_future():
    event = EventFactory(
        venue=BakuVenueFactory(),
        start=datetime(2022, 6, 15, 10, tzinfo=BAKU),
        end=datetime(2022, 6, 15, 18, tzinfo=BAKU),
        recurrence=Recurrence.YEARLY,
    )

    start, end = event.next_occurrence(now=datetime(2026, 11, 22, tzinfo=UTC))

    assert (start.year, start.month, start.day, start.hour) == (2027, 6, 15, 10)
    assert end - start == timedelta(hours=8)


def test_one_off_event_next_occurrence_is_its_own_date():
    event = EventFactory()

    assert event.next_occurrence() == (event.start, event.end)


def test_overlapping_finds_events_sharing_time_only():
    venue = VenueFactory()
    start = datetime(2026, 12, 1, 10, tzinfo=UTC)
    first = EventFactory(venue=venue, start=start, end=start + timedelta(hours=2))
    clash = EventFactory(
        venue=venue, start=start + timedelta(hours=1), end=start + timedelta(hours=3)
    )
    EventFactory(venue=venue, start=start + timedelta(hours=2), end=start + timedelta(hours=4))

    assert list(type(first).objects.overlapping(first)) == [clash]


# --- the last local day: one rule (Event.local_days / timezones.local_days) ---------------
@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # An evening that ends at midnight ends on its own day: DTEND is exclusive.
        ((2026, 5, 1, 19, 0), (2026, 5, 2, 0, 0), ((2026, 5, 1), (2026, 5, 1))),
        # One minute past midnight is the next day.
        ((2026, 5, 1, 19, 0), (2026, 5, 2, 0, 1), ((2026, 5, 1), (2026, 5, 2))),
        # Three whole days, as a day-precision event is stored.
        ((2026, 12, 29, 0, 0), (2027, 1, 1, 0, 0), ((2026, 12, 29), (2026, 12, 31))),
        # Zero length: the last day is never before the first.
        ((2026, 5, 1, 0, 0), (2026, 5, 1, 0, 0), ((2026, 5, 1), (2026, 5, 1))),
    ],
)
def test_event_local_days_treat_the_end_as_exclusive(start, end, expected):
    baku = BAKU
    event = EventFactory.build(
        venue=BakuVenueFactory(),
        start=datetime(*start, tzinfo=baku),
        end=datetime(*end, tzinfo=baku),
    )

    assert event.local_days == tuple(date(*day) for day in expected)
    assert event.last_local_day == date(*expected[1])


def test_event_local_days_are_the_venues_not_izmirs():
    # 00:30 on 1 May in Bakü is 23:30 on 30 April in İzmir: the venue's calendar decides.
    baku = BAKU
    event = EventFactory.build(
        venue=BakuVenueFactory(),
        start=datetime(2026, 5, 1, 0, 30, tzinfo=baku),
        end=datetime(2026, 5, 1, 2, 0, tzinfo=baku),
    )

    assert event.local_days == (date(2026, 5, 1), date(2026, 5, 1))
    assert local_days(event.start, event.end, IZMIR) == (date(2026, 4, 30), date(2026, 5, 1))
