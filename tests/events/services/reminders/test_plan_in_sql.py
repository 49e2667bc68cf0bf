"""Delegate reminders are written by one INSERT … SELECT per offset: the rows are the ones
Recipient.row() makes for each registration, field for field."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.enums import DeliveryKind, RegistrationStatus
from events.models import ReminderDelivery
from events.services import reminders
from events.services.reminders.plan import registration_recipient, timed_subject_key
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

DAY = 24 * 60
COMPARED = [
    field.attname
    for field in ReminderDelivery._meta.concrete_fields
    if field.attname not in ("id", "created_at")
]


def test_rows_written_in_sql_are_the_rows_recipient_row_makes():
    now = timezone.now()
    event = EventFactory(
        start=now + timedelta(days=10), capacity=None, reminder_offsets=[7 * DAY, DAY, 120]
    )
    long_ago = now - timedelta(days=30)
    registrations = [
        RegistrationFactory(event=event, confirmed_at=long_ago, language="tr"),
        RegistrationFactory(event=event, confirmed_at=long_ago, language="en", email="A@X.org"),
        # Confirmed after the 7-day reminder's moment: only the later two.
        RegistrationFactory(event=event, confirmed_at=now + timedelta(days=4)),
        RegistrationFactory(event=event, confirmed_at=long_ago, is_demo=True),
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, confirmed_at=None),
    ]

    result = reminders.plan_reminders(event=event, now=now)

    subject_key = timed_subject_key(event, "reminder")
    expected = sorted(
        tuple(getattr(row, name) for name in COMPARED)
        for registration in registrations[:3]
        for offset in (7 * DAY, DAY, 120)
        if (
            row := registration_recipient(registration).row(
                kind=DeliveryKind.DELEGATE_REMINDER,
                subject_key=subject_key,
                due_at=reminders.reminder_due_at(
                    start=event.start, time_zone=event.time_zone, offset=offset
                ),
                event=event,
                offset=offset,
            )
        ).due_at
        > registration_recipient(registration).since
    )
    written = sorted(ReminderDelivery.objects.filter(event=event).values_list(*COMPARED))
    assert result.planned == len(expected) == 8
    assert written == expected


def test_planning_twice_writes_nothing_the_second_time():
    event = EventFactory(start=timezone.now() + timedelta(days=3), reminder_offsets=[DAY])
    RegistrationFactory.create_batch(3, event=event, confirmed_at=timezone.now() - timedelta(1))

    first = reminders.plan_reminders(event=event)
    second = reminders.plan_reminders(event=event)

    assert (first.planned, second.planned) == (3, 0)
    assert ReminderDelivery.objects.filter(event=event).count() == 3
