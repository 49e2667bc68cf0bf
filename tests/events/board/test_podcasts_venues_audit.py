from datetime import UTC, datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from events.enums import EpisodeStatus, EventKind, RegistrationStatus
from events.models import Event, PodcastEpisode, PodcastSeries, Registration, Venue
from events.services.registration import register_delegate
from tests.factories import (
    EventFactory,
    PersonFactory,
    PodcastEpisodeFactory,
    PodcastSeriesFactory,
    RegistrationFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def test_podcast_series_create_then_plan_an_episode_with_guests(board_client):
    board_client.post(
        reverse("board:podcast_series_create"),
        {"title_tr": "Kardeş şehirler", "slug": "kardes-sehirler", "description_tr": ""},
    )
    series = PodcastSeries.objects.get(slug="kardes-sehirler")
    guests = PersonFactory.create_batch(2)
    recording = EventFactory(kind=EventKind.PODCAST_EPISODE)

    response = board_client.post(
        reverse("board:podcast_episode_create", kwargs={"slug": series.slug}),
        {
            "number": "1",
            "title_tr": "1986 protokolü",
            "status": EpisodeStatus.PLANNED,
            "guests": [g.pk for g in guests],
            "recorded_at": "2027-01-15T14:00",
            "recording_place": "İZAZDER stüdyosu",
            "published_on": "",
            "link": "",
            "event": recording.pk,
        },
    )

    episode = PodcastEpisode.objects.get()
    assert response["Location"] == reverse(
        "board:podcast_series_detail", kwargs={"slug": series.slug}
    )
    assert set(episode.guests.all()) == set(guests)
    assert episode.recorded_at == datetime(2027, 1, 15, 11, 0, tzinfo=UTC)  # İzmir time
    assert episode.event == recording


def test_podcast_episode_duplicate_number_shows_error(board_client):
    episode = PodcastEpisodeFactory(number=3)

    response = board_client.post(
        reverse("board:podcast_episode_create", kwargs={"slug": episode.series.slug}),
        {"number": "3", "title_tr": "Again", "status": EpisodeStatus.PLANNED},
    )

    assert response.context["form"].errors["number"] == [
        "This series already has an episode with this number."
    ]
    assert PodcastEpisode.objects.count() == 1


def test_podcast_episode_published_needs_a_date(board_client):
    episode = PodcastEpisodeFactory()

    response = board_client.post(
        reverse("board:podcast_episode_edit", kwargs={"pk": episode.pk}),
        {"number": episode.number, "title_tr": episode.title, "status": EpisodeStatus.PUBLISHED},
    )

    episode.refresh_from_db()
    assert response.context["form"].errors["published_on"] == [
        "A published episode needs its publication date."
    ]
    assert episode.status == EpisodeStatus.PLANNED


def test_podcast_episode_form_offers_only_free_podcast_events(board_client):
    taken = EventFactory(kind=EventKind.PODCAST_EPISODE, title="Taken")
    PodcastEpisodeFactory(event=taken)
    EventFactory(kind=EventKind.PODCAST_EPISODE, title="Free")
    EventFactory(kind=EventKind.CONFERENCE, title="Conference")
    series = PodcastSeriesFactory()

    response = board_client.get(
        reverse("board:podcast_episode_create", kwargs={"slug": series.slug})
    )

    choices = [e.title for e in response.context["form"].fields["event"].queryset]
    assert choices == ["Free"]


# Session and user (2), permissions (2), series, organizers, episodes, their guests.
PODCAST_DETAIL_QUERIES = 8


@pytest.mark.parametrize("count", [1, 12])
def test_podcast_series_detail_query_count_does_not_grow(
    board_client, django_assert_num_queries, count
):
    series = PodcastSeriesFactory()
    for _ in range(count):
        PodcastEpisodeFactory(series=series).guests.add(PersonFactory())

    with django_assert_num_queries(PODCAST_DETAIL_QUERIES):
        response = board_client.get(
            reverse("board:podcast_series_detail", kwargs={"slug": series.slug})
        )

    assert len(response.context["series"].episodes.all()) == count


@pytest.mark.parametrize("count", [1, 12])
def test_podcast_and_venue_lists_query_count_does_not_grow(
    board_client, django_assert_num_queries, count
):
    PodcastSeriesFactory.create_batch(count)
    VenueFactory.create_batch(count)

    with django_assert_num_queries(5):
        podcasts = board_client.get(reverse("board:podcast_series_list"))
    with django_assert_num_queries(5):
        venues = board_client.get(reverse("board:venue_list"))

    assert len(podcasts.context["series_list"]) == count
    assert len(venues.context["venues"]) == count


def test_venue_create_with_unknown_time_zone_shows_error(board_client):
    response = board_client.post(
        reverse("board:venue_create"),
        {"name_tr": "Heydər Əliyev Mərkəzi", "city": "Bakü", "time_zone": "Asia/Bakuu"},
    )

    assert response.context["form"].errors["time_zone"] == [
        "“Asia/Bakuu” is not a known time zone."
    ]
    assert Venue.objects.count() == 0


def test_venue_create_saves(board_client):
    board_client.post(
        reverse("board:venue_create"),
        {
            "name_tr": "Heydər Əliyev Mərkəzi",
            "city": "Bakü",
            "country": "AZ",
            "time_zone": "Asia/Baku",
        },
    )

    assert list(Venue.objects.values_list("name", "time_zone")) == [
        ("Heydər Əliyev Mərkəzi", "Asia/Baku")
    ]


def test_audit_log_lists_changes_newest_first_with_names_for_foreign_keys(
    board_client, board_member
):
    event = EventFactory(title="Nevruz")
    new_venue = VenueFactory(name="Kültürpark")
    board_client.post(
        reverse("board:event_edit", kwargs={"slug": event.slug}),
        {"title_tr": "Nevruz", "kind": event.kind, "venue": new_venue.pk, "is_public": "on"},
    )

    response = board_client.get(reverse("board:audit_log"))

    entries = list(response.context["entries"])
    newest = entries[0]
    assert newest.actor == board_member
    assert [(c.field, c.new) for c in newest.change_list if c.field == "venue"] == [
        ("venue", "Kültürpark, Izmir")
    ]
    assert entries == sorted(entries, key=lambda e: e.timestamp, reverse=True)
    assert board_member.get_full_name() in response.content.decode()


def test_audit_log_names_each_record_as_it_reads_now_in_the_page_language(board_client):
    """The stored label is the record's name in the language of the moment it was written
    (Turkish, mostly); a record that still exists is named as the page's language shows it,
    a deleted one by its stored label, said to be that."""
    kept = EventFactory(title_tr="Gece konseri", title_az="Gecə konserti", title_en="Night concert")
    gone = EventFactory(title_tr="Silinen etkinlik")
    gone_pk = str(gone.pk)
    gone.delete()

    response = board_client.get(reverse("board:audit_log"), HTTP_ACCEPT_LANGUAGE="az")

    labels = {(e.object_pk, e.action): e.label for e in response.context["entries"]}
    assert labels[(str(kept.pk), LogEntry.Action.CREATE)] == "Gecə konserti"
    assert labels[(gone_pk, LogEntry.Action.DELETE)] == "Silinen etkinlik"
    page = response.content.decode()
    assert "Gecə konserti" in page
    assert page.count("(as recorded; the record no longer exists)") == 0  # the page is in az
    assert "artıq mövcud deyil" in page


def test_audit_log_filters_by_model_and_object(board_client):
    first, second = EventFactory(), EventFactory()
    PersonFactory()
    event_type = ContentType.objects.get_for_model(Event)

    response = board_client.get(
        reverse("board:audit_log"), {"model": event_type.pk, "object": str(second.pk)}
    )

    assert [(e.content_type, e.object_pk) for e in response.context["entries"]] == [
        (event_type, str(second.pk))
    ]
    assert first.pk != second.pk


def test_audit_log_is_paginated(board_client):
    PersonFactory.create_batch(60)

    first = board_client.get(reverse("board:audit_log"))
    second = board_client.get(reverse("board:audit_log"), {"page": 2})

    assert len(first.context["entries"]) == 50
    assert len(second.context["entries"]) == LogEntry.objects.count() - 50


# Session and user (2), permissions (2), count, entries with actors and types, the venues
# named in them and the entries' own events (one query per model, not per entry).
AUDIT_QUERIES = 8
# SAVEPOINT, lock, seat counts, INSERT registration, INSERT audit entry, INSERT delivery row
# (ON CONFLICT), RELEASE SAVEPOINT.
REGISTER_QUERIES = 7


@pytest.mark.parametrize("count", [1, 30])
def test_audit_log_query_count_does_not_grow(board_client, django_assert_num_queries, count):
    for _ in range(count):
        EventFactory()

    with django_assert_num_queries(AUDIT_QUERIES):
        response = board_client.get(reverse("board:audit_log"))

    assert len(response.context["entries"]) == count


def test_registration_changes_are_audited_without_the_secret():

    registration = RegistrationFactory()
    registration.status = RegistrationStatus.CANCELLED
    registration.secret = "rotated"
    registration.save()

    update = LogEntry.objects.get_for_object(registration).get(action=LogEntry.Action.UPDATE)
    created = LogEntry.objects.get_for_object(registration).get(action=LogEntry.Action.CREATE)
    assert update.changes_dict == {"status": ["confirmed", "cancelled"]}
    assert "secret" not in created.changes_dict


def test_audit_log_shows_who_was_added_to_a_many_to_many_field(board_client):
    event = EventFactory()
    event.speakers.add(PersonFactory(full_name="Elvin Quliyev"))

    response = board_client.get(reverse("board:audit_log"))

    assert "added Elvin Quliyev" in response.content.decode()


def test_new_registration_is_audited_with_its_own_columns_and_no_reverse_relation_lookups(
    django_assert_num_queries,
):
    event = EventFactory(capacity=10)
    ContentType.objects.get_for_model(Registration)  # cached once per process in production

    # Lock, seat counts, the row, its audit entry, its email's delivery row; no look-up of a
    # delegation membership or business program profile the new row cannot have yet.
    with django_assert_num_queries(REGISTER_QUERIES):
        registration = register_delegate(
            event=event,
            full_name="Leyla Məmmədova",
            email="leyla@example.az",
            country="AZ",
            consent=True,
        )

    created = LogEntry.objects.get_for_object(registration).get(action=LogEntry.Action.CREATE)
    assert created.changes_dict["status"] == ["None", "pending"]
    assert created.changes_dict["event"] == ["None", str(event.pk)]
    assert created.changes_dict["country"] == ["None", "AZ"]
    assert not {"reminder_deliveries", "b2b_participant", "delegation_member"} & set(
        created.changes_dict
    )
    assert not {"secret", "full_name", "email"} & set(created.changes_dict)
