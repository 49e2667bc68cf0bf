"""A board member who is not staff records a whole trip in the workspace (every board page at a
desktop's and a phone's width: tests/browser/test_board_pages.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from contacts.enums import OutcomeKind
from contacts.models import DelegationVisit, Organization, Outcome, Person
from events.models import Event
from tests.factories import BoardMemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_board_member_records_a_whole_trip(browse):
    member = BoardMemberFactory(username="leyla", first_name="Leyla", email="leyla@example.org")
    page = browse.page
    browse.login(member)

    # A new organization.
    browse.goto("contacts:organization_create", step="organization-form")
    page.locator("#id_name_tr").fill("Bakı Gənclər Platforması")
    page.locator("#id_short_name_tr").fill("BGP")
    browse.submit(page.get_by_role("button", name="Save"), step="organization-saved")
    expect(page.get_by_role("heading", name="Bakı Gənclər Platforması (BGP)")).to_be_visible()

    # A new person, with a role in it.
    browse.goto("contacts:person_create", step="person-form")
    page.locator("#id_full_name").fill("Rəşad Məmmədov")
    page.locator("#id_roles-0-organization").select_option(label="Bakı Gənclər Platforması (BGP)")
    page.locator("#id_roles-0-role_tr").fill("Secretary")
    browse.submit(page.get_by_role("button", name="Save"), step="person-saved")
    expect(page.get_by_text("Secretary")).to_be_visible()
    person = Person.objects.get(full_name="Rəşad Məmmədov")

    # The visit, with three meetings inline.
    browse.goto("contacts:visit_create", step="visit-form")
    page.locator("#id_title_tr").fill("Youth delegation to Bakü")
    page.locator("#id_origin_city").fill("İzmir")
    page.locator("#id_destination_city").fill("Bakü")
    page.locator("#id_start_date").fill("2026-10-05")
    page.locator("#id_end_date").fill("2026-10-07")
    page.locator("#id_travellers").select_option(label=str(person))
    for index, (title, day) in enumerate(
        [
            ("Ministry of Youth and Sport", "2026-10-05"),
            ("Youth platform secretariat", "2026-10-06"),
            ("City executive power", "2026-10-07"),
        ]
    ):
        if index:
            # One empty row at a time: "add another" posts the form back with one more.
            browse.submit(
                page.get_by_role("button", name="Add another meeting"), step=f"meeting-row-{index}"
            )
            expect(page.locator(f"#id_meetings-{index - 1}-title_tr")).to_have_value(
                "Ministry of Youth and Sport" if index == 1 else "Youth platform secretariat"
            )
        page.locator(f"#id_meetings-{index}-title_tr").fill(title)
        page.locator(f"#id_meetings-{index}-date").fill(day)
    browse.submit(page.get_by_role("button", name="Save"), step="visit-saved")
    visit = DelegationVisit.objects.get(title_tr="Youth delegation to Bakü")
    assert visit.meetings.count() == 3

    # Outcomes of the second meeting: an announced event and a follow-up.
    meeting = visit.meetings.get(title_tr="Youth platform secretariat")
    browse.goto("contacts:meeting_edit", meeting.pk, step="meeting-form")
    page.locator("#id_organizations").select_option(label="Bakı Gənclər Platforması (BGP)")
    page.locator("#id_outcomes-0-kind").select_option(OutcomeKind.EVENT_ANNOUNCED)
    page.locator("#id_outcomes-0-text_tr").fill("Youth festival in İzmir")
    browse.submit(page.get_by_role("button", name="Add another outcome"), step="outcome-row")
    page.locator("#id_outcomes-1-kind").select_option(OutcomeKind.FOLLOW_UP_NEEDED)
    page.locator("#id_outcomes-1-text_tr").fill("Send the festival programme draft")
    page.locator("#id_outcomes-1-owner").select_option(label="Leyla Kurul")
    page.locator("#id_outcomes-1-follow_up_on").fill(
        (timezone.localdate() + timedelta(days=10)).isoformat()
    )
    browse.submit(page.get_by_role("button", name="Save"), step="outcomes-saved")
    expect(page.get_by_text("Send the festival programme draft")).to_be_visible()

    # One click: the announced event, pre-filled and linked back.
    browse.submit(page.get_by_role("button", name="Create the planned event"), step="event-created")
    event = Event.objects.get(title_tr="Youth festival in İzmir")
    assert (event.outcome.meeting, event.delegation_visit) == (meeting, visit)
    expect(page.locator("#id_title_tr")).to_have_value("Youth festival in İzmir")

    # The follow-up is on the dashboard and under My items.
    browse.goto("board:dashboard", step="dashboard")
    expect(page.locator(".follow-ups")).to_contain_text("Send the festival programme draft")
    browse.goto("board:my_items", step="my-items")
    expect(page.locator(".follow-ups")).to_contain_text("Send the festival programme draft")
    assert Organization.objects.filter(short_name_tr="BGP").count() == 1
    assert Outcome.objects.filter(meeting=meeting).count() == 2


def test_new_event_form_speakers_are_searchable(browse):
    member = BoardMemberFactory(username="nigar")
    for name in ("Rəşad Məmmədov", "Aysel Quliyeva", "Orhan Yılmaz"):
        Person.objects.create(full_name=name)
    page = browse.page
    browse.login(member)

    browse.goto("board:event_create", step="event-form")
    # One searchable box per field (the form's scripts were once loaded twice, drawing two).
    expect(page.locator("#id_speakers ~ .select2")).to_have_count(1)
    page.locator("#id_speakers + .select2 .select2-search__field").fill("Quli")
    browse.snap("typed")
    page.locator(".select2-results__option", has_text="Aysel Quliyeva").click()

    assert page.locator("#id_speakers").evaluate(
        "select => Array.from(select.selectedOptions).map(o => o.text)"
    ) == ["Aysel Quliyeva"]
