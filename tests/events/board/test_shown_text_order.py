"""Board lists of translated records sort by the text the page shows: the page language's,
or the Turkish where that is empty (contacts.content.ordered_by_shown_text)."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.board.forms import EventForm
from tests.factories import PodcastSeriesFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def venues():
    VenueFactory(name_tr="Merkez Salonu", name_az="Bazar Zalı", name_en="Market Hall")
    VenueFactory(name_tr="Zümrüt Salonu")  # Turkish only: shown (and sorted) in Turkish
    VenueFactory(name_tr="Ada Evi", name_az="Ada Evi", name_en="Zephyr House")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", ["Ada Evi", "Merkez Salonu", "Zümrüt Salonu"]),
        ("az", ["Ada Evi", "Bazar Zalı", "Zümrüt Salonu"]),
        ("en", ["Market Hall", "Zephyr House", "Zümrüt Salonu"]),
    ],
)
def test_board_venue_list_sorts_by_the_name_shown(board_client, venues, language, expected):
    response = board_client.get(reverse("board:venue_list"), HTTP_ACCEPT_LANGUAGE=language)

    with translation.override(language):
        assert [venue.name for venue in response.context["object_list"]] == expected


def test_venue_menu_of_the_event_form_sorts_the_same(venues):
    with translation.override("az"):
        names = [venue.name for venue in EventForm().fields["venue"].queryset]

    assert names == ["Ada Evi", "Bazar Zalı", "Zümrüt Salonu"]


def test_podcast_series_list_sorts_by_the_title_shown(board_client):
    PodcastSeriesFactory(title_tr="Kardeş sesler", title_en="Sister voices")
    PodcastSeriesFactory(title_tr="Ege ile Xəzər arası")

    response = board_client.get(reverse("board:podcast_series_list"), HTTP_ACCEPT_LANGUAGE="en")

    with translation.override("en"):
        assert [s.title for s in response.context["object_list"]] == [
            "Ege ile Xəzər arası",
            "Sister voices",
        ]
