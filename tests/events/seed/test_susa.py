"""The 15 June conferences in Şuşa: three dated editions, each its own record, and the yearly
series they belong to, whose next occurrence is always still to come."""

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.translation import gettext

from events.enums import Recurrence
from events.models import Event
from events.seed import load_facts
from events.seed.facts import SERIES_EDITIONS, SUSA_SERIES_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    return load_facts()


@pytest.mark.now("2026-11-22T12:00:00+03:00")
def test_seed_susa_conference_next_occurs_on_15_june_2027(seeded, now):
    conference = Event.objects.get(slug="susa-international-conference-15-june")

    start, end = conference.next_occurrence()

    assert (conference.recurrence, conference.organizers.get().short_name) == ("yearly", "YAP")
    assert (start.isoformat(), end.isoformat()) == (
        "2027-06-15T00:00:00+04:00",
        "2027-06-16T00:00:00+04:00",
    )


@pytest.mark.usefixtures("turkish")
def test_susa_conferences_are_three_dated_records_with_their_themes(seeded):

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


def test_susa_editions_belong_to_the_yearly_series_and_never_double_it(seeded):
    series = Event.objects.get(seed_key=SUSA_SERIES_KEY)
    editions = Event.objects.filter(seed_key__in=SERIES_EDITIONS[SUSA_SERIES_KEY])

    assert series.recurrence == Recurrence.YEARLY
    assert all(e.slug.startswith(f"{series.slug}-") for e in editions)
    assert series.occurrences(date(2022, 1, 1), date(2024, 12, 31)) == []
    assert [(o.venue_id, o.start.date().year) for o in editions.order_by("start")] == [
        (series.venue_id, year) for year in (2022, 2023, 2024)
    ]
    # Linked in the database, not only by key: each edition points at its series.
    assert set(series.editions.all()) == set(editions)
    assert {e.series_id for e in editions} == {series.pk}


@pytest.mark.parametrize("language", ["tr", "az", "en"])
def test_an_edition_page_links_its_series_and_the_series_page_lists_its_editions(
    client, seeded, language
):
    series = Event.objects.get(seed_key=SUSA_SERIES_KEY)
    editions = Event.objects.filter(seed_key__in=SERIES_EDITIONS[SUSA_SERIES_KEY])
    with translation.override(language):
        series_url = series.get_absolute_url()
        edition_urls = [e.get_absolute_url() for e in editions.order_by("-start")]
        series_label, earlier = gettext("Series"), gettext("Earlier editions")

    series_page = client.get(series_url).content.decode()
    edition_page = client.get(edition_urls[0]).content.decode()

    assert earlier in series_page
    positions = [series_page.index(f'href="{url}"') for url in edition_urls]
    assert positions == sorted(positions)  # newest first
    assert series_label in edition_page and f'href="{series_url}"' in edition_page


def test_susa_series_next_occurrence_is_the_coming_15_june(seeded, now):
    series = Event.objects.get(seed_key=SUSA_SERIES_KEY)

    start, end = series.next_occurrence()

    today_in_susa = now.astimezone(ZoneInfo(series.time_zone)).date()
    year = today_in_susa.year + (today_in_susa > date(today_in_susa.year, 6, 15))
    assert now < end
    assert start.date() == date(year, 6, 15)
    assert end - start == series.end - series.start


@pytest.mark.now("2027-06-15T09:00:00+04:00")
def test_susa_series_on_the_day_is_that_days_conference(seeded, now):

    start, _ = Event.objects.get(seed_key=SUSA_SERIES_KEY).next_occurrence()

    assert start.isoformat() == "2027-06-15T00:00:00+04:00"


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_each_dated_edition_is_in_its_month_on_the_site_as_in_the_feed(client, seeded, year):
    """June of each year lists that year's conference on the program and the month calendar,
    as /calendar.ics holds it; the series never stands in for it (its first date is 2025)."""
    edition = Event.objects.get(slug=f"susa-international-conference-15-june-{year}")

    with translation.override("en"):
        program = client.get("/en/program/", {"month": f"{year}-06", "past": "on"}).content
        calendar = client.get(f"/en/program/{year}/6/").content
    feed = client.get("/calendar.ics", {"lang": "en"})
    body = b"".join(feed.streaming_content) if feed.streaming else feed.content

    assert edition.title_en.encode() in program and edition.title_en.encode() in calendar
    assert f"DTSTART;VALUE=DATE:{year}0615".encode() in body
    assert b"(every year on 15 June)" not in program
