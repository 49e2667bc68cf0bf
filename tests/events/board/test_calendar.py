from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from events.enums import DatePrecision, EventKind, EventStatus, Recurrence
from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

BAKU = ZoneInfo("Asia/Baku")
IZMIR = ZoneInfo("Europe/Istanbul")


def _month(client, year=2027, month=3, **params):
    return client.get(
        reverse("board:calendar_month", kwargs={"year": year, "month": month}), params
    )


def _titles_on(response, day):
    for week in response.context["calendar"].weeks:
        for cell in week:
            if cell.day.isoformat() == day:
                return [event.title for event in cell.events]
    raise AssertionError(f"{day} is not in the grid")


def test_month_calendar_shows_internal_and_cancelled_events_coloured_by_kind(board_client):
    start = datetime(2027, 3, 10, 18, tzinfo=IZMIR)
    EventFactory(
        title="Board meeting", is_public=False, start=start, end=start + timedelta(hours=1)
    )
    EventFactory(
        title="Called off",
        kind=EventKind.EXHIBITION,
        status=EventStatus.CANCELLED,
        start=start,
        end=start + timedelta(hours=1),
    )

    response = _month(board_client)

    assert _titles_on(response, "2027-03-10") == ["Board meeting", "Called off"]
    content = response.content.decode()
    assert "kind-cultural_festival" in content
    assert "kind-exhibition" in content
    assert "text-decoration-line-through" in content


def test_month_calendar_places_events_on_their_local_day(board_client):
    # 01:00 on 1 April in Bakü is still 31 March in İzmir: the venue's day counts.
    start = datetime(2027, 4, 1, 1, 0, tzinfo=BAKU)
    EventFactory(
        title="Dawn prayer", venue=BakuVenueFactory(), start=start, end=start.replace(hour=2)
    )

    response = _month(board_client, month=4)

    assert _titles_on(response, "2027-04-01") == ["Dawn prayer"]
    assert _titles_on(response, "2027-03-31") == []
    assert "01:00" in response.content.decode()


def test_month_calendar_shows_a_yearly_event_on_its_anniversary_like_the_public_one(
    board_client,
):
    # 00:30 on 1 April in Bakü, every year since 2024: on the venue's day, as the feed says.
    start = datetime(2024, 4, 1, 0, 30, tzinfo=BAKU)
    EventFactory(
        title="Spring vigil",
        venue=BakuVenueFactory(),
        start=start,
        end=start.replace(hour=2),
        recurrence=Recurrence.YEARLY,
    )

    response = _month(board_client, month=4)

    assert _titles_on(response, "2027-04-01") == ["Spring vigil"]
    assert _titles_on(response, "2027-03-31") == []


def test_month_calendar_lists_month_precision_events_apart(board_client):
    EventFactory(
        title="Spring concert",
        date_precision=DatePrecision.MONTH,
        start=datetime(2027, 3, 1, tzinfo=IZMIR),
        end=datetime(2027, 4, 1, tzinfo=IZMIR),
    )

    march = _month(board_client)
    april = _month(board_client, month=4)

    assert [e.title for e in march.context["calendar"].unfixed] == ["Spring concert"]
    assert _titles_on(march, "2027-03-01") == []
    assert april.context["calendar"].unfixed == []


def test_month_calendar_filters_by_city_kind_and_status(board_client):
    start = datetime(2027, 3, 10, 18, tzinfo=IZMIR)
    end = start + timedelta(hours=1)
    baku = BakuVenueFactory()
    EventFactory(title="İzmir forum", kind=EventKind.BUSINESS_FORUM, start=start, end=end)
    EventFactory(
        title="Bakü forum", kind=EventKind.BUSINESS_FORUM, venue=baku, start=start, end=end
    )
    EventFactory(title="Bakü concert", venue=baku, start=start, end=end)
    EventFactory(
        title="Bakü idea",
        venue=baku,
        status=EventStatus.IDEA,
        kind=EventKind.BUSINESS_FORUM,
        start=start,
        end=end,
    )

    by_city = _month(board_client, city="Bakü")
    by_kind = _month(board_client, city="Bakü", kind=EventKind.BUSINESS_FORUM)
    by_status = _month(board_client, kind=EventKind.BUSINESS_FORUM, status=EventStatus.CONFIRMED)

    assert _titles_on(by_city, "2027-03-10") == ["Bakü forum", "Bakü concert", "Bakü idea"]
    assert _titles_on(by_kind, "2027-03-10") == ["Bakü forum", "Bakü idea"]
    assert _titles_on(by_status, "2027-03-10") == ["İzmir forum", "Bakü forum"]


def test_month_calendar_ignores_an_unknown_filter_value(board_client):
    start = datetime(2027, 3, 10, 18, tzinfo=IZMIR)
    EventFactory(title="Forum", start=start, end=start + timedelta(hours=1))

    response = _month(board_client, kind="no-such-kind")

    assert _titles_on(response, "2027-03-10") == ["Forum"]


