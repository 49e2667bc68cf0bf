"""A board member imports contacts from a spreadsheet, and works the door with QR codes."""

import pytest
from playwright.sync_api import expect

from contacts.models import Person
from events.links import checkin_url
from tests.factories import BoardMemberFactory, RegistrationFactory, TodayEventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "full_name,email,country,organization,role"


def _csv_file(*lines: str) -> dict:
    content = ("\n".join(lines) + "\n").encode("utf-8")
    return {"name": "kisiler.csv", "mimeType": "text/csv", "buffer": content}


def test_board_member_imports_contacts_after_fixing_a_bad_row(browse):
    member = BoardMemberFactory(username="ayse")
    page = browse.page
    browse.login(member)
    browse.goto("contacts:import", step="import-form")

    page.get_by_label("File").set_input_files(
        _csv_file(
            HEADER,
            "Günel Əliyeva,gunel@example.az,AZ,ADA Universiteti,Professor",
            "Broken,nope,XX,,",
        )
    )
    browse.submit(page.get_by_role("button", name="Check the file"), step="import-problems")
    problems = page.locator("table.import-problems tbody tr")
    expect(problems).to_have_count(2)
    expect(problems.first).to_contain_text("3")
    expect(problems.first).to_contain_text("country")
    assert Person.objects.count() == 0

    page.get_by_label("File").set_input_files(
        _csv_file(
            HEADER,
            "Günel Əliyeva,gunel@example.az,AZ,ADA Universiteti,Professor",
            "Ilkin Bağırov,ilkin@example.az,AZ,,",
        )
    )
    browse.submit(page.get_by_role("button", name="Check the file"), step="import-preview")
    expect(page.get_by_role("status")).to_contain_text("2 to add, 0 to update, 0 unchanged")
    browse.submit(page.get_by_role("button", name="Import now"), step="imported")

    expect(page.get_by_role("alert")).to_contain_text("2 added, 0 updated, 0 unchanged")
    expect(page.get_by_role("link", name="Günel Əliyeva")).to_be_visible()
    assert sorted(Person.objects.values_list("full_name", flat=True)) == [
        "Günel Əliyeva",
        "Ilkin Bağırov",
    ]


@pytest.mark.parametrize("browse", ["phone"], indirect=True)
def test_door_volunteer_scans_a_qr_code_and_prints_the_sheet(browse):
    member = BoardMemberFactory(username="kamran")
    event = TodayEventFactory(title="İzmir–Bakü Dostluk Konseri")
    delegate = RegistrationFactory(
        event=event, full_name="Leyla Məmmədova", organization="Azərbaycan Dillər Universiteti"
    )
    RegistrationFactory(event=event, full_name="Çağrı Öztürk", organization="Ege Üniversitesi")
    page = browse.page
    browse.login(member)

    # What the phone camera opens from the confirmation email's QR code.
    browse.goto(checkin_url(delegate), step="scan")
    expect(page.get_by_role("heading", name="Leyla Məmmədova")).to_be_visible()
    browse.submit(page.get_by_role("button", name="Check in"), step="scan-checked-in")
    expect(page.get_by_role("status").last).to_contain_text("Checked in at")
    browse.goto(checkin_url(delegate), step="scan-again")
    expect(page.get_by_role("button", name="Check in")).to_have_count(0)

    browse.goto("registrants:sheet", event.slug, step="sheet")
    page.emulate_media(media="print")
    browse.snap("sheet-print")
    rows = page.locator("table.sheet tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Çağrı Öztürk")
    expect(page.locator("nav.navbar")).to_be_hidden()
    delegate.refresh_from_db()
    assert delegate.checked_in_by == member
