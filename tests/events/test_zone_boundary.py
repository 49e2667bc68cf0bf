"""The other city's time, when its local day is not the venue's.

A Bakü event at 00:30 on 20 December is 23:30 on 19 December in İzmir: every page, email and
board screen that prints the other city's time prints that day too (`zone_time`), and only
then.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import translation

from events.services.registration_emails import resend_registration_email
from events.templatetags.program import event_moment_for, event_when, zone_time
from tests.factories import BakuVenueFactory, EventFactory, RegistrationFactory, VenueFactory

pytestmark = [pytest.mark.django_db, pytest.mark.now("2026-11-25T10:00:00+03:00")]

BK = ZoneInfo("Asia/Baku")
IZ = ZoneInfo("Europe/Istanbul")


@pytest.fixture
def late_baku_event():
    return EventFactory(
        slug="late-baku",
        venue=BakuVenueFactory(),
        start=datetime(2026, 12, 20, 0, 30, tzinfo=BK),
        end=datetime(2026, 12, 20, 2, 0, tzinfo=BK),
    )


def test_zone_time_gives_the_day_only_when_it_differs():
    late = datetime(2026, 12, 20, 0, 30, tzinfo=BK)
    evening = datetime(2026, 12, 20, 19, 0, tzinfo=BK)
    izmir_late = datetime(2026, 12, 19, 23, 30, tzinfo=IZ)  # 00:30 in Bakü, the next day
    with translation.override("en"):
        assert zone_time(late, "Asia/Baku", "Europe/Istanbul") == "19 December, 23:30 Izmir"
        assert zone_time(evening, "Asia/Baku", "Europe/Istanbul") == "18:00 Izmir"
        assert zone_time(izmir_late, "Europe/Istanbul", "Asia/Baku") == "20 December, 00:30 Baku"
    with translation.override("tr"):
        assert zone_time(late, "Asia/Baku", "Europe/Istanbul") == "19 Aralık, 23:30 İzmir"


def test_event_when_names_the_other_citys_day(late_baku_event):
    with translation.override("en"):
        text = event_when(late_baku_event)
    assert text == "20 December 2026, 00:30–02:00 Baku · 19 December, 23:30 Izmir"


def test_izmir_event_late_at_night_gives_bakus_next_day():
    event = EventFactory(
        venue=VenueFactory(),
        start=datetime(2026, 12, 19, 23, 30, tzinfo=IZ),
        end=datetime(2026, 12, 20, 1, 0, tzinfo=IZ),
    )
    with translation.override("en"):
        assert event_when(event).endswith(" · 20 December, 00:30 Baku")


def test_deadline_in_the_delegates_zone_names_its_day(late_baku_event):
    with translation.override("en"):
        text = event_moment_for(late_baku_event, late_baku_event.start, "Europe/Istanbul")
    assert text == "20 December 2026 00:30 Baku · 19 December, 23:30 Izmir"


def test_event_page_and_program_list_name_the_other_citys_day(client, late_baku_event):
    for url in (late_baku_event.get_absolute_url(), "/en/program/"):
        html = client.get(url).content.decode()
        assert "19 December, 23:30 Izmir" in html, url


def test_registration_email_names_the_other_citys_day(
    late_baku_event, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=late_baku_event, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        resend_registration_email(registration=registration)
    message = mail.outbox[-1]
    assert "19 December, 23:30 Izmir" in message.body
    assert "19 December, 23:30 Izmir" in message.alternatives[0][0]


def test_board_event_page_names_the_other_citys_day(board_client, late_baku_event):
    html = board_client.get(f"/board/events/{late_baku_event.slug}/").content.decode()
    assert "19 December, 23:30 Izmir" in html


def test_meeting_times_in_the_participants_zone_name_their_day():
    template = Template(
        "{% load program %}{% zone_time moment venue_zone own_zone %}|"
        "{% zone_time None venue_zone own_zone %}"
    )
    with translation.override("az"):
        text = template.render(
            Context(
                {
                    "moment": datetime(2026, 12, 20, 0, 15, tzinfo=BK),
                    "venue_zone": "Asia/Baku",
                    "own_zone": "Europe/Istanbul",
                }
            )
        )
    assert text.startswith("19 ") and text.endswith(", 23:15 İzmir|")
