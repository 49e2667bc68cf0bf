"""The business program through HTTP: profile, directory, request, answer from the email link,
the board's scheduler and publishing, the agenda as page, .ics and PDF, and a no-show."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from events.b2b.enums import RequestStatus
from events.b2b.links import PARTICIPANT, participant_path
from events.b2b.models import Meeting, MeetingRequest, MeetingSession, Participant
from events.b2b.schedule import move_meeting, publish_session, run_scheduler
from events.enums import RegistrationStatus
from events.links import self_service_url
from events.seed.demo import load_demo, remove_demo
from events.services.registration_emails import resend_registration_email
from events.tokens import make_token
from tests.factories import (
    MatchmakingFactory,
    MeetingRequestFactory,
    MeetingSessionFactory,
    ParticipantFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def test_business_program_end_to_end(client, board_member, django_capture_on_commit_callbacks):
    event = MatchmakingFactory().event
    registration = RegistrationFactory(event=event, full_name="Leyla Əliyeva", country="AZ")
    partner = ParticipantFactory(
        event=event,
        organization_name="Ege Zeytin Çiftliği",
        country="TR",
        city="İzmir",
        registration__language="tr",
        registration__time_zone="Europe/Istanbul",
    )
    ParticipantFactory(event=event, is_visible=False, organization_name="Hidden Ltd")
    ParticipantFactory(
        event=event,
        organization_name="Unconfirmed Ltd",
        registration__status=RegistrationStatus.PENDING,
    )
    token = make_token(registration, purpose=PARTICIPANT)
    base = reverse("b2b:profile", kwargs={"pk": registration.pk, "token": token})

    # Profile
    response = client.post(
        base,
        {
            "organization_name": "Xəzər Logistika",
            "sector": "trade",
            "country": "AZ",
            "city": "Bakı",
            "languages": ["az", "ru", "en"],
            "offer": "Freight between Bakü and İzmir",
            "need": "Olive oil suppliers",
            "is_visible": "on",
        },
    )
    me = Participant.objects.get(registration=registration)
    assert response.status_code == 302
    assert (me.organization.name, me.languages) == ("Xəzər Logistika", "az,en,ru")

    # Directory: only confirmed, visible others; "zeytin ciftligi" finds "Zeytin Çiftliği"
    directory = client.get(participant_path(me, "directory"), {"q": "zeytin ciftligi"})
    everyone = client.get(participant_path(me, "directory"))
    assert [p.pk for p in directory.context["people"]] == [partner.pk]
    assert [p.organization_name for p in everyone.context["people"]] == ["Ege Zeytin Çiftliği"]

    # Request, then accept from the email link
    with django_capture_on_commit_callbacks(execute=True):
        client.post(participant_path(me, "ask", participant_id=partner.pk), {"reason": "Olives"})
    link = re.search(r"http\S+/requests/\d+/", mail.outbox[0].body).group(0)
    path = urlsplit(link).path
    page = client.get(path)
    assert page.status_code == 200 and "Olives" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path, {"answer": "accept"})
    assert MeetingRequest.objects.get().status == "accepted"
    assert mail.outbox[1].to == [registration.email]

    # The board adds a session, runs the scheduler and publishes
    client.force_login(board_member)
    local = event.local_start
    client.post(
        reverse("board:b2b_session_create", kwargs={"slug": event.slug}),
        {
            "title": "Morning",
            "start": local.strftime("%Y-%m-%dT%H:%M"),
            "end": (local + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "slot_minutes": 20,
            "tables": 4,
        },
    )
    session = MeetingSession.objects.get()
    client.post(reverse("board:b2b_schedule", kwargs={"slug": event.slug}))
    meeting = Meeting.objects.get()
    board_page = client.get(reverse("board:b2b_event", kwargs={"slug": event.slug}))
    client.post(reverse("board:b2b_publish", kwargs={"pk": session.pk}))
    client.logout()
    assert session.start == event.start.replace(second=0)
    assert (meeting.starts_at, meeting.table) == (session.start, 1)
    assert "Xəzər Logistika" in board_page.content.decode()

    # The agenda: page, .ics and PDF
    agenda = client.get(participant_path(me, "agenda"))
    ics = client.get(participant_path(me, "agenda_ics"))
    pdf = client.get(participant_path(me, "agenda_pdf"))
    calendar = icalendar.Calendar.from_ical(ics.content)
    vevents = calendar.walk("VEVENT")
    assert len(agenda.context["items"]) == 1
    assert [(str(v["UID"]), v["SEQUENCE"], v["DTSTART"].dt) for v in vevents] == [
        (f"b2b-meeting-{meeting.request_id}@kardes40.izazder.org", 0, session.start)
    ]
    assert "Ege Zeytin Çiftliği" in str(vevents[0]["SUMMARY"])
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    # Only one party checks in: a no-show on the board once the meeting has begun
    registration.attended_at = timezone.now()
    registration.save()
    client.force_login(board_member)
    # The meeting has begun (the event is in the future: move the meeting, not the clock).
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - timedelta(minutes=5))
    board_page = client.get(reverse("board:b2b_event", kwargs={"slug": event.slug}))
    assert [m.pk for m in board_page.context["no_shows"]] == [meeting.pk]


def test_directory_queries_do_not_grow_with_participants(client, assert_constant_queries):
    me = ParticipantFactory()
    ParticipantFactory(event=me.event)
    url = participant_path(me, "directory")

    response = assert_constant_queries(
        lambda: client.get(url),
        lambda: [ParticipantFactory(event=me.event) for _ in range(5)],
    )

    assert len(response.context["people"]) == 6


def test_answer_page_by_another_participant_is_not_found(client):
    me = ParticipantFactory()
    other = ParticipantFactory(event=me.event)
    request = MeetingRequestFactory(requester=me, recipient=other, status="pending")

    response = client.post(
        participant_path(me, "answer", request_id=request.pk), {"answer": "accept"}
    )

    request.refresh_from_db()
    assert (response.status_code, request.status) == (404, "pending")


def test_confirmation_email_and_own_page_link_to_the_business_program(
    client, django_capture_on_commit_callbacks
):

    event = MatchmakingFactory().event
    registration = RegistrationFactory(event=event)

    with django_capture_on_commit_callbacks(execute=True):
        resend_registration_email(registration=registration)  # the confirmation, sent again
    page = client.get(urlsplit(self_service_url(registration)).path)

    assert f"/b2b/{registration.pk}/" in mail.outbox[0].body
    assert f"/b2b/{registration.pk}/" in page.content.decode()


def test_demo_forum_has_a_business_program_in_every_state_and_goes_with_the_demo():

    load_demo()
    again = load_demo()

    participants = Participant.objects.select_related("registration")
    assert again[1] == 0
    assert participants.count() == 30
    assert {p.country.code for p in participants} == {"TR", "AZ"}
    assert all(p.registration.is_demo for p in participants)
    assert set(MeetingRequest.objects.values_list("status", flat=True)) == set(RequestStatus.values)
    accepted = MeetingRequest.objects.accepted().count()
    assert Meeting.objects.count() == accepted
    assert Meeting.objects.published().count() == accepted

    remove_demo()

    assert (Participant.objects.count(), Meeting.objects.count()) == (0, 0)


def test_withdraw_takes_back_a_pending_request(client):
    mine = MeetingRequestFactory(status="pending")

    client.post(participant_path(mine.requester, "withdraw", request_id=mine.pk))

    mine.refresh_from_db()
    assert mine.status == "withdrawn"


def test_participant_home_queries_do_not_grow_with_requests(client, assert_constant_queries):
    me = ParticipantFactory()
    MeetingRequestFactory(requester=me, recipient=ParticipantFactory(event=me.event))

    def grow():
        for _ in range(4):
            other = ParticipantFactory(event=me.event)
            MeetingRequestFactory(requester=me, recipient=other, status="pending")
            MeetingRequestFactory(requester=ParticipantFactory(event=me.event), recipient=me)

    response = assert_constant_queries(lambda: client.get(participant_path(me)), grow)

    assert (len(response.context["sent"]), len(response.context["received"])) == (5, 4)


def test_agenda_and_board_page_queries_do_not_grow_with_meetings(
    client, board_member, assert_constant_queries
):

    session = MeetingSessionFactory(tables=20)
    me = ParticipantFactory(event=session.event)
    MeetingRequestFactory(requester=me, recipient=ParticipantFactory(event=session.event))
    publish_session(session=session)

    def grow():
        for _ in range(2):
            MeetingRequestFactory(requester=me, recipient=ParticipantFactory(event=session.event))
        for _ in range(3):
            MeetingRequestFactory(requester=ParticipantFactory(event=session.event))
        run_scheduler(event=session.event)

    run_scheduler(event=session.event)
    assert_constant_queries(lambda: client.get(participant_path(me, "agenda")), grow)
    client.force_login(board_member)
    board = reverse("board:b2b_event", kwargs={"slug": session.event.slug})
    response = assert_constant_queries(lambda: client.get(board), grow)

    assert (
        sum(
            1
            for _s, _t, rows in response.context["grids"]
            for _start, cells in rows
            for c in cells
            if c
        )
        == 9
    )


def test_board_sets_the_pairing_rule_and_a_bad_follow_up_changes_nothing(board_client):
    matchmaking = MatchmakingFactory()
    url = reverse("board:b2b_rules", kwargs={"slug": matchmaking.event.slug})
    data = {
        "is_enabled": "on",
        "request_expiry_hours": 24,
        "max_open_requests": 5,
        "pairing_rule": "across_countries",
        "follow_up_months": "[3, 6]",
    }

    bad = board_client.post(url, {**data, "follow_up_months": "[0, 99]"})
    board_client.post(url, data)

    matchmaking.refresh_from_db()
    assert bad.status_code == 400
    assert (matchmaking.pairing_rule, matchmaking.request_expiry_hours) == ("across_countries", 24)


def test_agenda_ics_keeps_the_uid_and_raises_the_sequence_when_a_meeting_moves(client):

    session = MeetingSessionFactory(tables=2)
    me = ParticipantFactory(event=session.event)
    MeetingRequestFactory(requester=me, recipient=ParticipantFactory(event=session.event))
    run_scheduler(event=session.event)
    publish_session(session=session)
    before = icalendar.Calendar.from_ical(client.get(participant_path(me, "agenda_ics")).content)
    meeting = Meeting.objects.get()

    move_meeting(meeting=meeting, session=session, starts_at=session.slot_starts()[2], table=2)
    after = icalendar.Calendar.from_ical(client.get(participant_path(me, "agenda_ics")).content)

    (old,), (new,) = before.walk("VEVENT"), after.walk("VEVENT")
    assert str(old["UID"]) == str(new["UID"])
    assert (old["SEQUENCE"], new["SEQUENCE"]) == (0, 1)
    assert new["DTSTART"].dt == session.slot_starts()[2]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", ["Cam Evi", "Çelik Yapı", "Ozan Lojistik", "Öz Tekstil", "Şirin Gıda"]),
        ("en", ["Cam Evi", "Çelik Yapı", "Öz Tekstil", "Ozan Lojistik", "Şirin Gıda"]),
    ],
)
def test_directory_lists_organizations_in_the_page_language_order(client, language, expected):
    me = ParticipantFactory(organization_name="Ben")
    for name in ["Şirin Gıda", "Öz Tekstil", "Çelik Yapı", "Ozan Lojistik", "Cam Evi"]:
        ParticipantFactory(event=me.event, organization_name=name)

    with translation.override(language):  # the address carries the page's language
        url = participant_path(me, "directory")
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)

    assert [p.organization_name for p in response.context["people"]] == expected


def test_agenda_ics_location_spells_the_city_in_the_agenda_language(client):
    session = MeetingSessionFactory(tables=2)
    venue = session.event.venue
    venue.city, venue.name_tr, venue.name_en = "Bakı", "Sergi salonu", "Expo hall"
    venue.save()
    me = ParticipantFactory(event=session.event, registration__language="en")
    MeetingRequestFactory(requester=me, recipient=ParticipantFactory(event=session.event))
    run_scheduler(event=session.event)
    publish_session(session=session)

    with translation.override("en"):
        url = participant_path(me, "agenda_ics")
    calendar = icalendar.Calendar.from_ical(client.get(url).content)

    (meeting,) = calendar.walk("VEVENT")
    assert str(meeting["LOCATION"]).endswith("Expo hall, Baku")
