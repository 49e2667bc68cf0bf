"""Every page, email and feed prints each city in its own language's spelling (contacts.cities):
no element (an HTML text node or attribute, a line of a text email or calendar file) carries a
spelling of another language, so never two spellings of one city on one line.

Text marked with another `lang` (a Turkish title shown where the Azerbaijani one is missing) is
that language's text and is checked against it.
"""

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from contacts.cities import _CITIES
from contacts.models import DelegationVisit, Meeting
from events.ics import event_ics
from events.services import reminders
from events.services.registration import register_delegate
from tests.factories import (
    BakuVenueFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("tr", "az", "en")
INDEX = {"tr": 0, "az": 1, "en": 2}


def foreign_spellings(language: str) -> re.Pattern:
    """The spellings of table cities that `language` writes otherwise, as whole words."""
    words = {
        spelling for names in _CITIES for spelling in names if spelling != names[INDEX[language]]
    }
    # Not inside a time zone's identifier ("Asia/Baku", "Europe/Istanbul"): a code, not a name.
    return re.compile(r"(?<![\w/])(" + "|".join(sorted(map(re.escape, words))) + r")(?![\w/])")


FOREIGN = {language: foreign_spellings(language) for language in LANGUAGES}
SPELLING = re.compile(
    r"(?<![\w/])("
    + "|".join(sorted({re.escape(name) for names in _CITIES for name in names}))
    + r")(?![\w/])"
)
CITY_OF = {name: names[0] for names in _CITIES for name in names}

# A record's one-line label whose title has no translations yet (a visit's) is printed whole
# in the language the title is typed in (contacts.cities.city_beside): an element holding one
# must carry one spelling of each city, but that spelling may be Turkish on an English page.


def two_spellings(text: str) -> bool:
    """Two spellings of one city in `text` ("Bakü … Baku")."""
    seen: dict[str, set[str]] = {}
    for spelling in SPELLING.findall(text):
        seen.setdefault(CITY_OF[spelling], set()).add(spelling)
    return any(len(spellings) > 1 for spellings in seen.values())


class _Elements(HTMLParser):
    """(language, text) of every text node and shown attribute, by the nearest `lang`."""

    ATTRIBUTES = ("title", "alt", "placeholder", "aria-label", "content")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.stack = [language]
        self.found: list[tuple[str, str]] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = (attrs.get("lang") or self.stack[-1])[:2]
        for name in self.ATTRIBUTES:
            if attrs.get(name):
                self.found.append((language, f"<{tag} {name}> {attrs[name]}"))
        if tag in ("script", "style"):
            self.skip += 1
        if tag not in self.VOID:
            self.stack.append(language)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag not in self.VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.found.append((self.stack[-1], " ".join(data.split())))


def _mixed(text: str, language: str, labels) -> bool:
    if two_spellings(text):
        return True
    if any(label in text for label in labels):
        return False
    return language in FOREIGN and bool(FOREIGN[language].search(text))


def mixed_html(html: str, language: str, labels=()) -> list[str]:
    """Elements with two spellings of a city, or another language's spelling (but inside one
    of the one-language `labels`)."""
    parser = _Elements(language)
    parser.feed(html)
    return [f"[{lang}] {text}" for lang, text in parser.found if _mixed(text, lang, labels)]


def mixed_text(text: str, language: str) -> list[str]:
    return [
        line for line in text.splitlines() if two_spellings(line) or FOREIGN[language].search(line)
    ]


@pytest.fixture
def places(board_member):
    """Venues, people and records in the three cities, typed in different spellings, with
    names that carry no city of their own (what the table must spell is the city field)."""
    baku = BakuVenueFactory(
        name_tr="Kongre salonu",
        name_az="Konqres zalı",
        name_en="Congress hall",
        city="Bakı",
        address="Neftçilər 1",
    )
    susa = BakuVenueFactory(
        name_tr="Beyanname salonu", name_az="Bəyannamə zalı", name_en="Declaration hall",
        city="Shusha", address="",
    )  # fmt: skip
    izmir = VenueFactory(
        name_tr="Kültür salonu", name_az="Mədəniyyət zalı", name_en="Culture hall",
        city="izmir", address="Kordon 2",
    )  # fmt: skip
    # A hall with no name but the Turkish: its line still spells the city in the reader's
    # language ("Sanat evi, Konak, Izmir" in English, as the time zone's label beside it).
    untranslated = VenueFactory(
        name_tr="Sanat evi", name_az="", name_en="",
        address_tr="Konak", address_az="", address_en="", city="İzmir",
    )  # fmt: skip
    events = [
        EventFactory(title="Business breakfast", slug="breakfast", venue=baku),
        EventFactory(title="Conference", slug="conference", venue=susa),
        EventFactory(title="Concert", slug="concert", venue=izmir),
        EventFactory(title="Recital", slug="recital", venue=untranslated),
    ]
    organization = OrganizationFactory(name="Chamber", city="Baku", country="AZ")
    person = PersonFactory(full_name="Leyla Məmmədova", city="Bakü", country="AZ")
    visit = DelegationVisit.objects.create(
        title="Heyet ziyareti",
        origin_city="Bakı",
        destination_city="Izmir",
        start_date=date(2026, 5, 2),
    )
    Meeting.objects.create(
        title="Talks", visit=visit, date=date(2026, 5, 3), place="Town hall", city="İZMİR"
    )
    with translation.override("tr"):
        labels = [str(visit)]  # a visit's title has no translations yet: Turkish as typed
    return {
        "events": events,
        "organization": organization,
        "person": person,
        "visit": visit,
        "labels": labels,
    }


def _public_addresses(places) -> list[str]:
    event = places["events"][0]
    today = date.today()
    return [
        reverse("home"),
        reverse("events:program"),
        reverse("events:calendar", args=[today.year, today.month]),
        *(e.get_absolute_url() for e in places["events"]),
        reverse("events:register", args=[event.slug]),
    ]


def _board_addresses(places) -> list[str]:
    event = places["events"][0]
    today = date.today()
    return [
        reverse("board:dashboard"),
        reverse("board:event_list"),
        reverse("board:venue_list"),
        reverse("board:event_create"),
        reverse("board:event_detail", args=[event.slug]),
        reverse("board:calendar_month", args=[today.year, today.month]),
        reverse("registrants:index"),
        reverse("registrants:list", args=[event.slug]),
        reverse("registrants:sheet", args=[event.slug]),
        reverse("contacts:directory"),
        reverse("contacts:organizations"),
        reverse("contacts:organization", args=[places["organization"].pk]),
        reverse("contacts:person", args=[places["person"].pk]),
        reverse("contacts:visits"),
        reverse("contacts:visit", args=[places["visit"].pk]),
        reverse("board:report", args=[today.year]),
        reverse("board:report_list", args=[2026, "visits"]),
        reverse("board:report_list", args=[2026, "meetings"]),
        reverse("board:report_list", args=[today.year, "events"]),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_spell_each_city_one_way(client, places, language):
    with translation.override(language):
        addresses = _public_addresses(places)
    mixed = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        mixed[address] = mixed_html(response.content.decode(), language, places["labels"])

    assert {address: found for address, found in mixed.items() if found} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_board_pages_spell_each_city_one_way(board_client, places, language):
    mixed = {}
    for address in _board_addresses(places):
        response = board_client.get(address, HTTP_ACCEPT_LANGUAGE=language)
        if response.status_code != 200:
            mixed[address] = [f"status {response.status_code}"]
            continue
        content = response.content.decode()
        mixed[address] = mixed_html(content, language, places["labels"])

    assert {address: found for address, found in mixed.items() if found} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_lists_spell_each_city_one_way(admin_client, places, language):
    addresses = [
        reverse("admin:events_venue_changelist"),
        reverse("admin:events_event_changelist"),
        reverse("admin:contacts_organization_changelist"),
        reverse("admin:contacts_delegationvisit_changelist"),
        reverse("admin:contacts_meeting_changelist"),
    ]
    mixed = {}
    for address in addresses:
        response = admin_client.get(address, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, address
        mixed[address] = mixed_html(response.content.decode(), language, places["labels"])

    assert {address: found for address, found in mixed.items() if found} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_emails_spell_each_city_one_way(places, language, django_capture_on_commit_callbacks):
    for index, event in enumerate(places["events"]):
        register_delegate(
            event=event,
            full_name="Leyla Məmmədova",
            email=f"leyla{index}@example.az",
            country="AZ",
            language=language,
            consent=True,
        )
    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep()

    # The delegates' emails, in their language; on a Monday morning the sweep also sends the
    # board its weekly digest, in each member's own language.
    to_delegates = [m for m in mail.outbox if all(a.startswith("leyla") for a in m.to)]
    assert len(to_delegates) >= 3
    mixed = []
    for message in to_delegates:
        mixed += mixed_text(message.subject, language) + mixed_text(message.body, language)
        for body, _kind in getattr(message, "alternatives", []):
            mixed += mixed_html(body, language)
        for attachment in message.attachments:
            content = attachment[1] if isinstance(attachment, tuple) else attachment.get_payload()
            if isinstance(content, bytes):
                content = content.decode()
            mixed += mixed_text(str(content), language)
    assert mixed == []


def _body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_feeds_spell_each_city_one_way(client, places, language):
    feed = client.get("/calendar.ics", {"lang": language}, HTTP_ACCEPT_LANGUAGE=language)
    with translation.override(language):
        one = client.get(reverse("events:ics", args=[places["events"][0].slug]))

    # Unfolded first: a long LOCATION line is folded at 75 octets (RFC 5545 §3.1).
    texts = [_body(feed).replace("\r\n ", ""), _body(one).replace("\r\n ", "")]
    assert [line for text in texts for line in mixed_text(text, language)] == []
    assert ["LOCATION" in text for text in texts] == [True, True]


def test_checker_finds_two_spellings_on_one_line():
    html = '<p>Baku Congress hall, Bakü</p><p lang="tr">Bakü Kongre Merkezi</p>'
    menu = "<select><option>Heyet (İzmir → Bakü)</option></select>"
    mixed_menu = "<select><option>Bakü heyeti (İzmir → Baku)</option></select>"

    assert mixed_html(html, "en") == ["[en] Baku Congress hall, Bakü"]
    assert mixed_html(menu, "en") == ["[en] Heyet (İzmir → Bakü)"]
    assert mixed_html(menu, "en", labels=["Heyet (İzmir → Bakü)"]) == []
    assert mixed_html(mixed_menu, "en", labels=["Bakü heyeti"]) == [
        "[en] Bakü heyeti (İzmir → Baku)"
    ]
    assert mixed_text("LOCATION:Hall\\, Bakı\nSUMMARY:Baku", "tr") == [
        "LOCATION:Hall\\, Bakı",
        "SUMMARY:Baku",
    ]
    assert mixed_text("İzmir–Bakı", "az") == []


@pytest.mark.parametrize(
    ("names", "language", "label"),
    [
        (
            {"name_tr": "Kongre Merkezi", "name_en": "Congress Centre"},
            "en",
            "Congress Centre, Baku",
        ),
        ({"name_tr": "Kongre Merkezi", "name_en": ""}, "en", "Kongre Merkezi, Baku"),
        (
            {"name_tr": "Kongre Merkezi", "name_az": "Konqres Mərkəzi"},
            "az",
            "Konqres Mərkəzi, Bakı",
        ),
        ({"name_tr": "Kongre Merkezi", "name_az": ""}, "az", "Kongre Merkezi, Bakı"),
        ({"name_tr": "Bakü Kongre Merkezi", "name_en": ""}, "en", "Bakü Kongre Merkezi"),
        ({"name_tr": "Kongre Merkezi"}, "tr", "Kongre Merkezi, Bakü"),
    ],
)
def test_venue_label_spells_its_city_in_the_page_language_and_once(names, language, label):
    with translation.override("tr"):
        venue = BakuVenueFactory(city="Baku", **names)

    with translation.override(language):
        assert str(venue) == label


def test_visit_label_spells_its_route_in_the_language_of_its_title():
    visit = DelegationVisit.objects.create(
        title_tr="Bakü temasları", origin_city="Izmir", destination_city="Bakı"
    )

    with translation.override("en"):
        assert str(visit) == "Bakü temasları (İzmir → Bakü, date not given)"


@pytest.mark.parametrize(
    ("name_en", "location"),
    [
        ("Congress Centre", "LANGUAGE=en:Congress Centre\\, Baku"),
        ("", "LANGUAGE=tr:Kongre Merkezi\\, Baku"),
    ],
)
def test_calendar_location_spells_the_city_in_the_feed_language(name_en, location):
    with translation.override("tr"):
        venue = BakuVenueFactory(name_tr="Kongre Merkezi", name_en=name_en, address="", city="Baku")
        event = EventFactory(venue=venue)

    with translation.override("en"):
        body = event_ics(event).decode().replace("\r\n ", "")

    assert f"LOCATION;{location}\r\n" in body


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", '<span lang="tr">Şuşa Kongre Merkezi</span>, Shusha'),
        ("az", '<span lang="tr">Şuşa Kongre Merkezi</span><'),
        ("tr", "Şuşa Kongre Merkezi<"),
    ],
)
def test_a_turkish_name_that_names_the_city_still_gets_the_reader_s_spelling(
    client, language, line
):
    """A hall with only its Turkish name, which names its city: the page adds the city where
    the reader spells it otherwise (English), and not where it would repeat it."""
    with translation.override("tr"):
        venue = BakuVenueFactory(name_tr="Şuşa Kongre Merkezi", name_az="", name_en="", city="Şuşa")
        event = EventFactory(venue=venue)

    with translation.override(language):
        page = client.get(event.get_absolute_url()).content.decode()
        program = client.get(reverse("events:program")).content.decode()

    assert line in program
    assert mixed_html(page, language) == [] and mixed_html(program, language) == []
