"""The inline lists of the record forms (a person's roles, a visit's meetings, a meeting's
outcomes): one empty row to start with, "add another" that works without JavaScript and keeps
what was typed without saving it, and saved rows folded into a one-line summary."""

import re

import pytest
from django.urls import reverse

from contacts.enums import OutcomeKind
from contacts.models import Affiliation, DelegationVisit, Meeting, Outcome, Person
from contacts.record_forms import MAX_INLINE_ROWS
from tests.factories import (
    AffiliationFactory,
    MeetingFactory,
    OrganizationFactory,
    OutcomeFactory,
)

pytestmark = pytest.mark.django_db


def _management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _value(html: str, name: str) -> str | None:
    """The value an <input> named `name` carries in the page (None: no such input)."""
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    if match is None:
        return None
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def _text(html: str, name: str) -> str | None:
    match = re.search(rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>([^<]*)</textarea>', html)
    return match.group(1).strip() if match else None


def _selected(html: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S)
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select.group(1)) if select else []


def test_a_new_person_starts_with_one_empty_role_row(board_client):
    page = board_client.get(reverse("contacts:person_create")).content.decode()

    assert _value(page, "roles-TOTAL_FORMS") == "1"
    assert _value(page, "roles-0-role_tr") == ""
    assert _value(page, "roles-1-role_tr") is None
    # A row not saved yet has nothing to delete.
    assert 'name="roles-0-DELETE"' not in page


