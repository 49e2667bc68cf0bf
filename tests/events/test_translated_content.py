"""Texts stored per language: az and en read the Turkish where empty, and say so."""

import pytest
from django.template import Context, Template
from django.utils import translation

from events.models import Event
from events.seed.loader import load_records
from events.seed.records import Record
from tests.factories import EventFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_event_title_in_azerbaijani_falls_back_to_turkish_when_empty():
    event = EventFactory(title_tr="İzmir kahvaltısı", title_az=None, title_en="Izmir breakfast")

    with translation.override("az"):
        az = event.title
    with translation.override("en"):
        en = event.title

    assert (az, en) == ("İzmir kahvaltısı", "Izmir breakfast")


def _render(obj, field, language):
    template = Template("{% load content %}{% translated obj field %}")
    with translation.override(language):
        return template.render(Context({"obj": obj, "field": field}))


def test_translated_tag_marks_the_turkish_fallback_with_lang():
    venue = VenueFactory(name_tr="Fuar Alanı", name_az=None, name_en="Fairground")

    assert _render(venue, "name", "az") == '<span lang="tr">Fuar Alanı</span>'
    assert _render(venue, "name", "en") == "Fairground"
    assert _render(venue, "name", "tr") == "Fuar Alanı"


def test_missing_translations_finds_events_lacking_az_or_en():
    complete = EventFactory(title_tr="A", title_az="A", title_en="A")
    no_az = EventFactory(title_tr="B", title_az=None, title_en="B")
    text_only_tr = EventFactory(
        title_tr="C", title_az="C", title_en="C", description_tr="Metin", description_en="Text"
    )

    found = set(Event.objects.missing_translations())

    assert complete not in found
    assert found == {no_az, text_only_tr}


def test_seed_loader_takes_texts_per_language_and_plain_turkish():
    venue = Record(
        "venue:test",
        Event._meta.get_field("venue").related_model,
        {
            "name": {"tr": "Fuar Alanı", "az": "Sərgi meydanı", "en": "Fairground"},
            "city": "İzmir",
        },
    )
    plain = Record("venue:plain", venue.model, {"name": "Kültürpark", "city": "İzmir"})

    with translation.override("en"):
        report = load_records(records=[venue, plain])

    first, second = report.rows["venue:test"], report.rows["venue:plain"]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.name_tr, first.name_az, first.name_en) == (
        "Fuar Alanı",
        "Sərgi meydanı",
        "Fairground",
    )
    assert (second.name_tr, second.name_az, second.name_en) == ("Kültürpark", None, None)
