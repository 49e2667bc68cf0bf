"""The weekly board digest: who gets it, when, and what it says."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from events.enums import (
    DatePrecision,
    EventStatus,
    PlanningStatus,
    RegistrationStatus,
)
from events.models import ReminderDelivery
from events.services import reminders
from events.timezones import IZMIR
from tests.factories import (
    BoardMemberFactory,
    EventFactory,
    PersonFactory,
    PlanningItemFactory,
    RegistrationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# --- digest --------------------------------------------------------------------------------
def test_board_digest_goes_to_board_members_and_superusers_once_a_week(
    django_capture_on_commit_callbacks, settings
):
    settings.LANGUAGE_CODE = "tr"  # staff, cron and board get the site language
    member = BoardMemberFactory()
    superuser = StaffFactory()
    # Staff outside the Board group fix things in the admin; the digest's links are board pages.
    UserFactory(is_staff=True)
    UserFactory()  # neither board nor staff
    BoardMemberFactory(is_active=False)
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        first = reminders.plan_board_digests(now=now)
        reminders.dispatch_due(now=now)
        second = reminders.plan_board_digests(now=now + timedelta(hours=1))

    assert (first, second) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, superuser.email])
    # Users have no language of their own: the site's, Turkish.
    assert {m.subject.split(":")[0] for m in mail.outbox} == {"Kardeş 40 bu hafta"}
    keys = set(ReminderDelivery.objects.values_list("subject_key", flat=True))
    year, week, _ = reminders.digest_due_at(now).astimezone(ZoneInfo(IZMIR)).isocalendar()
    assert keys == {f"digest:{year}-W{week:02d}"}


def test_board_digest_lists_events_fill_rates_waitlists_and_undated_events(
    django_capture_on_commit_callbacks,
):
    BoardMemberFactory(email="board@example.org")
    PersonFactory(email="Board@example.org", preferred_language="en")
    soon = EventFactory(title="İş forumu", capacity=4, start=timezone.now() + timedelta(days=5))
    RegistrationFactory.create_batch(3, event=soon)
    RegistrationFactory(event=soon, status=RegistrationStatus.WAITLISTED)
    month = timezone.now().astimezone(ZoneInfo(IZMIR)).replace(day=1, hour=0, minute=0)
    EventFactory(
        title="Gənclər proqramı",
        date_precision=DatePrecision.MONTH,
        start=month,
        end=month + timedelta(days=31),
    )
    EventFactory(title="Later", start=timezone.now() + timedelta(days=20))
    EventFactory(
        title="Cancelled one",
        status=EventStatus.CANCELLED,
        start=timezone.now() + timedelta(days=2),
    )
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        reminders.plan_board_digests(now=now)
        reminders.dispatch_due(now=now)

    [digest] = mail.outbox
    assert digest.subject.startswith("Kardeş 40 this week:")
    assert "İş forumu" in digest.body and "Seats: 3 of 4 (75%) · Waitlist: 1" in digest.body
    assert "Dates still known only by month\n- Gənclər proqramı" in digest.body
    assert "Later" not in digest.body and "Cancelled one" not in digest.body
    assert "Overdue planning items\nNone." in digest.body
    assert (
        '<td style="padding:4px;vertical-align:top;text-align:right;">3 / 4 (75%)'
        in (digest.alternatives[0][0])
    )


def test_board_digest_lists_overdue_planning_items_with_owner(django_capture_on_commit_callbacks):
    member = BoardMemberFactory(email="board@example.org", first_name="Leyla", last_name="Aras")
    event = EventFactory(title="B2B görüşmeleri")
    PlanningItemFactory(
        event=event,
        title="Book tables",
        owner=member,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    PlanningItemFactory(
        event=event, title="Send agendas", due_on=timezone.localdate() + timedelta(days=2)
    )
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        reminders.plan_board_digests(now=now)
        reminders.dispatch_due(now=now)

    [digest] = [m for m in mail.outbox if m.to == ["board@example.org"]]
    assert "Book tables — B2B görüşmeleri · Leyla Aras" in digest.body
    assert "Send agendas" not in digest.body


def test_sweep_catches_up_a_missed_digest_on_monday_only():
    BoardMemberFactory()
    monday_8 = reminders.digest_due_at(timezone.now())

    on_monday = reminders.plan_board_digests(now=monday_8 + timedelta(hours=3), catch_up_only=True)
    ReminderDelivery.objects.all().delete()
    on_tuesday = reminders.plan_board_digests(now=monday_8 + timedelta(days=1), catch_up_only=True)

    assert (on_monday, on_tuesday) == (1, 0)


def test_overdue_planning_items_lists_unfinished_items_past_due_oldest_first(now):
    today = timezone.localdate(now)
    event = EventFactory(title="Forum")
    owner = BoardMemberFactory(first_name="Leyla", last_name="Aras")
    PlanningItemFactory(event=event, title="Due today", owner=owner, due_on=today)
    PlanningItemFactory(
        event=event,
        title="Done late",
        owner=owner,
        due_on=today - timedelta(days=9),
        status=PlanningStatus.DONE,
    )
    PlanningItemFactory(event=event, title="No owner", owner=None, due_on=today - timedelta(days=1))
    PlanningItemFactory(event=event, title="Oldest", owner=owner, due_on=today - timedelta(days=5))

    overdue = reminders.overdue_planning_items(now=now)

    assert overdue == [
        {"label": "Oldest — Forum", "owner": "Leyla Aras", "due": today - timedelta(days=5)},
        {"label": "No owner — Forum", "owner": "", "due": today - timedelta(days=1)},
    ]
