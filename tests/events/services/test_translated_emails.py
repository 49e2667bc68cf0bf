"""A delegate's emails carry the event's title in the delegate's language."""

import pytest
from django.core import mail

from events.services import reminders
from events.services.registration import register_delegate
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_email_to_an_azerbaijani_registrant_uses_the_azerbaijani_title(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(title_tr="İş kahvaltısı", title_az="İş səhər yeməyi", title_en="Breakfast")

    register_delegate(
        event=event,
        full_name="Leyla Məmmədova",
        email="leyla@example.az",
        country="AZ",
        language="az",
        consent=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep()

    message = mail.outbox[-1]
    assert "İş səhər yeməyi" in message.subject
    assert "İş səhər yeməyi" in message.alternatives[0][0]
    assert "İş kahvaltısı" not in message.body
