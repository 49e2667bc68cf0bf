"""`manage.py seed` on a database seeded by an earlier version converges: rows still holding
exactly what the earlier seed wrote are brought up to date, edited rows are left alone, and a
second run changes nothing."""

import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from contacts.models import DelegationVisit, Organization, Person
from events.models import Event, Venue
from events.seed import load_facts
from events.seed.facts import (
    COMMEMORATION_2026_04,
    COMMEMORATION_2026_04_AS_ANNOUNCED,
    SERIES_EDITIONS,
    SUSA_SERIES_KEY,
)
from events.seed.facts_translations import DATED_BY_THE_REPORT, TRANSLATIONS

from .test_facts import _checksum

pytestmark = pytest.mark.django_db

EDITIONS = SERIES_EDITIONS[SUSA_SERIES_KEY]
# The 15 June conference as the seed wrote it before its editions were records of their own.
OLD_SERIES_DESCRIPTION = (
    "Şuşa Beyannamesi'nden bu yana her yıl 15 Haziran'da Şuşa'da, Yeni Azərbaycan "
    "Partiyası'nın düzenlediği uluslararası konferans. Kaynak üçünü anıyor: 2022 "
    "(beyannamenin birinci yıl dönümü), 2023 (ikinci yıl dönümü; Milli Kurtuluş Günü de "
    "anıldı) ve 2024 (Türk Devletleri Teşkilatı üzerine)."
)
OLD_VISIT_NOTE = (
    "Yolculuk tarihleri kaynaklarda geçmiyor: başlangıç ve bitiş, iki haberin yayın "
    "tarihleri (2026-01-28 ve 2026-02-03)."
)


def _as_the_first_version_left_it():
    """The database after the seed of the version where the 2022 conference was the only dated
    record, its description naming the other years, and the visit's note not yet saying that
    the report dates it (texts in Turkish only, as that version wrote them)."""
    load_facts()
    Event.objects.filter(seed_key__in=EDITIONS).delete()
    Event.objects.filter(seed_key=SUSA_SERIES_KEY).update(
        status="done",
        start=datetime(2022, 6, 14, 20, tzinfo=UTC),
        end=datetime(2022, 6, 15, 20, tzinfo=UTC),
        is_milestone=True,
        internal_notes="",
        description=OLD_SERIES_DESCRIPTION,
        description_tr=OLD_SERIES_DESCRIPTION,
        description_az=None,
        description_en=None,
        sequence=0,
    )
    DelegationVisit.objects.filter(seed_key="visit:altay-baku-2026").update(
        dates_note=OLD_VISIT_NOTE,
        dates_note_tr=OLD_VISIT_NOTE,
        dates_note_az=None,
        dates_note_en=None,
    )


def test_reseed_turns_the_single_2022_record_into_the_series_with_three_editions(now):
    _as_the_first_version_left_it()

    report = load_facts()

    series = Event.objects.get(seed_key=SUSA_SERIES_KEY)
    assert report.updated_keys == {SUSA_SERIES_KEY, "visit:altay-baku-2026"}
    assert report.created_keys == set(EDITIONS)
    assert (series.status, series.is_milestone, series.start.year) == ("planned", False, 2025)
    assert "2023 (ikinci" not in series.description_tr
    texts = TRANSLATIONS[SUSA_SERIES_KEY]["description"]
    assert (series.description_az, series.description_en) == (texts["az"], texts["en"])
    # Moved and from done back to planned, through the scheduling services: each raises the
    # calendar revision once, so subscribed calendars replace the 2022 copy.
    assert series.sequence == 2
    assert sorted(series.editions.values_list("seed_key", flat=True)) == sorted(EDITIONS)
    assert now < series.next_occurrence()[1]
    visit = DelegationVisit.objects.get(seed_key="visit:altay-baku-2026")
    notes = (visit.dates_note_tr, visit.dates_note_az, visit.dates_note_en)
    assert [note.split(":")[0] for note in notes] == list(DATED_BY_THE_REPORT.values())


