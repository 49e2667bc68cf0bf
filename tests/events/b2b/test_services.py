from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from contacts.models import Organization
from events.b2b.enums import PairingRule, RequestStatus
from events.b2b.models import Meeting, MeetingRequest, Participant
from events.b2b.schedule import clashes, move_meeting, run_scheduler, set_locked
from events.b2b.services import (
    MatchmakingError,
    answer_request,
    enable_matchmaking,
    expire_overdue_requests,
    request_meeting,
    save_profile,
    set_slot_closed,
)
from events.enums import EventKind, RegistrationStatus
from tests.factories import (
    EventFactory,
    MatchmakingFactory,
    MeetingRequestFactory,
    MeetingSessionFactory,
    OrganizationFactory,
    ParticipantFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def test_enable_matchmaking_refuses_a_cultural_festival():
    event = EventFactory(kind=EventKind.CULTURAL_FESTIVAL)

    with pytest.raises(MatchmakingError):
        enable_matchmaking(event=event)

    assert not hasattr(event, "matchmaking") or event.matchmaking is None


def test_save_profile_links_an_existing_organization_by_name():
    matchmaking = MatchmakingFactory()
    registration = RegistrationFactory(event=matchmaking.event)

    organization = OrganizationFactory(name="Azersun Holding")

    participant = save_profile(
        registration=registration,
        organization_name="  azersun   holding ",
        sector="agriculture",
        country="AZ",
        city="Bakü",
        languages=["az", "ru"],
        offer="Sunflower oil",
        need="Distributors in the Aegean",
    )

    assert (participant.organization, participant.languages) == (organization, "az,ru")
    assert Participant.objects.search("AZERSUN").get() == participant


@pytest.mark.parametrize("language", ["tr", "az", "en"])
@pytest.mark.parametrize(
    "typed", ["Azərbaycan Sənaye Birliyi", "azerbaijan industry union", "AZƏRBAYCAN SANAYİ BİRLİĞİ"]
)
def test_save_profile_finds_the_organization_by_any_of_its_names_whatever_the_page_language(
    language, typed
):
    """The lookup reads every language's name column, not only the active one's (the
    translated field's filter would read name_az on an Azerbaijani page, where most
    organizations have none, and then fail on the Turkish name's uniqueness)."""
    matchmaking = MatchmakingFactory()
    organization = OrganizationFactory(
        name_tr="Azərbaycan Sanayi Birliği",
        name_az="Azərbaycan Sənaye Birliyi",
        name_en="Azerbaijan Industry Union",
    )
    registration = RegistrationFactory(event=matchmaking.event)

    with translation.override(language):
        participant = save_profile(
            registration=registration,
            organization_name=typed,
            sector="agriculture",
            country="AZ",
            city="Bakü",
            languages=["az"],
            offer="Olive oil",
            need="Buyers",
        )

    assert participant.organization == organization
    assert Organization.objects.count() == 1


@pytest.mark.parametrize("language", ["az", "en"])
def test_save_profile_on_a_translated_page_links_a_turkish_only_name(language):
    matchmaking = MatchmakingFactory()
    organization = OrganizationFactory(name="Ege İhracatçı Birlikleri")
    registration = RegistrationFactory(event=matchmaking.event)

    with translation.override(language):
        participant = save_profile(
            registration=registration,
            organization_name="ege ihracatçı birlikleri",
            sector="agriculture",
            country="TR",
            city="İzmir",
            languages=["tr"],
            offer="Figs",
            need="Buyers",
        )

    assert participant.organization == organization


def test_request_meeting_emails_the_participant_asked(django_capture_on_commit_callbacks):
    a = ParticipantFactory()
    b = ParticipantFactory(event=a.event)

    with django_capture_on_commit_callbacks(execute=True):
        made = request_meeting(requester=a, recipient=b, reason="Olive oil exports")

    assert (made.status, made.expires_at - made.created_at) == (
        RequestStatus.PENDING,
        timedelta(hours=48),
    )
    assert [m.to for m in mail.outbox] == [[b.registration.email]]
    assert f"/b2b/{b.registration_id}/" in mail.outbox[0].body


def test_request_meeting_refuses_a_second_request_in_the_other_direction():
    a = ParticipantFactory()
    b = ParticipantFactory(event=a.event)
    request_meeting(requester=a, recipient=b, reason="Logistics")

    with pytest.raises(MatchmakingError) as error:
        request_meeting(requester=b, recipient=a, reason="Logistics too")

    assert error.value.code == "duplicate"
    assert MeetingRequest.objects.count() == 1


def test_request_meeting_stops_at_the_cap_until_a_request_expires():
    now = timezone.now()
    a = ParticipantFactory()
    MatchmakingFactory(event=a.event)
    a.event.matchmaking.max_open_requests = 2
    a.event.matchmaking.save()
    others = [ParticipantFactory(event=a.event) for _ in range(3)]
    request_meeting(requester=a, recipient=others[0], reason="one", now=now)
    request_meeting(requester=a, recipient=others[1], reason="two", now=now)

    with pytest.raises(MatchmakingError) as error:
        request_meeting(requester=a, recipient=others[2], reason="three", now=now)
    later = request_meeting(
        requester=a, recipient=others[2], reason="three", now=now + timedelta(hours=49)
    )
    # Overdue requests no longer count against the cap; the sweep marks them expired.
    expired = expire_overdue_requests(now=now + timedelta(hours=49))

    assert (error.value.code, expired) == ("cap", 2)
    assert later.status == RequestStatus.PENDING
    assert sorted(MeetingRequest.objects.values_list("status", flat=True)) == [
        "expired",
        "expired",
        "pending",
    ]


def test_request_meeting_follows_the_across_countries_rule():
    a = ParticipantFactory(country="AZ")
    a.event.matchmaking.pairing_rule = PairingRule.ACROSS_COUNTRIES
    a.event.matchmaking.save()
    same = ParticipantFactory(event=a.event, country="AZ")

    with pytest.raises(MatchmakingError) as error:
        request_meeting(requester=a, recipient=same, reason="Bakü to Bakü")

    assert error.value.code == "pairing"


def test_request_meeting_refuses_an_unconfirmed_participant():
    a = ParticipantFactory()
    b = ParticipantFactory(event=a.event, registration__status=RegistrationStatus.PENDING)

    with pytest.raises(MatchmakingError):
        request_meeting(requester=a, recipient=b, reason="Hello")

    assert MeetingRequest.objects.count() == 0


def test_answer_request_accepts_and_tells_the_asker(django_capture_on_commit_callbacks):
    pending = MeetingRequestFactory(status=RequestStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        answer_request(meeting_request=pending, by=pending.recipient, accept=True)

    pending.refresh_from_db()
    assert pending.status == RequestStatus.ACCEPTED
    assert [m.to for m in mail.outbox] == [[pending.requester.registration.email]]
    # In the asker's own language (the factory's delegates write Azerbaijani).
    assert mail.outbox[0].subject == f"{pending.recipient.name} görüş sorğunuzu qəbul etdi"


def test_answer_request_after_the_deadline_expires_it():
    pending = MeetingRequestFactory(status=RequestStatus.PENDING)

    with pytest.raises(MatchmakingError):
        answer_request(
            meeting_request=pending,
            by=pending.recipient,
            accept=True,
            now=pending.expires_at + timedelta(minutes=1),
        )

    pending.refresh_from_db()
    assert pending.status == RequestStatus.EXPIRED


def test_answer_request_by_the_asker_is_refused():
    pending = MeetingRequestFactory(status=RequestStatus.PENDING)

    with pytest.raises(MatchmakingError):
        answer_request(meeting_request=pending, by=pending.requester, accept=True)

    pending.refresh_from_db()
    assert pending.status == RequestStatus.PENDING


def test_expire_overdue_requests_counts_only_overdue_pending_ones():
    now = timezone.now()
    MeetingRequestFactory(status=RequestStatus.PENDING, expires_at=now - timedelta(minutes=1))
    MeetingRequestFactory(status=RequestStatus.PENDING, expires_at=now + timedelta(minutes=1))
    MeetingRequestFactory(status=RequestStatus.ACCEPTED, expires_at=now - timedelta(minutes=1))

    assert expire_overdue_requests(now=now) == 1


# --- the schedule --------------------------------------------------------------------------
def _accepted(event, count):
    people = [ParticipantFactory(event=event) for _ in range(count + 1)]
    return people, [
        MeetingRequestFactory(requester=people[0], recipient=other) for other in people[1:]
    ]


def test_run_scheduler_places_accepted_requests_in_consecutive_slots():
    session = MeetingSessionFactory(tables=2)
    (host, *_), requests = _accepted(session.event, 3)
    MeetingRequestFactory(requester=host, status=RequestStatus.PENDING)

    report = run_scheduler(event=session.event)

    meetings = Meeting.objects.order_by("starts_at")
    assert (report.placed, report.unplaced) == (3, [])
    assert [m.starts_at for m in meetings] == session.slot_starts()
    assert {m.request_id for m in meetings} == {r.pk for r in requests}


def test_run_scheduler_keeps_locked_meetings_and_reports_what_does_not_fit():
    session = MeetingSessionFactory(tables=1)
    _people, requests = _accepted(session.event, 4)
    run_scheduler(event=session.event)
    last = Meeting.objects.order_by("-starts_at").first()
    set_locked(meeting=last, locked=True)

    report = run_scheduler(event=session.event)

    last.refresh_from_db()
    assert (last.starts_at, last.sequence) == (session.slot_starts()[-1], 0)
    assert report.placed == 3
    assert [r.pk for r, _reason in report.unplaced] == [requests[3].pk]


def test_run_scheduler_moves_a_meeting_with_a_higher_sequence_when_a_slot_closes():
    session = MeetingSessionFactory(tables=1)
    people, requests = _accepted(session.event, 1)
    run_scheduler(event=session.event)
    set_slot_closed(
        participant=people[1], session=session, starts_at=session.slot_starts()[0], closed=True
    )

    report = run_scheduler(event=session.event)

    meeting = Meeting.objects.get()
    assert (report.moved, meeting.starts_at, meeting.sequence) == (
        1,
        session.slot_starts()[1],
        1,
    )


def test_move_meeting_warns_of_a_clash_and_moves_when_told():
    session = MeetingSessionFactory(tables=2)
    _people, requests = _accepted(session.event, 2)
    run_scheduler(event=session.event)
    first, second = Meeting.objects.order_by("starts_at")

    with pytest.raises(MatchmakingError) as error:
        move_meeting(meeting=second, session=session, starts_at=first.starts_at, table=2)
    moved = move_meeting(
        meeting=second, session=session, starts_at=first.starts_at, table=2, force=True
    )

    assert len(error.value.messages) == 1
    assert (moved.starts_at, moved.table, moved.is_locked, moved.sequence) == (
        first.starts_at,
        2,
        True,
        1,
    )
    assert clashes(meeting=moved, session=session, starts_at=first.starts_at, table=2) != []


def test_move_meeting_never_puts_two_meetings_at_one_table():
    session = MeetingSessionFactory(tables=2)
    _accepted(session.event, 2)
    run_scheduler(event=session.event)
    first, second = Meeting.objects.order_by("starts_at")

    with pytest.raises(MatchmakingError):
        move_meeting(
            meeting=second,
            session=session,
            starts_at=first.starts_at,
            table=first.table,
            force=True,
        )

    second.refresh_from_db()
    assert second.starts_at != first.starts_at
