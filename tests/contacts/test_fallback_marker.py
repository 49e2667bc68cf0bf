"""Board pages of the directory mark a text shown in Turkish in place of the page's language
(`lang="tr"`), as the public pages do, so screen readers read it as Turkish."""

import pytest
from django.urls import reverse

from contacts.models import Affiliation, DelegationVisit, Meeting, Outcome
from tests.factories import AffiliationFactory, MeetingFactory, OutcomeFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _only_turkish(model, pk, **texts):
    """Keep `texts` in the Turkish columns and empty the Azerbaijani and English ones."""
    columns = {}
    for field, text in texts.items():
        columns.update({f"{field}_tr": text, f"{field}_az": "", f"{field}_en": ""})
    model.objects.filter(pk=pk).update(**columns)


@pytest.fixture
def turkish_only_visit():
    outcome = OutcomeFactory()
    meeting = outcome.meeting
    _only_turkish(
        DelegationVisit, meeting.visit_id, title="Bakü çalışma ziyareti", purpose="Ortak takvim"
    )
    _only_turkish(Meeting, meeting.pk, title="Belediye görüşmesi", topics="Gençlik değişimi")
    _only_turkish(Outcome, outcome.pk, text="Taslak yol haritası gönderilecek")
    return meeting.visit_id


@pytest.mark.parametrize("language", ["az", "en"])
def test_the_visit_page_marks_each_turkish_fallback(board_client, turkish_only_visit, language):
    page = board_client.get(
        reverse("contacts:visit", args=[turkish_only_visit]), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()

    assert '<span lang="tr">Bakü çalışma ziyareti</span>' in page
    assert '<p lang="tr">Ortak takvim</p>' in page
    assert '<div class="fw-semibold" lang="tr">Belediye görüşmesi</div>' in page
    assert '<span lang="tr">Gençlik değişimi</span>' in page
    assert '<span lang="tr">Taslak yol haritası gönderilecek</span>' in page


def test_a_text_written_in_the_page_language_has_no_marker(board_client):
    meeting = MeetingFactory(title_tr="Belediye görüşmesi")
    Meeting.objects.filter(pk=meeting.pk).update(title_en="Meeting at the city hall")

    page = board_client.get(
        reverse("contacts:visit", args=[meeting.visit_id]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert '<div class="fw-semibold">Meeting at the city hall</div>' in page


def test_a_role_title_in_turkish_only_is_marked_on_the_person_page(board_client):
    affiliation = AffiliationFactory()
    _only_turkish(Affiliation, affiliation.pk, role="Genel Sekreter")

    page = board_client.get(
        reverse("contacts:person", args=[affiliation.person_id]), HTTP_ACCEPT_LANGUAGE="az"
    ).content.decode()

    assert '<span lang="tr">Genel Sekreter</span>' in page


def test_one_language_texts_say_their_language(board_client):
    """A note written in Turkish only reads as Turkish; a source's headline is in the
    source's own language."""
    affiliation = AffiliationFactory()
    person = affiliation.person
    person.notes_tr = "Derneğin Bakü temaslarını yürüttü."
    person.save()
    source = SourceFactory(headline="Bakıda görüş keçirildi", language="az")
    meeting = MeetingFactory()
    meeting.sources.add(source)

    person_page = board_client.get(
        reverse("contacts:person", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    visit_page = board_client.get(
        reverse("contacts:visit", args=[meeting.visit_id]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert '<dd lang="tr">Derneğin Bakü temaslarını yürüttü.</dd>' in person_page
    assert '<span lang="az">Bakıda görüş keçirildi</span>' in visit_page
