"""The year report places each event on the day it starts in its venue's zone, as every
calendar of the site does (issue: "one rule decides an event's month, day and year").

Four events sit on a boundary between İzmir (UTC+3) and Bakü (UTC+4), in both directions:
- a Bakü event at 00:30 on 1 May is still 30 April, 23:30, in İzmir: it belongs to May;
- an İzmir event at 23:30 on 30 April is already 1 May, 00:30, in Bakü: it belongs to April;
- the same two at the turn of the year (1 January in Bakü, 31 December in İzmir).
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from events.board.report import selectors
from events.board.report.period import Period
from events.models import Event
from tests.factories import BakuVenueFactory, EventFactory, RegistrationFactory, VenueFactory

BAKU = ZoneInfo("Asia/Baku")
IZMIR = ZoneInfo("Europe/Istanbul")
YEAR = 2025

pytestmark = pytest.mark.django_db


@pytest.fixture
def boundary_events():
    baku, izmir = BakuVenueFactory(), VenueFactory()

    def event(slug, venue, start):
        return EventFactory(
            slug=slug, title=slug, venue=venue, start=start, end=start + timedelta(hours=1)
        )

    events = {
        "baku-may": event("baku-may", baku, datetime(YEAR, 5, 1, 0, 30, tzinfo=BAKU)),
        "izmir-april": event("izmir-april", izmir, datetime(YEAR, 4, 30, 23, 30, tzinfo=IZMIR)),
        "baku-new-year": event("baku-new-year", baku, datetime(YEAR + 1, 1, 1, 0, 30, tzinfo=BAKU)),
        "izmir-old-year": event(
            "izmir-old-year", izmir, datetime(YEAR, 12, 31, 23, 30, tzinfo=IZMIR)
        ),
        # No venue: the site's zone (İzmir) decides, as Event.time_zone says.
        "online-may": event(
            "online-may", None, datetime(YEAR, 4, 30, 21, 30, tzinfo=ZoneInfo("UTC"))
        ),
    }
    for item in events.values():
        RegistrationFactory(event=item)
    return events


def _slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


def test_the_database_day_is_the_venue_day_of_every_event(boundary_events):
    for event in Event.objects.with_local_start_day().select_related("venue"):
        assert event.local_start_day == event.local_days[0], event.slug


def test_a_period_holds_the_events_starting_on_its_days_in_their_venue_zone(boundary_events, now):
    april, may = (
        Period(date(YEAR, 4, 1), date(YEAR, 4, 30)),
        Period(date(YEAR, 5, 1), date(YEAR, 5, 31)),
    )

    assert _slugs(selectors.events_in(april, now=now)) == {"izmir-april"}
    assert _slugs(selectors.events_in(may, now=now)) == {"baku-may", "online-may"}
    assert set(selectors.registrations_in(may).values_list("event__slug", flat=True)) == {
        "baku-may",
        "online-may",
    }


def test_the_turn_of_the_year_in_both_directions(boundary_events, now):
    this_year, next_year = Period.year(YEAR), Period.year(YEAR + 1)

    assert "izmir-old-year" in _slugs(selectors.events_in(this_year, now=now))
    assert "baku-new-year" not in _slugs(selectors.events_in(this_year, now=now))
    assert _slugs(selectors.events_in(next_year, now=now)) == {"baku-new-year"}
    assert selectors.headline(next_year, now=now).registrations["registered"] == 1


def test_month_counts_and_the_month_filter_agree_with_the_list(boundary_events, now):
    period = Period.year(YEAR)
    by_month: dict[tuple[int, int], int] = {}
    for row in selectors.program_counts(period, now=now):
        by_month[row["month"]] = by_month.get(row["month"], 0) + row["n"]

    assert by_month == {(YEAR, 4): 1, (YEAR, 5): 2, (YEAR, 12): 1}
    events = selectors.events_in(period, now=now)
    assert _slugs(selectors.filter_events(events, month=date(YEAR, 5, 1))) == {
        "baku-may",
        "online-may",
    }
    assert _slugs(selectors.filter_events(events, month=date(YEAR, 4, 1))) == {"izmir-april"}


def test_the_event_table_dates_each_event_on_its_venue_day(boundary_events, now):
    rows = {
        row["event__slug"]: row["event__local_start_day"]
        for row in selectors.participation_by_event(Period.year(YEAR + 1), now=now)
    }

    assert rows == {"baku-new-year": date(YEAR + 1, 1, 1)}


def test_the_report_list_of_a_month_shows_the_bakü_event_of_its_first_night(
    boundary_events, board_client
):
    url = reverse("board:report_list", args=[YEAR, "events"])

    may = board_client.get(url, {"month": f"{YEAR}-05"}).content.decode()
    april = board_client.get(url, {"month": f"{YEAR}-04"}).content.decode()

    assert "baku-may" in may and "izmir-april" not in may
    assert "izmir-april" in april and "baku-may" not in april
