"""Registration emails are delivery rows: on record with the change, sent by the sweep, and
sent again on request; a row that cannot be built fails alone."""

import email

import icalendar
import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from events.enums import DeliveryKind, DeliveryState, RegistrationStatus
from events.ics import event_ics
from events.models import Registration, ReminderDelivery, Venue
from events.services import reminders
from events.services.registration import cancel_registration, register_delegate
from events.services.reminders.messages import build_delivery_message
from tests.factories import (
    EventFactory,
    PendingRegistrationFactory,
    RegistrationFactory,
    ReminderDeliveryFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    def run(now=None):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.sweep(now=now)

    return run


def register(event, **overrides):
    data = {
        "event": event,
        "full_name": "Leyla Məmmədova",
        "email": "leyla@example.az",
        "country": "AZ",
        "language": "en",
        "consent": True,
    }
    return register_delegate(**(data | overrides))


def rows():
    return list(ReminderDelivery.objects.order_by("pk").values_list("kind", "email", "state"))


def test_registration_writes_its_email_row_in_the_same_transaction():
    event = EventFactory(capacity=1)

    register(event)
    register(event, email="second@example.org")
    with pytest.raises(RuntimeError), transaction.atomic():
        register(event, email="rolled.back@example.org")
        raise RuntimeError("the change is undone")

    assert rows() == [
        (DeliveryKind.REGISTRATION_CONFIRM_REQUEST, "leyla@example.az", DeliveryState.PENDING),
        (DeliveryKind.REGISTRATION_WAITLISTED, "second@example.org", DeliveryState.PENDING),
    ]


def test_email_never_dispatched_at_commit_goes_out_with_the_next_sweep(sweep):
    # No on_commit callback runs here: as if the broker refused at commit, or Redis restarted.
    registration = register(EventFactory())

    result = sweep()

    assert (result.claimed, [m.to for m in mail.outbox]) == (1, [[registration.email]])
    assert rows() == [
        (DeliveryKind.REGISTRATION_CONFIRM_REQUEST, "leyla@example.az", DeliveryState.SENT)
    ]


@pytest.mark.parametrize(
    ("status", "kind", "subject"),
    [
        (RegistrationStatus.PENDING, "registration_confirm_request", "Please confirm"),
        (RegistrationStatus.CONFIRMED, "registration_confirmed", "Your registration is confirmed"),
        (RegistrationStatus.WAITLISTED, "registration_waitlisted", "You are on the waitlist"),
        (RegistrationStatus.CANCELLED, "registration_cancelled", "Registration cancelled"),
        (RegistrationStatus.EXPIRED, "registration_expired", "Registration expired"),
    ],
)
def test_staff_resend_sends_the_email_of_the_current_state(
    staff_client, django_capture_on_commit_callbacks, status, kind, subject
):
    registration = RegistrationFactory(status=status, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:events_registration_changelist"),
            {"action": "resend_emails", "_selected_action": [registration.pk]},
        )

    assert rows() == [(kind, registration.email, DeliveryState.SENT)]
    assert [m.to for m in mail.outbox] == [[registration.email]]
    assert mail.outbox[0].subject.startswith(subject)


def test_board_resend_sends_the_email_again_every_time(
    board_client, django_capture_on_commit_callbacks
):
    registration = PendingRegistrationFactory(language="en")
    url = reverse("registrants:resend", args=[registration.event.slug, registration.pk])

    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = board_client.post(url, follow=True)

    assert [m.to for m in mail.outbox] == [[registration.email], [registration.email]]
    assert f"The email goes to {registration.email} again." in response.content.decode()


def test_a_row_that_cannot_be_built_fails_alone_at_once_and_the_batch_goes_on():
    good = [ReminderDeliveryFactory() for _ in range(2)]
    broken = ReminderDeliveryFactory()
    # Stored text no form would accept today: a zone that does not exist.
    Venue.objects.filter(pk=broken.event.venue_id).update(time_zone="Mars/Olympus_Mons")
    claim = reminders.claim_due(now=timezone.now(), limit=10)

    result = reminders.send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)

    broken.refresh_from_db()
    assert (result.sent, result.failed) == (2, 1)
    assert (broken.state, broken.attempts) == (DeliveryState.FAILED, 1)
    assert "Mars/Olympus_Mons" in broken.last_error
    assert sorted(m.to[0] for m in mail.outbox) == sorted(d.email for d in good)


def test_ics_builder_never_raises_on_any_stored_text():
    # Every control character a database can store (PostgreSQL refuses NUL in text).
    every_control = "".join(chr(c) for c in range(1, 32)) + "\x7f"
    venue = VenueFactory()
    Venue.objects.filter(pk=venue.pk).update(name=f"Hall{every_control}A", address="Line\r\n2")
    event = EventFactory(venue=venue, description=f"Day 1\r\nDay 2{every_control}")
    type(event).objects.filter(pk=event.pk).update(title=f"Forum{every_control}Bcc: x")
    event.refresh_from_db()

    content = event_ics(event)

    body = content.replace(b"\r\n", b"")
    assert not any(c in body for c in every_control.encode().replace(b"\t", b""))
    parsed = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(parsed["SUMMARY"]) == "Forum Bcc: x"
    assert str(parsed["DESCRIPTION"]).startswith("Day 1\nDay 2")


def test_message_id_is_derived_from_the_delivery_row():
    first, second = ReminderDeliveryFactory(), ReminderDeliveryFactory()

    ids = [build_delivery_message(d).message()["Message-ID"] for d in (first, first, second)]

    assert ids[0] == ids[1] != ids[2]
    assert (
        ids[0] == f"<delivery.{first.pk}.registration-{first.registration_id}@kardes40.izazder.org>"
    )


def test_sent_registration_email_carries_its_rows_message_id(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(EventFactory())

    delivery = ReminderDelivery.objects.get()
    parsed = email.message_from_bytes(mail.outbox[0].message().as_bytes())
    assert (
        parsed["Message-ID"]
        == f"<delivery.{delivery.pk}.registration-{delivery.registration_id}@kardes40.izazder.org>"
    )


def test_reminders_follow_an_address_corrected_by_staff(staff_client):
    registration = RegistrationFactory(email="typo@gmial.com", language="en")
    delivery = ReminderDeliveryFactory(registration=registration)
    url = reverse("admin:events_registration_change", args=[registration.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}

    staff_client.post(url, {**data, "email": "Typo@GMAIL.com"})
    claim = reminders.claim_due(now=timezone.now(), limit=10)
    reminders.send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)

    delivery.refresh_from_db()
    assert (delivery.email, delivery.state) == ("typo@gmail.com", DeliveryState.SENT)
    assert [m.to for m in mail.outbox] == [["typo@gmail.com"]]


def test_cancelled_registration_skips_its_unsent_confirmation_request(sweep):
    registration = register(EventFactory())
    cancel_registration(registration=Registration.objects.get(pk=registration.pk))

    sweep()

    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Registration cancelled"]
    assert dict(ReminderDelivery.objects.values_list("kind", "state")) == {
        DeliveryKind.REGISTRATION_CONFIRM_REQUEST: DeliveryState.SKIPPED,
        DeliveryKind.REGISTRATION_CANCELLED: DeliveryState.SENT,
    }
