"""The zone a registrant reads times in, and how other zones are named (events.timezones)."""

from datetime import UTC, datetime

import pytest
from django.utils import translation

from events.timezones import BAKU, IZMIR, country_zone, zone_label

SUMMER = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
WINTER = datetime(2026, 12, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("at", [SUMMER, WINTER])
@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("TR", IZMIR),
        ("AZ", BAKU),
        ("tr", IZMIR),
        ("DE", "Europe/Berlin"),  # Berlin and Büsingen keep one clock
        ("GE", "Asia/Tbilisi"),
        ("GB", "Europe/London"),
        ("US", None),  # several clocks: cannot be told
        ("RU", None),
        ("AU", None),
        ("XX", None),  # not a country
        ("", None),
    ],
)
def test_country_zone(country, expected, at):
    assert country_zone(country, at=at) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", ["İzmir", "Bakü", "Berlin", "Tiflis", "Moskova"]),
        ("az", ["İzmir", "Bakı", "Berlin", "Tbilisi", "Moskva"]),
        ("en", ["Izmir", "Baku", "Berlin", "Tbilisi", "Moscow"]),
    ],
)
def test_zone_label_names_every_zone_by_its_city_in_the_language(language, expected):
    zones = [IZMIR, BAKU, "Europe/Berlin", "Asia/Tbilisi", "Europe/Moscow"]
    with translation.override(language):
        assert [zone_label(name) for name in zones] == expected


def test_zone_label_of_an_unknown_name_is_the_name():
    with translation.override("en"):
        assert zone_label("Mars/Olympus") == "Mars/Olympus"
