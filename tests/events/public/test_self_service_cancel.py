"""Cancelling from the self-service page asks first, and a cancelled registration can be made
again while the event still takes registrations."""

import pytest
from django.urls import reverse

from events.enums import EventStatus, RegistrationStatus
from events.tokens import SELF_SERVICE, make_token
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _links(registration):
    token = make_token(registration, purpose=SELF_SERVICE)
    return (
        reverse("events:manage", args=[registration.pk, token]),
        reverse("events:cancel", args=[registration.pk, token]),
    )


def test_self_service_page_links_to_a_confirmation_step_not_a_one_tap_cancel(client):
    registration = RegistrationFactory()
    manage, cancel = _links(registration)

    page = client.get(manage).content.decode()
    question = client.get(cancel)

    registration.refresh_from_db()
    assert f'href="{cancel}"' in page
    assert f'action="{cancel}"' not in page
    assert question.templates[0].name == "events/cancel_confirm.html"
    assert registration.status == RegistrationStatus.CONFIRMED


def test_confirming_the_second_step_cancels(client):
    registration = RegistrationFactory()
    manage, cancel = _links(registration)

    response = client.post(cancel)

    registration.refresh_from_db()
    assert (response["Location"], registration.status) == (manage, RegistrationStatus.CANCELLED)


def test_cancelled_registration_offers_register_again_while_seats_are_free(client):
    event = EventFactory(capacity=10)
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    manage, _cancel = _links(registration)

    page = client.get(manage)

    assert page.context["can_register_again"] is True
    assert reverse("events:register", args=[event.slug]) in page.content.decode()


def test_register_again_is_not_offered_once_the_event_is_cancelled(client):
    event = EventFactory(capacity=10, status=EventStatus.CANCELLED)
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    manage, _cancel = _links(registration)

    page = client.get(manage)

    assert page.context["can_register_again"] is False
