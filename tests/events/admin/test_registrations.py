"""The registration admin: staff look registrations up, cancel them through the service, and
cannot delete one that holds a seat or a place in line."""

import pytest
from django.urls import reverse

from events.enums import RegistrationStatus
from events.models import Registration, ReminderDelivery
from events.services.registration import register_delegate
from tests.events.admin.pages import baku_event, change_page, changelist
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_registration_pages_show_delegate_and_event(staff_client):
    registration = RegistrationFactory(full_name="Leyla Məmmədova", event=baku_event())

    listing = changelist(staff_client, "registration").content.decode()
    page = change_page(staff_client, registration, "registration").content.decode()

    assert "Leyla Məmmədova" in listing
    assert "Şuşa konferansı" in listing
    assert 'value="Leyla Məmmədova"' in page


def test_registrations_cannot_be_added_by_hand(staff_client):
    response = staff_client.get(reverse("admin:events_registration_add"))

    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_registration_admin_cancel_action_promotes_the_waitlist(
    staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event, email="first@example.org")
    waiting = RegistrationFactory(
        event=event, email="second@example.org", status=RegistrationStatus.WAITLISTED
    )

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:events_registration_changelist"),
            {"action": "cancel_registrations", "_selected_action": [seated.pk]},
        )

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.status, waiting.status) == (
        RegistrationStatus.CANCELLED,
        RegistrationStatus.PENDING,
    )
    assert sorted(m.to[0] for m in mailoutbox) == ["first@example.org", "second@example.org"]


def test_registration_admin_bulk_delete_passes_freed_seats_to_the_waitlist(staff_client):
    seated = RegistrationFactory(event=EventFactory(capacity=1))
    gone = RegistrationFactory(event=seated.event, status=RegistrationStatus.CANCELLED)
    waiting = RegistrationFactory(event=seated.event, status=RegistrationStatus.WAITLISTED)

    staff_client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "delete_selected", "_selected_action": [seated.pk, gone.pk], "post": "yes"},
    )

    waiting.refresh_from_db()
    assert list(Registration.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert waiting.status == RegistrationStatus.PENDING


def _registered(event, email, **extra):
    """Through the service, as a delegate registers: with its email's delivery row."""
    return register_delegate(
        event=event, full_name="Delegate", email=email, country="AZ", consent=True, **extra
    )


def test_staff_delete_a_registration_with_its_delivery_rows_and_the_waitlist_moves(staff_client):
    event = EventFactory(capacity=1)
    seated = _registered(event, "seated@example.org")
    waiting = _registered(event, "waiting@example.org")
    assert ReminderDelivery.objects.filter(registration=seated).exists()
    url = reverse("admin:events_registration_delete", args=[seated.pk])

    page = staff_client.get(url)
    response = staff_client.post(url, {"post": "yes"})

    assert (page.status_code, response.status_code) == (200, 302)
    assert not Registration.objects.filter(pk=seated.pk).exists()
    assert not ReminderDelivery.objects.filter(registration_id=seated.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.PENDING


def test_staff_bulk_delete_registrations_that_have_delivery_rows(staff_client):
    event = EventFactory(capacity=1)
    seated = _registered(event, "seated@example.org")
    waiting = _registered(event, "waiting@example.org")

    confirm = staff_client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "delete_selected", "_selected_action": [seated.pk]},
    )
    done = staff_client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "delete_selected", "_selected_action": [seated.pk], "post": "yes"},
    )

    assert (confirm.status_code, done.status_code) == (200, 302)
    assert list(Registration.objects.values_list("pk", flat=True)) == [waiting.pk]
