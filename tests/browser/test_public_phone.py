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
