"""The board writes titles and texts in three languages and sees what is still missing."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_event_edit_form_shows_the_three_languages_side_by_side_and_saves_them(board_client):
    event = EventFactory(title_tr="Konser")
    url = reverse("board:event_edit", kwargs={"slug": event.slug})

    page = board_client.get(url).content.decode()
    board_client.post(
        url,
        {
            "title_tr": "Konser",
            "title_az": "Konsert",
            "title_en": "Concert",
            "kind": event.kind,
            "is_public": "on",
        },
    )

    assert page.count('class="col-md-4') >= 6
    event.refresh_from_db()
    assert (event.title_tr, event.title_az, event.title_en) == ("Konser", "Konsert", "Concert")


def test_missing_translations_filter_lists_only_public_events_lacking_az_or_en(board_client):
    EventFactory(title_tr="Tam", title_az="Tam", title_en="Complete")
    EventFactory(title_tr="Eksik", title_az=None, title_en="Missing")
    EventFactory(title_tr="Gizli", title_az=None, is_public=False)

    page = board_client.get(reverse("board:event_list"), {"translations": "missing"})

    assert [event.title_tr for event in page.context["events"]] == ["Eksik"]


def test_dashboard_counts_public_events_lacking_az_or_en_and_links_the_filter(board_client):
    EventFactory(title_tr="Eksik", title_az=None, title_en=None)
    EventFactory(title_tr="Tam", title_az="Tam", title_en="Complete")

    page = board_client.get(reverse("board:dashboard"))

    assert page.context["dashboard"].missing_translations == 1
    assert f"{reverse('board:event_list')}?translations=missing" in page.content.decode()
    assert Event.objects.public().missing_translations().count() == 1
