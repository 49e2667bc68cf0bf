"""Staff schedule events in the Django admin: the add form, saved, and found in the list."""

import pytest
from django.contrib import admin
from playwright.sync_api import expect

from events.enums import EventKind
from events.models import Event
from tests.conftest import require_service
from tests.factories import StaffFactory, VenueFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_member_schedules_an_event_in_the_admin(browse):
    # The Event admin is the seed area's (events/admin/program.py); until that branch is merged
    # there is nothing to drive here.
    require_service(Event in admin.site._registry, "the Event admin is not registered yet")
    staff = StaffFactory(username="editor")
    venue = VenueFactory(name="Ahmet Adnan Saygun Sanat Merkezi")
    page = browse.page

    browse.login(staff, admin=True, step="admin-login")
    browse.goto("admin:events_event_add", step="event-add-form")
    page.locator("#id_title").fill("Azerbaijani Carpet Exhibition")
    page.locator("#id_slug").fill("azerbaijani-carpet-exhibition")
    page.locator("#id_kind").select_option(EventKind.EXHIBITION)
    page.locator("#id_start_0").fill("2026-12-05")
    page.locator("#id_start_1").fill("18:00:00")
    page.locator("#id_end_0").fill("2026-12-05")
    page.locator("#id_end_1").fill("21:00:00")
    if page.locator("select#id_venue").count():
        page.locator("select#id_venue").select_option(str(venue.pk))
    browse.snap("event-add-filled")
    browse.submit(page.locator("input[name=_save]"), step="event-changelist")

    expect(page.locator("#result_list")).to_contain_text("Azerbaijani Carpet Exhibition")
    event = Event.objects.get(slug="azerbaijani-carpet-exhibition")
    assert (event.title, event.kind) == ("Azerbaijani Carpet Exhibition", EventKind.EXHIBITION)
    assert event.local_start.strftime("%Y-%m-%d %H:%M") == "2026-12-05 18:00"
