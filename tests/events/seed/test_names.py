"""Seeded names in each language carry that language's words only: no Turkish abbreviation in an
Azerbaijani or English organization name, no Azerbaijani place form in a Turkish or English venue,
and no venue line that says its city twice."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from contacts.cities import CITY_NAMES
from contacts.models import Affiliation, Organization
from contacts.text import search_key
from events.models import Venue
from events.seed import load_facts
from events.seed.demo import VENUES as DEMO_VENUES
from events.seed.demo import load_demo
from events.seed.facts import RECORDS
from events.seed.facts_translations import TRANSLATIONS

# The names and abbreviations this file checks, by model.
NAME_FIELDS = {
    Organization: ("name", "short_name"),
    Venue: ("name", "address"),
    Affiliation: ("role",),
}
RECORDS_WITH_NAMES = [r for r in [*RECORDS, *DEMO_VENUES.values()] if r.model in NAME_FIELDS]

# Words an az or en text may share with the Turkish one: proper names spelled alike in both, and
# (for az) the words Turkish and Azerbaijani write the same. Anything else shared is a Turkish
# word left in (the fault was "Milli Majlis of Azerbaijan (Milli Meclis)", "TDT STK Platformu").
SPELLED_ALIKE = {"İZAZDER", "YTB", "CASCFEN", "YAP", "Milli", "Diaspora", "diaspora", "demo"}
SPELLED_ALIKE |= {"Alsancak"}
SHARED_WORDS = {
    "az": SPELLED_ALIKE | {"İzmir", "İstanbul", "Şuşa", "Türk", "TDT", "Yeni", "yer", "sonra"},
    "en": SPELLED_ALIKE,
}
SHARED_WORDS["az"] |= {"Forumu"}

# Places seeded below city level, per language (tr, az, en), beside the city table's.
PLACES = [("İçerişehir", "İçərişəhər", "Icherisheher")]
LANGUAGES = ("tr", "az", "en")


def _words(text: str) -> set[str]:
    # Case kept: "Izmir" (en) is not the Turkish "İzmir"; numbers are the same in every language.
    return {word for word in re.findall(r"\w+", text) if not word.isdigit()}


def _turkish_words_in(text: str, turkish: str, language: str) -> set[str]:
    return (_words(text) & _words(turkish)) - SHARED_WORDS[language]


def _place_forms() -> dict[str, set[str]]:
    """Per language, the spellings of places that belong to the other languages only."""
    names = {tuple(names[code] for code in LANGUAGES) for names in CITY_NAMES.values()}
    foreign = {code: set() for code in LANGUAGES}
    for spellings in [*names, *PLACES]:
        for index, language in enumerate(LANGUAGES):
            foreign[language] |= set(spellings) - {spellings[index]}
    return foreign


def test_seeded_azerbaijani_and_english_names_carry_no_turkish_words():
    carried = [
        f"{record.key} {name} {language}: {sorted(words)}"
        for record in RECORDS_WITH_NAMES
        for name in NAME_FIELDS[record.model]
        if record.fields.get(name)
        for language in ("az", "en")
        if (
            words := _turkish_words_in(
                TRANSLATIONS[record.key][name][language], record.fields[name], language
            )
        )
    ]

    assert carried == []


def test_the_check_catches_a_turkish_abbreviation_in_an_english_name():
    assert _turkish_words_in("Milli Majlis (Milli Meclis)", "Milli Meclis", "en") == {"Meclis"}
    assert _turkish_words_in("TDT STK Platformu", "TDT STK Platformu", "az") == {
        "STK",
        "Platformu",
    }
    assert _turkish_words_in("OTS NGO Platform", "TDT STK Platformu", "en") == set()


def test_seeded_venue_texts_use_their_own_language_place_forms():
    foreign = _place_forms()

    def texts(record, name):
        yield "tr", record.fields[name]
        yield from TRANSLATIONS[record.key][name].items()

    wrong = [
        f"{record.key} {name} {language}: {spelling}"
        for record in RECORDS_WITH_NAMES
        if record.model is Venue
        for name in NAME_FIELDS[Venue]
        if record.fields.get(name)
        for language, text in texts(record, name)
        for spelling in foreign[language]
        if re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", text)
        or (language != "az" and "ə" in text.lower())
    ]

    assert foreign["en"] >= {"İçərişəhər", "İçerişehir", "Bakı", "Bakü"}
    assert wrong == []


# --- what the pages show ------------------------------------------------------------------------


@pytest.mark.django_db
def test_seeded_organizations_read_only_their_language_on_az_and_en_pages(now):
    load_facts()
    turkish = {
        org.pk: f"{org.name_tr} {org.short_name_tr or ''}"
        for org in Organization.objects.filter(seed_key__isnull=False)
    }

    carried = []
    for language in ("az", "en"):
        with translation.override(language):
            for org in Organization.objects.filter(seed_key__isnull=False):
                if words := _turkish_words_in(str(org), turkish[org.pk], language):
                    carried.append(f"{org.seed_key} {language}: {str(org)} {sorted(words)}")

    assert carried == []
    with translation.override("az"):
        assert str(Organization.objects.get(seed_key="org:tdt-ngo-platform")).endswith(
            "(TDT QHT Platforması)"
        )
    with translation.override("en"):
        assert str(Organization.objects.get(seed_key="org:milli-meclis")) == (
            "Milli Majlis of Azerbaijan (Milli Majlis)"
        )


def _city_mentions(text: str, city: str) -> int:
    spellings = {search_key(s) for s in CITY_NAMES[search_key(city)].values()}
    return sum(len(re.findall(rf"\b{re.escape(s)}\b", search_key(text))) for s in spellings)


@pytest.mark.django_db
def test_every_seeded_venue_line_names_its_city_once_in_each_language(now):
    load_facts()
    load_demo(now=now)
    line = Template(
        "{% load content %}{% venue_line venue %}|{% venue_line venue with_address=False %}"
    )

    twice = []
    for language in LANGUAGES:
        with translation.override(language):
            for venue in Venue.objects.filter(seed_key__isnull=False):
                shown = [
                    str(venue),
                    venue.where(),
                    *line.render(Context({"venue": venue})).split("|"),
                ]
                twice += [
                    f"{venue.seed_key} {language}: {text}"
                    for text in shown
                    if _city_mentions(text, venue.city) != 1
                ]

    assert twice == []


@pytest.mark.django_db
def test_a_venue_line_leaves_out_the_city_its_name_gives():
    venue = Venue.objects.create(
        name_tr="Bakü — yerler daha sonra duyurulacak",
        name_en="Baku — venues to be announced (40th-year program)",
        city="Bakü",
        time_zone="Asia/Baku",
    )
    hall = Venue.objects.create(
        name_tr="Örnek salon", address_tr="Örnek adres", city="Bakü", time_zone="Asia/Baku"
    )

    with translation.override("en"):
        assert str(venue) == "Baku — venues to be announced (40th-year program)"
        # The city in the reader's language, though the name stands in Turkish (untranslated).
        assert str(hall) == "Örnek salon, Baku"
        assert hall.where() == "Örnek salon, Örnek adres, Baku"
    with translation.override("az"):
        assert venue.where() == "Bakü — yerler daha sonra duyurulacak"
        hall.name_az = "Nümunə zal"
        assert str(hall) == "Nümunə zal, Bakı"


@pytest.mark.django_db
def test_venue_line_marks_the_turkish_it_falls_back_to():
    hall = Venue.objects.create(
        name_tr="Örnek salon", address_tr="Bakü'de bir sokak", city="Bakü", time_zone="Asia/Baku"
    )
    line = Template("{% load content %}{% venue_line venue %}")

    with translation.override("az"):
        shown = line.render(Context({"venue": hall}))

    # The Turkish address names the city the Turkish way: the reader's spelling follows it.
    assert shown == (
        '<span lang="tr">Örnek salon</span>, <span lang="tr">Bakü&#x27;de bir sokak</span>, Bakı'
    )
    with translation.override("tr"):
        # In Turkish the address names it already: no ", Bakü" after it.
        assert line.render(Context({"venue": hall})).endswith("sokak")
