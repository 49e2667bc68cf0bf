"""The board writes down people, organizations, sources, visits, meetings and outcomes."""

import unicodedata

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from contacts.enums import OutcomeKind
from contacts.models import Affiliation, DelegationVisit, Meeting, Organization, Outcome, Person
from tests.factories import (
    DelegationVisitFactory,
    MeetingFactory,
    OrganizationFactory,
    OutcomeFactory,
    PersonFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def _formset(prefix, rows, total=None):
    data = {
        f"{prefix}-TOTAL_FORMS": str(total or len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def _person(name, **extra):
    return {"full_name": name, "preferred_language": "az", **extra}


def test_board_member_adds_a_person_with_a_role(board_client):
    organization = OrganizationFactory(name="Azərbaycan Mətbuat Şurası")
    data = _person("Rəşad Məcid", email="resad@example.org")
    data.update(
        _formset(
            "roles", [{"organization": organization.pk, "role_tr": "Chair", "start": "2020-01-01"}]
        )
    )

    response = board_client.post(reverse("contacts:person_create"), data)

    person = Person.objects.get(full_name="Rəşad Məcid")
    assert response["Location"] == reverse("contacts:person", args=[person.pk])
    assert list(Affiliation.objects.values_list("person", "organization", "role")) == [
        (person.pk, organization.pk, "Chair")
    ]
    entry = LogEntry.objects.get_for_object(person).get()
    assert "email" not in entry.changes_dict
    assert entry.changes_dict["full_name"] == ["None", "Rəşad Məcid"]


def test_person_whose_name_folds_to_an_existing_one_shows_that_record_first(board_client):
    existing = PersonFactory(full_name="Əli İsmayılov")
    # Decomposed letters, other case, other spacing and dotless forms: the same folded name.
    typed = unicodedata.normalize("NFD", "  əli   ismayilov ")

    response = board_client.post(
        reverse("contacts:person_create"), _person(typed) | _formset("roles", [])
    )

    assert response.status_code == 409
    assert list(response.context["duplicates"]) == [existing]
    assert Person.objects.count() == 1


def test_person_with_the_same_name_is_added_when_the_member_says_it_is_someone_else(board_client):
    PersonFactory(full_name="Əli İsmayılov")

    board_client.post(
        reverse("contacts:person_create"),
        _person("Əli İsmayılov", allow_duplicate="on") | _formset("roles", []),
    )

    assert Person.objects.filter(full_name="Əli İsmayılov").count() == 2


def test_organization_with_a_folded_duplicate_name_is_not_added(board_client):
    existing = OrganizationFactory(name="İzmir Azerbaycan Derneği")

    response = board_client.post(
        reverse("contacts:organization_create"),
        {"name_tr": "IZMIR AZƏRBAYCAN DERNEĞI", "kind": "association"},
    )

    assert list(response.context["duplicates"]) == [existing]
    assert Organization.objects.count() == 1


def test_board_member_records_a_visit_with_its_meetings(board_client):
    source = SourceFactory()
    traveller = PersonFactory()
    data = {
        "title_tr": "Trade delegation to Bakü",
        "origin_city": "İzmir",
        "destination_city": "Bakü",
        "start_date": "2026-10-05",
        "end_date": "2026-10-08",
        "travellers": [traveller.pk],
        "sources": [source.pk],
    }
    data.update(
        _formset(
            "meetings",
            [
                {"title_tr": "Ministry of Economy", "date": "2026-10-06"},
                {"title_tr": "Platform secretariat", "date": "2026-10-07", "city": "Bakü"},
            ],
            total=3,
        )
    )

    response = board_client.post(reverse("contacts:visit_create"), data)

    visit = DelegationVisit.objects.get()
    assert response["Location"] == reverse("contacts:visit", args=[visit.pk])
    assert sorted(visit.meetings.values_list("title", flat=True)) == [
        "Ministry of Economy",
        "Platform secretariat",
    ]
    assert list(visit.travellers.all()) == [traveller]


def test_visit_whose_last_day_is_before_its_first_is_refused(board_client):
    data = {
        "title_tr": "Backwards",
        "origin_city": "İzmir",
        "destination_city": "Bakü",
        "start_date": "2026-10-05",
        "end_date": "2026-10-01",
    } | _formset("meetings", [])

    response = board_client.post(reverse("contacts:visit_create"), data)

    assert response.status_code == 400
    assert DelegationVisit.objects.count() == 0


def test_meeting_outcomes_are_recorded_inline(board_client, board_member):
    meeting = MeetingFactory()
    data = {"title_tr": meeting.title, "date": meeting.date.isoformat()}
    day = timezone.localdate().isoformat()
    data.update(
        _formset(
            "outcomes",
            [
                {"kind": OutcomeKind.ROADMAP_AGREED, "text_tr": "Joint roadmap 2027"},
                {
                    "kind": OutcomeKind.FOLLOW_UP_NEEDED,
                    "text_tr": "Send the draft",
                    "owner": board_member.pk,
                    "follow_up_on": day,
                },
            ],
        )
    )

    board_client.post(reverse("contacts:meeting_edit", args=[meeting.pk]), data)

    assert sorted(meeting.outcome_set.values_list("kind", "owner", "follow_up_on")) == sorted(
        [
            (OutcomeKind.ROADMAP_AGREED, None, None),
            (OutcomeKind.FOLLOW_UP_NEEDED, board_member.pk, timezone.localdate()),
        ]
    )


def test_follow_up_without_an_owner_is_refused(board_client):
    meeting = MeetingFactory()
    data = {"title_tr": meeting.title} | _formset(
        "outcomes",
        [{"kind": OutcomeKind.OTHER, "text_tr": "Call back", "follow_up_on": "2026-12-01"}],
    )

    response = board_client.post(reverse("contacts:meeting_edit", args=[meeting.pk]), data)

    assert response.status_code == 400
    assert Outcome.objects.count() == 0


def test_marking_a_follow_up_done_takes_it_off_the_lists(board_client):
    outcome = OutcomeFactory()

    board_client.post(reverse("contacts:outcome_done", args=[outcome.pk]))

    outcome.refresh_from_db()
    assert outcome.done_at is not None
    assert list(Outcome.objects.open_follow_ups()) == []


def test_visit_page_offers_to_create_the_announced_event(board_client):
    outcome = OutcomeFactory(kind=OutcomeKind.EVENT_ANNOUNCED, text="Youth festival in İzmir")

    page = board_client.get(reverse("contacts:visit", args=[outcome.meeting.visit_id]))

    assert reverse("board:event_from_outcome", args=[outcome.pk]) in page.content.decode()


def test_new_meeting_is_added_to_its_visit(board_client):
    visit = DelegationVisitFactory()

    board_client.post(
        reverse("contacts:meeting_create", args=[visit.pk]),
        {"title_tr": "Chamber of commerce", "date": "2026-10-06"} | _formset("outcomes", []),
    )

    assert list(Meeting.objects.filter(visit=visit).values_list("title", flat=True)) == [
        "Chamber of commerce"
    ]


def test_editing_a_visit_keeps_its_meetings_and_their_rows(board_client):
    meeting = MeetingFactory(title="Old title")
    visit = meeting.visit
    page = board_client.get(reverse("contacts:visit_edit", args=[visit.pk]))
    form = page.context["formsets"][0]
    data = {
        "title_tr": visit.title,
        "origin_city": visit.origin_city,
        "destination_city": visit.destination_city,
        "meetings-TOTAL_FORMS": str(form.total_form_count()),
        "meetings-INITIAL_FORMS": "1",
        "meetings-MIN_NUM_FORMS": "0",
        "meetings-MAX_NUM_FORMS": "1000",
        "meetings-0-id": str(meeting.pk),
        "meetings-0-visit": str(visit.pk),
        "meetings-0-title_tr": "New title",
    }

    board_client.post(reverse("contacts:visit_edit", args=[visit.pk]), data)

    assert f'name="meetings-0-id" value="{meeting.pk}"' in page.content.decode()
    assert list(visit.meetings.values_list("pk", "title")) == [(meeting.pk, "New title")]
