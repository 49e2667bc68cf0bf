"""What the pages and emails promise matches what the product does: how long a seat is held,
whether a venue is still to come, and which language a link opens in."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from events.services import reminders
from events.services.registration import register_delegate
from events.services.scheduling import cancel_event
from events.templatetags.program import event_moment_for
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_a_past_event_without_venue_does_not_promise_one(client, now, language):
    past = EventFactory(venue=None, start=now - timedelta(days=400), end=now - timedelta(days=399))
    coming = EventFactory(venue=None)

    with translation.override(language):
        past_page = client.get(past.get_absolute_url()).content.decode()
        coming_page = client.get(coming.get_absolute_url()).content.decode()
        recorded, announced = (
            translation.gettext("No venue recorded"),
            translation.gettext("Venue to be announced"),
        )

    assert recorded in past_page and announced not in past_page
    assert announced in coming_page and recorded not in coming_page


@override_settings(REGISTRATION_PENDING_HOLD_MINUTES=60, REGISTRATION_CONFIRM_HOURS=48)
def test_the_confirmation_email_and_page_promise_the_seat_for_the_hold_not_the_confirm_window(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register_delegate(
            event=event,
            full_name="Leyla Məmmədova",
            email="leyla@example.az",
            country="AZ",
            language="en",
            consent=True,
        )
    registration.refresh_from_db()

    with translation.override("en"):
        held = event_moment_for(event, registration.seat_held_until, registration.time_zone)
        window = event_moment_for(event, registration.expires_at, registration.time_zone)
        page = client.get(reverse("events:registered", args=[event.slug])).content.decode()
    body = mail.outbox[0].body

    assert f"holding a seat for you until {held}" in " ".join(body.split())
    assert window not in body
    assert "within 60 minutes to keep your seat" in page


@pytest.mark.parametrize("language", ["az", "en"])
def test_the_event_cancelled_email_links_the_program_in_the_recipients_language(
    language, django_capture_on_commit_callbacks
):
    event = EventFactory()
    RegistrationFactory(event=event, language=language)

    with django_capture_on_commit_callbacks(execute=True):
        cancel_event(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep()

    sent = [m for m in mail.outbox if "/program/" in m.body]
    assert sent, [m.subject for m in mail.outbox]
    assert all(f"/{language}/program/" in m.body for m in sent)


@pytest.mark.parametrize("outcome", ["", "waitlist"])
def test_the_thanks_page_of_a_cancelled_or_past_event_promises_nothing(client, now, outcome):
    """Typed or kept, /register/thanks/?outcome=waitlist of a cancelled event said "you are on
    the waitlist": it now opens the event's page, which says why nobody can register."""
    cancelled = EventFactory()
    cancel_event(event=cancelled)
    past = EventFactory(start=now - timedelta(days=3), end=now - timedelta(days=3, hours=-2))
    open_one = EventFactory()

    with translation.override("en"):
        answers = {
            event.slug: client.get(
                reverse("events:registered", args=[event.slug]), {"outcome": outcome}
            )
            for event in (cancelled, past, open_one)
        }
        expected = {
            cancelled.slug: (302, cancelled.get_absolute_url()),
            past.slug: (302, past.get_absolute_url()),
            open_one.slug: (200, None),
        }

    assert {slug: (r.status_code, r.get("Location")) for slug, r in answers.items()} == expected
