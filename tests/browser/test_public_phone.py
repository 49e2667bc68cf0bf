"""A delegate on a phone: registering, and cancelling with a second step."""

import pytest
from playwright.sync_api import expect

from events.enums import RegistrationStatus
from events.tokens import SELF_SERVICE, make_token
from tests.factories import EventFactory, RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("browse", ["phone"], indirect=True)
def test_how_it_works_comes_before_the_submit_button_on_a_phone(browse):
    event = EventFactory(capacity=20)

    browse.goto("events:register", event.slug, step="register")

    box = browse.page.locator(".how-it-works").bounding_box()
    button = browse.page.locator("form [type=submit]").last.bounding_box()
    assert box["y"] + box["height"] <= button["y"]


@pytest.mark.parametrize("browse", ["desktop", "phone"], indirect=True)
def test_delegate_cancels_only_after_saying_yes(browse):
    registration = RegistrationFactory(event=EventFactory(capacity=20))
    token = make_token(registration, purpose=SELF_SERVICE)
    page = browse.page

    browse.goto("events:manage", registration.pk, token, step="manage")
    browse.click(page.get_by_role("link", name="Cancel my registration…"), step="asked")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    browse.submit(page.get_by_role("button", name="Yes, cancel my registration"), step="done")

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    expect(page.get_by_role("link", name="Register again")).to_be_visible()


@pytest.mark.parametrize("browse", ["phone"], indirect=True)
def test_a_shared_az_link_opens_in_azerbaijani_and_a_link_switches_to_english(browse):
    event = EventFactory(capacity=20)
    page = browse.page

    # A fresh browser (no cookie) following a link shared in Bakü.
    browse.goto(f"/az/events/{event.slug}/", step="shared-az-link")
    expect(page.locator("html")).to_have_attribute("lang", "az")
    page.get_by_role(
        "button", name=page.locator(".navbar-toggler").get_attribute("aria-label")
    ).click()
    browse.click(
        page.locator("#language-links").get_by_role("link", name="English"), step="english"
    )

    assert page.url == f"{browse.base_url}/en/events/{event.slug}/"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0
