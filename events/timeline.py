"""What the events side adds to a contact's timeline: events and podcast episodes.

contacts never imports events; events/apps.py registers `contact_timeline` with
`contacts.selectors.add_timeline_source` when the app loads.
"""

from django.db.models import Exists, OuterRef, Q

from contacts.models import Organization, Person
from contacts.selectors import (
    EPISODE,
    EVENT,
    ORGANIZER,
    PODCAST_GUEST,
    RESPONSIBLE,
    SPEAKER,
    TimelineEntry,
    with_sources,
)

from .models import Event, PodcastEpisode


def _event_entry(event: Event, roles: list) -> TimelineEntry:
    local = event.local_start
    return TimelineEntry(EVENT, local.date(), event, roles, moment=local)


def _person_entries(person: Person) -> list[TimelineEntry]:
    speaking = Event.speakers.through.objects.filter(event=OuterRef("pk"), person=person)
    events = (
        with_sources(Event.objects.select_related("venue"))
        .annotate(is_speaker=Exists(speaking))
        .filter(Q(responsible=person) | Q(is_speaker=True))
    )
    entries = []
    for event in events:
        roles = [RESPONSIBLE] if event.responsible_id == person.pk else []
        roles += [SPEAKER] if event.is_speaker else []
        entries.append(_event_entry(event, roles))
    for episode in PodcastEpisode.objects.filter(guests=person).select_related("series", "event"):
        day = episode.published_on or (episode.recorded_at and episode.recorded_at.date())
        entries.append(TimelineEntry(EPISODE, day, episode, [PODCAST_GUEST]))
    return entries


def _organization_entries(organization: Organization) -> list[TimelineEntry]:
    events = with_sources(Event.objects.select_related("venue")).filter(organizers=organization)
    return [_event_entry(event, [ORGANIZER]) for event in events]


def contact_timeline(subject: Person | Organization) -> list[TimelineEntry]:
    """The events (and, for a person, podcast episodes) a contact took part in, unsorted.

    A person: events they are responsible for or speak at, episodes they were a guest of. An
    organization: events it organizes. Two queries for a person, one for an organization (each
    plus the sources' prefetch), whatever the number of rows.
    """
    if isinstance(subject, Person):
        return _person_entries(subject)
    if isinstance(subject, Organization):
        return _organization_entries(subject)
    return []
