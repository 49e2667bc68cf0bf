"""The agenda before the first meeting and the follow-up months later go through the delivery
record: planned once, sent once, answered through the signed link, counted on the dashboard."""

from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.b2b import report
from events.b2b.deliveries import add_months, plan
from events.b2b.links import participant_path
from events.b2b.models import Meeting, MeetingOutcome
from events.b2b.schedule import move_meeting
from events.b2b.selectors import program_figures
from events.enums import DeliveryKind, DeliveryState
from events.models import ReminderDelivery
from events.services.reminders import claim_due, send_batch
from tests.factories import (
    MeetingRequestFactory,
    MeetingSessionFactory,
    OrganizationFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db


def _meeting(*, start, attended=True, published=True):
    host = ParticipantFactory()
    other = ParticipantFactory(event=host.event)
    event = host.event
    event.start, event.end = start - timedelta(hours=1), start + timedelta(hours=3)
    event.save()
    session = MeetingSessionFactory(
        event=event, start=start, published_at=timezone.now() if published else None
    )
    request = MeetingRequestFactory(requester=host, recipient=other)
    meeting = Meeting.objects.create(request=request, session=session, starts_at=start, table=1)
    if attended:
        for party in (host, other):
            party.registration.attended_at = start
            party.registration.save()
    return meeting, host, other


def _send_due(now):
    claim = claim_due(now=now)
    return send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)


def test_add_months_keeps_the_local_day_and_time_and_clips_the_month_end():

    baku = ZoneInfo("Asia/Baku")
    moment = datetime(2027, 8, 31, 18, 0, tzinfo=baku)

    assert add_months(moment, 6, "Asia/Baku") == datetime(2028, 2, 29, 18, 0, tzinfo=baku)


def test_follow_ups_are_planned_once_per_party_and_interval():
    now = timezone.now()
    meeting, host, other = _meeting(start=now - timedelta(days=3))

    first = plan(now=now)
    second = plan(now=now)

    rows = ReminderDelivery.objects.filter(kind=DeliveryKind.B2B_FOLLOW_UP)
    assert (first, second) == (4, 0)
    assert sorted(rows.values_list("recipient_key", "subject_key")) == sorted(
        (f"registration:{p.registration_id}", f"b2b:{meeting.session.event_id}:follow-up:{m}")
        for p in (host, other)
        for m in (3, 6)
    )


def test_no_follow_up_for_a_meeting_nobody_came_to():
    now = timezone.now()
    _meeting(start=now - timedelta(days=3), attended=False)

    assert plan(now=now) == 0


def test_follow_up_is_sent_once_and_answered_through_its_link(client):
    now = timezone.now()
    meeting, host, other = _meeting(start=now - timedelta(days=3))
    plan(now=now)
    due = add_months(meeting.session.event.end, 3, meeting.session.event.time_zone)

    sent = _send_due(due + timedelta(minutes=1))
    again = _send_due(due + timedelta(minutes=6))

    assert (sent.sent, again.sent) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [host.registration.email, other.registration.email]
    )
    link = next(m for m in mail.outbox if m.to[0] == host.registration.email).body
    url = urlsplit(next(w for w in link.split() if "/follow-up/" in w)).path
    client.post(url, {f"answer-{meeting.pk}": "agreement", f"note-{meeting.pk}": "Olive oil deal"})
    outcome = MeetingOutcome.objects.get()
    assert (outcome.participant, outcome.answer, outcome.note) == (
        host,
        "agreement",
        "Olive oil deal",
    )


def test_agenda_reminder_goes_before_the_first_meeting_with_the_ics():
    now = timezone.now()
    meeting, host, other = _meeting(start=now + timedelta(days=2), attended=False)
    plan(now=now)

    result = _send_due(meeting.starts_at - timedelta(hours=1))

    rows = ReminderDelivery.objects.filter(kind=DeliveryKind.B2B_AGENDA_REMINDER)
    assert result.sent == 2
    assert set(rows.values_list("state", flat=True)) == {DeliveryState.SENT}
    assert [a[2] for a in mail.outbox[0].attachments] == ["text/calendar; method=PUBLISH"]


def test_agenda_reminder_is_skipped_when_the_schedule_is_withdrawn():
    now = timezone.now()
    meeting, _host, _other = _meeting(start=now + timedelta(days=2), attended=False)
    plan(now=now)
    meeting.session.published_at = None
    meeting.session.save()

    result = _send_due(meeting.starts_at - timedelta(hours=1))

    assert (result.sent, result.skipped, len(mail.outbox)) == (0, 2, 0)


