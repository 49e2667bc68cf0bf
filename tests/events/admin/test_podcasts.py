"""The podcast series and episode admin."""

import pytest

from tests.events.admin.pages import change_page, changelist
from tests.factories import PodcastEpisodeFactory, PodcastSeriesFactory

pytestmark = pytest.mark.django_db


def test_podcast_pages_show_series_and_episodes(staff_client):
    series = PodcastSeriesFactory(title="İzmir–Bakü 40")
    episode = PodcastEpisodeFactory(series=series, number=1, title="Kardeş şehirler")

    series_list = changelist(staff_client, "podcastseries")
    series_page = change_page(staff_client, series, "podcastseries").content.decode()
    episode_list = changelist(staff_client, "podcastepisode").content.decode()
    episode_page = change_page(staff_client, episode, "podcastepisode").content.decode()

    assert [s._episodes for s in series_list.context["cl"].result_list] == [1]
    assert 'value="Kardeş şehirler"' in series_page
    assert "İzmir–Bakü 40 #1: Kardeş şehirler" in episode_list
    assert 'value="Kardeş şehirler"' in episode_page
