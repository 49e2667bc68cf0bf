"""Staff schedule events in the Django admin: the add form, saved, and found in the list."""

import pytest
from playwright.sync_api import expect

from events.enums import EventKind
from events.models import Event
from tests.factories import StaffFactory, VenueFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_member_schedules_an_event_in_the_admin(browse):
    staff = StaffFactory(username="editor")
    venue = VenueFactory(name="Ahmet Adnan Saygun Sanat Merkezi")
    page = browse.page

    browse.login(staff, admin=True, step="admin-login")
    browse.goto("admin:events_event_add", step="event-add-form")
    page.locator("#id_title_tr").fill("Azerbaijani Carpet Exhibition")
    page.locator("#id_title_tr").dispatch_event("change")  # as leaving the field does
    # The admin fills the slug from the title as one types (prepopulated_fields).
    expect(page.locator("#id_slug")).to_have_value("azerbaijani-carpet-exhibition")
    page.locator("#id_kind").select_option(EventKind.EXHIBITION)
    page.locator("#id_start_0").fill("2026-12-05")
    page.locator("#id_start_1").fill("18:00:00")
    page.locator("#id_end_0").fill("2026-12-05")
    page.locator("#id_end_1").fill("21:00:00")
    # The venue is an autocomplete (select2): open it, type, pick the match.
    page.locator("#id_venue + .select2 .select2-selection").click()
    page.locator(".select2-search__field[aria-controls='select2-id_venue-results']").fill("Saygun")
    page.locator(".select2-results__option", has_text=venue.name).click()
    browse.snap("event-add-filled")
    browse.submit(page.locator("input[name=_save]"), step="event-changelist")

    expect(page.locator("#result_list")).to_contain_text("Azerbaijani Carpet Exhibition")
    event = Event.objects.get(slug="azerbaijani-carpet-exhibition")
    assert (event.title, event.kind) == ("Azerbaijani Carpet Exhibition", EventKind.EXHIBITION)
    assert event.local_start.strftime("%Y-%m-%d %H:%M") == "2026-12-05 18:00"
