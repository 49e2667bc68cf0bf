"""The seeded public texts in Azerbaijani and English: complete, in our own words, one spelling of
each city per language, and applied to per-language columns once the models have them."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from contacts.models import DelegationVisit, Meeting
from events.models import Event, Venue
from events.seed import load_facts
from events.seed.completeness import is_public, measure, measure_stored, translatable_texts
from events.seed.demo import demo_records, load_demo
from events.seed.facts import RECORDS
from events.seed.facts_translations import (
    DATED_BY_THE_REPORT,
    LANGUAGES,
    TRANSLATED_FIELDS,
    TRANSLATIONS,
)
from events.seed.loader import translated_fields

BY_KEY = {record.key: record for record in RECORDS}


@pytest.fixture
def seed_records(now):
    """The facts and the demo program as the loader would get them at the pinned moment."""
    return [*RECORDS, *demo_records(now=now)]


# --- completeness -------------------------------------------------------------------------------


def test_every_public_seeded_text_has_azerbaijani_and_english(seed_records):
    completeness = measure(seed_records)

    assert completeness.missing == []
    assert completeness.texts_done == {"az": completeness.texts, "en": completeness.texts}
    assert completeness.records_done == {"az": completeness.records, "en": completeness.records}


def test_completeness_counts_every_public_record_and_text(seed_records):
    completeness = measure(seed_records)

    # 65 facts (5 sources, 15 organizations, 5 people, 7 roles, 3 visits, 5 meetings, 6 venues,
    # 18 events, 1 podcast series) and the demo's 2 venues and 8 events; people's names need no
    # translation, their notes do. Texts: 7 of the organizations have a short name as well, and
    # every organization and person a note.
    assert (completeness.records, completeness.texts) == (75, 142)
    print(
        "seed completeness: "
        + ", ".join(f"{lang} {completeness.percent(lang):.0f} %" for lang in LANGUAGES)
    )
    assert [completeness.percent(lang) for lang in LANGUAGES] == [100.0, 100.0]


def test_every_seeded_public_text_is_a_column_in_each_language():
    # The completeness figures and the pages read the same columns.
    assert [
        f"{model.__name__}.{name}"
        for model, names in TRANSLATED_FIELDS.items()
        for name in names
        for code in ("tr", *LANGUAGES)
        if not hasattr(model, f"{name}_{code}")
    ] == []


@pytest.mark.django_db
def test_every_public_seeded_record_has_azerbaijani_and_english_in_its_columns(now):
    load_facts()
    load_demo(now=now)

    stored = measure_stored()

    assert stored.missing == []
    assert (stored.records, stored.texts) == (75, 142)
    assert stored.records_done == {"az": 75, "en": 75}
    print(
        "stored seed completeness: "
        + ", ".join(f"{lang} {stored.percent(lang):.0f} %" for lang in LANGUAGES)
    )
    assert [stored.percent(lang) for lang in LANGUAGES] == [100.0, 100.0]


@pytest.mark.django_db
def test_stored_completeness_names_an_emptied_column_and_skips_hand_made_rows():
    load_facts()
    Meeting.objects.filter(seed_key="meeting:altay-muradov").update(topics_en="")
    DelegationVisit.objects.create(
        title_tr="Elle girilen ziyaret", origin_city="İzmir", destination_city="Bakü"
    )

    stored = measure_stored()

    assert stored.missing == ["meeting:altay-muradov topics en"]
    assert (stored.records, stored.records_done["az"], stored.records_done["en"]) == (65, 65, 64)


def test_completeness_names_a_missing_translation(seed_records):
    without = {key: fields for key, fields in TRANSLATIONS.items() if key != "event:protocol-1986"}
    partial = dict(without, **{"venue:susa": {"name": {"az": "Şuşa", "en": ""}}})

    completeness = measure(seed_records, partial)

    assert sorted(completeness.missing) == [
        "event:protocol-1986 description az",
        "event:protocol-1986 description en",
        "event:protocol-1986 title az",
        "event:protocol-1986 title en",
        "venue:susa name en",
    ]
    assert (completeness.records_done["az"], completeness.records_done["en"]) == (74, 73)


def test_translations_name_only_seed_records_and_their_public_fields(seed_records):
    records = {record.key: record for record in seed_records}

    stray = [
        f"{key} {name}"
        for key, fields in TRANSLATIONS.items()
        for name in fields
        if key not in records
        or not is_public(records[key])
        or name not in translatable_texts(records[key])
        or set(fields[name]) != set(LANGUAGES)
    ]

    assert stray == []


@pytest.mark.django_db
def test_seed_command_prints_completeness_per_language():
    out = io.StringIO()

    with translation.override("en"):
        call_command("seed", stdout=out)

    assert "Azerbaijani: 122 of 122 public texts (100 %), 65 of 65 public records complete" in (
        out.getvalue()
    )
    assert "English: 122 of 122 public texts (100 %), 65 of 65 public records complete" in (
        out.getvalue()
    )


def test_translations_fit_their_fields():
    records = {record.key: record for record in RECORDS}
    too_long = [
        f"{key} {name} {language}"
        for key, fields in TRANSLATIONS.items()
        if key in records
        for name, texts in fields.items()
        for language, text in texts.items()
        if (limit := records[key].model._meta.get_field(name).max_length) is not None
        and (len(text) > limit or "\n" in text)
    ]

    assert too_long == []


def test_translations_keep_every_number_of_the_turkish(seed_records):
    # Dates, years and counts are the facts most easily lost in translation.
    def numbers(text: str) -> list[str]:
        return sorted(set(re.findall(r"\d+", text)))

    records = {record.key: record for record in seed_records}
    differ = [
        f"{key} {name} {language}"
        for key, fields in TRANSLATIONS.items()
        for name, texts in fields.items()
        for language, text in texts.items()
        if numbers(text) != numbers(records[key].fields[name])
    ]

    assert differ == []


# --- wording ------------------------------------------------------------------------------------

OTHER_SPELLINGS = {
    # Per language, the spellings of the table's cities that belong to the other languages.
    "az": ["Bakü", "Baku", "Izmir", "Shusha", "Istanbul"],
    "en": ["Bakü", "Bakı", "İzmir", "Şuşa", "İstanbul"],
}


def test_translations_spell_each_city_the_way_of_their_language():
    wrong = [
        f"{key} {name} {lang}: {spelling}"
        for key, fields in TRANSLATIONS.items()
        for name, texts in fields.items()
        for lang, text in texts.items()
        for spelling in OTHER_SPELLINGS[lang]
        if re.search(rf"\b{spelling}", text)
    ]

    assert wrong == []


def test_texts_dated_by_a_report_say_so_in_each_language():
    # The meetings' flag shows as the catalog's words; a visit dated by reports says it in its note.
    for lang in ("tr", "az", "en"):
        with translation.override(lang):
            assert gettext("dated by the report").lower() == DATED_BY_THE_REPORT[lang].lower()
    dated_meetings = [
        r for r in RECORDS if r.model is Meeting and r.fields.get("dated_by_publication")
    ]
    visit_keys = {r.fields["visit"].key for r in dated_meetings if r.fields["visit"]}
    notes = {
        key: [BY_KEY[key].fields["dates_note"]]
        + [TRANSLATIONS[key]["dates_note"][lang] for lang in LANGUAGES]
        for key in visit_keys
    }

    assert len(dated_meetings) == 3
    assert notes and all(
        [note.split(":")[0] for note in texts] == list(DATED_BY_THE_REPORT.values())
        for texts in notes.values()
    )


def test_the_visit_dated_by_reports_is_the_only_visit_with_such_a_note():
    visits = [r for r in RECORDS if r.model is DelegationVisit]

    assert [
        r.key for r in visits if r.fields["dates_note"].startswith(DATED_BY_THE_REPORT["tr"])
    ] == ["visit:altay-baku-2026"]


# --- the adapter ----------------------------------------------------------------------------------


class TranslatedEvent:
    """Stands in for Event once it has per-language columns (title_tr, title_az, ...)."""

    title_tr = title_az = title_en = None
    description_tr = description_az = description_en = None


def test_adapter_fills_per_language_columns_the_model_has():
    record = BY_KEY["event:protocol-1986"]

    values = translated_fields(TranslatedEvent, record.key, record.fields)

    assert values == {
        "title_tr": "İzmir–Bakü kardeş şehir protokolü imzalandı",
        "title_az": "İzmir–Bakı qardaş şəhər protokolu imzalandı",
        "title_en": "Izmir–Baku sister-city protocol signed",
        "description_tr": record.fields["description"],
        "description_az": TRANSLATIONS[record.key]["description"]["az"],
        "description_en": TRANSLATIONS[record.key]["description"]["en"],
    }


def test_adapter_fills_every_per_language_column_the_mapping_gives():
    for record in RECORDS:
        if record.model not in TRANSLATED_FIELDS:
            continue
        filled = translated_fields(record.model, record.key, record.fields)
        for field, texts in TRANSLATIONS.get(record.key, {}).items():
            if hasattr(record.model, f"{field}_az"):
                assert filled[f"{field}_az"] == texts["az"], (record.key, field)
                assert filled[f"{field}_en"] == texts["en"], (record.key, field)


@pytest.mark.django_db
def test_seed_stores_each_language_in_its_column_and_pages_read_their_own():
    load_facts()

    event = Event.objects.get(seed_key="event:protocol-1986")
    texts = TRANSLATIONS["event:protocol-1986"]["title"]
    assert event.title_tr == "İzmir–Bakü kardeş şehir protokolü imzalandı"
    assert (event.title_az, event.title_en) == (texts["az"], texts["en"])
    for language in ("tr", "az", "en"):
        with translation.override(language):
            assert Event.objects.get(pk=event.pk).title == getattr(event, f"title_{language}")
    venue = Venue.objects.get(seed_key="venue:susa")
    assert venue.name_tr == "Şuşa — kaynakta yer belirtilmemiş"


@pytest.mark.django_db
def test_seed_command_reports_counts():
    out = io.StringIO()

    call_command("seed", stdout=out)
    call_command("seed", stdout=(second := io.StringIO()))

    assert "organizations: 15 created, 0 already there, 0 adopted" in out.getvalue()
    assert "organizations: 0 created, 15 already there, 0 adopted" in second.getvalue()
