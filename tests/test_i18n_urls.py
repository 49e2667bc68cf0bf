"""Language in the address: public pages under /tr/, /az/, /en/, old bare links redirected.

A page's language is its address's: each public page answers under each prefix with its
<html lang> and the hreflang alternates; a bare address (in emails already sent, in old
bookmarks) redirects by the language cookie, else Accept-Language, else Turkish, keeping the
query; the feed keeps /calendar.ics and takes ?lang=; emails link in the recipient's language.
"""

import re

import icalendar
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from anniversary.personal_links import is_personal_kwarg
from events.b2b.links import participant_token
from events.b2b.services import request_meeting
from events.delegations.links import make_group_token
from events.delegations.services import MemberData, register_group
from events.enums import RegistrationStatus
from events.services import reminders
from events.tokens import SELF_SERVICE, make_token
from tests.factories import (
    EventFactory,
    ParticipantFactory,
    PendingRegistrationFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SITE = settings.SITE_URL


@pytest.fixture
def pages():
    """(URL name, kwargs) of every public page a delegate reads, with rows that exist."""
    event = EventFactory(slug="nevruz-2027")
    registration = PendingRegistrationFactory(event=event)
    token = make_token(registration, purpose=SELF_SERVICE)
    participant = ParticipantFactory()
    b2b = {"pk": participant.registration_id, "token": participant_token(participant)}
    group = register_group(
        event=event,
        name="Caspian Trade",
        head_name="Head",
        head_email="head@example.az",
        head_language="az",
        country="AZ",
        members=[MemberData("Member", "member@example.az")],
        consent=True,
    )
    return [
        ("home", {}),
        ("events:program", {}),
        ("events:calendar", {"year": 2026, "month": 12}),
        ("events:privacy", {}),
        ("events:detail", {"slug": event.slug}),
        ("events:register", {"slug": event.slug}),
        ("events:registered", {"slug": event.slug}),
        ("events:manage", {"pk": registration.pk, "token": token}),
        ("events:cancel", {"pk": registration.pk, "token": token}),
        ("b2b:home", b2b),
        ("b2b:directory", b2b),
        ("b2b:agenda", b2b),
        ("delegations:register", {"slug": event.slug}),
        ("delegations:manage", {"pk": group.pk, "token": make_group_token(group)}),
    ]


def _in(language: str, name: str, kwargs: dict) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def test_every_public_page_answers_in_each_language_with_its_alternates_unless_personal(
    client, pages
):
    for name, kwargs in pages:
        paths = {code: _in(code, name, kwargs) for code in LANGUAGES}
        bare = paths["tr"].removeprefix("/tr")
        for language, path in paths.items():
            response = client.get(path)
            html = response.content.decode()

            assert (response.status_code, path.startswith(f"/{language}/")) == (200, True), path
            assert f'<html lang="{language}">' in html, path
            alternates = re.findall(
                r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html
            )
            # A page whose address holds a personal token has none (tests/test_personal_links.py).
            personal = any(is_personal_kwarg(keyword) for keyword in kwargs)
            assert alternates == (
                []
                if personal
                else [
                    *((code, SITE + other) for code, other in paths.items()),
                    ("x-default", SITE + bare),
                ]
            ), path
            # The address alone chooses the language: no Vary on the visitor's headers.
            assert "Accept-Language" not in response.get("Vary", ""), path


def test_a_bare_address_is_a_redirect_to_the_same_page_in_turkish_by_default(
    client, pages, settings
):
    settings.LANGUAGE_CODE = "tr"
    for name, kwargs in pages:
        path = _in("tr", name, kwargs)
        bare = path.removeprefix("/tr")

        got, head = client.get(bare), client.head(bare)

        assert (got.status_code, got["Location"]) == (302, path), bare
        assert (head.status_code, head["Location"]) == (302, path), bare


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bare_address_follows_the_language_cookie(client, pages, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for name, kwargs in pages:
        path = _in(language, name, kwargs)

        response = client.get(path.removeprefix(f"/{language}"), HTTP_ACCEPT_LANGUAGE="en")

        assert (response.status_code, response["Location"]) == (302, path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bare_address_follows_accept_language_and_keeps_the_query(client, language):
    event = EventFactory()

    program = client.get("/program/?month=2026-12&city=Bak%C3%BC", HTTP_ACCEPT_LANGUAGE=language)
    detail = client.head(
        f"/events/{event.slug}/?utm=mail", HTTP_ACCEPT_LANGUAGE=f"{language},tr;q=0.5"
    )

    assert (program.status_code, program["Location"]) == (
        302,
        f"/{language}/program/?month=2026-12&city=Bak%C3%BC",
    )
    assert (detail.status_code, detail["Location"]) == (
        302,
        f"/{language}/events/{event.slug}/?utm=mail",
    )


def test_an_old_self_service_link_from_an_email_still_opens(client, settings):
    settings.LANGUAGE_CODE = "tr"
    registration = PendingRegistrationFactory()
    token = make_token(registration, purpose=SELF_SERVICE)

    response = client.get(f"/registrations/{registration.pk}/{token}/confirm/", follow=True)

    assert response.redirect_chain == [
        (f"/tr/registrations/{registration.pk}/{token}/confirm/", 302)
    ]
    assert (response.status_code, '<html lang="tr">' in response.content.decode()) == (200, True)


def test_the_feed_keeps_its_address_and_takes_its_language_from_lang(client):
    event = EventFactory(slug="nevruz-2027")
    with translation.override("az"):
        azerbaijani = translation.gettext("Kardeş 40: İzmir–Bakü program")

    plain = client.get("/calendar.ics")
    feed = client.get("/calendar.ics", {"lang": "az"}, HTTP_ACCEPT_LANGUAGE="en")
    odd = client.get("/calendar.ics", {"lang": "xx"})

    calendar = icalendar.Calendar.from_ical(feed.content)
    vevent = next(c for c in calendar.walk("VEVENT") if c["uid"].startswith(f"event-{event.pk}@"))
    assert (plain.status_code, feed.status_code, odd.status_code) == (200, 200, 200)
    assert azerbaijani != "Kardeş 40: İzmir–Bakü program"
    assert str(calendar["X-WR-CALNAME"]) == azerbaijani
    assert str(vevent["url"]) == f"{SITE}/az/events/{event.slug}/"
    assert (feed["Content-Language"], odd["Content-Language"]) == ("az", settings.LANGUAGE_CODE)


def test_an_event_ics_speaks_its_pages_language(client):
    event = EventFactory()

    calendar = icalendar.Calendar.from_ical(
        client.get(f"/az/events/{event.slug}/event.ics").content
    )

    assert str(next(iter(calendar.walk("VEVENT")))["url"]) == f"{SITE}/az/events/{event.slug}/"


def test_the_switcher_is_links_and_a_page_without_a_form_has_no_csrf_token(client):
    event = EventFactory(slug="nevruz-2027")

    for path in ("/az/", "/az/program/", "/az/privacy/", f"/az/events/{event.slug}/"):
        html = client.get(path).content.decode()

        switcher = html[
            html.index('id="language-links"') : html.index(
                "</ul>", html.index('id="language-links"')
            )
        ]
        assert re.findall(r'href="([^"]+)" hreflang="(\w+)"', switcher) == [
            (path.replace("/az/", f"/{code}/", 1), code) for code in LANGUAGES
        ]
        assert ("csrfmiddlewaretoken" in html, "set_language" in html, "/i18n/" in html) == (
            False,
            False,
            False,
        )


def test_the_board_keeps_its_language_form(board_client):
    html = board_client.get(reverse("board:dashboard")).content.decode()

    assert (f'action="{reverse("set_language")}"' in html, 'id="language-links"' in html) == (
        True,
        False,
    )


def _links(message) -> list[str]:
    return re.findall(rf"{re.escape(SITE)}(/\S*)", message.body)


def test_registration_emails_link_in_the_delegates_language(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    data = {
        "full_name": "Leyla Məmmədova",
        "email": "leyla@example.az",
        "organization": "Azərbaycan Ticarət Palatası",
        "country": "AZ",
        "phone": "",
        "language": "az",
        "needs": "",
        "consent": "on",
        "website": "",
    }

    # An English page, an Azerbaijani delegate: her emails speak (and link in) Azerbaijani.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:register", kwargs={"slug": event.slug}), data)

    assert response.status_code == 302
    public = [link for link in _links(mail.outbox[0]) if "/registrations/" in link]
    assert len(public) >= 2
    assert all(link.startswith("/az/registrations/") for link in public), public
    assert mail.outbox[0].to == ["leyla@example.az"]
    assert event.registrations.get().status == RegistrationStatus.PENDING


def test_b2b_and_delegation_emails_link_in_their_recipients_language(
    django_capture_on_commit_callbacks,
):
    asker = ParticipantFactory(registration__language="en")
    asked = ParticipantFactory(event=asker.event, registration__language="az")

    # Written as delivery rows under a Turkish page, sent by the sweep: each in its own language.
    with translation.override("tr"), django_capture_on_commit_callbacks(execute=True):
        request_meeting(requester=asker, recipient=asked, reason="Olive oil exports")
        register_group(
            event=EventFactory(),
            name="Caspian Trade",
            head_name="Head",
            head_email="head@example.org",
            head_language="en",
            country="AZ",
            members=[MemberData("Member", "member@example.az")],
            consent=True,
        )

    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep(now=timezone.now())

    b2b = next(m for m in mail.outbox if m.to == [asked.registration.email])
    head = next(m for m in mail.outbox if m.to == ["head@example.org"])
    assert _links(b2b) and all(link.startswith("/az/b2b/") for link in _links(b2b))
    assert _links(head) and all(link.startswith("/en/delegations/") for link in _links(head))