def test_adding_a_role_row_keeps_what_was_typed_and_saves_nothing(board_client):
    organization = OrganizationFactory(name="Bakı Gənclər Platforması")
    data = {
        "full_name": "Rəşad Məmmədov",
        "preferred_language": "az",
        "email": "resad@example.az",
        **_management("roles", 1),
        "roles-0-organization": str(organization.pk),
        "roles-0-role_tr": "Secretary",
        "roles-0-start": "2024-02-01",
        "add_row": "roles",
    }

    response = board_client.post(reverse("contacts:person_create"), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert (Person.objects.count(), Affiliation.objects.count()) == (0, 0)
    assert _value(page, "full_name") == "Rəşad Məmmədov"
    assert _value(page, "email") == "resad@example.az"
    assert _value(page, "roles-TOTAL_FORMS") == "2"
    assert _selected(page, "roles-0-organization") == [str(organization.pk)]
    assert (_value(page, "roles-0-role_tr"), _value(page, "roles-0-start")) == (
        "Secretary",
        "2024-02-01",
    )
    assert _value(page, "roles-1-role_tr") == ""
    # The typed row folds into its line, marked as not saved; no errors for the empty new row.
    assert "Secretary · Bakı Gənclər Platforması · " in page
    assert "not saved yet" in page
    assert "is-invalid" not in page


def test_the_real_save_after_adding_a_row_writes_the_rows_that_were_filled(board_client):
    organization = OrganizationFactory()
    data = {
        "full_name": "Aysel Quliyeva",
        "preferred_language": "az",
        **_management("roles", 2),
        "roles-0-organization": str(organization.pk),
        "roles-0-role_tr": "Chair",
        "roles-1-role_tr": "Adviser",
        "roles-1-organization": str(organization.pk),
    }

    response = board_client.post(reverse("contacts:person_create"), data)

    person = Person.objects.get()
    assert response["Location"] == reverse("contacts:person", args=[person.pk])
    assert sorted(person.affiliations.values_list("role", flat=True)) == ["Adviser", "Chair"]


def test_adding_a_meeting_row_to_a_new_visit_keeps_the_visit_and_its_meetings(board_client):
    data = {
        "title_tr": "Youth delegation to Bakü",
        "origin_city": "İzmir",
        "destination_city": "Bakü",
        "start_date": "2026-10-05",
        **_management("meetings", 1),
        "meetings-0-title_tr": "Ministry of Youth and Sport",
        "meetings-0-date": "2026-10-05",
        "add_row": "meetings",
    }

    response = board_client.post(reverse("contacts:visit_create"), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert (DelegationVisit.objects.count(), Meeting.objects.count()) == (0, 0)
    assert _value(page, "title_tr") == "Youth delegation to Bakü"
    assert _value(page, "start_date") == "2026-10-05"
    assert _value(page, "meetings-TOTAL_FORMS") == "2"
    assert _value(page, "meetings-0-title_tr") == "Ministry of Youth and Sport"
    assert _value(page, "meetings-1-title_tr") == ""


def test_a_half_filled_meeting_shows_no_errors_while_rows_are_added(board_client):
    data = {
        "title_tr": "",
        "origin_city": "İzmir",
        **_management("meetings", 1),
        "meetings-0-date": "2026-10-05",
        "add_row": "meetings",
    }

    response = board_client.post(reverse("contacts:visit_create"), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert [word for word in ("is-invalid", "alert-danger") if word in page] == []
    assert _value(page, "meetings-0-date") == "2026-10-05"


def test_adding_an_outcome_row_keeps_the_saved_ones_and_the_typed_one(board_client, board_member):
    meeting = MeetingFactory(title="Platform secretariat")
    saved = OutcomeFactory(meeting=meeting, owner=board_member, text="Send the draft")
    data = {
        "title_tr": "Platform secretariat (renamed)",
        "date": meeting.date.isoformat(),
        **_management("outcomes", 2, initial=1),
        "outcomes-0-id": str(saved.pk),
        "outcomes-0-meeting": str(meeting.pk),
        "outcomes-0-kind": saved.kind,
        "outcomes-0-text_tr": "Send the draft",
        "outcomes-0-owner": str(board_member.pk),
        "outcomes-0-follow_up_on": saved.follow_up_on.isoformat(),
        "outcomes-1-kind": OutcomeKind.ROADMAP_AGREED,
        "outcomes-1-text_tr": "Joint youth roadmap",
        "add_row": "outcomes",
    }

    response = board_client.post(reverse("contacts:meeting_edit", args=[meeting.pk]), data)

    page = response.content.decode()
    meeting.refresh_from_db()
    assert response.status_code == 200
    assert meeting.title == "Platform secretariat"
    assert list(Outcome.objects.values_list("text", flat=True)) == ["Send the draft"]
    assert _value(page, "title_tr") == "Platform secretariat (renamed)"
    assert _value(page, "outcomes-TOTAL_FORMS") == "3"
    assert _text(page, "outcomes-1-text_tr") == "Joint youth roadmap"
    assert _text(page, "outcomes-2-text_tr") == ""
    # The saved and the typed row fold; the new empty one stays open (its kind has a default).
    assert page.count("<details") == 2
    assert 'id="outcomes-new"' in page


def test_rows_stop_at_the_limit(board_client):
    data = {
        "full_name": "Rəşad Məmmədov",
        "preferred_language": "az",
        **_management("roles", MAX_INLINE_ROWS),
        "add_row": "roles",
    }

    page = board_client.post(reverse("contacts:person_create"), data).content.decode()

    assert _value(page, "roles-TOTAL_FORMS") == str(MAX_INLINE_ROWS)
    assert 'name="add_row"' not in page


def test_saved_rows_fold_into_a_summary_and_one_empty_row_follows(board_client):
    affiliation = AffiliationFactory(
        role="Baş məsləhətçi", organization=OrganizationFactory(name="BŞİH")
    )

    page = board_client.get(
        reverse("contacts:person_edit", args=[affiliation.person_id])
    ).content.decode()

    assert _value(page, "roles-TOTAL_FORMS") == "2"
    assert re.search(r"<summary[^>]*>\s*Baş məsləhətçi · BŞİH\s*</summary>", page)
    assert page.count("<details") == 1
    assert 'id="roles-new"' in page


def test_enter_in_a_field_saves_rather_than_adds_a_row(board_client):
    page = board_client.get(reverse("contacts:person_create")).content.decode()
    form = page[page.index('<form method="post"') :]

    # The form's default button (the first submit button) is a plain Save.
    first = re.search(r"<button[^>]*type=\"submit\"[^>]*>", form).group(0)
    assert "name=" not in first