def test_month_calendar_navigation_keeps_the_filters(board_client):
    response = _month(board_client, month=1, city="Bakü")

    assert response.context["previous_url"] == "/board/calendar/2026/12/?city=Bak%C3%BC"
    assert response.context["next_url"] == "/board/calendar/2027/2/?city=Bak%C3%BC"


def test_month_calendar_rejects_month_13(board_client):
    response = _month(board_client, month=13)

    assert response.status_code == 404
    assert "calendar" not in (response.context or {})


def test_week_calendar_lists_each_day_with_local_times(board_client):
    start = datetime(2027, 3, 10, 19, 30, tzinfo=BAKU)
    EventFactory(
        title="Mugham night", venue=BakuVenueFactory(), start=start, end=start + timedelta(hours=2)
    )

    response = board_client.get(reverse("board:calendar_week", kwargs={"year": 2027, "week": 10}))

    days = response.context["calendar"].days
    assert [d.day.isoformat() for d in (days[0], days[-1])] == ["2027-03-08", "2027-03-14"]
    assert [e.title for e in days[2].events] == ["Mugham night"]
    assert "19:30" in response.content.decode()
    assert response.context["previous_url"] == "/board/calendar/week/2027/9/"
    assert response.context["next_url"] == "/board/calendar/week/2027/11/"


def test_week_calendar_spans_a_multi_day_event(board_client):
    start = datetime(2027, 3, 9, 10, tzinfo=IZMIR)
    EventFactory(title="Festival", start=start, end=datetime(2027, 3, 11, 22, tzinfo=IZMIR))

    response = board_client.get(reverse("board:calendar_week", kwargs={"year": 2027, "week": 10}))

    assert [[e.title for e in d.events] for d in response.context["calendar"].days] == [
        [],
        ["Festival"],
        ["Festival"],
        ["Festival"],
        [],
        [],
        [],
    ]


def test_week_calendar_rejects_week_54(board_client):
    response = board_client.get(reverse("board:calendar_week", kwargs={"year": 2027, "week": 54}))

    assert response.status_code == 404
    assert "calendar" not in (response.context or {})


def _fill_march(count):
    venues = [VenueFactory(), BakuVenueFactory()]
    for index in range(count):
        start = datetime(2027, 3, 1 + index % 28, 10, tzinfo=IZMIR)
        EventFactory(venue=venues[index % 2], start=start, end=start + timedelta(hours=2))


# Session and user (2), permissions (2), cities for the filter, the events.
CALENDAR_QUERIES = 6


@pytest.mark.parametrize("count", [1, 30])
def test_month_calendar_query_count_does_not_grow_with_events(
    board_client, django_assert_num_queries, count
):
    _fill_march(count)

    with django_assert_num_queries(CALENDAR_QUERIES):
        response = _month(board_client)

    assert sum(len(c.events) for w in response.context["calendar"].weeks for c in w) == count


@pytest.mark.parametrize("count", [1, 30])
def test_week_calendar_query_count_does_not_grow_with_events(
    board_client, django_assert_num_queries, count
):
    _fill_march(count)

    with django_assert_num_queries(CALENDAR_QUERIES):
        response = board_client.get(
            reverse("board:calendar_week", kwargs={"year": 2027, "week": 9})
        )

    in_first_week = sum(1 for index in range(count) if 1 + index % 28 <= 7)
    assert sum(len(d.events) for d in response.context["calendar"].days) == in_first_week


def test_year_precision_plans_are_one_strip_never_in_the_months_or_weeks(board_client):
    EventFactory(
        title="Festivals during the year",
        date_precision=DatePrecision.YEAR,
        start=datetime(2027, 1, 1, tzinfo=IZMIR),
        end=datetime(2028, 1, 1, tzinfo=IZMIR),
    )

    march = _month(board_client)
    week = board_client.get(reverse("board:calendar_week", kwargs={"year": 2027, "week": 10}))
    next_year = _month(board_client, year=2028, month=1)

    calendar = march.context["calendar"]
    assert (calendar.unfixed, [e.title for e in calendar.this_year]) == (
        [],
        ["Festivals during the year"],
    )
    assert _titles_on(march, "2027-03-01") == []
    assert all(not day.events for day in week.context["calendar"].days)
    assert week.context["calendar"].unfixed == []
    assert next_year.context["calendar"].this_year == []


def test_month_calendar_lists_the_days_with_events_for_phones(board_client):
    EventFactory(
        title="Concert",
        start=datetime(2027, 3, 10, 19, tzinfo=IZMIR),
        end=datetime(2027, 3, 10, 21, tzinfo=IZMIR),
    )

    response = _month(board_client)

    days = response.context["calendar"].days_with_events
    assert [(d.day.isoformat(), [e.title for e in d.events]) for d in days] == [
        ("2027-03-10", ["Concert"])
    ]
    assert 'class="d-md-none calendar-list"' in response.content.decode()
