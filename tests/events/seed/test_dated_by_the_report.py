"""Where an article gives a report's publication date as the only date, the seeded record says
"dated by the report" in Turkish, Azerbaijani and English: as stored and as the board reads it."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from contacts.models import DelegationVisit, Meeting
from events.seed import load_facts
from events.seed.facts_translations import DATED_BY_THE_REPORT

pytestmark = pytest.mark.django_db

LANGUAGES = ("tr", "az", "en")


@pytest.fixture
def seeded():
    return load_facts()


def _dated_by_a_source(row, *days) -> bool:
    """One of the row's days is the publication date of one of its own sources."""
    published = {source.published_on for source in row.sources.all()} - {None}
    return bool(published & set(days))


def test_every_seeded_record_dated_by_its_report_says_so_in_each_language(seeded):
    meetings = Meeting.objects.exclude(seed_key=None).prefetch_related("sources")
    visits = DelegationVisit.objects.exclude(seed_key=None).prefetch_related("sources")

    flagged = [m.seed_key for m in meetings if m.dated_by_publication]
    dated_by_report = [m.seed_key for m in meetings if _dated_by_a_source(m, m.date)]
    noted = {
        v.seed_key: [getattr(v, f"dates_note_{code}") or "" for code in LANGUAGES]
        for v in visits
        if _dated_by_a_source(v, v.start_date, v.end_date)
    }

    # A meeting carries the flag, shown as the catalog's words; a visit says it in its note.
    assert sorted(flagged) == sorted(dated_by_report)
    assert len(flagged) == 3
    assert list(noted) == ["visit:altay-baku-2026"]
    assert all(
        [note.split(":")[0] for note in notes] == [DATED_BY_THE_REPORT[c] for c in LANGUAGES]
        for notes in noted.values()
    )
    for code in LANGUAGES:
        with translation.override(code):
            assert gettext("dated by the report").lower() == DATED_BY_THE_REPORT[code].lower()


def test_no_seeded_record_says_dated_by_the_report_without_its_report_date(seeded):
    visits = DelegationVisit.objects.exclude(seed_key=None).prefetch_related("sources")
    saying = [
        v.seed_key
        for v in visits
        if any(
            (getattr(v, f"dates_note_{code}") or "").startswith(DATED_BY_THE_REPORT[code])
            for code in LANGUAGES
        )
    ]

    assert saying == [v.seed_key for v in visits if _dated_by_a_source(v, v.start_date)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_visit_page_marks_each_meeting_dated_by_its_report(board_client, seeded, language):
    visit = DelegationVisit.objects.get(seed_key="visit:altay-baku-2026")
    with translation.override(language):
        marker = gettext("dated by the report")
        url = reverse("contacts:visit", args=[visit.pk])

    page = board_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert page.count(f"({marker})") == visit.meetings.filter(dated_by_publication=True).count()
    assert DATED_BY_THE_REPORT[language] in page
