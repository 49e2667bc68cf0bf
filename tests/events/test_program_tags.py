"""How a deadline is said to a delegate: the venue's time, and theirs when it differs."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation

from events.services.registration_emails import resend_registration_email
from events.templatetags.program import event_moment_for
from tests.factories import BakuVenueFactory, EventFactory, PendingRegistrationFactory

pytestmark = pytest.mark.django_db


def test_deadline_is_given_in_the_venues_and_the_delegates_zone():
    event = EventFactory(venue=BakuVenueFactory())
    deadline = datetime(2027, 3, 10, 15, 0, tzinfo=ZoneInfo("UTC"))

    with translation.override("en"):
        text = event_moment_for(event, deadline, "Europe/Istanbul")
        same = event_moment_for(event, deadline, "Asia/Baku")

    assert text == "10 March 2027 19:00 Baku · 18:00 Izmir"
    assert same == "10 March 2027 19:00 Baku"


def test_confirmation_request_gives_the_hold_deadline_in_both_zones(
    django_capture_on_commit_callbacks,
):
    registration = PendingRegistrationFactory(
        event=EventFactory(venue=BakuVenueFactory()), time_zone="Europe/Istanbul", language="en"
    )

    with django_capture_on_commit_callbacks(execute=True):
        resend_registration_email(registration=registration)  # pending: the confirm request

    body = mail.outbox[-1].body
    assert " Baku · " in body and " Izmir" in body
