"""Every text in an .ics says its language (RFC 5545 §3.2.10), and one event's file its zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import translation

from tests.factories import BakuVenueFactory, EventFactory, VenueFactory

pytestmark = [pytest.mark.django_db, pytest.mark.now("2026-11-25T10:00:00+03:00")]

TEXTS = ("summary", "description", "location")


def _vevent(content: bytes) -> icalendar.Event:
    (component,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    return component


def _languages(component) -> dict:
    return {name: component[name].params.get("LANGUAGE") for name in TEXTS}


@pytest.fixture
def turkish_only():
    with translation.override("tr"):  # the plain field fills the active language's column
        return _turkish_only()


def _turkish_only():
    return EventFactory(
        slug="yalniz-turkce",
        title="Yalnız Türkçe",
        description="Açıklama yalnız Türkçe yazıldı.",
        venue=VenueFactory(name="Kültür Merkezi", address="Kordon 1"),
    )


@pytest.fixture
def in_three():
    with translation.override("tr"):
        return _in_three()


def _in_three():
    return EventFactory(
        slug="three",
        title="Üç dilde",
        title_az="Üç dildə",
        title_en="In three languages",
        description="Türkçe açıklama",
        description_az="Azərbaycanca təsvir",
        description_en="English description",
        venue=VenueFactory(
            name="Kültür Merkezi", name_az="Mədəniyyət Mərkəzi", name_en="Culture Centre"
        ),
    )


@pytest.mark.parametrize("language", ["az", "en"])
def test_turkish_fallback_is_marked_tr_in_the_event_file(client, turkish_only, language):
    component = _vevent(client.get(f"/{language}/events/yalniz-turkce/event.ics").content)

    assert _languages(component) == dict.fromkeys(TEXTS, "tr")
    assert str(component["description"]) == "Açıklama yalnız Türkçe yazıldı."


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_own_texts_carry_the_requested_language(client, in_three, language):
    component = _vevent(client.get(f"/{language}/events/three/event.ics").content)

    assert _languages(component) == dict.fromkeys(TEXTS, language)


@pytest.mark.parametrize("language", ["az", "en"])
def test_feed_marks_each_event_by_its_own_texts(client, turkish_only, in_three, language):
    calendar = icalendar.Calendar.from_ical(client.get("/calendar.ics", {"lang": language}).content)

    by_uid = {str(c["url"]).rsplit("/", 2)[-2]: _languages(c) for c in calendar.walk("VEVENT")}

    assert by_uid == {
        "yalniz-turkce": dict.fromkeys(TEXTS, "tr"),
        "three": dict.fromkeys(TEXTS, language),
    }


def test_a_venue_name_in_turkish_marks_the_location_tr_even_with_an_own_title(client):
    with translation.override("tr"):
        EventFactory(
            slug="mixed", title="Karışık", title_az="Qarışıq", venue=VenueFactory(name="Salon")
        )

    component = _vevent(client.get("/az/events/mixed/event.ics").content)

    assert component["summary"].params["LANGUAGE"] == "az"
    assert component["location"].params["LANGUAGE"] == "tr"


def test_a_baku_events_file_is_in_bakus_zone(client):
    EventFactory(
        slug="baku",
        venue=BakuVenueFactory(),
        start=datetime(2026, 12, 20, 0, 30, tzinfo=ZoneInfo("Asia/Baku")),
        end=datetime(2026, 12, 20, 2, 0, tzinfo=ZoneInfo("Asia/Baku")),
    )

    calendar = icalendar.Calendar.from_ical(client.get("/en/events/baku/event.ics").content)

    assert str(calendar["x-wr-timezone"]) == "Asia/Baku"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Baku"]
    start = _vevent(calendar.to_ical())["dtstart"]
    assert start.params["TZID"] == "Asia/Baku"
    assert start.dt == datetime(2026, 12, 20, 0, 30, tzinfo=ZoneInfo("Asia/Baku"))


def test_the_whole_programs_feed_keeps_the_sites_zone_with_every_venues_vtimezone(client):
    EventFactory(venue=BakuVenueFactory())
    EventFactory(venue=VenueFactory())

    calendar = icalendar.Calendar.from_ical(client.get("/calendar.ics").content)

    assert str(calendar["x-wr-timezone"]) == "Europe/Istanbul"
    assert sorted(str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")) == [
        "Asia/Baku",
        "Europe/Istanbul",
    ]
