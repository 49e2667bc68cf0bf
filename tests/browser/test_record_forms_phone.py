"""The record forms with inline lists on a 390 px phone: a person's roles, a visit's meetings, a
meeting's outcomes. Saved rows fold into one line, one empty row follows, and "add another"
works without JavaScript and brings the member back to the new row.

Page heights (CSS px, document.scrollingElement.scrollHeight, English, this test's data) measured
before the change (three empty rows of roles, three of meetings, two of outcomes, every saved row
open) and after it:

    page                           before   after
    new person                       2150    1653
    person with 3 roles              3344    1839
    new visit                        5366    2721
    visit with 3 meetings            9005    2943
    new meeting                      2414    1807
    meeting with 3 outcomes          3744    2057

The bounds below follow from the rows: the page without rows, one folded line per saved row,
one open empty row.
"""

import pytest
from playwright.sync_api import expect

from contacts.models import DelegationVisit, Meeting
from tests.factories import (
    AffiliationFactory,
    BoardMemberFactory,
    DelegationVisitFactory,
    MeetingFactory,
    OrganizationFactory,
    OutcomeFactory,
    PersonFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A folded row is its summary line (a card header, 62 px); an outcome's wraps to two (83 px).
FOLDED_ROW = 90
# The page with no saved row, plus 40 px of slack for fonts. The texts stored per language
# (role titles, a visit's and a meeting's texts) show their Turkish field and a toggle for the
# Azerbaijani and English ones on a phone; with those fields open, one under the other, the
# empty pages were 1825, 4305 and 2861 px tall.
EMPTY_PAGE = {"person": 1685 + 40, "visit": 2992 + 40, "meeting": 1967 + 40}
SAVED_ROWS = 3
# What an edit page shows beyond its form (the record's title, its delete and back links).
EDIT_PAGE_EXTRA = 120


def _height(page) -> int:
    return page.evaluate("document.scrollingElement.scrollHeight")


@pytest.mark.parametrize("browse", ["phone"], indirect=True)
def test_record_forms_with_saved_rows_stay_short_on_a_phone(browse):
    member = BoardMemberFactory(username="nigar")
    person = PersonFactory(full_name="Rəşad Allahverənov-Məmmədzadə")
    for number in range(SAVED_ROWS):
        AffiliationFactory(
            person=person,
            organization=OrganizationFactory(name=f"Bakı Gənclər Platforması {number}"),
            role="Baş məsləhətçi",
        )
    visit = DelegationVisitFactory(title="Youth delegation to Bakü")
    meetings = [
        MeetingFactory(visit=visit, title=f"Ministry of Youth and Sport {number}")
        for number in range(SAVED_ROWS)
    ]
    for number in range(SAVED_ROWS):
        OutcomeFactory(meeting=meetings[0], owner=member, text=f"Send the draft roadmap {number}")
    # The records' own texts in Turkish only, as on the empty form: a text written in
    # Azerbaijani or English unfolds those fields on a phone, which is not what is measured here.
    DelegationVisit.objects.filter(pk=visit.pk).update(title_az=None, title_en=None)
    Meeting.objects.filter(pk=meetings[0].pk).update(title_az=None, title_en=None)
    page = browse.page
    browse.login(member)

    heights = {}
    for name, args, kind, rows in [
        ("contacts:person_create", (), "person", 0),
        ("contacts:person_edit", (person.pk,), "person", SAVED_ROWS),
        ("contacts:visit_create", (), "visit", 0),
        ("contacts:visit_edit", (visit.pk,), "visit", SAVED_ROWS),
        ("contacts:meeting_create", (visit.pk,), "meeting", 0),
        ("contacts:meeting_edit", (meetings[0].pk,), "meeting", SAVED_ROWS),
    ]:
        browse.goto(name, *args, step=f"{name.split(':')[1]}")
        heights[name] = _height(page)
        if rows:
            # Against the same form with no saved row, measured in this run: each saved row
            # adds at most a folded line (the edit page's own header and links aside).
            assert heights[name] - heights[f"contacts:{kind}_create"] <= (
                rows * FOLDED_ROW + EDIT_PAGE_EXTRA
            ), heights
        else:
            assert heights[name] <= EMPTY_PAGE[kind], (name, heights[name])
        expect(page.locator("details.inline-row")).to_have_count(rows)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 391

    # A folded row opens with a tap and shows its fields.
    browse.goto("contacts:person_edit", person.pk, step="person-again")
    first = page.locator("details.inline-row").first
    expect(first.locator("summary")).to_contain_text("Baş məsləhətçi · Bakı Gənclər Platforması")
    first.locator("summary").click()
    expect(first.locator("input[name$='-role_tr']")).to_be_visible()
    browse.snap("row-open")


@pytest.mark.parametrize("browse", ["phone"], indirect=True)
def test_add_another_row_on_a_phone_keeps_the_typed_row_and_shows_the_new_one(browse):
    member = BoardMemberFactory(username="elvin")
    OrganizationFactory(name="Xəzər Logistika")
    page = browse.page
    browse.login(member)

    browse.goto("contacts:person_create", step="person-form")
    page.locator("#id_full_name").fill("Aysel Quliyeva")
    page.locator("#id_roles-0-organization").select_option(label="Xəzər Logistika")
    page.locator("#id_roles-0-role_tr").fill("Adviser")
    with page.expect_navigation():
        page.get_by_role("button", name="Add another role").click()

    # The page comes back at the new row, the typed one folded above it, nothing saved.
    assert page.url.endswith("#roles-new")
    expect(page.locator("#roles-new")).to_be_in_viewport()
    browse.snap("row-added")
    expect(page.locator("details.inline-row summary")).to_contain_text("Adviser · Xəzər Logistika")
    expect(page.locator("#id_full_name")).to_have_value("Aysel Quliyeva")
    page.locator("#id_roles-1-organization").select_option(label="Xəzər Logistika")
    page.locator("#id_roles-1-role_tr").fill("Board member")
    browse.submit(page.get_by_role("button", name="Save"), step="saved")

    expect(page.get_by_text("Board member")).to_be_visible()
    expect(page.get_by_text("Adviser")).to_be_visible()


@pytest.mark.parametrize("browse", ["phone", "desktop"], indirect=True)
def test_azerbaijani_and_english_fold_on_a_phone_until_asked_for_or_filled(browse):
    """On a phone a text's Azerbaijani and English fields fold under its Turkish one behind a
    toggle; a text written in one of them, or an error in one, keeps them open. On a desk the
    three stand side by side, no toggle."""
    member = BoardMemberFactory(username="leyla")
    visit = DelegationVisitFactory(title="İş heyeti")
    DelegationVisit.objects.filter(pk=visit.pk).update(title_az="İş heyəti", title_en=None)
    page = browse.page
    browse.login(member)
    phone = page.viewport_size["width"] < 768  # Bootstrap's md breakpoint

    browse.goto("contacts:visit_create", step="new-visit")
    expect(page.locator("#id_title_tr")).to_be_visible()
    toggles = page.get_by_role("button", name="Azerbaijani and English")
    if phone:
        expect(page.locator("#id_purpose_az")).to_be_hidden()
        toggle = page.locator("[data-bs-target$='-purpose']")
        toggle.click()
        expect(page.locator("#id_purpose_az")).to_be_visible()
        expect(page.locator("#id_purpose_en")).to_be_visible()
        expect(page.locator("#id_title_az")).to_be_hidden()  # each text has its own toggle
        assert toggle.get_attribute("aria-expanded") == "true"
    else:
        expect(page.locator("#id_purpose_az")).to_be_visible()
        expect(toggles.first).to_be_hidden()

    browse.goto("contacts:visit_edit", visit.pk, step="visit-with-azerbaijani-title")
    expect(page.locator("#id_title_az")).to_have_value("İş heyəti")
    expect(page.locator("#id_title_az")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_visible()
    if phone:
        expect(page.locator("#id_purpose_az")).to_be_hidden()
    browse.snap("folded")
