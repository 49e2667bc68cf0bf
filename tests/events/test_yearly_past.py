"""A yearly series is never "past": its next occurrence is to come (Event.is_past). Every place
that words an event as past or upcoming reads the one rule, so no page says "took place"
beside the series' next date."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.availability import PAST, availability
from events.enums import DatePrecision, EventStatus, Recurrence
from events.models import Event
from events.public import selectors
from events.templatetags.program import _date
from tests.factories import BakuVenueFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

PAST_WORDS = ("This event has taken place.", "Took place", "Past event", "event-past")


def _series(now, **kwargs):
    """A yearly day-long series whose first date is well behind us (as the Şuşa one's)."""
    start = (now - timedelta(days=500)).replace(microsecond=0)
    return EventFactory(
        title="Yearly conference",
        slug="yearly-conference",
        venue=BakuVenueFactory(city="Şuşa"),
        start=start,
        end=start + timedelta(hours=8),
        date_precision=DatePrecision.DAY,
        recurrence=Recurrence.YEARLY,
        **kwargs,
    )


def _one_off_past(now):
    start = (now - timedelta(days=30)).replace(microsecond=0)
    return EventFactory(
        title="Last month concert", slug="last-month", start=start, end=start + timedelta(hours=2)
    )


def _page(client, event) -> str:
    with translation.override("en"):
        return client.get(event.get_absolute_url()).content.decode()


@pytest.mark.parametrize("status", [EventStatus.PLANNED, EventStatus.CONFIRMED, EventStatus.DONE])
def test_yearly_series_is_not_past_whatever_its_status(now, status):
    series = _series(now, status=status)

    assert series.is_past is False
    assert series.past_at(now + timedelta(days=3650)) is False
    assert list(Event.objects.upcoming(now)) == [series]
    assert list(Event.objects.past(now)) == []


def test_one_off_event_is_past_after_its_end(now):
    event = _one_off_past(now)

    assert event.is_past is True
    assert list(Event.objects.past(now)) == [event]
    assert list(Event.objects.upcoming(now)) == []


@pytest.mark.parametrize("status", [EventStatus.PLANNED, EventStatus.DONE])
def test_series_page_never_words_it_as_past(client, now, status):
    series = _series(now, status=status)

    page = _page(client, series)

    assert [word for word in PAST_WORDS if word in page] == []


def test_past_one_off_page_still_says_it_took_place(client, now):
    page = _page(client, _one_off_past(now))

    assert "This event has taken place." in page
    assert "Took place" in page


def test_series_is_among_the_next_events_by_its_next_occurrence(client, now):
    series = _series(now)
    later = EventFactory(start=now + timedelta(days=400), slug="much-later")
    soon = EventFactory(start=now + timedelta(days=1), slug="soon")
    _one_off_past(now)

    coming = selectors.next_events(now=now)

    nxt = series.next_occurrence(now)[0]
    expected = sorted([(soon.start, soon), (nxt, series), (later.start, later)], key=lambda r: r[0])
    assert coming == [event for _start, event in expected]


def test_series_in_the_program_has_no_past_badge(client, now):
    series = _series(now)
    start, _end = series.next_occurrence(now)
    month = timezone.localtime(start, series.local_start.tzinfo)

    with translation.override("en"):
        url = reverse("events:program")
    page = client.get(url, {"month": f"{month:%Y-%m}"}).content.decode()

    assert "Yearly conference" in page
    assert [word for word in PAST_WORDS if word in page] == []


def test_series_takes_no_past_availability_state(now):
    series = _series(now)

    state = availability(series, seats_held=0, now=now)

    assert state.state != PAST
    assert state.message != "This event has already taken place."


def test_registrants_index_lists_the_series_as_current(board_client, now):
    series = _series(now)
    past = _one_off_past(now)
    RegistrationFactory(event=past)
    RegistrationFactory(event=series)

    current = board_client.get(reverse("registrants:index")).content.decode()
    earlier = board_client.get(reverse("registrants:index"), {"past": "1"}).content.decode()

    assert (series.title in current, past.title in current) == (True, False)
    assert (series.title in earlier, past.title in earlier) == (False, True)


def test_calendar_greys_a_past_anniversary_but_not_the_next(now):
    series = _series(now)
    start, _end = series.next_occurrence(now)
    nxt = timezone.localtime(start, series.local_start.tzinfo).date()
    last = nxt.replace(year=nxt.year - 1)

    def ended_on(day):
        grid = selectors.month_calendar(day.year, day.month, now=now)
        cell = next(d for week in grid.weeks for d in week if d.day == day and d.in_month)
        return (series in cell.events, series.pk in cell.ended)

    assert ended_on(last) == (True, True)
    assert ended_on(nxt) == (True, False)


def test_a_month_of_the_program_dates_the_series_by_that_months_occurrence(client, now):
    series = _series(now)
    upcoming, _end = series.next_occurrence(now)
    last_year = timezone.localtime(upcoming, series.local_start.tzinfo).replace(
        year=timezone.localtime(upcoming, series.local_start.tzinfo).year - 1
    )

    with translation.override("en"):
        url = reverse("events:program")
        page = client.get(url, {"month": f"{last_year:%Y-%m}", "past": "on"}).content.decode()
        shown, next_one = (
            _date(last_year),
            _date(timezone.localtime(upcoming, series.local_start.tzinfo)),
        )

    assert "Yearly conference" in page
    assert shown in page and next_one not in page


def _program(client, **query) -> str:
    with translation.override("en"):
        return client.get(reverse("events:program"), query).content.decode()


def test_a_past_occurrence_of_a_series_reads_as_past_on_a_list_of_past_months(client, now):
    """The series is not past, but its June of last year is: on that month's list its card is
    styled and badged as past, not "to be confirmed" as the series' next June is."""
    series = _series(now, status=EventStatus.PLANNED)
    zone = ZoneInfo(series.time_zone)  # an occurrence's month is the venue's (Event.local_months)
    last_year = series.occurrences(
        (now - timedelta(days=400)).date(), (now - timedelta(days=1)).date()
    )[-1][0].astimezone(zone)
    next_one = series.next_occurrence(now)[0].astimezone(zone)

    past = _program(client, month=f"{last_year:%Y-%m}", past="on")
    coming = _program(client, month=f"{next_one:%Y-%m}")

    assert ("event-past" in past, ">Past event<" in past, "To be confirmed" in past) == (
        True,
        True,
        False,
    )
    assert ("event-past" in coming, "To be confirmed" in coming) == (False, True)


def test_the_month_index_reaches_the_next_occurrence_of_every_series(client, now):
    """In December the next 15 June is half a year beyond the anniversary year: the month
    index offers it, as the program's months end with the last event otherwise."""
    series = _series(now)
    next_one = series.next_occurrence(now)[0].astimezone(ZoneInfo(series.time_zone))

    index = selectors.program_index(selectors.ProgramFilters(), now=now)

    assert next_one.date().replace(day=1) in [month for month, _count in index]
    assert f"?month={next_one:%Y-%m}" in _program(client)
