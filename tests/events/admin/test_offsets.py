"""Reminder offsets in the admin: the default times as boxes and a custom field, not raw JSON."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.admin.offsets import ReminderOffsetsField, ReminderOffsetsWidget
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_ticked_defaults_and_custom_times_become_minutes_longest_first(settings):
    settings.REMINDER_DEFAULT_OFFSETS = [10080, 1440, 120]
    field = ReminderOffsetsField()

    assert field.clean([["1440", "120"], "3d, 90m, 4h"]) == [4320, 1440, 240, 120, 90]
    assert field.clean([[], ""]) == []


def test_custom_time_that_is_not_a_duration_is_refused():
    with pytest.raises(ValidationError):
        ReminderOffsetsField().clean([[], "next week"])


def test_stored_offsets_show_as_ticked_boxes_and_custom_text(settings):
    settings.REMINDER_DEFAULT_OFFSETS = [10080, 1440, 120]

    assert ReminderOffsetsWidget().decompress([10080, 4320, 90]) == [["10080"], "3d, 90m"]


def test_event_change_form_shows_boxes_instead_of_json(staff_client, settings):
    settings.LANGUAGE_CODE = "en"
    event = EventFactory(reminder_offsets=[])

    page = staff_client.get(
        reverse("admin:events_event_change", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )

    content = page.content.decode()
    assert 'name="reminder_offsets_0"' in content
    assert "7 days before" in content
    assert 'name="reminder_offsets_1"' in content
    assert ">[]</textarea>" not in content
