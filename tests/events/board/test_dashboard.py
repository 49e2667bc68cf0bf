from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from events.enums import DatePrecision, EventStatus, PlanningStatus, RegistrationStatus
from tests.factories import (
    BoardMemberFactory,
    DelegationVisitFactory,
    EventFactory,
    MeetingFactory,
    OutcomeFactory,
    PersonFactory,
    PlanningItemFactory,
    RegistrationFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def _soon(days=5, hour=10):
    return timezone.now().replace(hour=hour, minute=0, second=0, microsecond=0) + timedelta(
        days=days
    )


def test_dashboard_shows_fill_rate_and_waitlist_of_the_next_30_days(board_client):
    event = EventFactory(title="Gala", capacity=4, start=_soon(), end=_soon() + timedelta(hours=2))
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.PENDING)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    EventFactory(title="Far away", start=_soon(45), end=_soon(45) + timedelta(hours=1))

    response = board_client.get(reverse("board:dashboard"))

    upcoming = response.context["dashboard"].upcoming
    assert [e.title for e in upcoming] == ["Gala"]
    assert (upcoming[0].confirmed_count, upcoming[0].pending_count) == (2, 1)
    assert upcoming[0].waitlist_count == 1
    assert upcoming[0].fill_percent == 75
    content = response.content.decode()
    assert "3 of 4 seats" in content
    assert "1 on the waitlist" in content
    assert 'value="75" max="100"' in content


def test_dashboard_lists_events_still_at_month_precision(board_client):
    start = (timezone.localdate() + timedelta(days=70)).replace(day=1)
    EventFactory(
        title="Spring concert",
        date_precision=DatePrecision.MONTH,
        start=timezone.make_aware(timezone.datetime(start.year, start.month, 1)),
        end=timezone.make_aware(timezone.datetime(start.year, start.month, 28)),
    )

    response = board_client.get(reverse("board:dashboard"))

    assert [e.title for e in response.context["dashboard"].needs_date] == ["Spring concert"]


def test_dashboard_lists_unconfirmed_events_within_30_days(board_client):
    EventFactory(title="Idea soon", status=EventStatus.IDEA, start=_soon(3), end=_soon(3, 12))
    EventFactory(title="Planned soon", status=EventStatus.PLANNED, start=_soon(9), end=_soon(9, 12))
    EventFactory(title="Confirmed soon", start=_soon(4), end=_soon(4, 12))
    EventFactory(
        title="Planned later", status=EventStatus.PLANNED, start=_soon(60), end=_soon(60, 12)
    )

    response = board_client.get(reverse("board:dashboard"))

    assert [e.title for e in response.context["dashboard"].unconfirmed] == [
        "Idea soon",
        "Planned soon",
    ]


def test_dashboard_groups_overdue_items_by_owner(board_client):
    today = timezone.localdate()
    ayse = BoardMemberFactory(username="ayse", first_name="Ayşe", last_name="Demir")
    PlanningItemFactory(title="Book hotel", owner=ayse, due_on=today - timedelta(days=2))
    PlanningItemFactory(title="Visa letters", owner=ayse, due_on=today - timedelta(days=5))
    PlanningItemFactory(title="Nobody's", owner=None, due_on=today - timedelta(days=1))
    PlanningItemFactory(title="Due today", owner=ayse, due_on=today)
    PlanningItemFactory(
        title="Done late", owner=ayse, due_on=today - timedelta(days=9), status=PlanningStatus.DONE
    )

    response = board_client.get(reverse("board:dashboard"))

    groups = response.context["dashboard"].overdue_by_owner
    assert [(g.owner, [i.title for i in g.items]) for g in groups] == [
        (None, ["Nobody's"]),
        (ayse, ["Visa letters", "Book hotel"]),
    ]
    assert "Ayşe Demir" in response.content.decode()


def test_dashboard_shows_conflicts_across_time_zones(board_client):
    person = PersonFactory(full_name="Elvin Quliyev")
    first = EventFactory(title="Forum", start=_soon(6, 10), end=_soon(6, 12), responsible=person)
    second = EventFactory(title="Podcast", start=_soon(6, 11), end=_soon(6, 13))
    second.speakers.add(person)

    response = board_client.get(reverse("board:dashboard"))

    conflicts = response.context["dashboard"].conflicts
    assert [(c.event, c.other, c.person) for c in conflicts] == [(first, second, person)]
    assert "Elvin Quliyev is expected at both “Forum” and “Podcast”." in (response.content.decode())


