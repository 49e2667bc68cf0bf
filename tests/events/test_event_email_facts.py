"""Every email about an event says what, when and where: the event's title, its date and
time in the venue's zone (and in the recipient's when that is another), and the place.

Each kind's text and HTML template is rendered the way its sender renders it (the same
template names, the objects the sender passes); the emails not about one event (the board's
weekly digest, a meeting outcome's follow-up) are left out by name.
"""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from tests.factories import (
    BakuVenueFactory,
    EventFactory,
    ParticipantFactory,
    RegistrationFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.now("2026-11-25T10:00:00+03:00")]

EMAILS = Path(settings.BASE_DIR) / "templates" / "emails"
NOT_ABOUT_ONE_EVENT = {"digest", "outcome_follow_up"}
KINDS = sorted(
    path.name.removesuffix(".subject.txt")
    for path in EMAILS.glob("*.subject.txt")
    if path.name.removesuffix(".subject.txt") not in NOT_ABOUT_ONE_EVENT
)
# Emails to someone whose zone we know (a registration's); the delegation's head has none.
TO_A_KNOWN_ZONE = {name for name in KINDS if name != "delegation_head"}


def test_every_email_kind_about_an_event_is_checked():
    assert set(KINDS) == {
        *(f"b2b_{name}" for name in ("agenda", "answer", "follow_up", "moved", "request")),
        "delegation_head",
        "event_cancelled",
        "event_time_changed",
        "reminder_delegate",
        "reminder_responsible",
        *(
            f"registration_{name}"
            for name in (
                "cancelled",
                "confirm_request",
                "confirmed",
                "expired",
                "promoted",
                "waitlisted",
            )
        ),
    }


@pytest.fixture
def world():
    with translation.override("tr"):
        venue = BakuVenueFactory(name="Heydər Əliyev Mərkəzi", address="Heydər Əliyev prospekti 1")
        event = EventFactory(
            title="Gece konseri",
            venue=venue,
            start=datetime(2026, 12, 20, 0, 30, tzinfo=ZoneInfo("Asia/Baku")),
            end=datetime(2026, 12, 20, 2, 0, tzinfo=ZoneInfo("Asia/Baku")),
        )
    registration = RegistrationFactory(event=event, time_zone="Europe/Berlin", language="en")
    participant = ParticipantFactory(event=event, registration=registration)
    group = type("Group", (), {"head_name": "Leyla", "head_language": "en", "expires_at": None})
    return {
        "event": event,
        "registration": registration,
        "participant": participant,
        "other": ParticipantFactory(event=event),
        "group": group,
        "members": [],
        "days": 3,
        "items": [],
        "others": [],
        "person": registration,
        "venue_zone": event.time_zone,
        "recipient_zone": registration.time_zone,
        "manage_url": "https://example.org/manage",
        "event_url": "https://example.org/event",
    }


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("part", ["txt", "html"])
def test_email_says_what_when_and_where(world, kind, part):
    with translation.override("en"):
        for delegation_kind in ("held", "confirmed", "expired", "cancelled"):
            text = render_to_string(f"emails/{kind}.{part}", {**world, "kind": delegation_kind})
            assert "Gece konseri" in text
            assert "20 December 2026" in text
            assert "00:30" in text and "Baku" in text
            assert "Heydər Əliyev Mərkəzi" in text and "Heydər Əliyev prospekti 1" in text
            if kind in TO_A_KNOWN_ZONE:  # Berlin: 21:30 the evening before
                assert "21:30" in text and "19 December" in text and "Berlin" in text
                assert "Europe/Berlin" not in text  # the city, never the zone identifier
            if kind != "delegation_head":
                break
