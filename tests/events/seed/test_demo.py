"""The demo program: upcoming examples in both cities, loaded and removed without touching facts."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.enums import DatePrecision, RegistrationStatus
from events.models import Event, Registration, Venue
from events.seed import load_facts
from events.seed.demo import load_demo, remove_demo
from tests.events.seed.test_facts import _checksum, _counts
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

# 42 on the sample events, 20 on the two events under way today (check-in to try), and the 30
# participants of the demo forum's business program.
SAMPLE_REGISTRATIONS = 42 + 20 + 30


@pytest.mark.usefixtures("turkish")
def test_demo_loads_upcoming_events_in_both_cities():
    now = timezone.now()

    load_demo(now=now)

    events = list(Event.objects.demo().exclude(slug__endswith="-today").select_related("venue"))
    assert {(e.venue.city, e.time_zone) for e in events} == {
        ("İzmir", "Europe/Istanbul"),
        ("Bakü", "Asia/Baku"),
    }
    assert all(timedelta(weeks=2) <= e.start - now <= timedelta(weeks=8) for e in events)
    assert all(20 <= e.capacity <= 120 for e in events)
    assert all(e.date_precision == DatePrecision.EXACT for e in events)
    assert all(e.registration_opens <= now < e.registration_closes < e.start for e in events)
    assert all(e.title.startswith("Örnek: ") for e in events)
    assert len(events) == 6


def test_demo_events_start_at_round_local_times():
    load_demo()

    times = {
        e.slug: e.local_start.strftime("%H:%M")
        for e in Event.objects.demo().select_related("venue")
    }

    assert times["demo-business-breakfast"] == "09:30"
    assert times["demo-tea-and-poetry-evening"] == "19:00"


def test_demo_marks_every_row_it_writes():
    load_demo()

    assert Event.objects.filter(is_demo=False).count() == 0
    assert Venue.objects.filter(is_demo=False).count() == 0
    assert Registration.objects.filter(is_demo=False).count() == 0
    assert Registration.objects.count() == SAMPLE_REGISTRATIONS


def test_demo_shows_a_full_event_with_a_waitlist_and_a_half_full_one():
    load_demo()

    tea = Event.objects.get(slug="demo-tea-and-poetry-evening")
    breakfast = Event.objects.get(slug="demo-business-breakfast")
    assert (tea.capacity, tea.registrations.holding_seat().count()) == (20, 20)
    assert [r.full_name for r in tea.registrations.waitlist()] == [
        "Örnek katılımcı 21",
        "Örnek katılımcı 22",
        "Örnek katılımcı 23",
    ]
    assert (breakfast.capacity, breakfast.registrations.confirmed().count()) == (40, 12)
    assert breakfast.registrations.pending().count() == 2


def test_demo_twice_changes_nothing():
    load_demo()
    counts, checksum = _counts(), _checksum()
    registrations = list(Registration.objects.order_by("pk").values_list("pk", "email", "status"))

    report, made = load_demo()

    assert (_counts(), _checksum(), made) == (counts, checksum, 0)
    assert list(Registration.objects.order_by("pk").values_list("pk", "email", "status")) == (
        registrations
    )
    assert sum(report.created.values()) == 0


def test_demo_load_and_remove_leave_the_facts_untouched():
    load_facts()
    counts, checksum = _counts(), _checksum()

    load_demo()
    removed = remove_demo()

    assert (_counts(), _checksum()) == (counts, checksum)
    assert removed == {
        "registrations": SAMPLE_REGISTRATIONS,
        "events": 8,
        "venues": 2,
        "venues_kept": 0,
    }


def test_demo_remove_keeps_real_rows_and_a_demo_hall_a_real_event_uses():
    load_demo()
    real = RegistrationFactory(status=RegistrationStatus.CONFIRMED)
    demo_hall = Venue.objects.get(seed_key="demo:venue:baku")
    booked = EventFactory(venue=demo_hall, title="Real board meeting")

    removed = remove_demo()

    assert removed["venues_kept"] == 1
    assert list(Event.objects.values_list("title", flat=True).order_by("title")) == sorted(
        [real.event.title, booked.title]
    )
    assert list(Registration.objects.all()) == [real]
    assert list(Venue.objects.filter(is_demo=True)) == [demo_hall]


def test_demo_remove_also_removes_registrations_made_on_demo_events():
    load_demo()
    event = Event.objects.get(slug="demo-film-evening")
    RegistrationFactory(event=event, email="visitor@example.org")

    removed = remove_demo()

    assert removed["registrations"] == SAMPLE_REGISTRATIONS + 1
    assert Registration.objects.count() == 0


def test_demo_command_loads_and_removes():
    load_facts()
    out = io.StringIO()

    call_command("demo", stdout=out)
    loaded = Event.objects.demo().count()
    call_command("demo", "--remove", stdout=out)

    assert (loaded, Event.objects.demo().count(), Event.objects.facts().count()) == (8, 0, 18)
    assert f"{SAMPLE_REGISTRATIONS} sample registrations" in out.getvalue()
    assert (
        f"Demo program removed: 8 events, {SAMPLE_REGISTRATIONS} registrations, 2 venues."
        in out.getvalue()
    )


def test_demo_command_refresh_moves_past_examples_to_new_dates():
    long_ago = timezone.now() - timedelta(days=120)
    load_demo(now=long_ago)
    out = io.StringIO()

    call_command("demo", stdout=out)
    stale_hint = "already over" in out.getvalue()
    call_command("demo", "--refresh", stdout=out)

    assert stale_hint is True
    assert Event.objects.demo().past().count() == 0
    assert Event.objects.demo().count() == 8


def test_demo_has_an_event_running_today_in_each_city_with_arrived_and_awaited_delegates():
    now = timezone.now()

    load_demo(now=now)

    today = Event.objects.demo().filter(slug__endswith="-today").select_related("venue")
    assert sorted(
        (
            e.time_zone,
            e.start <= now < e.end,
            e.registrations.attended().count(),
            e.registrations.confirmed().filter(attended_at__isnull=True).count(),
        )
        for e in today
    ) == [("Asia/Baku", True, 3, 5), ("Europe/Istanbul", True, 5, 7)]
