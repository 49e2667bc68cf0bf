from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events.enums import DatePrecision, EventKind, EventStatus, Recurrence
from events.models import Event
from events.public.selectors import PROGRAM_PAGE_SIZE
from events.timezones import BAKU, IZMIR
from tests.factories import (
    BakuVenueFactory,
    EventFactory,
    MilestoneFactory,
    OrganizationFactory,
    PendingRegistrationFactory,
    RegistrationFactory,
    VenueFactory,
    WaitlistedRegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    # Assertions read the English msgids; the site's default language is Turkish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


IZ = ZoneInfo(IZMIR)
BK = ZoneInfo(BAKU)


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def titles(html: str, candidates) -> list[str]:
    return [title for title in candidates if title in html]


# --- home -----------------------------------------------------------------------------------


def test_home_shows_protocol_milestone_next_events_and_months(client):
    MilestoneFactory(title="Sister-city protocol signed")
    EventFactory(title="Nevruz concert", is_demo=True)
    EventFactory(title="Board retreat", is_public=False)

    html = page(client, "/en/")

    assert titles(html, ["Sister-city protocol signed", "Nevruz concert", "Board retreat"]) == [
        "Sister-city protocol signed",
        "Nevruz concert",
    ]
    assert "1986" in html
    assert "Demo example" in html
    assert html.count('href="/en/program/2026/') == 12


def test_home_next_events_leave_out_plans_known_only_by_year(client):
    EventFactory(
        title="Youth exchange",
        start=datetime(2026, 1, 1, tzinfo=IZ),
        end=datetime(2027, 1, 1, tzinfo=IZ),
        date_precision=DatePrecision.YEAR,
    )
    EventFactory(title="Nevruz concert")

    html = page(client, "/en/")

    assert titles(html, ["Youth exchange", "Nevruz concert"]) == ["Nevruz concert"]


# --- program list ---------------------------------------------------------------------------


def test_program_lists_upcoming_public_events_only(client):
    EventFactory(title="Upcoming forum")
    EventFactory(title="Internal planning", is_public=False)
    EventFactory(
        title="Last spring's fair",
        start=timezone.now() - timedelta(days=200),
        end=timezone.now() - timedelta(days=199),
    )

    html = page(client, "/en/program/")

    assert titles(html, ["Upcoming forum", "Internal planning", "Last spring's fair"]) == [
        "Upcoming forum"
    ]


def test_program_with_past_included_indexes_past_months_and_marks_past_and_cancelled(client):
    fair = EventFactory(
        title="Last spring's fair",
        start=timezone.now() - timedelta(days=200),
        end=timezone.now() - timedelta(days=199),
    )
    EventFactory(title="Called-off gala", status=EventStatus.CANCELLED)
    past_month = fair.local_start.strftime("%Y-%m")

    without = page(client, "/en/program/")
    index = page(client, "/en/program/", past="on")
    html = page(client, "/en/program/", past="on", month=past_month)
    upcoming = page(client, "/en/program/")

    assert f"?month={past_month}" not in without
    assert f"?month={past_month}&amp;past=on" in index
    assert "Last spring&#x27;s fair" in html
    assert "Past event" in html
    assert "<s>Called-off gala</s>" in upcoming
    assert "Cancelled" in upcoming


def test_program_filters_by_city_and_kind(client):
    EventFactory(title="Bakü forum", venue=BakuVenueFactory(), kind=EventKind.BUSINESS_FORUM)
    EventFactory(title="Bakü concert", venue=BakuVenueFactory(), kind=EventKind.CULTURAL_FESTIVAL)
    EventFactory(title="İzmir forum", venue=VenueFactory(), kind=EventKind.BUSINESS_FORUM)

    html = page(client, "/en/program/", city="Bakü", kind=EventKind.BUSINESS_FORUM)

    assert titles(html, ["Bakü forum", "Bakü concert", "İzmir forum"]) == ["Bakü forum"]


def test_program_month_filter_uses_the_venue_zone(client):
    # 00:30 on 1 December in Bakü is still 30 November in İzmir: it belongs to December.
    EventFactory(
        title="Midnight start",
        venue=BakuVenueFactory(),
        start=datetime(2026, 12, 1, 0, 30, tzinfo=BK),
        end=datetime(2026, 12, 1, 2, 0, tzinfo=BK),
    )
    EventFactory(
        title="November talk",
        start=datetime(2026, 11, 30, 10, tzinfo=IZ),
        end=datetime(2026, 11, 30, 12, tzinfo=IZ),
    )

    december = page(client, "/en/program/", month="2026-12")

    assert titles(december, ["Midnight start", "November talk"]) == ["Midnight start"]


def test_program_month_precision_is_date_to_be_announced_and_year_precision_during_the_year(
    client,
):
    EventFactory(
        title="Spring festival",
        start=datetime(2027, 4, 1, tzinfo=IZ),
        end=datetime(2027, 5, 1, tzinfo=IZ),
        date_precision=DatePrecision.MONTH,
    )
    EventFactory(
        title="Youth exchange",
        start=datetime(2027, 1, 1, tzinfo=IZ),
        end=datetime(2028, 1, 1, tzinfo=IZ),
        date_precision=DatePrecision.YEAR,
    )

    html = page(client, "/en/program/", month="2027-04")

    assert "Date to be announced" in html
    assert "April 2027 (date to be announced)" in html
    assert "During 2027" in html
    assert "2027 (date to be announced)" in html
    assert html.index("April 2027 (date") < html.index("During 2027")


def test_program_unknown_month_shows_everything(client):
    EventFactory(title="Upcoming forum")

    html = page(client, "/en/program/", month="not-a-month")

    assert "Upcoming forum" in html


def test_program_unknown_city_says_so_and_lists_nothing(client):
    EventFactory(title="Upcoming forum")

    html = page(client, "/en/program/", city="Atlantis", month="not-a-month")

    assert "Upcoming forum" not in html
    assert "There are no events in “Atlantis”: choose a city from the list." in html


def test_program_escapes_html_in_titles(client):
    EventFactory(title="<b>Bold</b> night")

    html = page(client, "/en/program/")

    assert "&lt;b&gt;Bold&lt;/b&gt; night" in html
    assert "<b>Bold</b> night" not in html


# --- month calendar -------------------------------------------------------------------------


def test_calendar_places_events_on_their_local_day_with_prev_and_next(client):
    EventFactory(
        title="Evening in Bakü",
        venue=BakuVenueFactory(),
        start=datetime(2026, 12, 10, 19, tzinfo=BK),
        end=datetime(2026, 12, 10, 22, tzinfo=BK),
    )
    EventFactory(
        title="April plans",
        start=datetime(2026, 12, 1, tzinfo=IZ),
        end=datetime(2027, 1, 1, tzinfo=IZ),
        date_precision=DatePrecision.MONTH,
    )
    EventFactory(
        title="January concert",
        start=datetime(2027, 1, 5, 19, tzinfo=IZ),
        end=datetime(2027, 1, 5, 21, tzinfo=IZ),
    )

    html = page(client, "/en/program/2026/12/")

    assert "19:00 Evening in Bakü" in html
    assert "This month, date to be announced" in html
    assert "April plans" in html
    assert "January concert" not in html
    assert 'href="/en/program/2026/11/"' in html
    assert 'href="/en/program/2027/1/"' in html


def test_calendar_shows_yearly_event_on_its_anniversary(client):
    EventFactory(
        title="Sister-city conference",
        start=datetime(2022, 6, 15, 10, tzinfo=IZ),
        end=datetime(2022, 6, 15, 17, tzinfo=IZ),
        recurrence=Recurrence.YEARLY,
    )

    html = page(client, "/en/program/2027/6/")

    assert "10:00 Sister-city conference" in html


def test_calendar_keeps_filters_in_prev_next_links(client):
    EventFactory(venue=BakuVenueFactory())

    html = page(client, "/en/program/2026/12/", city="Bakü", kind=EventKind.CONFERENCE)

    # The English page spells the city its own way, whichever spelling was asked.
    assert 'href="/en/program/2027/1/?city=Baku&amp;kind=conference"' in html


def test_calendar_filters_by_city(client):
    EventFactory(
        title="Evening in Bakü",
        venue=BakuVenueFactory(),
        start=datetime(2026, 12, 10, 19, tzinfo=BK),
        end=datetime(2026, 12, 10, 22, tzinfo=BK),
    )
    EventFactory(
        title="Evening in İzmir",
        start=datetime(2026, 12, 11, 19, tzinfo=IZ),
        end=datetime(2026, 12, 11, 22, tzinfo=IZ),
    )

    html = page(client, "/en/program/2026/12/", city="İzmir")

    assert titles(html, ["Evening in Bakü", "Evening in İzmir"]) == ["Evening in İzmir"]


def test_calendar_without_month_redirects_to_this_month(client):
    response = client.get("/en/program/calendar/")

    today = timezone.localdate()
    assert response.status_code == 302
    assert response["Location"] == f"/en/program/{today.year}/{today.month}/"


def test_calendar_impossible_month_is_not_found(client):
    assert client.get("/en/program/2026/13/").status_code == 404


# --- event page -----------------------------------------------------------------------------


@pytest.mark.now("2026-11-25T10:00:00+03:00")  # the event below is still to come
def test_event_page_shows_local_time_with_zone_and_the_other_city(client):
    organizer = OrganizationFactory(name="İZAZDER")
    event = EventFactory(
        title="Evening in Bakü",
        venue=BakuVenueFactory(name="Heydər Əliyev Mərkəzi", address="Heydər Əliyev prospekti 1"),
        start=datetime(2026, 12, 10, 19, tzinfo=BK),
        end=datetime(2026, 12, 10, 22, tzinfo=BK),
        description="Music & poetry",
        kind=EventKind.CULTURAL_FESTIVAL,
        capacity=10,
    )
    event.organizers.add(organizer)
    RegistrationFactory.create_batch(3, event=event)

    html = page(client, event.get_absolute_url())

    assert "19:00–22:00 Baku · 18:00 Izmir" in html
    assert "Heydər Əliyev prospekti 1" in html
    assert "İZAZDER" in html
    assert "Music &amp; poetry" in html
    assert "Cultural festival" in html
    assert "7 seats left." in html


def test_event_page_full_event_offers_the_waitlist(client):
    event = EventFactory(capacity=2)
    RegistrationFactory(event=event)
    PendingRegistrationFactory(event=event)
    WaitlistedRegistrationFactory(event=event)

    html = page(client, event.get_absolute_url())

    assert "Waitlist open" in html
    assert "Join the waitlist" in html


def test_event_page_closed_and_full_says_full(client):
    event = EventFactory(capacity=1, registration_closes=timezone.now() - timedelta(hours=1))
    RegistrationFactory(event=event)

    html = page(client, event.get_absolute_url())

    assert "Full: registration is closed." in html
    assert "Join the waitlist" not in html


def test_event_page_closed_registration_says_so(client):
    event = EventFactory(registration_closes=timezone.now() - timedelta(hours=1))

    html = page(client, event.get_absolute_url())

    assert "Registration for this event is closed." in html
    assert f'href="/en/events/{event.slug}/register/"' not in html


def test_event_page_past_event_is_marked(client):
    event = EventFactory(
        start=timezone.now() - timedelta(days=3), end=timezone.now() - timedelta(days=2)
    )

    html = page(client, event.get_absolute_url())

    assert "This event has taken place." in html
    assert "Register" not in html.split("<aside")[1].split("</aside>")[0].replace(
        "Registration", ""
    )


def test_event_page_cancelled_event_is_marked(client):
    event = EventFactory(status=EventStatus.CANCELLED)

    html = page(client, event.get_absolute_url())

    assert "This event has been cancelled." in html


def test_event_page_demo_event_shows_badge(client):
    event = EventFactory(is_demo=True)

    html = page(client, event.get_absolute_url())

    assert "Demo example" in html


def test_event_page_internal_event_is_not_found(client):
    event = EventFactory(is_public=False)

    responses = [
        client.get(event.get_absolute_url()),
        client.get(f"/en/events/{event.slug}/event.ics"),
        client.get(f"/en/events/{event.slug}/register/"),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]


def test_privacy_notice_is_linked_from_the_form(client):
    event = EventFactory()

    form = page(client, f"/en/events/{event.slug}/register/")
    notice = page(client, "/en/privacy/")

    assert 'href="/en/privacy/"' in form
    assert "Privacy notice for event registration" in notice


# --- query counts ---------------------------------------------------------------------------


def _program(count: int):
    venue = VenueFactory()
    start = timezone.now().replace(microsecond=0) + timedelta(days=3)
    for index in range(count):
        event = EventFactory(
            venue=venue if index % 2 else BakuVenueFactory(),
            start=start + timedelta(hours=index),
            end=start + timedelta(hours=index + 2),
        )
        RegistrationFactory(event=event)
        WaitlistedRegistrationFactory(event=event)
    return start


@pytest.mark.parametrize("count", [1, 60])
def test_program_list_query_count_does_not_grow(client, django_assert_num_queries, count):
    start = _program(count)
    month = start.astimezone(IZ).strftime("%Y-%m")
    in_month = sum(
        1 for event in Event.objects.all() if event.local_start.strftime("%Y-%m") == month
    )

    # Cities, the program's version (2), the span of the program and the month index (kept
    # until the version changes), the month's events with their venue and seat counts; the
    # page holds at most PROGRAM_PAGE_SIZE of them.
    with django_assert_num_queries(6):
        html = page(client, "/en/program/", month=month)

    assert html.count('class="card mb-2') == min(in_month, PROGRAM_PAGE_SIZE)


@pytest.mark.parametrize("count", [1, 50])
def test_month_calendar_query_count_does_not_grow(client, django_assert_num_queries, count):
    start = _program(count)

    # The cities for the filter, then the month's events with venue and seat counts.
    with django_assert_num_queries(2):
        html = page(client, f"/en/program/{start.year}/{start.month}/")

    assert html.count("kind-cultural_festival ps-1") >= count


@pytest.mark.parametrize("count", [1, 50])
def test_home_query_count_does_not_grow(client, django_assert_num_queries, count):
    _program(count)
    MilestoneFactory()

    # Milestones, next events (2: the dated ones, then the yearly series by their next
    # occurrence), the program's version (2) and the month tiles (counted once a version, the
    # worst case here).
    with django_assert_num_queries(6):
        page(client, "/en/")
