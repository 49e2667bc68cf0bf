"""Every board page at a desktop's width (in Turkish, the product's language) and a phone's (in
Azerbaijani): a screenshot of each in artifacts/screenshots/, nothing wider than the screen,
one line of navigation at 1280 px, and no page left out (a new board URL must be listed in
tests/browser/board_world.py as a page, screenshotted here, or as no page, and why)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from playwright.sync_api import expect

from tests.browser.board_world import DELEGATION_PAGES, NOT_PAGES, PAGES, build_board_world
from tests.factories import BoardMemberFactory

LANGUAGES = {"desktop": "tr", "phone": "az"}


def _board_url_names(patterns=None, namespace="", route=""):
    """The names of every URL whose address starts with /board/."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        full = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            names |= _board_url_names(pattern.url_patterns, inner, full)
        elif isinstance(pattern, URLPattern) and full.startswith("board/"):
            names.add(f"{namespace}:{pattern.name}")
    return names


def _url(name, kwargs, world, query=""):
    return reverse(name, kwargs=kwargs(world) if kwargs else None) + query


def test_every_board_url_is_a_screenshotted_page_or_says_why_not():
    pages = {name for name, *_ in PAGES}

    assert pages & NOT_PAGES.keys() == set()
    assert sorted(_board_url_names() - pages - NOT_PAGES.keys()) == [], (
        "a new board URL: add it to PAGES (screenshotted) or NOT_PAGES in tests/browser/board_world.py"
    )
    assert sorted((pages | NOT_PAGES.keys()) - _board_url_names()) == []


@pytest.mark.django_db
def test_what_is_not_a_page_answers_a_get_with_no_page(client):
    member = BoardMemberFactory()
    world = build_board_world(member)
    client.force_login(member)

    answers, expected = {}, {}
    for name, ((status, content_type), kwargs) in NOT_PAGES.items():
        response = client.get(_url(name, kwargs, world))
        answered = response.get("Content-Type", "").split(";")[0]
        # A file (content_type None) may be anything but a page.
        answers[name] = (
            response.status_code,
            answered if content_type else answered != "text/html",
        )
        expected[name] = (status, content_type or True)

    assert answers == expected


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("browse", ["desktop", "phone"], indirect=True)
def test_every_board_page_at_desktop_and_phone_width(browse, request):
    device = request.node.callspec.params["browse"]
    member = BoardMemberFactory(username="kamal", first_name="Kamal", last_name="Əsgərov")
    world = build_board_world(member)
    page = browse.page
    # What the language menu sets (the browser's own Accept-Language is the context's en-US).
    page.context.add_cookies(
        [{"name": "django_language", "value": LANGUAGES[device], "url": browse.base_url}]
    )
    browse.login(member)
    width = page.viewport_size["width"]

    problems = []
    for name, kwargs, step, *query in PAGES + DELEGATION_PAGES:
        response = browse.goto(_url(name, kwargs, world, *query), step=step)
        if response.status != 200:
            problems.append(f"{step}: {response.status}")
            continue
        # Nothing wider than the screen: no sideways scrolling on any board page.
        scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
        if scroll_width > width + 1:
            problems.append(f"{step}: {scroll_width}px wide on a {width}px screen")
        if device == "desktop" and page.locator("#site-nav").count():
            # One line of navigation at 1280 px: the bar is as tall as one row of links.
            height = page.locator("#site-nav").bounding_box()["height"]
            if height >= 70:
                problems.append(f"{step}: the navigation wraps ({height}px)")

    assert problems == []
    # The month calendar: a table at a desktop's width, a list on a phone; a year-precision plan
    # only in the "this year, undated" strip.
    browse.goto("board:calendar", step="calendar-again")
    if device == "phone":
        expect(page.locator(".calendar-list")).to_be_visible()
        expect(page.locator("table.calendar-month")).to_be_hidden()
        expect(page.locator(".calendar-list")).to_contain_text(world.today.title)
    else:
        expect(page.locator("table.calendar-month")).to_be_visible()
    expect(page.locator(".year-strip")).to_contain_text("1")
