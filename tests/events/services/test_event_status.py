"""set_event_status: every status change of an event, and when calendars must hear of it."""

import pytest
from auditlog.models import LogEntry

from events.enums import DeliveryKind, EventStatus
from events.exceptions import DomainError, messages_of
from events.models import ReminderDelivery
from events.services.scheduling import (
    SchedulingError,
    confirm_event,
    reschedule_event,
    set_event_status,
)
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (EventStatus.PLANNED, EventStatus.CONFIRMED),
        (EventStatus.CONFIRMED, EventStatus.PLANNED),
        (EventStatus.IDEA, EventStatus.DONE),
        (EventStatus.DONE, EventStatus.IDEA),
    ],
)
def test_set_event_status_to_or_from_confirmed_raises_the_sequence(before, after):
    event = EventFactory(status=before)

    returned = set_event_status(event=event, status=after)

    event.refresh_from_db()
    assert (event.status, event.sequence) == (after, 1)
    assert (returned.status, returned.sequence) == (after, 1)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (EventStatus.PLANNED, EventStatus.IDEA),
        (EventStatus.IDEA, EventStatus.PLANNED),
        (EventStatus.CONFIRMED, EventStatus.DONE),
        (EventStatus.DONE, EventStatus.CONFIRMED),
    ],
)
def test_set_event_status_within_tentative_or_confirmed_keeps_the_sequence(before, after):
    event = EventFactory(status=before)

    set_event_status(event=event, status=after)

    event.refresh_from_db()
    assert (event.status, event.sequence) == (after, 0)


def test_set_event_status_to_the_same_status_changes_nothing():
    event = EventFactory(status=EventStatus.PLANNED)
    updated_at = event.updated_at

    set_event_status(event=event, status=EventStatus.PLANNED)

    event.refresh_from_db()
    assert (event.status, event.sequence, event.updated_at) == (
        EventStatus.PLANNED,
        0,
        updated_at,
    )
    assert LogEntry.objects.get_for_object(event).filter(action=LogEntry.Action.UPDATE).count() == 0


def test_set_event_status_is_recorded_in_the_audit_log():
    event = EventFactory(status=EventStatus.PLANNED)

    set_event_status(event=event, status=EventStatus.IDEA)

    entry = LogEntry.objects.get_for_object(event).get(action=LogEntry.Action.UPDATE)
    assert entry.changes_dict["status"] == [EventStatus.PLANNED, EventStatus.IDEA]


def test_set_event_status_to_cancelled_cancels_and_plans_the_notices(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(status=EventStatus.PLANNED)
    registration = RegistrationFactory(event=event)

    with django_capture_on_commit_callbacks():
        set_event_status(event=event, status=EventStatus.CANCELLED)

    event.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)
    assert list(
        ReminderDelivery.objects.filter(kind=DeliveryKind.CANCELLATION_NOTICE).values_list(
            "registration", flat=True
        )
    ) == [registration.pk]


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        (EventStatus.PLANNED, "A cancelled event cannot be reopened; duplicate it instead."),
        (EventStatus.DONE, "A cancelled event cannot be reopened; duplicate it instead."),
        (EventStatus.CONFIRMED, "A cancelled event cannot be confirmed; duplicate it instead."),
    ],
)
def test_set_event_status_refuses_to_reopen_a_cancelled_event(wanted, message):
    event = EventFactory(status=EventStatus.CANCELLED, sequence=1)

    with pytest.raises(SchedulingError) as refused:
        set_event_status(event=event, status=wanted)

    event.refresh_from_db()
    assert messages_of(refused.value) == [message]
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)


def test_confirm_event_is_set_event_status_confirmed():
    event = EventFactory(status=EventStatus.IDEA)

    confirm_event(event=event)

    event.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.CONFIRMED, 1)


def test_scheduling_refusals_are_domain_errors_with_their_field():
    event = EventFactory()

    with pytest.raises(DomainError) as refused:
        reschedule_event(event=event, start=event.end, end=event.start)

    assert isinstance(refused.value, SchedulingError)
    assert refused.value.message_dict == {"end": ["The end must be after the start."]}
