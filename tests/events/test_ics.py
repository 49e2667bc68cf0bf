from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from events.enums import DatePrecision, EventStatus, Recurrence
from events.services.scheduling import reschedule_event
from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

BK = ZoneInfo("Asia/Baku")
IZ = ZoneInfo("Europe/Istanbul")


def calendar_at(client, url) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def only_event(calendar: icalendar.Calendar) -> icalendar.Event:
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_event_ics_has_stable_uid_zone_and_vtimezone(client):
    event = EventFactory(
        venue=BakuVenueFactory(),
        start=datetime(2026, 12, 10, 19, tzinfo=BK),
        end=datetime(2026, 12, 10, 22, tzinfo=BK),
    )

    calendar = calendar_at(client, f"/en/events/{event.slug}/event.ics")
    vevent = only_event(calendar)

    assert str(vevent["uid"]) == f"event-{event.pk}@kardes40.izazder.org"
    assert vevent["dtstart"].params["TZID"] == "Asia/Baku"
    assert vevent.decoded("dtstart") == datetime(2026, 12, 10, 19, tzinfo=BK)
    assert vevent.decoded("dtend") == datetime(2026, 12, 10, 22, tzinfo=BK)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Baku"]
    assert str(vevent["url"]).endswith(f"/en/events/{event.slug}/")


def test_event_ics_download_is_an_attachment_named_by_slug(client):
    event = EventFactory(slug="nevruz-2027")

    response = client.get("/en/events/nevruz-2027/event.ics")

    assert response["Content-Disposition"] == 'attachment; filename="nevruz-2027.ics"'
    assert event.title in response.content.decode()


def test_event_ics_sequence_rises_and_uid_stays_when_rescheduled(client):
    event = EventFactory()
    before = only_event(calendar_at(client, f"/en/events/{event.slug}/event.ics"))

    reschedule_event(
        event=event, start=event.start + timedelta(days=1), end=event.end + timedelta(days=1)
    )
    after = only_event(calendar_at(client, f"/en/events/{event.slug}/event.ics"))

    assert (before["uid"], before["sequence"]) == (after["uid"], 0)
    assert after["sequence"] == 1
    assert after.decoded("dtstart") - before.decoded("dtstart") == timedelta(days=1)


def test_event_ics_day_precision_is_all_day(client):
    event = EventFactory(
        start=datetime(2026, 12, 10, tzinfo=IZ),
        end=datetime(2026, 12, 12, tzinfo=IZ),
        date_precision=DatePrecision.DAY,
    )

    vevent = only_event(calendar_at(client, f"/en/events/{event.slug}/event.ics"))

    assert (vevent.decoded("dtstart"), vevent.decoded("dtend")) == (
        date(2026, 12, 10),
        date(2026, 12, 12),
    )
    assert vevent["dtstart"].params.get("VALUE") == "DATE"


def test_event_ics_yearly_event_repeats(client):
    event = EventFactory(
        start=datetime(2022, 6, 15, 10, tzinfo=IZ),
        end=datetime(2022, 6, 15, 17, tzinfo=IZ),
        recurrence=Recurrence.YEARLY,
    )

    vevent = only_event(calendar_at(client, f"/en/events/{event.slug}/event.ics"))

    assert vevent["rrule"]["FREQ"] == ["YEARLY"]


def test_feed_has_every_public_event_with_its_status(client):
    EventFactory(title="Concert", venue=VenueFactory())
    EventFactory(title="Called off", status=EventStatus.CANCELLED, venue=BakuVenueFactory())
    EventFactory(title="Board retreat", is_public=False)
    EventFactory(
        title="Last year",
        start=timezone.now() - timedelta(days=300),
        end=timezone.now() - timedelta(days=299),
    )

    calendar = calendar_at(client, "/calendar.ics")

    assert sorted((str(e["summary"]), str(e["status"])) for e in calendar.walk("VEVENT")) == [
        ("Called off", "CANCELLED"),
        ("Concert", "CONFIRMED"),
        ("Last year", "CONFIRMED"),
    ]
    assert sorted(str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")) == [
        "Asia/Baku",
        "Europe/Istanbul",
    ]


@pytest.mark.parametrize("count", [1, 50])
def test_feed_query_count_does_not_grow(client, django_assert_num_queries, count):
    for index in range(count):
        EventFactory(venue=BakuVenueFactory() if index % 2 else VenueFactory())

    # The feed's version (the events' aggregate by venue), then the events with their venues.
    with django_assert_num_queries(2):
        calendar = calendar_at(client, "/calendar.ics")

    assert len(calendar.walk("VEVENT")) == count


def test_feed_leaves_out_plans_known_only_by_month_or_year(client):
    EventFactory(title="Concert", venue=VenueFactory())
    EventFactory(
        title="Day fixed",
        date_precision=DatePrecision.DAY,
        start=datetime(2027, 5, 9, tzinfo=IZ),
        end=datetime(2027, 5, 10, tzinfo=IZ),
    )
    EventFactory(
        title="Sometime in April",
        date_precision=DatePrecision.MONTH,
        start=datetime(2027, 4, 1, tzinfo=IZ),
        end=datetime(2027, 5, 1, tzinfo=IZ),
    )
    EventFactory(
        title="Festivals during the year",
        date_precision=DatePrecision.YEAR,
        start=datetime(2027, 1, 1, tzinfo=IZ),
        end=datetime(2028, 1, 1, tzinfo=IZ),
    )
    EventFactory(
        title="Protocol signed",
        is_milestone=True,
        date_precision=DatePrecision.YEAR,
        start=datetime(1986, 1, 1, tzinfo=IZ),
        end=datetime(1987, 1, 1, tzinfo=IZ),
    )

    calendar = calendar_at(client, "/calendar.ics")

    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == ["Concert", "Day fixed"]
