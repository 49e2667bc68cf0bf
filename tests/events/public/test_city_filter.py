"""The program's and the calendars' city filter: labels from the city table in the page's
language, every spelling of a city (any case, with or without its marks) gives the same
events, and a city that is not in the program says so instead of failing."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from contacts.cities import city_key, city_menu, menu_city
from events.timezones import BAKU
from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

BK = ZoneInfo(BAKU)
SPELLINGS = {
    "Bakü": ["Baku", "baku", "Bakı", "BAKÜ", "bakı", "BAKI", "Bakü", " baku "],
    "Şuşa": ["Shusha", "shusha", "susa", "Şuşa", "ŞUŞA", "Susa"],
    "İzmir": ["Izmir", "izmir", "İzmir", "IZMIR", "İZMİR"],
}
MENU_LABELS = {
    "tr": ["Bakü", "İzmir", "Şuşa"],
    "az": ["Bakı", "İzmir", "Şuşa"],
    "en": ["Baku", "Izmir", "Shusha"],
}


@pytest.fixture
def program():
    """One event in each city, in December; the Bakü venue typed the Azerbaijani way."""
    events = {}
    for city, venue in [
        ("Bakü", BakuVenueFactory(city="Bakı")),
        ("Şuşa", BakuVenueFactory(city="Şuşa")),
        ("İzmir", VenueFactory(city="İzmir")),
    ]:
        events[city] = EventFactory(
            title=f"Evening {city}",
            venue=venue,
            start=datetime(2026, 12, 10, 19, tzinfo=BK),
            end=datetime(2026, 12, 10, 22, tzinfo=BK),
        )
    # A second Bakü venue typed the Turkish way: still one city on the menu.
    events["Bakü 2"] = EventFactory(
        title="Evening Bakü 2",
        venue=BakuVenueFactory(city="Bakü"),
        start=datetime(2026, 12, 11, 19, tzinfo=BK),
        end=datetime(2026, 12, 11, 22, tzinfo=BK),
    )
    return events


def _titles(html: str) -> set[str]:
    return set(re.findall(r"Evening (?:Bakü 2|Bakü|Şuşa|İzmir)", html))


def _city_options(html: str) -> list[str]:
    select = re.search(r'<select name="city".*?</select>', html, re.S)
    assert select, "no city menu on the page"
    return re.findall(r'<option value="[^"]+"[^>]*>([^<]+)</option>', select[0])


PAGES = ["/{language}/program/?month=2026-12", "/{language}/program/2026/12/?"]


@pytest.mark.now("2026-11-25T10:00:00+03:00")
@pytest.mark.parametrize("address", PAGES)
@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_city_menu_is_spelled_in_the_page_language_once_per_city(
    client, program, address, language
):
    html = client.get(address.format(language=language)).content.decode()

    assert _city_options(html) == MENU_LABELS[language]


@pytest.mark.now("2026-11-25T10:00:00+03:00")
@pytest.mark.parametrize("address", PAGES)
@pytest.mark.parametrize("language", ["tr", "az", "en"])
@pytest.mark.parametrize("city", SPELLINGS)
def test_every_spelling_of_a_city_gives_the_same_events(client, program, address, language, city):
    expected = {f"Evening {city}"} | ({"Evening Bakü 2"} if city == "Bakü" else set())
    url = address.format(language=language)

    found = {
        spelling: _titles(client.get(url, {"city": spelling}).content.decode())
        for spelling in SPELLINGS[city]
    }

    assert found == dict.fromkeys(SPELLINGS[city], expected)


@pytest.mark.now("2026-11-25T10:00:00+03:00")
@pytest.mark.parametrize("address", PAGES)
@pytest.mark.parametrize("language", ["tr", "az", "en"])
@pytest.mark.parametrize("city", SPELLINGS)
def test_the_menu_selects_the_city_asked_for_in_any_spelling(
    client, program, address, language, city
):
    url = address.format(language=language)
    for spelling in SPELLINGS[city]:
        html = client.get(url, {"city": spelling}).content.decode()
        select = re.search(r'<select name="city".*?</select>', html, re.S)[0]
        chosen = re.findall(r'<option value="[^"]+"[^>]*selected[^>]*>([^<]+)</option>', select)

        assert len(chosen) == 1, (spelling, chosen)
        assert city_key(chosen[0]) == city_key(city), (spelling, chosen)


@pytest.mark.now("2026-11-25T10:00:00+03:00")
@pytest.mark.parametrize("address", PAGES)
@pytest.mark.parametrize("city", ["Atlantis", "Gence", "<b>x</b>", "'; drop table x; --", "%00"])
def test_unknown_city_is_a_clear_message_and_no_events(client, program, address, city):
    response = client.get(address.format(language="en"), {"city": city})
    html = response.content.decode()

    assert response.status_code == 200
    assert _titles(html) == set()
    assert "There are no events in “" in html
    assert "<b>x</b>" not in html


@pytest.mark.now("2026-11-25T10:00:00+03:00")
@pytest.mark.parametrize("address", PAGES)
@pytest.mark.parametrize(
    "typed", ["Atl\x00antis", "\u202eAtlantis\u202c", "Atlan\u200btis\x07", "Atlantis" + "s" * 500]
)
def test_an_unknown_city_is_echoed_without_what_cannot_be_shown(client, program, address, typed):
    """A NUL, a bell, a bidi override or a zero-width space typed into the address is not
    printed back, nor a name longer than any city's."""
    html = client.get(address.format(language="en"), {"city": typed}).content.decode()

    echoed = re.search(r"There are no events in “([^”]*)”", html)[1]
    assert echoed.startswith("Atlantis") and len(echoed) <= 100
    assert not re.search("[\x00-\x08\u200b\u202a-\u202e]", html)


@pytest.mark.now("2026-11-25T10:00:00+03:00")
@pytest.mark.parametrize("spelling", ["Baku", "bakı", "BAKÜ", "Bakü"])
def test_board_calendar_accepts_every_spelling(board_client, program, spelling):
    html = board_client.get("/board/calendar/2026/12/", {"city": spelling}).content.decode()

    assert _titles(html) == {"Evening Bakü", "Evening Bakü 2"}


@pytest.mark.now("2026-11-25T10:00:00+03:00")
def test_board_calendar_unknown_city_shows_nothing(board_client, program):
    html = board_client.get("/board/calendar/2026/12/", {"city": "Atlantis"}).content.decode()

    assert _titles(html) == set()
    assert "There are no events in “Atlantis”" in html


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_city_menu_dedupes_spellings_and_sorts_in_the_language(language):
    menu = city_menu(["Şuşa", "Bakı", "izmir", "Bakü", "BAKU", "Gence", "Lankaran"], language)

    expected = {
        "tr": ["Bakü", "Gence", "İzmir", "Lankaran", "Şuşa"],
        "az": ["Bakı", "Gəncə", "İzmir", "Lankaran", "Şuşa"],
        "en": ["Baku", "Ganja", "Izmir", "Lankaran", "Shusha"],
    }[language]
    assert [label for _value, label in menu] == expected
    assert menu_city("susa", menu) == ("Shusha" if language == "en" else "Şuşa")
    assert menu_city("Tbilisi", menu) is None


def test_menu_labels_follow_the_active_language():
    with translation.override("az"):
        assert city_menu(["Bakü"]) == [("Bakı", "Bakı")]
