"""Plans known only by month or year, as delegates see them: no internal notes or stages, no
registration before a day is fixed, and "date never fixed" once the window has passed."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from events.enums import DatePrecision, EventStatus
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

IZMIR = ZoneInfo("Europe/Istanbul")


def _year_plan(year, **fields):
    return EventFactory(
        date_precision=DatePrecision.YEAR,
        start=datetime(year, 1, 1, tzinfo=IZMIR),
        end=datetime(year + 1, 1, 1, tzinfo=IZMIR),
        **fields,
    )


def test_delegates_never_see_internal_notes_or_internal_statuses(client, settings):
    settings.LANGUAGE_CODE = "en"
    event = _year_plan(
        timezone.localdate().year + 1,
        status=EventStatus.IDEA,
        description="Joint cultural events in İzmir.",
        internal_notes="The source gives no date or place yet.",
    )

    page = client.get(reverse("events:detail", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="en")

    content = page.content.decode()
    assert "Joint cultural events in İzmir." in content
    assert "The source gives no date or place yet." not in content
    assert ">Idea<" not in content and ">Planned<" not in content
    assert "To be confirmed" in content
    assert "Registration not open" in content
    assert page.context["availability"].can_register is False


def test_plan_whose_window_passed_says_date_never_fixed_not_taken_place(client, settings):
    settings.LANGUAGE_CODE = "en"
    event = _year_plan(timezone.localdate().year - 1, status=EventStatus.PLANNED)

    page = client.get(reverse("events:detail", args=[event.slug]), HTTP_ACCEPT_LANGUAGE="en")

    content = page.content.decode()
    assert "The date of this plan was never fixed." in content
    assert "This event has taken place." not in content
    assert "date to be announced" not in content
    assert "(date never fixed)" in content


def test_board_sees_the_internal_notes(board_client):
    event = _year_plan(timezone.localdate().year, internal_notes="Ask the ministry for a date.")

    page = board_client.get(event.get_board_url())

    assert "Ask the ministry for a date." in page.content.decode()
