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


def test_the_board_login_opens_in_the_language_of_the_page_it_was_clicked_on(browse):
    """The login is outside the language prefixes: it read Turkish (the browser asks for
    English here) for a board member who came by an /az/ link, until the link carried it."""
    event = EventFactory(capacity=20)
    page = browse.page
    browse.goto(f"/az/events/{event.slug}/", step="az-page")

    browse.click(page.locator("a[data-keeps-language]"), step="board-login")

    assert page.url.startswith(f"{browse.base_url}/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "az")
