"""A language chosen by link is remembered by the browser: a bare address opened afterwards
(an old email's link) lands in that language, not in the browser's Accept-Language one. The
pages themselves set no cookie (they can be cached): a small static script does, on click."""

import pytest
from playwright.sync_api import expect

from tests.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("browse", ["desktop", "phone"], indirect=True)
def test_choosing_azerbaijani_by_link_then_a_bare_address_lands_on_az(browse):
    event = EventFactory(capacity=20)
    page = browse.page

    # The browser asks for English (locale en-US): the bare address first lands on /en/.
    response = browse.goto(f"/events/{event.slug}/", step="bare-in-english")
    assert page.url == f"{browse.base_url}/en/events/{event.slug}/"
    assert "set-cookie" not in response.headers  # the public page sets none itself

    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
    browse.click(page.locator("#language-links a[hreflang=az]"), step="chose-az")
    assert page.url == f"{browse.base_url}/az/events/{event.slug}/"
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["django_language"]["value"] == "az"
    assert cookies["django_language"]["path"] == "/"

    # Later, an old email's bare link.
    browse.goto("/program/", step="old-link")
    assert page.url == f"{browse.base_url}/az/program/"
    expect(page.locator("html")).to_have_attribute("lang", "az")


def test_without_a_choice_the_bare_address_follows_accept_language(browse):
    event = EventFactory(capacity=20)

    browse.goto(f"/events/{event.slug}/", step="bare")

    assert browse.page.url == f"{browse.base_url}/en/events/{event.slug}/"
    assert browse.page.context.cookies() == []
