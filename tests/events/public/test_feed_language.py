"""`?lang=` read as people type it: any case, with or without a region."""

import icalendar
import pytest

from anniversary.languages import requested_language
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

FEED = "/calendar.ics"


@pytest.mark.parametrize(
    ("asked", "language"),
    [
        ("az", "az"),
        ("AZ", "az"),
        ("az-AZ", "az"),
        ("az-Latn-AZ", "az"),
        ("az_AZ", "az"),
        ("en-GB", "en"),
        ("EN", "en"),
        ("en-us", "en"),
        ("TR", "tr"),
        (" tr-TR ", "tr"),
        ("de", None),
        ("xx-YY", None),
        ("", None),
        (None, None),
        ("a" * 200, None),
        ("../az", None),
    ],
)
def test_requested_language(asked, language):
    assert requested_language(asked) == language


@pytest.mark.parametrize("asked", ["AZ", "az-AZ", "az"])
def test_feed_in_azerbaijani_whatever_the_spelling(client, asked):
    EventFactory(title="Türkçe başlık", title_az="Azərbaycanca başlıq")

    response = client.get(FEED, {"lang": asked})

    calendar = icalendar.Calendar.from_ical(response.content)
    assert response["Content-Language"] == "az"
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Azərbaycanca başlıq"]


@pytest.mark.parametrize("asked", ["en-GB", "EN"])
def test_feed_in_english_whatever_the_spelling(client, asked):
    EventFactory(title="Türkçe başlık", title_en="English title")

    response = client.get(FEED, {"lang": asked})

    assert response["Content-Language"] == "en"
    assert b"English title" in response.content


@pytest.mark.parametrize("asked", ["de", "xx", "", "%00"])
def test_feed_in_an_unknown_language_is_turkish(client, settings, asked):
    settings.LANGUAGE_CODE = "tr"  # the site's default (the suite runs in English)
    EventFactory(title="Türkçe başlık", title_en="English title")

    response = client.get(FEED, {"lang": asked})

    assert response.status_code == 200
    assert response["Content-Language"] == "tr"
    assert "Türkçe başlık".encode() in response.content
