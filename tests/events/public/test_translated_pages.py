"""A page in az or en shows the Turkish where its own text is missing, marked lang="tr"."""

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_event_page_in_azerbaijani_marks_a_turkish_title_and_not_an_azerbaijani_one(client):
    untranslated = EventFactory(title_tr="İş kahvaltısı", title_az=None)
    translated = EventFactory(title_tr="Konser", title_az="Konsert")

    with translation.override("az"):  # the address says the page's language: /az/…
        first = client.get(untranslated.get_absolute_url())
        second = client.get(translated.get_absolute_url())

    assert '<h1 lang="tr">İş kahvaltısı</h1>' in first.content.decode()
    assert "<h1>Konsert</h1>" in second.content.decode()
    assert 'lang="tr">Konsert' not in second.content.decode()


def test_program_in_english_marks_the_fallback_on_the_card(client):
    EventFactory(title_tr="Şiir akşamı", title_en=None)

    with translation.override("en"):
        page = client.get(reverse("events:program"))

    assert '<span lang="tr">Şiir akşamı</span>' in page.content.decode()


def test_feed_in_english_carries_the_english_titles(client):
    EventFactory(title_tr="Konser", title_en="Concert")

    # ?lang= is the feed's own choice of language; Accept-Language where it is not read yet.
    response = client.get("/calendar.ics", {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="en")

    calendar = icalendar.Calendar.from_ical(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    titles = [str(component["SUMMARY"]) for component in calendar.walk("VEVENT")]
    assert titles == ["Concert"]


@pytest.mark.parametrize(
    ("language", "label"),
    [("tr", "Gezinti yolu"), ("az", "Naviqasiya zənciri"), ("en", "Breadcrumb")],
)
def test_the_breadcrumb_is_named_in_the_page_language(client, language, label):
    """Screen readers announce the trail by its label: in the page's language, not English."""
    event = EventFactory()

    with translation.override(language):
        pages = [
            client.get(event.get_absolute_url()),
            client.get(reverse("events:register", args=[event.slug])),
        ]

    assert [f'<nav aria-label="{label}">' in page.content.decode() for page in pages] == [
        True,
        True,
    ]
