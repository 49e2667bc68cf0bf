"""One spelling of a city per language, on every page, email and feed."""

import pytest
from django.utils import translation

from contacts.cities import city_name
from events.ics import event_ics
from tests.factories import BakuVenueFactory, EventFactory


@pytest.mark.parametrize(
    ("stored", "language", "expected"),
    [
        ("Bakü", "tr", "Bakü"),
        ("Bakü", "az", "Bakı"),
        ("Bakü", "en", "Baku"),
        ("Bakı", "tr", "Bakü"),  # any known spelling maps to the page's
        ("BAKU", "az", "Bakı"),
        ("İzmir", "en", "Izmir"),
        ("izmir", "az", "İzmir"),
        ("Şuşa", "en", "Shusha"),
        ("Shusha", "tr", "Şuşa"),
        ("Lankaran", "az", "Lankaran"),  # not in the table: as stored
        ("", "az", ""),
    ],
)
def test_city_name_spells_a_city_in_the_language(stored, language, expected):
    assert city_name(stored, language) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "right", "wrong"), [("az", "Bakı", "Bakü"), ("en", "Baku", "Bakü")]
)
def test_event_page_spells_bakü_one_way(client, language, right, wrong):
    event = EventFactory(venue=BakuVenueFactory(city="Bakü", address="Neftçilər prospekti 1"))

    with translation.override(language):  # the page's address says its language: /az/…
        url = event.get_absolute_url()
    page = client.get(url).content.decode()

    assert right in page
    assert wrong not in page


@pytest.mark.django_db
def test_ics_location_uses_the_requested_language():
    event = EventFactory(venue=BakuVenueFactory(name="Dom", address="", city="Bakü"))

    with translation.override("en"):
        body = event_ics(event).decode()

    assert "LOCATION;LANGUAGE=en:Dom\\, Baku" in body
