"""Every address that carries a personal token (found by walking the URL resolver, so a new
one cannot be missed) answers noindex and a referrer policy that sends the origin only, and has no hreflang alternates
(anniversary/personal_links.py); the other pages keep their alternates."""

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, SlugConverter
from django.urls.resolvers import RegexPattern, RoutePattern

from anniversary.personal_links import is_personal_kwarg
from events.links import checkin_url, self_service_url
from tests.factories import EventFactory, RegistrationFactory, StaffFactory

pytestmark = pytest.mark.django_db

# Text keywords of URL patterns that are no secret: a new one must be named here or match the
# personal rule, so that nobody adds <str:code> without deciding what it is.
NOT_PERSONAL = {"fmt", "kind", "id", "object_id", "content_type_id", "app_label", "url"}
# What the walk must find at least: the rule does not silently stop matching them.
KNOWN_PERSONAL = {
    "events:manage",
    "events:confirm",
    "events:cancel",
    "events:erase",
    "delegations:manage",
    "delegations:confirm",
    "delegations:cancel",
    "b2b:home",
    "b2b:agenda",
    "b2b:agenda_ics",
    "b2b:agenda_pdf",
    "registrants:checkin",
    "password_reset_confirm",
}


def _patterns(resolver=None, prefix="", namespace=""):
    """(route with the prefixes, view name, keyword -> converter or None for a regex group)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = entry.pattern
        if isinstance(pattern, RoutePattern):
            route, keywords = str(pattern), dict(pattern.converters)
        elif isinstance(pattern, RegexPattern):
            route = str(pattern)
            keywords = dict.fromkeys(pattern.regex.groupindex)
        else:  # the language prefix
            route, keywords = str(pattern), {}
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            for inner_route, name, inner_keywords in _patterns(entry, prefix + route, inner):
                yield inner_route, name, {**keywords, **inner_keywords}
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}".lstrip(":") if entry.name else ""
            yield prefix + route, name, keywords


def _text_keywords(keywords: dict) -> list[str]:
    return [
        name
        for name, converter in keywords.items()
        if not isinstance(converter, IntConverter | SlugConverter)
    ]


def _personal_patterns():
    return [
        (route, name, keywords)
        for route, name, keywords in _patterns()
        if any(is_personal_kwarg(keyword) for keyword in keywords)
    ]


def _sample(route: str) -> str:
    """The route with made-up values: 1 for numbers, a wrong token for text."""
    values = {"int": "1", "slug": "no-such-event"}
    path = re.sub(
        r"<(?:(\w+):)?(\w+)>", lambda m: values.get(m.group(1) or "str", "not-a-token"), route
    )
    return "/" + path.lstrip("^").rstrip("$").replace("\\", "")


def _assert_personal(response, url):
    assert response["X-Robots-Tag"] == "noindex", url
    assert response["Referrer-Policy"] == "strict-origin", url
    assert "private" in response["Cache-Control"], url
    if response.get("Content-Type", "").startswith("text/html") and response.content:
        html = response.content.decode()
        assert '<meta name="robots" content="noindex">' in html, url
        assert "hreflang" not in html, url
        assert 'rel="alternate"' not in html, url


def test_every_text_keyword_of_every_url_is_either_personal_or_known():
    unclassified = sorted(
        f"{route} ({keyword})"
        for route, _name, keywords in _patterns()
        for keyword in _text_keywords(keywords)
        if not is_personal_kwarg(keyword) and keyword not in NOT_PERSONAL
    )

    assert unclassified == []


def test_the_walk_finds_every_known_personal_address():
    found = {name for _route, name, _keywords in _personal_patterns()}

    assert KNOWN_PERSONAL - found == set()


@pytest.mark.parametrize(
    "route", sorted({route for route, _name, _keywords in _personal_patterns()})
)
def test_every_personal_address_is_kept_out_of_indexes_and_referrers(client, route):
    staff = StaffFactory()
    url = _sample(route)

    anonymous, posted = client.get(url), client.post(url)
    client.force_login(staff)
    signed_in = client.get(url)

    for response in (anonymous, posted, signed_in):
        _assert_personal(response, url)


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_a_delegates_own_page_keeps_its_language_links_but_no_alternates(client, language):
    registration = RegistrationFactory(event=EventFactory())
    path = self_service_url(registration).removeprefix(settings.SITE_URL)
    path = f"/{language}/" + path.split("/", 2)[2]

    page = client.get(path)

    html = page.content.decode()
    assert page.status_code == 200
    _assert_personal(page, path)
    assert 'id="language-links"' in html
    assert html.count('rel="nofollow"') >= 3


def test_a_check_in_ticket_page_is_kept_out_of_indexes_and_referrers(client):
    registration = RegistrationFactory(event=EventFactory())
    client.force_login(StaffFactory())
    path = checkin_url(registration).removeprefix(settings.SITE_URL)

    page = client.get(path)

    assert page.status_code == 200
    _assert_personal(page, path)


def test_a_public_page_without_a_token_keeps_its_alternates_and_is_indexed(client):
    event = EventFactory()

    page = client.get(event.get_absolute_url())

    html = page.content.decode()
    assert page.status_code == 200
    assert "X-Robots-Tag" not in page
    assert page["Referrer-Policy"] == "same-origin"
    assert 'name="robots"' not in html
    assert html.count('rel="alternate" hreflang=') == 4


def test_an_old_address_without_its_language_redirects_with_the_same_headers(client):
    registration = RegistrationFactory(event=EventFactory())
    path = self_service_url(registration).removeprefix(settings.SITE_URL)
    bare = "/" + path.split("/", 2)[2]

    response = client.get(bare)

    assert response.status_code == 302
    assert response["Location"].endswith(path.split("/", 2)[2])
    _assert_personal(response, bare)
