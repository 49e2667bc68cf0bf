"""Seats move when they should: more capacity, a seat freed by any path, a hold that runs out;
and reminders follow a moved event without repeating themselves."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.enums import DeliveryKind, DeliveryState, EventStatus, RegistrationStatus
from events.models import Registration, ReminderDelivery
from events.services import reminders
from events.services.registration import (
    RegistrationError,
    confirm_registration,
    expire_overdue_registrations,
    register_delegate,
)
from events.services.scheduling import reschedule_event
from tests.events.admin.pages import form_data as admin_event_data
from tests.events.public.test_registration import form_data
from tests.factories import EventFactory, RegistrationFactory, WaitlistedRegistrationFactory

pytestmark = pytest.mark.django_db


def statuses(event):
    return list(event.registrations.order_by("pk").values_list("email", "status"))


def waitlisted_pair(event):
    for name in ("first", "second"):
        WaitlistedRegistrationFactory(event=event, email=f"{name}@example.org", language="en")


def promoted_to():
    return sorted(m.to[0] for m in mail.outbox if m.subject.startswith("A seat is free"))


def test_board_raising_capacity_promotes_the_waitlist_in_order(
    board_client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=2)
    RegistrationFactory.create_batch(2, event=event)
    waitlisted_pair(event)
    data = {
        "title_tr": event.title_tr,
        "kind": event.kind,
        "venue": event.venue_id,
        "capacity": "4",
    }

    with django_capture_on_commit_callbacks(execute=True):
        board_client.post(reverse("board:event_edit", kwargs={"slug": event.slug}), data)

    assert event.registrations.pending().count() == 2
    assert promoted_to() == ["first@example.org", "second@example.org"]


@pytest.mark.parametrize(("capacity", "promoted"), [("3", 1), ("", 2)])
def test_admin_raising_or_removing_capacity_promotes_the_waitlist(
    staff_client, django_capture_on_commit_callbacks, capacity, promoted
):
    event = EventFactory(capacity=2)
    RegistrationFactory.create_batch(2, event=event)
    waitlisted_pair(event)

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:events_event_change", args=[event.pk]),
            admin_event_data(event, capacity=capacity),
        )

    assert event.registrations.pending().count() == promoted
    assert len(promoted_to()) == promoted
    assert promoted_to()[0] == "first@example.org"


def test_staff_deleting_a_seat_holder_promotes_the_first_in_line(
    staff_client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    waitlisted_pair(event)

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:events_registration_delete", args=[seated.pk]), {"post": "yes"}
        )

    assert statuses(event) == [
        ("first@example.org", RegistrationStatus.PENDING),
        ("second@example.org", RegistrationStatus.WAITLISTED),
    ]
    assert promoted_to() == ["first@example.org"]


def test_staff_can_delete_a_confirmed_registration_of_a_past_event(staff_client):
    event = EventFactory(
        start=timezone.now() - timedelta(days=3), end=timezone.now() - timedelta(days=2)
    )
    past = RegistrationFactory(event=event)

    response = staff_client.post(
        reverse("admin:events_registration_delete", args=[past.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert Registration.objects.filter(pk=past.pk).exists() is False


def test_registration_is_not_offered_for_an_idea(client):
    event = EventFactory(status=EventStatus.IDEA)

    response = client.post(reverse("events:register", args=[event.slug]), form_data())

    assert Registration.objects.count() == 0
    assert "still an idea" in response.content.decode()


# --- the pending hold and the per-network cap ------------------------------------------------


def register(event, email, **kwargs):
    return register_delegate(
        event=event, full_name="A Delegate", email=email, country="TR", consent=True, **kwargs
    )


def test_an_unconfirmed_seat_is_released_after_the_hold(settings):
    settings.REGISTRATION_PENDING_HOLD_MINUTES = 60
    now = timezone.now()
    event = EventFactory(capacity=1, start=now + timedelta(days=10))
    hoarder = register(event, "throwaway@example.org", now=now)

    expire_overdue_registrations(now=now + timedelta(minutes=61))
    real = register(event, "real@example.org", now=now + timedelta(minutes=62))

    hoarder.refresh_from_db()
    assert (hoarder.status, real.status) == (
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.PENDING,
    )
    # The confirm link still works for the whole confirm window.
    assert hoarder.awaits_confirmation is True


def test_confirming_after_the_hold_takes_a_free_seat_else_the_waitlist_in_order(settings):
    settings.REGISTRATION_PENDING_HOLD_MINUTES = 60
    now = timezone.now()
    event = EventFactory(capacity=1, start=now + timedelta(days=10))
    late = register(event, "late@example.org", now=now)
    expire_overdue_registrations(now=now + timedelta(minutes=61))
    seated = register(event, "seated@example.org", now=now + timedelta(minutes=62))
    register(event, "after@example.org", now=now + timedelta(minutes=63))

    with pytest.raises(RegistrationError) as caught:
        confirm_registration(registration=late, now=now + timedelta(minutes=70))
    late.refresh_from_db()
    assert caught.value.code == "waitlisted"
    assert (late.status, late.expires_at) == (RegistrationStatus.WAITLISTED, None)
    # In line in the order registered: ahead of "after", who registered later.
    assert [r.email for r in event.registrations.waitlist()] == [
        "late@example.org",
        "after@example.org",
    ]

    seated.status = RegistrationStatus.CANCELLED
    seated.save()
    free_now = register(EventFactory(capacity=1), "x@example.org", now=now)
    assert free_now.status == RegistrationStatus.PENDING


def test_confirming_after_the_hold_with_a_seat_free_confirms(settings):
    settings.REGISTRATION_PENDING_HOLD_MINUTES = 60
    now = timezone.now()
    event = EventFactory(capacity=2, start=now + timedelta(days=10))
    late = register(event, "late@example.org", now=now)
    expire_overdue_registrations(now=now + timedelta(minutes=61))

    confirm_registration(registration=late, now=now + timedelta(minutes=90))

    late.refresh_from_db()
    assert late.status == RegistrationStatus.CONFIRMED


def test_pending_registrations_per_client_network_are_capped(client, settings):
    settings.REGISTRATION_PENDING_PER_NETWORK = 2
    event = EventFactory(capacity=20)

    answers = [
        client.post(
            reverse("events:register", args=[event.slug]),
            form_data(email=f"throwaway{n}@example.org"),
            REMOTE_ADDR=f"203.0.113.{n + 1}",  # one /24: one office, one router
        )
        for n in range(3)
    ]
    elsewhere = client.post(
        reverse("events:register", args=[event.slug]),
        form_data(email="real@example.org"),
        REMOTE_ADDR="198.51.100.7",
    )

    assert [a.status_code for a in answers] == [302, 302, 400]
    assert "Too many unconfirmed registrations" in answers[2].content.decode()
    assert elsewhere.status_code == 302
    assert set(Registration.objects.values_list("client_network", flat=True)) == {
        "203.0.113.0/24",
        "198.51.100.0/24",
    }


# --- a moved event's reminders ------------------------------------------------------------------


def test_postponed_event_gets_its_reminders_again_and_moving_back_sends_none_twice(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    start = now + timedelta(days=6)
    event = EventFactory(start=start, end=start + timedelta(hours=2), reminder_offsets=[7 * 1440])
    registration = RegistrationFactory(event=event, confirmed_at=now - timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep(now=now)  # the 7-day reminder is due: sent
    later = start + timedelta(days=10)

    with django_capture_on_commit_callbacks(execute=True):
        reschedule_event(event=event, start=later, end=later + timedelta(hours=2))
    planned = reminders.plan_reminders(event=event, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        reschedule_event(event=event, start=start, end=start + timedelta(hours=2))
        reminders.sweep(now=now)

    rows = ReminderDelivery.objects.filter(
        registration=registration, kind=DeliveryKind.DELEGATE_REMINDER
    ).order_by("pk")
    assert [(r.subject_key.split("@")[1][:8], r.state) for r in rows] == [
        (f"{start:%Y%m%d}", DeliveryState.SENT),
        (f"{later:%Y%m%d}", DeliveryState.SKIPPED),
    ]
    assert planned.planned == 0
    # One reminder and the two time-changed notices, nothing else.
    assert len(mail.outbox) == 3
