"""The two journeys that cross areas: a delegate from the program to a confirmed seat, and a
board member from a new event to the calendar and the dashboard."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.enums import EventKind, RegistrationStatus
from events.models import Event, Registration
from tests.browser.conftest import mail_link
from tests.factories import BoardMemberFactory, EventFactory, VenueFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("browse", ["desktop", "phone"], indirect=True)
def test_delegate_registers_and_confirms_from_the_email_link(browse, mailoutbox):
    event = EventFactory(title="Nevruz Konseri", slug="nevruz-konseri", capacity=20)
    page = browse.page

    browse.goto("events:program", step="program")
    browse.click(page.get_by_role("link", name="Nevruz Konseri").first, step="event-page")
    browse.goto("events:register", slug=event.slug, step="register-form")
    page.locator("#id_full_name").fill("Leyla Məmmədova")
    page.locator("#id_email").fill("leyla@example.org")
    page.locator("#id_organization").fill("Bakı Dövlət Universiteti")
    page.locator("#id_country").select_option("AZ")
    page.locator("#id_language").select_option("en")
    page.locator("#id_consent").check()
    browse.submit(page.locator("form [type=submit]").last, step="registered")

    registration = Registration.objects.get(event=event, email="leyla@example.org")
    assert registration.status == RegistrationStatus.PENDING
    browse.goto(mail_link(mailoutbox[-1], "/confirm/"), step="confirm-page")
    browse.submit(page.locator("main form [type=submit]").first, step="confirmed")

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    expect(page.locator("main")).to_contain_text("confirmed")
    assert mailoutbox[-1].attachments[0][0].endswith(".ics")


def test_board_member_creates_an_event_and_finds_it_on_calendar_and_dashboard(browse):
    member = BoardMemberFactory(username="ayse")
    venue = VenueFactory(name="Ahmet Adnan Saygun Sanat Merkezi")
    start = timezone.localtime() + timedelta(days=10)
    page = browse.page

    browse.login(member)
    browse.goto("board:event_create", step="event-form")
    page.locator("#id_title_tr").fill("Azerbaycan Halı Sergisi")
    page.locator("#id_slug").fill("azerbaycan-hali-sergisi")
    page.locator("#id_kind").select_option(EventKind.EXHIBITION)
    page.locator("#id_venue").select_option(str(venue.pk))
    page.locator("#id_start").fill(start.strftime("%Y-%m-%dT18:00"))
    page.locator("#id_end").fill(start.strftime("%Y-%m-%dT21:00"))
    page.locator("#id_capacity").fill("80")
    browse.submit(page.locator("main form [type=submit]").last, step="event-created")

    event = Event.objects.get(slug="azerbaycan-hali-sergisi")
    assert (event.title, event.venue, event.local_start.hour) == (
        "Azerbaycan Halı Sergisi",
        venue,
        18,
    )
    browse.goto("board:calendar_month", year=start.year, month=start.month, step="calendar")
    expect(page.locator("main")).to_contain_text("Azerbaycan Halı Sergisi")
    browse.goto("board:dashboard", step="dashboard")
    expect(page.locator("main")).to_contain_text("Azerbaycan Halı Sergisi")
