"""The program at the scale of an announced program (2,000 events): no page renders every
event, a page stays under 150 kB, and the queries do not grow with the events."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from events.enums import EventKind, EventStatus
from events.models import Event
from events.public.selectors import CALENDAR_DAY_TITLES, PROGRAM_PAGE_SIZE, ProgramFilters
from tests.factories import BakuVenueFactory, VenueFactory

pytestmark = pytest.mark.django_db

PAGE_LIMIT = 150_000  # bytes


def _many(count: int, *, busy_share: float = 0.25) -> str:
    """`count` public events over the next year, a quarter of them in one busy month; returns
    that month as the program's ?month= value."""
    venues = [VenueFactory(), BakuVenueFactory()]
    start = timezone.now().replace(microsecond=0, second=0, minute=0) + timedelta(days=40)
    busy = int(count * busy_share)
    Event.objects.bulk_create(
        Event(
            title=f"Program item {index} — İzmir–Bakü",
            slug=f"item-{index}",
            kind=EventKind.CULTURAL_FESTIVAL,
            status=EventStatus.CONFIRMED,
            venue=venues[index % 2],
            start=(moment := start + timedelta(hours=index % 500 if index < busy else 3 * index)),
            end=moment + timedelta(hours=2),
            capacity=100,
            description="Bir akşam konseri. " * 20,
        )
        for index in range(count)
    )
    return timezone.localtime(start).strftime("%Y-%m")


def test_program_at_2000_events_shows_one_month_a_page_under_150_kb(client):
    busy_month = _many(2000)

    opening = client.get("/en/program/")
    busy = client.get("/en/program/", {"month": busy_month})
    last_page = client.get("/en/program/", {"month": busy_month, "page": 999})

    sizes = [len(response.content) for response in (opening, busy, last_page)]
    assert [size < PAGE_LIMIT for size in sizes] == [True, True, True], sizes
    cards = [response.content.decode().count('class="card mb-2') for response in (busy, last_page)]
    assert cards[0] == PROGRAM_PAGE_SIZE
    assert 0 < cards[1] <= PROGRAM_PAGE_SIZE
    assert busy.context["listing"].count > PROGRAM_PAGE_SIZE  # it was paginated, not cut


def test_program_queries_do_not_grow_from_1_to_2000_events(client, assert_constant_queries):
    month = (timezone.localdate() + timedelta(days=40)).strftime("%Y-%m")
    Event.objects.bulk_create(
        [
            Event(
                title="Only one",
                slug="only-one",
                kind=EventKind.CONFERENCE,
                venue=VenueFactory(),
                start=timezone.now() + timedelta(days=40),
                end=timezone.now() + timedelta(days=40, hours=2),
            )
        ]
    )

    def request():
        cache.clear()  # the worst case: the month index is counted afresh
        return client.get("/en/program/", {"month": month})

    response = assert_constant_queries(
        request,
        lambda: _many(1999),
    )

    assert response.context["listing"].count >= 1


def test_month_calendar_at_2000_events_stays_under_150_kb(client):
    busy_month = _many(2000)
    year, month = map(int, busy_month.split("-"))

    response = client.get(f"/en/program/{year}/{month}/")

    assert response.status_code == 200
    assert len(response.content) < PAGE_LIMIT, len(response.content)
    busiest = max(response.context["calendar"].days_with_events, key=lambda d: len(d.events))
    assert len(busiest.events) > CALENDAR_DAY_TITLES  # a busy day: named in part, linked


def test_a_day_link_of_the_calendar_lists_that_day_in_the_program(client):
    busy_month = _many(200)
    year, month = map(int, busy_month.split("-"))
    grid = client.get(f"/en/program/{year}/{month}/").context["calendar"]
    busiest = max(grid.days_with_events, key=lambda d: len(d.events))
    link = f"?month={busy_month}&amp;day={busiest.day.day}"
    assert link in client.get(f"/en/program/{year}/{month}/").content.decode()

    listing = client.get("/en/program/", {"month": busy_month, "day": busiest.day.day})

    shown = {event.pk for event in listing.context["page_obj"]}
    assert shown == {event.pk for event in busiest.events[:PROGRAM_PAGE_SIZE]}
    assert listing.context["listing"].count == len(busiest.events)


def test_month_calendar_queries_do_not_grow_from_1_to_2000_events(
    client, assert_constant_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own work
    day = timezone.localdate() + timedelta(days=40)

    def request():
        cache.clear()  # the worst case: the cities for the filter are read afresh
        return client.get(f"/en/program/{day.year}/{day.month}/")

    assert_constant_queries(request, lambda: _many(2000))


def test_a_day_the_month_does_not_have_is_no_day():
    filters = ProgramFilters(day=31)

    assert (filters.the_day(date(2027, 2, 1)), filters.the_day(date(2027, 3, 1))) == (
        None,
        date(2027, 3, 31),
    )


@pytest.mark.parametrize("day", ["0", "32", "x"])
def test_a_day_out_of_range_answers_the_program_not_an_error(client, day):
    _many(20)

    response = client.get("/en/program/", {"day": day})

    assert (response.status_code, response.context["day"]) == (200, None)