def test_dashboard_lists_visits_without_meeting_or_outcome(board_client):
    DelegationVisitFactory(title="No meeting")
    MeetingFactory(visit=DelegationVisitFactory(title="No outcome"), outcomes="")
    MeetingFactory(visit=DelegationVisitFactory(title="Followed up"), outcomes="Roadmap signed")

    response = board_client.get(reverse("board:dashboard"))

    visits = response.context["dashboard"].visits_to_follow_up
    assert sorted((v.title, v.meeting_count) for v in visits) == [
        ("No meeting", 0),
        ("No outcome", 1),
    ]


def _busy_dashboard(count):
    venue = VenueFactory()
    person = PersonFactory()
    owner = BoardMemberFactory()
    for index in range(count):
        event = EventFactory(
            venue=venue,
            status=EventStatus.PLANNED,
            start=_soon(2 + index % 20),
            end=_soon(2 + index % 20, 14),
            responsible=person,
        )
        event.speakers.add(PersonFactory())
        RegistrationFactory(event=event)
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
        PlanningItemFactory(event=event, owner=owner, due_on=timezone.localdate() - timedelta(1))
        EventFactory(
            date_precision=DatePrecision.MONTH, start=_soon(40 + index), end=_soon(70 + index)
        )
        MeetingFactory(visit=DelegationVisitFactory())
        OutcomeFactory(owner=owner)


# Session and user (2), permissions (2), then: upcoming with counts, month precision,
# unconfirmed, overdue items, conflicts (2: events, speakers), visits, open follow-ups, business
# program events (its meeting and outcome counts add two more only when a matchmaking event exists).
DASHBOARD_QUERIES = 14  # the count of public events missing az or en text


@pytest.mark.parametrize("count", [1, 15])
def test_dashboard_query_count_does_not_grow_with_events(
    board_client, django_assert_num_queries, count
):
    _busy_dashboard(count)

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = board_client.get(reverse("board:dashboard"))

    assert len(response.context["dashboard"].upcoming) == count


def _window(precision, first, after, **fields):
    tz = ZoneInfo("Europe/Istanbul")
    return EventFactory(
        date_precision=precision,
        start=datetime.combine(first, time.min, tzinfo=tz),
        end=datetime.combine(after, time.min, tzinfo=tz),
        **fields,
    )


def test_undated_plans_appear_only_under_awaiting_a_date_soonest_window_end_first(board_client):
    today = timezone.localdate()
    year = _window(
        DatePrecision.YEAR,
        date(today.year, 1, 1),
        date(today.year + 1, 1, 1),
        title="Festivals during the year",
        status=EventStatus.PLANNED,
    )
    month_first = (today + timedelta(days=5)).replace(day=1)
    month = _window(
        DatePrecision.MONTH,
        month_first,
        (month_first + timedelta(days=32)).replace(day=1),
        title="Commemoration",
        status=EventStatus.IDEA,
    )
    passed = _window(
        DatePrecision.MONTH,
        date(today.year - 1, 3, 1),
        date(today.year - 1, 4, 1),
        title="Never scheduled",
        status=EventStatus.PLANNED,
    )
    _window(
        DatePrecision.YEAR,
        date(1986, 1, 1),
        date(1987, 1, 1),
        title="Protocol signed",
        is_milestone=True,
    )

    response = board_client.get(reverse("board:dashboard"))

    dashboard = response.context["dashboard"]
    by_window_end = sorted([passed, month, year], key=lambda e: (e.end, e.pk))
    assert [e.title for e in dashboard.needs_date] == [e.title for e in by_window_end]
    windows = {e.title: e.window for e in dashboard.needs_date}
    assert (windows[passed.title], windows[month.title]) == ("passed", "closing")
    assert dashboard.upcoming == []
    assert dashboard.unconfirmed == []
    assert "Date never fixed" in response.content.decode()


def test_dashboard_and_my_items_list_open_follow_ups(board_client, board_member):
    member = board_member
    mine = OutcomeFactory(owner=member, text="Send the roadmap draft")
    other = OutcomeFactory(text="Call the platform secretary")
    OutcomeFactory(owner=member, text="Already done", done_at=timezone.now())
    OutcomeFactory(owner=member, text="No date", follow_up_on=None)

    dashboard = board_client.get(reverse("board:dashboard")).context["dashboard"]
    my_items = board_client.get(reverse("board:my_items")).context["follow_ups"]

    assert sorted(o.text for o in dashboard.follow_ups) == sorted([mine.text, other.text])
    assert [o.text for o in my_items] == [mine.text]
