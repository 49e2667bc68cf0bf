"""Freed seats reach waiting delegations at once, through the one service that passes seats on
(registration.fill_free_seats), in waitlist order: a group when it fits whole; singles behind a
group that does not fit may take seats until they have taken as many as the group has members,
then the seats wait for the group (events/delegations/seats.py). On PostgreSQL."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.delegations.models import DelegationGroup, GroupStatus
from events.delegations.services import MemberData, register_group
from events.enums import DeliveryKind, DeliveryState, RegistrationStatus
from events.models import Registration, ReminderDelivery
from events.services import reminders
from events.services.registration import (
    cancel_registration,
    delete_registrations,
    expire_overdue_registrations,
    promote_from_waitlist,
    register_delegate,
)
from tests.factories import EventFactory, PendingRegistrationFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("postgres")]


def _group(event, size, prefix="g"):
    return register_group(
        event=event,
        name=f"Delegation {prefix}",
        head_name="Rəşad Məmmədov",
        head_email=f"head-{prefix}@example.az",
        head_language="az",
        country="AZ",
        members=[MemberData(f"M {prefix}{i}", f"{prefix}{i}@example.az") for i in range(size)],
        consent=True,
    )


def _single(event, name):
    return register_delegate(
        event=event, full_name=name, email=f"{name}@example.org", country="TR", consent=True
    )


def _status(obj):
    obj.refresh_from_db()
    return obj.status


def _full(capacity):
    event = EventFactory(capacity=capacity)
    seated = RegistrationFactory.create_batch(capacity, event=event)
    return event, seated


def test_a_single_cancelling_frees_the_third_seat_and_the_group_of_three_is_promoted_at_once(
    django_capture_on_commit_callbacks,
):
    event, seated = _full(5)
    group = _group(event, 3)
    cancel_registration(registration=seated[0])
    cancel_registration(registration=seated[1])
    assert _status(group) == GroupStatus.WAITLISTED  # two free seats: the group does not fit

    cancel_registration(registration=seated[2])

    members = Registration.objects.filter(delegation_member__group=group)
    assert _status(group) == GroupStatus.HELD
    assert sorted(members.values_list("status", flat=True)) == [RegistrationStatus.PENDING] * 3
    assert event.registrations.holding_seat().count() == 5
    head = ReminderDelivery.objects.filter(kind=DeliveryKind.DELEGATION_HEAD)
    assert set(head.values_list("subject_key", "email", "state")) == {
        (f"delegation:{group.pk}:waitlisted", "head-g@example.az", DeliveryState.PENDING),
        (f"delegation:{group.pk}:promoted", "head-g@example.az", DeliveryState.PENDING),
    }

    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep(now=timezone.now())
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep(now=timezone.now())

    to_head = [m for m in mail.outbox if m.to == ["head-g@example.az"]]
    assert len(mail.outbox) == sent  # the second sweep sends nothing
    assert len(to_head) == 1  # the "waitlisted" email is moot now: skipped, not sent
    assert "/delegations/" in to_head[0].body
    assert set(head.values_list("subject_key", "state")) == {
        (f"delegation:{group.pk}:waitlisted", DeliveryState.SKIPPED),
        (f"delegation:{group.pk}:promoted", DeliveryState.SENT),
    }


def test_singles_behind_a_group_that_does_not_fit_take_seats_until_it_is_owed_them():
    event, seated = _full(4)
    group = _group(event, 3)
    behind = [_single(event, f"behind{i}") for i in range(4)]

    for index in range(3):  # one seat at a time: the group never fits, the next single does
        cancel_registration(registration=seated[index])
        assert _status(behind[index]) == RegistrationStatus.PENDING
    group.refresh_from_db()
    assert (group.status, group.seats_passed) == (GroupStatus.WAITLISTED, 3)

    cancel_registration(registration=seated[3])  # owed now: the seat waits for the group
    assert _status(behind[3]) == RegistrationStatus.WAITLISTED
    assert event.registrations.holding_seat().count() == 3

    cancel_registration(registration=behind[0])
    cancel_registration(registration=behind[1])  # three free: the group fits whole

    assert (_status(group), _status(behind[3])) == (GroupStatus.HELD, RegistrationStatus.WAITLISTED)
    assert event.registrations.holding_seat().count() == 4


def test_a_newcomer_does_not_take_a_seat_owed_to_a_waiting_group():
    event, seated = _full(3)
    group = _group(event, 2)
    DelegationGroup.objects.filter(pk=group.pk).update(seats_passed=2)
    cancel_registration(registration=seated[0])

    late = _single(event, "late")

    assert (late.status, _status(group)) == (RegistrationStatus.WAITLISTED, GroupStatus.WAITLISTED)
    assert event.registrations.holding_seat().count() == 2


def test_a_newcomer_taking_a_free_seat_passes_over_the_waiting_group():
    event, seated = _full(3)
    group = _group(event, 2)
    cancel_registration(registration=seated[0])

    early = _single(event, "early")

    group.refresh_from_db()
    assert (early.status, group.status, group.seats_passed) == (
        RegistrationStatus.PENDING,
        GroupStatus.WAITLISTED,
        1,
    )


def test_a_group_larger_than_the_whole_event_never_holds_seats_back():
    event, seated = _full(3)
    giant = _group(event, 5)
    DelegationGroup.objects.filter(pk=giant.pk).update(seats_passed=10)
    behind = _single(event, "behind")

    cancel_registration(registration=seated[0])

    assert (_status(behind), _status(giant)) == (RegistrationStatus.PENDING, GroupStatus.WAITLISTED)


def test_raising_the_capacity_promotes_the_waiting_group_at_once():
    event, _seated = _full(2)
    group = _group(event, 3)
    event.capacity = 5
    event.save(update_fields=["capacity"])

    promote_from_waitlist(event=event)

    assert _status(group) == GroupStatus.HELD


def test_expiry_passes_the_seats_to_the_waiting_group():
    event, _seated = _full(2)
    overdue = PendingRegistrationFactory.create_batch(
        2, event=event, expires_at=timezone.now() - timedelta(minutes=1)
    )
    event.capacity = 4
    event.save(update_fields=["capacity"])
    group = _group(event, 2)

    expire_overdue_registrations()

    assert [_status(r) for r in overdue] == [RegistrationStatus.EXPIRED] * 2
    assert _status(group) == GroupStatus.HELD


def test_staff_deleting_registrations_passes_the_seats_to_the_waiting_group():
    event, seated = _full(4)
    group = _group(event, 2)

    delete_registrations(
        registrations=Registration.objects.filter(pk__in=[seated[0].pk, seated[1].pk])
    )

    assert _status(group) == GroupStatus.HELD
    assert event.registrations.holding_seat().count() == 4
