"""Meeting outcomes: the owner is reminded on the follow-up date, once, through the sweep."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from contacts.services import close_outcome
from events.enums import DeliveryKind, DeliveryState
from events.models import ReminderDelivery
from events.services import reminders
from tests.factories import BoardMemberFactory, OutcomeFactory

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")


def _follow_ups():
    return ReminderDelivery.objects.filter(kind=DeliveryKind.OUTCOME_FOLLOW_UP)


def test_follow_up_is_planned_for_the_owner_at_8_in_izmir_on_its_date():
    owner = BoardMemberFactory(email="leyla@example.org")
    outcome = OutcomeFactory(owner=owner)

    reminders.plan_follow_up_reminders()
    reminders.plan_follow_up_reminders()

    assert list(_follow_ups().values_list("email", "due_at", "outcome", "state")) == [
        (
            "leyla@example.org",
            datetime.combine(outcome.follow_up_on, time(8), tzinfo=IZMIR),
            outcome.pk,
            DeliveryState.PENDING,
        )
    ]


def test_follow_up_moved_to_another_date_replaces_the_pending_reminder():
    outcome = OutcomeFactory(owner=BoardMemberFactory(email="a@example.org"))
    reminders.plan_follow_up_reminders()
    outcome.follow_up_on += timedelta(days=3)
    outcome.save()

    reminders.plan_follow_up_reminders()

    assert sorted((row.due_at.astimezone(IZMIR).date(), row.state) for row in _follow_ups()) == [
        (outcome.follow_up_on - timedelta(days=3), DeliveryState.SKIPPED),
        (outcome.follow_up_on, DeliveryState.PENDING),
    ]


def test_closed_follow_up_is_not_sent(sweep):
    outcome = OutcomeFactory(
        owner=BoardMemberFactory(email="a@example.org"), follow_up_on=timezone.localdate()
    )
    reminders.plan_follow_up_reminders()
    close_outcome(outcome=outcome)

    sweep(now=timezone.now() + timedelta(days=1))

    assert list(_follow_ups().values_list("state", flat=True)) == [DeliveryState.SKIPPED]
    assert mail.outbox == []


def test_due_follow_up_is_emailed_once_by_the_sweep(sweep):
    outcome = OutcomeFactory(
        owner=BoardMemberFactory(email="owner@example.org"),
        text="Send the joint roadmap to the platform",
        follow_up_on=timezone.localdate() + timedelta(days=2),
    )
    due = datetime.combine(outcome.follow_up_on, time(8), tzinfo=IZMIR)

    sweep(now=due - timedelta(minutes=5))
    sweep(now=due + timedelta(minutes=5))
    sweep(now=due + timedelta(minutes=10))

    assert [m.to for m in mail.outbox] == [["owner@example.org"]]
    assert "Send the joint roadmap to the platform" in mail.outbox[0].body
    assert list(_follow_ups().values_list("state", flat=True)) == [DeliveryState.SENT]


def test_owner_without_email_gets_no_row():
    OutcomeFactory(owner=BoardMemberFactory(email=""))

    reminders.plan_follow_up_reminders()

    assert _follow_ups().count() == 0
