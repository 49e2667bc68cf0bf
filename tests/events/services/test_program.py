"""duplicate_event: a planned copy with a fresh slug, its links, and nothing else."""

import pytest

from events.enums import EventStatus
from events.models import Event
from events.services.program import duplicate_event
from tests.factories import (
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    PodcastEpisodeFactory,
    RegistrationFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def test_duplicate_event_copies_fields_and_links_as_a_planned_event():
    event = EventFactory(
        title="Kültür festivali",
        slug="kultur-festivali",
        status=EventStatus.CONFIRMED,
        capacity=80,
        reminder_offsets=[1440],
    )
    Event.objects.filter(pk=event.pk).update(sequence=4, seed_key="event:festival")
    event.organizers.add(OrganizationFactory())
    event.speakers.add(PersonFactory())
    event.sources.add(SourceFactory())

    copy = duplicate_event(event=event)

    assert (copy.title, copy.slug, copy.status, copy.sequence, copy.seed_key) == (
        "Kültür festivali (copy)",
        "kultur-festivali-copy",
        EventStatus.PLANNED,
        0,
        None,
    )
    assert (copy.venue, copy.start, copy.end, copy.capacity, copy.reminder_offsets) == (
        event.venue,
        event.start,
        event.end,
        80,
        [1440],
    )
    assert list(copy.organizers.all()) == list(event.organizers.all())
    assert list(copy.speakers.all()) == list(event.speakers.all())
    assert list(copy.sources.all()) == list(event.sources.all())


def test_duplicate_event_leaves_registrations_and_episode_behind():
    event = EventFactory()
    RegistrationFactory.create_batch(3, event=event)
    PodcastEpisodeFactory(event=event)

    copy = duplicate_event(event=event)

    assert copy.registrations.count() == 0
    assert not hasattr(copy, "podcast_episode")
    assert event.registrations.count() == 3


def test_duplicate_event_twice_gives_two_free_slugs():
    event = EventFactory(slug="anma")

    first = duplicate_event(event=event)
    second = duplicate_event(event=event)
    of_copy = duplicate_event(event=first)

    assert [first.slug, second.slug, of_copy.slug] == ["anma-copy", "anma-copy-2", "anma-copy-copy"]
    assert Event.objects.count() == 4


def test_duplicate_event_keeps_long_slugs_within_the_limit():
    event = EventFactory(slug="x" * 120, title="y" * 250)

    copy = duplicate_event(event=event)

    # Room is left for "-copy-999" however many copies follow.
    assert (copy.slug, len(copy.title)) == ("x" * 111 + "-copy", 250)
    assert copy.title.endswith(" (copy)")
