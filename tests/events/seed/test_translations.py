"""The seeded public texts in Azerbaijani and English: complete, in our own words, one spelling of
each city per language, and applied to per-language columns once the models have them."""

import io
import re
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from contacts.models import DelegationVisit, Meeting
from events.enums import Recurrence
from events.models import Event, Venue
from events.seed import load_facts
from events.seed.completeness import is_public, measure, translatable_texts
from events.seed.demo import demo_records
from events.seed.facts import RECORDS, SERIES_EDITIONS, SUSA_SERIES_KEY
from events.seed.loader import translated_fields
from events.seed.translations import (
    DATED_BY_THE_REPORT,
    LANGUAGES,
    TRANSLATED_FIELDS,
    TRANSLATIONS,
)

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

    # 60 facts (5 sources, 15 organizations, 7 roles, 3 visits, 5 meetings, 6 venues, 18 events,
    # 1 podcast series) and the demo's 2 venues and 8 events; people's names need no translation.
    assert (completeness.records, completeness.texts) == (70, 115)
    print(
        "seed completeness: "
        + ", ".join(f"{lang} {completeness.percent(lang):.0f} %" for lang in LANGUAGES)
    )
    assert [completeness.percent(lang) for lang in LANGUAGES] == [100.0, 100.0]


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
    assert (completeness.records_done["az"], completeness.records_done["en"]) == (69, 68)


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

    assert "Azerbaijani: 95 of 95 public texts (100 %), 60 of 60 public records complete" in (
        out.getvalue()
    )
    assert "English: 95 of 95 public texts (100 %), 60 of 60 public records complete" in (
        out.getvalue()
    )


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


def test_adapter_does_nothing_before_the_models_have_per_language_columns():
    filled = {
        record.key: translated_fields(record.model, record.key, record.fields)
        for record in RECORDS
        if record.model in TRANSLATED_FIELDS
    }

    assert {key: values for key, values in filled.items() if values} == {}


@pytest.mark.django_db
def test_seed_loads_the_same_rows_with_the_adapter_in_place():
    load_facts()

    assert Event.objects.get(seed_key="event:protocol-1986").title == (
        "İzmir–Bakü kardeş şehir protokolü imzalandı"
    )
    assert Venue.objects.get(seed_key="venue:susa").name == "Şuşa — kaynakta yer belirtilmemiş"


# --- the 15 June conferences in Şuşa ---------------------------------------------------------------


@pytest.mark.django_db
def test_susa_conferences_are_three_dated_records_with_their_themes():
    load_facts()

    editions = {
        e.slug: (e.local_start.date(), e.date_precision, e.status, e.recurrence, e.venue.city)
        for e in Event.objects.filter(seed_key__in=SERIES_EDITIONS[SUSA_SERIES_KEY])
    }
    themes = {
        e.local_start.year: (e.title, e.organizers.get().short_name)
        for e in Event.objects.filter(seed_key__in=SERIES_EDITIONS[SUSA_SERIES_KEY])
    }

    assert editions == {
        f"susa-international-conference-15-june-{year}": (
            date(year, 6, 15),
            "day",
            "done",
            "",
            "Şuşa",
        )
        for year in (2022, 2023, 2024)
    }
    assert themes == {
        2022: ("Şuşa Beyannamesi'nin birinci yıl dönümünde Şuşa'da uluslararası konferans", "YAP"),
        2023: ("Şuşa'da “Kurtuluştan Zafere” konulu uluslararası konferans", "YAP"),
        2024: ("Şuşa'da Türk Devletleri Teşkilatı üzerine uluslararası konferans", "YAP"),
    }


@pytest.mark.django_db
def test_susa_editions_belong_to_the_yearly_series_and_never_double_it():
    load_facts()
    series = Event.objects.get(seed_key=SUSA_SERIES_KEY)
    editions = Event.objects.filter(seed_key__in=SERIES_EDITIONS[SUSA_SERIES_KEY])

    assert series.recurrence == Recurrence.YEARLY
    assert all(e.slug.startswith(f"{series.slug}-") for e in editions)
    assert series.occurrences(date(2022, 1, 1), date(2024, 12, 31)) == []
    assert [(o.venue_id, o.start.date().year) for o in editions.order_by("start")] == [
        (series.venue_id, year) for year in (2022, 2023, 2024)
    ]


@pytest.mark.django_db
def test_susa_series_next_occurrence_is_the_coming_15_june(now):
    load_facts()
    series = Event.objects.get(seed_key=SUSA_SERIES_KEY)

    start, end = series.next_occurrence()

    today_in_susa = now.astimezone(ZoneInfo(series.time_zone)).date()
    year = today_in_susa.year + (today_in_susa > date(today_in_susa.year, 6, 15))
    assert now < end
    assert start.date() == date(year, 6, 15)
    assert end - start == series.end - series.start


@pytest.mark.django_db
@pytest.mark.now("2027-06-15T09:00:00+04:00")
def test_susa_series_on_the_day_is_that_days_conference(now):
    load_facts()

    start, _ = Event.objects.get(seed_key=SUSA_SERIES_KEY).next_occurrence()

    assert start.isoformat() == "2027-06-15T00:00:00+04:00"


def test_the_visit_dated_by_reports_is_the_only_visit_with_such_a_note():
    visits = [r for r in RECORDS if r.model is DelegationVisit]

    assert [
        r.key for r in visits if r.fields["dates_note"].startswith(DATED_BY_THE_REPORT["tr"])
    ] == ["visit:altay-baku-2026"]