def test_reseed_of_the_first_version_converges_then_changes_nothing():
    _as_the_first_version_left_it()
    load_facts()
    converged = _checksum()

    again = load_facts()

    assert _checksum() == converged
    assert (again.updated_keys, again.created_keys) == (set(), set())


def test_reseed_links_editions_seeded_before_they_had_a_series():
    load_facts()
    Event.objects.filter(seed_key__in=EDITIONS).update(series=None)

    report = load_facts()

    series = Event.objects.get(seed_key=SUSA_SERIES_KEY)
    assert report.updated_keys == set(EDITIONS)
    assert set(series.editions.values_list("seed_key", flat=True)) == set(EDITIONS)


def test_reseed_leaves_an_earlier_record_the_board_has_edited():
    _as_the_first_version_left_it()
    edited = OLD_SERIES_DESCRIPTION + " Kurul notu."
    Event.objects.filter(seed_key=SUSA_SERIES_KEY).update(description_tr=edited)

    report = load_facts()

    series = Event.objects.get(seed_key=SUSA_SERIES_KEY)
    assert SUSA_SERIES_KEY not in report.updated_keys
    assert (series.description_tr, series.start.year) == (edited, 2022)


def test_seed_command_says_what_it_brought_up_to_date():
    _as_the_first_version_left_it()
    out = io.StringIO()

    call_command("seed", stdout=out)

    assert "events: 1 brought up to date from an earlier seed" in out.getvalue()


def test_reseed_words_the_april_2026_plan_as_past_and_names_no_venue_to_be_announced():
    """The April 2026 commemoration as announced ("yapılacak", a venue "to be announced") is
    brought up to date: its description in the past tense and its venue the source never named,
    in every language; a second run changes nothing."""
    load_facts()
    event = Event.objects.get(seed_key="event:commemoration-2026-04")
    Event.objects.filter(pk=event.pk).update(
        description=COMMEMORATION_2026_04_AS_ANNOUNCED,
        description_tr=COMMEMORATION_2026_04_AS_ANNOUNCED,
        description_az="… keçiriləcək … gözlənilir.",
        description_en="… are expected to attend.",
    )
    Venue.objects.filter(seed_key="venue:izmir").update(
        name_tr="İzmir — yer daha sonra duyurulacak",
        name_az="İzmir — yer sonra elan olunacaq",
        name_en="Izmir — venue to be announced",
    )

    report = load_facts()

    assert report.updated_keys == {"event:commemoration-2026-04", "venue:izmir"}
    event.refresh_from_db()
    venue = Venue.objects.get(seed_key="venue:izmir")
    assert event.venue_id == venue.pk
    assert (event.description_tr, event.description_az, event.description_en) == (
        COMMEMORATION_2026_04,
        *TRANSLATIONS["event:commemoration-2026-04"]["description"].values(),
    )
    assert (venue.name_tr, venue.name_az, venue.name_en) == (
        "İzmir — kaynakta yer belirtilmemiş",
        "İzmir — mənbədə yer göstərilməyib",
        "Izmir — the source names no venue",
    )
    assert load_facts().updated_keys == set()


def test_reseed_gives_notes_seeded_in_turkish_only_their_azerbaijani_and_english():
    # As the seed left them before notes were stored per language, and the migration copied
    # them into the Turkish column; one the board has since written in Azerbaijani is kept.
    load_facts()
    Organization.objects.update(notes_az=None, notes_en=None)
    Person.objects.update(notes_az=None, notes_en=None)
    Person.objects.filter(seed_key="person:cemil-tugay").update(notes_az="Kurulun qeydi.")

    report = load_facts()

    izazder = Organization.objects.get(seed_key="org:izazder")
    texts = TRANSLATIONS["org:izazder"]["notes"]
    assert (izazder.notes_az, izazder.notes_en) == (texts["az"], texts["en"])
    assert izazder.notes_tr.startswith("İzmir'de yaşayan Azerbaycan kökenli")
    tugay = Person.objects.get(seed_key="person:cemil-tugay")
    assert (tugay.notes_az, tugay.notes_en) == ("Kurulun qeydi.", None)
    assert len(report.updated_keys) == 15 + 4
    assert load_facts().updated_keys == set()
