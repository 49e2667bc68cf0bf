"""What a registration's page and emails offer follows its state: "cancel" and the .ics only
while there is a live registration for an event still on; "register again" once it is
cancelled or expired, while the event takes registrations."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from events.enums import EventStatus, RegistrationStatus
from events.links import self_service_url
from events.services.registration_emails import resend_registration_email
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CANCEL_LINK = "See or cancel your registration"
CALENDAR = "Add to my calendar (.ics)"


def _in(language, msgid):
    with translation.override(language):
        return translation.gettext(msgid)


def _email(registration, capture):
    with capture(execute=True):
        resend_registration_email(registration=registration)
    message = mail.outbox[-1]
    return message.body, message.alternatives[0][0]


def _page(client, registration):
    return client.get(self_service_url(registration).removeprefix(settings.SITE_URL))


@pytest.mark.parametrize("language", ["az", "tr", "en"])
@pytest.mark.parametrize("status", [RegistrationStatus.CANCELLED, RegistrationStatus.EXPIRED])
def test_closed_registration_email_offers_registering_again_not_cancelling(
    django_capture_on_commit_callbacks, language, status
):
    event = EventFactory(slug="open-event")
    registration = RegistrationFactory(event=event, status=status, language=language)

    text, html = _email(registration, django_capture_on_commit_callbacks)

    for body in (text, html):
        assert _in(language, CANCEL_LINK) not in body
        assert _in(language, "Register again") in body
        assert f"/{language}/events/open-event/register/" in body
        assert "/registrations/" in body  # their page stays reachable (to erase their details)
    assert not [a for a in mail.outbox[-1].attachments if a[0].endswith(".ics")]


def test_closed_registration_email_for_a_full_closed_event_offers_nothing_to_register(
    django_capture_on_commit_callbacks, now
):
    event = EventFactory(registration_closes=now - timedelta(hours=1))
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)

    text, html = _email(registration, django_capture_on_commit_callbacks)

    for body in (text, html):
        assert _in("az", CANCEL_LINK) not in body
        assert "/register/" not in body


def test_live_registration_email_offers_cancelling(django_capture_on_commit_callbacks):
    registration = RegistrationFactory(event=EventFactory(), language="en")

    text, html = _email(registration, django_capture_on_commit_callbacks)

    assert CANCEL_LINK in text and CANCEL_LINK in html
    assert "Register again" not in text


@pytest.mark.parametrize("status", [RegistrationStatus.CANCELLED, RegistrationStatus.EXPIRED])
def test_closed_registration_page_offers_registering_again_only(client, status):
    event = EventFactory(slug="still-open")
    registration = RegistrationFactory(event=event, status=status)

    html = _page(client, registration).content.decode()

    assert CALENDAR not in html
    assert "/cancel/" not in html
    assert "/en/events/still-open/register/" in html


def test_live_registration_page_of_a_cancelled_event_offers_no_cancel_and_no_calendar(client):
    registration = RegistrationFactory(event=EventFactory(status=EventStatus.CANCELLED))

    html = _page(client, registration).content.decode()

    assert CALENDAR not in html
    assert "/cancel/" not in html
    assert "/register/" not in html


def test_live_registration_page_offers_cancel_and_calendar(client):
    registration = RegistrationFactory(event=EventFactory())

    html = _page(client, registration).content.decode()

    assert CALENDAR in html and "/cancel/" in html
    assert "Register again" not in html


def test_cancelled_event_page_offers_no_calendar(client):
    event = EventFactory(status=EventStatus.CANCELLED)

    html = client.get(event.get_absolute_url()).content.decode()

    assert CALENDAR not in html
