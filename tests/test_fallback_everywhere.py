"""Wherever a page or an HTML email in az or en shows a text that stands in Turkish for its
missing translation, the element around it says so (`lang="tr"`), in a heading, in a sentence
("Register for “…”"), in a list, on the board's pages as on the public ones.

The records below are written in Turkish only; each of their texts carries a phrase found in no
catalog, and every text node holding one must sit inside an element marked `lang="tr"`.
Document metadata (`<title>`, `<meta>`), menus (`<option>`) and form values cannot hold markup
and are not checked; the page's own `<html lang>` covers them.
"""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from contacts.models import DelegationVisit, Organization
from events.b2b.links import participant_token
from events.delegations.links import make_group_token
from events.delegations.models import DelegationGroup
from events.delegations.services import MemberData, register_group
from events.enums import EventKind
from events.models import Event, PodcastSeries, Venue
from events.services import reminders
from events.services.registration import confirm_registration, register_delegate
from events.services.scheduling import cancel_event, reschedule_event
from events.tokens import SELF_SERVICE, make_token
from tests.factories import (
    AffiliationFactory,
    DelegationVisitFactory,
    EventFactory,
    MatchmakingFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipantFactory,
    PendingRegistrationFactory,
    PlanningItemFactory,
    PodcastSeriesFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("az", "en")
# One phrase of each Turkish-only text; none is in a catalog or a city's name.
PHRASES = (
    "Zeytin hasadı",  # the event's title
    "Bağ bozumu",  # its description
    "Sanat evi",  # the venue's name
    "Kordon boyu",  # its address
    "Ege Dostluk",  # the organizer's name
    "Kardeş sesler",  # a podcast series
)


def _only_turkish(model, pk, **texts):
    columns = {}
    for field, text in texts.items():
        columns.update({f"{field}_tr": text, f"{field}_az": None, f"{field}_en": None})
    model.objects.filter(pk=pk).update(**columns)


class _Unmarked(HTMLParser):
    """Text nodes of the body holding a phrase, outside any element whose nearest `lang` is tr."""

    SKIP = {"script", "style", "title", "option", "textarea"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", language)]
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") or self.stack[-1][1]
        self.stack.append((tag, lang[:2]))

    def handle_endtag(self, tag):
        # Pop to the matching element (HTML closes some implicitly).
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        tags = {tag for tag, _lang in self.stack}
        if tags & self.SKIP or not data.strip():
            return
        if self.stack[-1][1] != "tr" and any(phrase in data for phrase in PHRASES):
            self.found.append(" ".join(data.split()))


def unmarked(html: str, language: str) -> list[str]:
    parser = _Unmarked(language)
    parser.feed(html)
    return parser.found


def report(found: dict[str, list[str]]) -> str:
    """One line per unmarked text, by page: "" when there is none."""
    return "\n".join(f"{page}: {text}" for page, texts in found.items() for text in texts)


def test_the_checker_finds_an_unmarked_phrase_and_passes_a_marked_one():
    page = (
        '<html lang="en"><head><title>Zeytin hasadı</title></head><body>'
        '<h1 lang="tr">Zeytin hasadı</h1><p>Register for “<span lang="tr">Zeytin hasadı</span>”'
        "</p><p>Organized by Ege Dostluk Derneği</p><select><option>Sanat evi</option></select>"
        '<input value="Sanat evi"></body></html>'
    )

    assert unmarked(page, "en") == ["Organized by Ege Dostluk Derneği"]


@pytest.fixture
def turkish_only(board_member):
    """An event, its hall, organizer, registration, delegation, B2B participant, planning item
    and a podcast series, all written in Turkish only."""
    venue = VenueFactory(city="İzmir")
    _only_turkish(Venue, venue.pk, name="Sanat evi", address="Kordon boyu 4")
    organization = OrganizationFactory(name="Ege Dostluk Derneği", city="İzmir")
    Organization.objects.filter(pk=organization.pk).update(name_az=None, name_en=None)
    event = EventFactory(
        slug="hasat",
        kind=EventKind.B2B_MEETING,
        venue=venue,
        start=timezone.now() + timedelta(days=2),
    )
    _only_turkish(
        Event,
        event.pk,
        title="Zeytin hasadı: Ege'nin şenliği & konser",
        description="Bağ bozumu ve zeytin hasadı üzerine bir akşam.",
    )
    event.organizers.set([organization])
    visit = DelegationVisitFactory(host_organization=organization)
    _only_turkish(DelegationVisit, visit.pk, title="Ege Dostluk ziyareti")
    visit.organizations.set([organization])
    MeetingFactory(visit=visit, host_organization=organization)
    person = AffiliationFactory(organization=organization).person
    Event.objects.filter(pk=event.pk).update(delegation_visit=visit)
    MatchmakingFactory(event=event)
    participant = ParticipantFactory(event=event)
    registration = PendingRegistrationFactory(event=event)
    group = register_group(
        event=event,
        name="Xəzər Ticarət Palatası",
        head_name="Leyla Quliyeva",
        head_email="leyla@example.az",
        head_language="az",
        country="AZ",
        members=[MemberData("Elnur Hüseynov", "elnur@example.az", "", "az")],
        consent=True,
    )
    DelegationGroup.objects.filter(pk=group.pk).update(delegation_visit=visit)
    series = PodcastSeriesFactory(slug="sesler")
    _only_turkish(PodcastSeries, series.pk, title="Kardeş sesler", description="Kardeş sesler.")
    PlanningItemFactory(event=event, owner=board_member, title="Salonu hazırla")
    event.refresh_from_db()
    today = timezone.localdate()
    self_service = {"pk": registration.pk, "token": make_token(registration, purpose=SELF_SERVICE)}
    b2b = {"pk": participant.registration_id, "token": participant_token(participant)}
    public = [
        ("home", {}),
        ("events:program", {}),
        ("events:calendar", {"year": event.local_start.year, "month": event.local_start.month}),
        ("events:detail", {"slug": event.slug}),
        ("events:register", {"slug": event.slug}),
        ("events:registered", {"slug": event.slug}),
        ("events:manage", self_service),
        ("events:confirm", self_service),
        ("events:cancel", self_service),
        ("b2b:home", b2b),
        ("b2b:directory", b2b),
        ("b2b:agenda", b2b),
        ("delegations:register", {"slug": event.slug}),
        ("delegations:manage", {"pk": group.pk, "token": make_group_token(group)}),
    ]
    board = [
        ("board:dashboard", {}),
        ("board:event_list", {}),
        ("board:event_detail", {"slug": event.slug}),
        ("board:calendar_month", {"year": today.year, "month": today.month}),
        ("board:my_items", {}),
        ("board:venue_list", {}),
        ("board:b2b_event", {"slug": event.slug}),
        ("board:delegation_list", {}),
        ("board:podcast_series_list", {}),
        ("board:podcast_series_detail", {"slug": series.slug}),
        ("registrants:index", {}),
        ("registrants:list", {"slug": event.slug}),
        ("registrants:sheet", {"slug": event.slug}),
        ("registrants:door", {"slug": event.slug}),
        ("contacts:organizations", {}),
        ("contacts:organization", {"pk": organization.pk}),
        ("contacts:visit", {"pk": visit.pk}),
        ("contacts:person", {"pk": person.pk}),
    ]
    return {"event": event, "public": public, "board": board}


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_mark_every_turkish_fallback(client, turkish_only, language):
    found = {}
    for name, kwargs in turkish_only["public"]:
        with translation.override(language):
            address = reverse(name, kwargs=kwargs)
        response = client.get(address)
        assert response.status_code == 200, address
        found[name] = unmarked(response.content.decode(), language)

    assert not report(found), report(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_board_pages_mark_every_turkish_fallback(board_client, turkish_only, language):
    found = {}
    for name, kwargs in turkish_only["board"]:
        response = board_client.get(reverse(name, kwargs=kwargs), HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, name
        found[name] = unmarked(response.content.decode(), language)

    assert not report(found), report(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_emails_mark_every_turkish_fallback_and_escape_nothing_in_plain_text(
    turkish_only, language, django_capture_on_commit_callbacks
):
    """Every email a delegate or a delegation's head gets about the event: its HTML part marks
    the Turkish title, venue and description; its subject and text part print the title's
    apostrophe and ampersand as typed, never as HTML entities."""
    event = turkish_only["event"]
    with django_capture_on_commit_callbacks(execute=True):
        registration = register_delegate(
            event=event,
            full_name="Leyla Məmmədova",
            email="leyla@example.org",
            country="AZ",
            language=language,
            consent=True,
        )
    with django_capture_on_commit_callbacks(execute=True):
        confirm_registration(registration=registration)
    with django_capture_on_commit_callbacks(execute=True):
        register_group(
            event=event,
            name="Ege Heyeti",
            head_name="Murat Çelik",
            head_email="head@example.org",
            head_language=language,
            country="TR",
            members=[MemberData("Aysel Rzayeva", "aysel@example.org", "", language)],
            consent=True,
        )
    # The reminders a day and two hours before (settings.REMINDER_DEFAULT_OFFSETS).
    for before in (timedelta(days=1), timedelta(hours=2)):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.sweep(now=event.start - before + timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        reschedule_event(
            event=event, start=event.start + timedelta(hours=1), end=event.end + timedelta(hours=1)
        )
    with django_capture_on_commit_callbacks(execute=True):
        cancel_event(event=event)

    ours = [m for m in mail.outbox if {"leyla@example.org", "head@example.org"} & set(m.to)]
    html = [
        (message.subject, body)
        for message in ours
        for body, kind in getattr(message, "alternatives", [])
        if kind == "text/html"
    ]
    subjects = {message.subject for message in ours}
    # Registration, confirmation, the delegation's, two reminders, the time change and the
    # cancellation at least.
    assert len(html) >= 7, subjects
    # Both reminders reached the delegate (the day's and the two hours' one).
    reminder = {"az": "Xatırlatma: ", "en": "Reminder: "}[language]
    sent = [m for m in ours if m.subject.startswith(reminder) and "leyla@example.org" in m.to]
    assert len(sent) == 2, subjects
    found = {subject: unmarked(body, language) for subject, body in html}
    assert not report(found), report(found)
    escaped = [
        text
        for message in ours
        for text in (message.subject, message.body)
        if re.search(r"&(#x?[0-9a-fA-F]+|amp|lt|gt|quot);", text)
    ]
    assert escaped == []
    assert all(
        "Ege'nin şenliği & konser" in message.subject
        for message in ours
        if "hasadı" in message.subject
    )
