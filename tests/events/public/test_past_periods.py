"""A record known only by its year or month whose year or month is over (the 1986 protocol, a
forum of "June 2025") reads as past at that precision on every page, feed and mail: never "date
to be announced", never "registration opens once the date is fixed" (Event.date_to_be_announced
is the one rule). A plan still to come keeps that wording."""

from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from events.availability import NOT_OPEN, PAST, availability
from events.enums import DatePrecision, EventStatus
from events.models import Event
from events.seed import load_facts
from events.templatetags.program import event_when, public_status
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")
PROTOCOL_SLUG = "izmir-baku-sister-city-protocol-1986"


def announcement_wording(language: str) -> list[str]:
    """The phrases of "date to be announced" and "registration opens once the date is fixed"
    as the catalog of `language` writes them."""
    with translation.override(language):
        return [
            gettext("%(year)s (date to be announced)") % {"year": ""},
            gettext("%(title)s (date to be announced)") % {"title": ""},
            gettext("Date to be announced"),
            gettext("This month, date to be announced"),
            gettext("This month, day not fixed yet"),
            gettext("Registration opens once the date is fixed."),
        ]


def _announced(text: str, language: str = "en") -> list[str]:
    return [phrase.strip() for phrase in announcement_wording(language) if phrase.strip() in text]


def _month_record(year, month, **fields):
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=IZMIR)
    return EventFactory(
        date_precision=DatePrecision.MONTH,
        start=datetime(year, month, 1, tzinfo=IZMIR),
        end=end,
        **fields,
    )


@pytest.fixture
def protocol(db):
    load_facts()
    return Event.objects.get(slug=PROTOCOL_SLUG)


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_the_1986_protocol_page_reads_1986_and_past_in_every_language(client, protocol, language):
    page = client.get(f"/{language}/events/{PROTOCOL_SLUG}/")

    html = page.content.decode()
    with translation.override(language):
        taken_place = gettext("This event has already taken place.")
    assert page.status_code == 200
    assert _announced(html, language) == []
    assert "1986" in html
    assert taken_place in html
    assert page.context["availability"].state == PAST


def test_the_1986_protocol_reads_past_in_its_calendar_file_and_on_the_home_page(client, protocol):
    ics = client.get(reverse("events:ics", kwargs={"slug": PROTOCOL_SLUG}))
    home = client.get("/en/")

    summary = str(icalendar.Calendar.from_ical(ics.content).walk("VEVENT")[0]["SUMMARY"])
    assert _announced(summary) == []
    assert summary == protocol.title_en
    assert _announced(home.content.decode()) == []
    assert "1986" in home.content.decode()


def test_a_past_month_record_reads_its_month_on_program_calendar_and_event_page(client):
    forum = _month_record(2025, 6, title="Diaspora forum", status=EventStatus.DONE)

    program = client.get("/en/program/", {"month": "2025-06", "past": "on"}).content.decode()
    calendar = client.get("/en/program/2025/6/").content.decode()
    detail = client.get(forum.get_absolute_url()).content.decode()

    for html in (program, calendar, detail):
        assert "Diaspora forum" in html
        assert _announced(html) == []
    assert "This month, day not recorded" in program
    assert "This month, day not recorded" in calendar
    assert "June 2025" in detail
    assert "Took place" in detail


def test_a_past_month_record_is_not_a_plan_without_a_day_on_the_board(board_client):
    forum = _month_record(2025, 6, title="Diaspora forum", status=EventStatus.DONE)

    calendar = board_client.get(reverse("board:calendar_month", args=[2025, 6])).content.decode()
    detail = board_client.get(forum.get_board_url()).content.decode()

    assert "Diaspora forum" in calendar
    assert "This month, day not recorded" in calendar
    assert _announced(calendar) == []
    assert _announced(detail) == []


def test_a_plan_still_to_come_keeps_date_to_be_announced(client, now):
    year = now.year + 1
    plan = _month_record(year, 4, title="Spring festival", status=EventStatus.PLANNED)

    detail = client.get(plan.get_absolute_url())
    ics = client.get(reverse("events:ics", kwargs={"slug": plan.slug}))

    assert f"April {year} (date to be announced)" in detail.content.decode()
    assert "Registration opens once the date is fixed." in detail.content.decode()
    assert detail.context["availability"].state == NOT_OPEN
    assert "(date to be announced)" in ics.content.decode()


@pytest.mark.parametrize(
    ("precision", "status", "milestone", "when", "status_text"),
    [
        (DatePrecision.YEAR, EventStatus.DONE, True, "2019", "Took place"),
        (DatePrecision.YEAR, EventStatus.PLANNED, True, "2019", "Took place"),
        (DatePrecision.YEAR, EventStatus.DONE, False, "2019", "Took place"),
        (DatePrecision.MONTH, EventStatus.DONE, False, "May 2019", "Took place"),
        (DatePrecision.MONTH, EventStatus.CANCELLED, False, "May 2019", "Cancelled"),
        (DatePrecision.YEAR, EventStatus.PLANNED, False, "2019 (date never fixed)", None),
    ],
)
def test_every_past_undated_record_reads_as_past_with_its_precision(
    precision, status, milestone, when, status_text
):
    start = datetime(2019, 5 if precision == DatePrecision.MONTH else 1, 1, tzinfo=IZMIR)
    end = datetime(2019, 6, 1, tzinfo=IZMIR) if precision == DatePrecision.MONTH else None
    event = EventFactory(
        date_precision=precision,
        status=status,
        is_milestone=milestone,
        start=start,
        end=end or datetime(2020, 1, 1, tzinfo=IZMIR),
    )

    with translation.override("en"):
        text, state = event_when(event), public_status(event)
        seats = availability(event, seats_held=0)

    assert event.date_to_be_announced is False
    assert text == when
    if status_text:
        assert state == status_text
    assert _announced(seats.message or "") == []
    assert seats.can_register is False


def test_a_cancelled_plan_announces_no_date(client, now):
    plan = _month_record(now.year + 1, 4, status=EventStatus.CANCELLED)

    detail = client.get(plan.get_absolute_url()).content.decode()

    assert plan.date_to_be_announced is False
    assert _announced(detail) == []


def test_the_calendar_file_of_a_past_month_record_announces_nothing(client):
    forum = _month_record(2025, 6, title="Diaspora forum", status=EventStatus.DONE)

    ics = client.get(reverse("events:ics", kwargs={"slug": forum.slug}))

    (component,) = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert str(component["SUMMARY"]) == "Diaspora forum"
    # The feed leaves records known only by a month or year out (selectors.feed_events).
    assert b"Diaspora forum" not in client.get("/calendar.ics").content


def test_a_record_known_only_by_its_year_never_takes_registrations_whatever_the_moment(now):
    event = EventFactory(
        date_precision=DatePrecision.YEAR,
        status=EventStatus.DONE,
        start=datetime(2019, 1, 1, tzinfo=IZMIR),
        end=datetime(2020, 1, 1, tzinfo=IZMIR),
    )

    earlier = availability(event, seats_held=0, now=datetime(2019, 3, 1, tzinfo=IZMIR))

    assert (earlier.state, earlier.can_register) == (PAST, False)