def test_dashboard_shows_held_meetings_no_shows_and_agreements(board_client):
    now = timezone.now()
    meeting, host, _other = _meeting(start=now - timedelta(days=3))
    _meeting(start=now - timedelta(days=3), attended=False)  # another event: a no-show
    MeetingOutcome.objects.create(meeting=meeting, participant=host, answer="agreement")

    response = board_client.get(reverse("board:dashboard"))

    page = response.content.decode()
    assert 'id="b2b-figures"' in page
    rows = [(r["placed"], r["held"], r["no_shows"], r["agreements"]) for r in _figures()]
    assert sorted(rows) == [(1, 0, 1, 0), (1, 1, 0, 1)]


def _figures():

    return program_figures()


def test_follow_up_page_of_another_participant_shows_nothing_of_theirs(client):
    now = timezone.now()
    meeting, host, _other = _meeting(start=now - timedelta(days=3))
    stranger = ParticipantFactory(event=meeting.session.event)

    response = client.get(participant_path(stranger, "follow_up"))

    assert response.context["rows"] == []


def test_a_published_meeting_moved_by_hand_tells_both_parties_once(
    django_capture_on_commit_callbacks,
):

    now = timezone.now()
    meeting, host, other = _meeting(start=now + timedelta(days=2), attended=False)
    session = meeting.session
    later = session.slot_starts()[1]

    with django_capture_on_commit_callbacks(execute=True):
        move_meeting(meeting=meeting, session=session, starts_at=later, table=2)

    rows = ReminderDelivery.objects.filter(kind=DeliveryKind.B2B_MEETING_MOVED)
    assert sorted(rows.values_list("recipient_key", "state")) == sorted(
        (f"registration:{p.registration_id}", DeliveryState.SENT) for p in (host, other)
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [host.registration.email, other.registration.email]
    )
    assert [a[2] for a in mail.outbox[0].attachments] == ["text/calendar; method=PUBLISH"]


def test_moving_an_unpublished_meeting_emails_nobody(django_capture_on_commit_callbacks):

    now = timezone.now()
    meeting, _host, _other = _meeting(start=now + timedelta(days=2), published=False)

    with django_capture_on_commit_callbacks(execute=True):
        move_meeting(
            meeting=meeting,
            session=meeting.session,
            starts_at=meeting.session.slot_starts()[1],
            table=1,
        )

    assert ReminderDelivery.objects.count() == 0
    assert mail.outbox == []


def test_organization_page_shows_its_b2b_meetings_and_the_answers(board_client):

    organization = OrganizationFactory(name="Xəzər Logistika")
    now = timezone.now()
    meeting, host, other = _meeting(start=now - timedelta(days=3))
    host.organization = organization
    host.save()
    MeetingOutcome.objects.create(
        meeting=meeting, participant=other, answer="offer_made", note="Price list sent"
    )

    response = board_client.get(reverse("contacts:organization", args=[organization.pk]))

    page = response.content.decode()
    assert other.organization_name in page
    assert "Offer made: Price list sent" in page


def test_year_report_counts_the_business_program_of_its_period(now):
    meeting, host, _other = _meeting(start=now - timedelta(days=3))
    missed, _host, _other = _meeting(start=now - timedelta(days=3), attended=False)
    MeetingOutcome.objects.create(meeting=meeting, participant=host, answer="agreement")
    today = now.astimezone(ZoneInfo("Europe/Istanbul")).date()

    this_year = report.figures(first=today - timedelta(days=30), last=today, now=now)
    none = report.figures(first=today + timedelta(days=1), last=today + timedelta(days=30), now=now)

    assert [(label, value) for label, value, _url in this_year] == [
        ("B2B programs", 2),
        ("B2B meetings placed", 2),
        ("B2B meetings held", 1),
        ("B2B no-shows", 1),
        ("Agreements reached at the follow-ups", 1),
    ]
    first = min((meeting.session.event, missed.session.event), key=lambda e: (e.start, e.pk))
    assert {url for _label, _value, url in this_year} == {
        reverse("board:b2b_event", args=[first.slug])
    }
    assert [value for _label, value, _url in none] == [0, 0, 0, 0, 0]
