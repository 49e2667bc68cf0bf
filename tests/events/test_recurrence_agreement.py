"""The site, the feed and the per-event .ics agree on every occurrence of a yearly event for
the next ten years: the served RRULE is expanded by dateutil (not by our code) and compared
with the days the month calendar shows and the months the program lists."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from django.utils import timezone

from events.enums import DatePrecision, Recurrence
from events.public import selectors
from events.timezones import BAKU, IZMIR, local_days
from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

IZ = ZoneInfo(IZMIR)
BK = ZoneInfo(BAKU)
YEARS = 10


def _yearly_events():
    common = {"recurrence": Recurrence.YEARLY}
    return [
        # New Year in Bakü: still the old year in İzmir.
        EventFactory(
            title="New Year concert",
            slug="new-year",
            venue=BakuVenueFactory(),
            start=datetime(2025, 1, 1, 0, 30, tzinfo=BK),
            end=datetime(2025, 1, 1, 2, 0, tzinfo=BK),
            **common,
        ),
        # Across the end of April, two local days every year.
        EventFactory(
            title="Spring night",
            slug="spring-night",
            venue=BakuVenueFactory(),
            start=datetime(2024, 4, 30, 22, 0, tzinfo=BK),
            end=datetime(2024, 5, 1, 2, 0, tzinfo=BK),
            **common,
        ),
        # 29 February: RFC 5545 skips the common years.
        EventFactory(
            title="Leap day fair",
            slug="leap-day",
            venue=VenueFactory(),
            start=datetime(2024, 2, 29, tzinfo=IZ),
            end=datetime(2024, 3, 1, tzinfo=IZ),
            date_precision=DatePrecision.DAY,
            **common,
        ),
    ]


def _window() -> tuple[date, date]:
    today = timezone.localdate()
    return today, today.replace(year=today.year + YEARS, day=28)


def _served_days(component, first: date, last: date) -> set[date]:
    """Every local day the served VEVENT covers in [first, last], by dateutil's expansion."""
    start, end = component.decoded("dtstart"), component.decoded("dtend")
    zone_name = component["dtstart"].params.get("TZID", IZMIR)
    if not isinstance(start, datetime):  # all-day: local dates, DTEND exclusive
        start = datetime.combine(start, datetime.min.time(), tzinfo=ZoneInfo(zone_name))
        end = datetime.combine(end, datetime.min.time(), tzinfo=ZoneInfo(zone_name))
    rule = rrulestr(component["rrule"].to_ical().decode(), dtstart=start)
    days = set()
    for moment in rule.between(
        datetime(first.year - 1, 1, 1, tzinfo=start.tzinfo),
        datetime(last.year + 1, 12, 31, tzinfo=start.tzinfo),
        inc=True,
    ):
        day, final = local_days(moment, moment + (end - start), zone_name)
        while day <= final:
            if first <= day <= last:
                days.add(day)
            day += timedelta(days=1)
    return days


def _site_days(first: date, last: date) -> dict[str, set[date]]:
    """Every day the public month calendar shows each event on, month by month."""
    shown: dict[str, set[date]] = {}
    month = first.replace(day=1)
    while month <= last:
        grid = selectors.month_calendar(month.year, month.month)
        for day in grid.days_with_events:
            if first <= day.day <= last:
                for event in day.events:
                    shown.setdefault(event.slug, set()).add(day.day)
        month = (month + timedelta(days=32)).replace(day=1)
    return shown


def test_site_feed_and_event_ics_agree_on_ten_years_of_occurrences(client):
    events = _yearly_events()
    first, last = _window()

    feed = icalendar.Calendar.from_ical(client.get(reverse("feed")).content)
    by_uid = {str(c["uid"]): c for c in feed.walk("VEVENT")}
    site = _site_days(first, last)

    for event in events:
        single = client.get(reverse("events:ics", kwargs={"slug": event.slug})).content
        (own,) = icalendar.Calendar.from_ical(single).walk("VEVENT")
        in_feed = by_uid[str(own["uid"])]
        expected = _served_days(in_feed, first, last)

        assert _served_days(own, first, last) == expected, event.slug
        assert site[event.slug] == expected, event.slug
        # Not vacuous: every year (every leap year for 29 February) in the ten.
        assert len({day.year for day in expected}) >= (2 if event.slug == "leap-day" else YEARS)
        # And the program's month pages list it in exactly those months.
        months = {day.replace(day=1) for day in expected}
        assert event.local_months(first, last) == months, event.slug


def test_leap_day_event_repeats_only_in_leap_years():
    (_new_year, _spring, leap) = _yearly_events()

    found = leap.occurrences(date(2025, 1, 1), date(2032, 12, 31))

    assert [start.date() for start, _end in found] == [date(2028, 2, 29), date(2032, 2, 29)]


def test_next_occurrence_is_the_first_the_feed_expands():
    (new_year, _spring, _leap) = _yearly_events()
    now = datetime(2027, 1, 1, 3, 0, tzinfo=BK)  # the 2027 concert is over

    start, end = new_year.next_occurrence(now=now)

    assert (start, end - start) == (
        datetime(2028, 1, 1, 0, 30, tzinfo=BK),
        timedelta(hours=1, minutes=30),
    )
