"""Scheduling conflicts: two events at one venue at once, or one person in two places at once.

Times are stored in UTC, so an event at 10:00 in Bakü and one at 09:00 in İzmir are compared as
the same instant without any zone arithmetic here.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from contacts.models import Person

from .models import Event

VENUE = "venue"
PERSON = "person"


@dataclass(frozen=True)
class Conflict:
    kind: str
    event: Event
    other: Event
    person: Person | None = None

    @property
    def message(self) -> str:
        if self.kind == VENUE:
            return _("“%(event)s” overlaps “%(other)s” at %(venue)s.") % {
                "event": self.event.title,
                "other": self.other.title,
                "venue": self.event.venue,
            }
        return _("%(person)s is expected at both “%(event)s” and “%(other)s”.") % {
            "person": self.person,
            "event": self.event.title,
            "other": self.other.title,
        }


def _people(event: Event) -> set[int]:
    people = {speaker.pk for speaker in event.speakers.all()}
    if event.responsible_id:
        people.add(event.responsible_id)
    return people


def _with_people(queryset):
    return queryset.select_related("venue", "responsible").prefetch_related(
        Prefetch("speakers", queryset=Person.objects.only("pk", "full_name", "honorific"))
    )


def _pairs(event: Event, others, people_by_pk) -> list[Conflict]:
    found = []
    mine = _people(event)
    for other in others:
        if other.pk == event.pk or not (other.start < event.end and other.end > event.start):
            continue
        if event.venue_id and other.venue_id == event.venue_id:
            found.append(Conflict(VENUE, event, other))
        for person_pk in sorted(mine & _people(other)):
            found.append(Conflict(PERSON, event, other, people_by_pk[person_pk]))
    return found


def _people_index(events) -> dict[int, Person]:
    index = {}
    for event in events:
        if event.responsible_id:
            index[event.responsible_id] = event.responsible
        for speaker in event.speakers.all():
            index[speaker.pk] = speaker
    return index


def conflicts_for(event: Event) -> list[Conflict]:
    """Every clash of one event with other active events (cancelled ones clash with nothing)."""
    if event.pk is None or event.is_cancelled:
        return []
    people = _people(event)
    candidates = list(
        _with_people(
            Event.objects.overlapping(event).filter(
                Q(venue_id=event.venue_id) | Q(responsible_id__in=people) | Q(speakers__in=people)
            )
            if event.venue_id or people
            else Event.objects.none()
        ).distinct()
    )
    return _pairs(event, candidates, _people_index([event, *candidates]))


def conflicts_between(start: datetime, end: datetime) -> list[Conflict]:
    """All clashes among active events overlapping [start, end), each pair reported once.

    Two queries whatever the number of events (the events, then their speakers).
    """
    events = list(_with_people(Event.objects.active().between(start, end)).order_by("start", "pk"))
    people = _people_index(events)
    found = []
    for index, event in enumerate(events):
        found.extend(_pairs(event, events[index + 1 :], people))
    return found


def conflicts_for_events(events: list[Event]) -> dict[int, list[Conflict]]:
    """`conflicts_for` for many events at once (same rule, two queries whatever the count).

    The events need `venue`, `responsible` and `speakers` loaded (a changelist page, say).
    """
    active = [event for event in events if not event.is_cancelled]
    match = Q()
    for event in active:
        people = _people(event)
        who = Q(venue_id=event.venue_id) if event.venue_id else Q()
        if people:
            who |= Q(responsible_id__in=people) | Q(speakers__in=people)
        if who:
            match |= Q(start__lt=event.end, end__gt=event.start) & who
    if not match:
        return {}
    candidates = list(_with_people(Event.objects.active().filter(match)).distinct())
    index = _people_index([*active, *candidates])
    return {event.pk: _pairs(event, candidates, index) for event in active}
