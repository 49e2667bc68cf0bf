"""A meeting outcome "event announced" becomes a planned event linked back to its meeting."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from contacts.enums import OutcomeKind
from events.enums import DatePrecision, EventStatus
from events.models import Event
from events.services.announcements import AnnouncementError, create_event_from_outcome
from events.timezones import IZMIR, zone
from tests.factories import MeetingFactory, OutcomeFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_announced_event_is_created_planned_and_linked_to_meeting_visit_and_sources():
    meeting = MeetingFactory()
    source = SourceFactory()
    meeting.sources.add(source)
    follow_up = timezone.localdate() + timedelta(days=40)
    outcome = OutcomeFactory(
        meeting=meeting,
        kind=OutcomeKind.EVENT_ANNOUNCED,
        text="Azerbaijani culture days in İzmir",
        follow_up_on=follow_up,
    )

    event = create_event_from_outcome(outcome=outcome)

    tz = zone(IZMIR)
    assert (
        event.title,
        event.status,
        event.is_public,
        event.date_precision,
        event.local_start.date(),
        event.outcome,
        event.delegation_visit_id,
        list(event.sources.all()),
    ) == (
        "Azerbaijani culture days in İzmir",
        EventStatus.PLANNED,
        False,
        DatePrecision.MONTH,
        follow_up.replace(day=1),
        outcome,
        meeting.visit_id,
        [source],
    )
    assert event.start.astimezone(tz).hour == 0


def test_announcement_without_a_follow_up_date_is_a_plan_for_the_year():
    outcome = OutcomeFactory(
        kind=OutcomeKind.EVENT_ANNOUNCED, text="B2B meetings", follow_up_on=None, owner=None
    )

    event = create_event_from_outcome(outcome=outcome)

    year = max(outcome.meeting.date.year, timezone.localdate().year)
    assert (event.date_precision, event.local_start.date(), event.local_end.date()) == (
        DatePrecision.YEAR,
        date(year, 1, 1),
        date(year + 1, 1, 1),
    )


def test_an_announcement_becomes_one_event_only():
    outcome = OutcomeFactory(kind=OutcomeKind.EVENT_ANNOUNCED, text="Forum")
    create_event_from_outcome(outcome=outcome)

    with pytest.raises(AnnouncementError):
        create_event_from_outcome(outcome=outcome)

    assert Event.objects.count() == 1


def test_other_outcomes_do_not_become_events():
    outcome = OutcomeFactory(kind=OutcomeKind.ROADMAP_AGREED)

    with pytest.raises(AnnouncementError):
        create_event_from_outcome(outcome=outcome)

    assert Event.objects.count() == 0


def test_one_click_on_the_visit_page_opens_the_new_event_for_editing(board_client):
    outcome = OutcomeFactory(kind=OutcomeKind.EVENT_ANNOUNCED, text="Youth forum")

    response = board_client.post(reverse("board:event_from_outcome", args=[outcome.pk]))

    event = Event.objects.get()
    assert response["Location"] == reverse("board:event_edit", args=[event.slug])
    page = board_client.get(reverse("contacts:visit", args=[outcome.meeting.visit_id]))
    assert event.get_board_url() in page.content.decode()


def test_announced_event_takes_each_language_of_the_outcome():
    outcome = OutcomeFactory(
        kind=OutcomeKind.EVENT_ANNOUNCED,
        text_tr="İzmir'de Azerbaycan kültür günleri",
        text_en="Azerbaijani culture days in Izmir",
    )

    event = create_event_from_outcome(outcome=outcome)

    assert (event.title_tr, event.title_az, event.title_en) == (
        "İzmir'de Azerbaycan kültür günleri",
        None,
        "Azerbaijani culture days in Izmir",
    )
    assert (event.description_tr, event.description_en) == (
        "İzmir'de Azerbaycan kültür günleri",
        "Azerbaijani culture days in Izmir",
    )
