"""Capacity under real concurrency, on PostgreSQL: threads, one connection each, row locks."""

import threading
import time

import pytest
from django.core import mail
from django.db import connections, transaction
from django.test import Client
from django.utils import translation

from events.enums import RegistrationStatus
from events.models import Event, Registration
from events.services.registration import (
    RegistrationBusy,
    confirm_registration,
    register_delegate,
)
from tests.factories import EventFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _in_thread(target, results: list, errors: list, barrier: threading.Barrier | None = None):
    def run():
        try:
            # These tests are about seats, not waiting: on a loaded machine 60 threads queue for
            # the event's row lock longer than production's 3 s lock_timeout, which would turn
            # into "try again" (tested on its own below). Wait as long as it takes here.
            with connections["default"].cursor() as cursor:
                cursor.execute("SET lock_timeout = '120s'")
            if barrier:
                barrier.wait()
            results.append(target())
        except Exception as exc:  # collected and asserted on: the test must see every failure
            errors.append(exc)
        finally:
            connections.close_all()

    return threading.Thread(target=run)


def test_sixty_simultaneous_registrations_for_twenty_seats(postgres):
    event = EventFactory(capacity=20)
    results, errors = [], []
    barrier = threading.Barrier(60)

    def register(index):
        return lambda: register_delegate(
            event=Event.objects.get(pk=event.pk),
            full_name=f"Delegate {index}",
            email=f"delegate{index}@example.org",
            country="AZ",
            language="en",
            consent=True,
        )

    threads = [_in_thread(register(i), results, errors, barrier) for i in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert len(results) == 60
    counts = {
        status: event.registrations.filter(status=status).count()
        for status in RegistrationStatus.values
    }
    assert counts == {
        RegistrationStatus.PENDING: 20,
        RegistrationStatus.CONFIRMED: 0,
        RegistrationStatus.WAITLISTED: 40,
        RegistrationStatus.CANCELLED: 0,
        RegistrationStatus.EXPIRED: 0,
    }
    assert len(mail.outbox) == 60

    for registration in event.registrations.pending():
        confirm_registration(registration=registration)

    assert event.registrations.confirmed().count() == 20
    assert event.registrations.waitlisted().count() == 40


def _hold_event_lock(event_pk: int, held: threading.Event, release: threading.Event):
    """Another connection holding the event's row lock, as a slow registration would."""

    def run():
        try:
            with transaction.atomic():
                Event.objects.select_for_update().get(pk=event_pk)
                held.set()
                release.wait(timeout=30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    assert held.wait(timeout=10)
    return thread


def test_registration_waiting_too_long_for_the_lock_gets_try_again(postgres):
    event = EventFactory()
    held, release = threading.Event(), threading.Event()
    holder = _hold_event_lock(event.pk, held, release)
    started = time.monotonic()

    try:
        with pytest.raises(RegistrationBusy) as error:
            register_delegate(
                event=event,
                full_name="Leyla",
                email="leyla@example.az",
                country="AZ",
                consent=True,
            )
    finally:
        release.set()
        holder.join()

    waited = time.monotonic() - started
    assert 2.5 < waited < 10
    with translation.override("en"):
        assert error.value.messages == [
            "Many people are registering right now. Please try again in a moment."
        ]
    assert Registration.objects.count() == 0
    # The connection is usable again: the failed transaction was rolled back.
    assert (
        register_delegate(
            event=event, full_name="Leyla", email="leyla@example.az", country="AZ", consent=True
        ).status
        == RegistrationStatus.PENDING
    )


def test_register_page_when_the_lock_is_not_granted_answers_try_again_not_500(postgres):
    event = EventFactory()
    held, release = threading.Event(), threading.Event()
    holder = _hold_event_lock(event.pk, held, release)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")

    try:
        response = client.post(
            f"/en/events/{event.slug}/register/",
            {
                "full_name": "Leyla",
                "email": "leyla@example.az",
                "organization": "Individual",
                "country": "AZ",
                "language": "en",
                "consent": "on",
            },
        )
    finally:
        release.set()
        holder.join()

    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    assert response.context["form"].non_field_errors() == [
        "Many people are registering right now. Please try again in a moment."
    ]
    assert Registration.objects.count() == 0
