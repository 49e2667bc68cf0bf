"""One rule for an event's day, month and year: its venue's zone.

Every listing that names a month (home tiles, the program's month index and month pages, the
month calendar, the admin's month filter, the feed) must put an event in the same month. The
cases sit on every boundary, in both directions between İzmir (UTC+3) and Bakü (UTC+4).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from events.public import selectors
from events.timezones import BAKU, IZMIR
from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

IZ = ZoneInfo(IZMIR)
BK = ZoneInfo(BAKU)

# (where, local start, the month it is in, the month the other city's clock says)
BOUNDARIES = [
    # 00:30 on 1 May in Bakü is 23:30 on 30 April in İzmir: May.
    ("baku", datetime(2026, 5, 1, 0, 30, tzinfo=BK), date(2026, 5, 1), date(2026, 4, 1)),
    # 23:30 on 30 April in İzmir is 00:30 on 1 May in Bakü: April.
    ("izmir", datetime(2026, 4, 30, 23, 30, tzinfo=IZ), date(2026, 4, 1), date(2026, 5, 1)),
    # New Year: 00:30 on 1 January 2027 in Bakü is still 2026 in İzmir.
    ("baku", datetime(2027, 1, 1, 0, 30, tzinfo=BK), date(2027, 1, 1), date(2026, 12, 1)),
    # 23:30 on 31 December 2026 in İzmir is already 2027 in Bakü.
    ("izmir", datetime(2026, 12, 31, 23, 30, tzinfo=IZ), date(2026, 12, 1), date(2027, 1, 1)),
]
CASES = pytest.mark.parametrize(("where", "start", "month", "other"), BOUNDARIES)


def _event(where: str, start: datetime):
    venue = BakuVenueFactory() if where == "baku" else VenueFactory()
    return EventFactory(
        title="Boundary night", venue=venue, start=start, end=start.replace(minute=59)
    )


@CASES
def test_home_tiles_count_the_event_in_its_venue_month(where, start, month, other):
    _event(where, start)

    tiles = dict(selectors.months_of_year(month.year)) | dict(selectors.months_of_year(other.year))

    assert (tiles[month], tiles[other]) == (1, 0)


@CASES
def test_program_month_index_and_month_page_agree_with_the_tile(where, start, month, other):
    event = _event(where, start)
    everything = selectors.ProgramFilters(include_past=True)

    index = dict(selectors.program_index(everything))
    page = selectors.program_month(everything, month)
    other_page = selectors.program_month(everything, other)

    assert index == {month: 1}
    assert (page.events, page.count) == ([event], 1)
    assert (other_page.events, other_page.count) == ([], 0)


@CASES
def test_month_calendar_puts_the_event_on_its_venue_day(where, start, month, other):
    event = _event(where, start)

    grid = selectors.month_calendar(month.year, month.month)
    other_grid = selectors.month_calendar(other.year, other.month)

    assert [(day.day, day.events) for day in grid.days_with_events] == [(start.date(), [event])]
    assert (grid.count, other_grid.count) == (1, 0)


@CASES
def test_pages_show_the_event_in_the_same_month(client, where, start, month, other):
    _event(where, start)

    home = client.get("/en/").context["months"]
    program = client.get("/en/program/", {"month": f"{month:%Y-%m}", "past": "on"}).content.decode()
    other_program = client.get("/en/program/", {"month": f"{other:%Y-%m}", "past": "on"})
    calendar = client.get(f"/en/program/{month.year}/{month.month}/").content.decode()
    other_calendar = client.get(f"/en/program/{other.year}/{other.month}/").content.decode()

    assert [
        "Boundary night" in page
        for page in (program, other_program.content.decode(), calendar, other_calendar)
    ] == [True, False, True, False]
    assert f"?month={month:%Y-%m}&amp;past=on" in program
    assert f"?month={other:%Y-%m}&amp;past=on" not in program
    if month.year == 2026:  # the home page tiles the anniversary year
        assert (month, 1) in home
    if other.year == 2026:
        assert (other, 0) in home


@CASES
def test_admin_month_filter_agrees(staff_client, where, start, month, other):
    _event(where, start)

    found = staff_client.get("/admin/events/event/", {"month": f"{month:%Y-%m}"})
    missing = staff_client.get("/admin/events/event/", {"month": f"{other:%Y-%m}"})

    assert ["Boundary night" in response.content.decode() for response in (found, missing)] == [
        True,
        False,
    ]
    assert f"?month={month:%Y-%m}" in found.content.decode()
    assert f"?month={other:%Y-%m}" not in found.content.decode()


@CASES
def test_feed_dates_the_event_in_its_venue_zone(client, where, start, month, other):
    _event(where, start)

    feed = icalendar.Calendar.from_ical(client.get("/calendar.ics").content)
    (component,) = feed.walk("VEVENT")

    assert component.decoded("dtstart").replace(tzinfo=None) == start.replace(tzinfo=None)
    assert component["dtstart"].params["TZID"] == start.tzinfo.key


def test_cached_counts_follow_a_change_at_once(client):
    # The tiles and the month index are kept until the program's version moves.
    first = _event("baku", datetime(2026, 5, 1, 0, 30, tzinfo=BK))
    before = dict(client.get("/en/").context["months"])
    index_before = client.get("/en/program/", {"past": "on"}).context["index"]

    first.title = "Moved to İzmir's April"
    first.venue = VenueFactory()
    first.save()
    after = dict(client.get("/en/").context["months"])
    index_after = client.get("/en/program/", {"past": "on"}).context["index"]

    assert (before[date(2026, 4, 1)], before[date(2026, 5, 1)]) == (0, 1)
    assert (after[date(2026, 4, 1)], after[date(2026, 5, 1)]) == (1, 0)
    assert (dict(index_before), dict(index_after)) == ({date(2026, 5, 1): 1}, {date(2026, 4, 1): 1})
