"""Read-side queries for the board's directory: lists with their roles, and timelines.

Every function here runs a fixed number of queries, whatever the number of rows: related rows
come through select_related/prefetch_related, and "is this person a speaker" through Exists().
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .content import ordered_by_shown_text
from .models import (
    Affiliation,
    DelegationVisit,
    Meeting,
    Organization,
    Outcome,
    Person,
    Source,
)
from .text import folded, search_key
from .translation import per_language

VISIT = "visit"
MEETING = "meeting"
EVENT = "event"
EPISODE = "episode"

# The part someone played, as the board would say it.
TRAVELLER = _("traveller")
PARTICIPANT = _("participant")
RESPONSIBLE = _("responsible")
SPEAKER = _("speaker or guest")
HOST = _("host")
TRAVELLING_ORGANIZATION = _("travelling organization")
PARTICIPATING_ORGANIZATION = _("taking part")
ORGANIZER = _("organizer")
PODCAST_GUEST = _("podcast guest")


def affiliations_newest_first() -> QuerySet:
    """Current roles first (no end), then by start, newest first; undated ones last."""
    return Affiliation.objects.select_related("organization", "person").order_by(
        F("end").desc(nulls_first=True), F("start").desc(nulls_last=True), "role"
    )


def people_for_directory(query: str = "") -> QuerySet:
    return (
        Person.objects.search(query)
        .alphabetical()
        .prefetch_related(Prefetch("affiliations", queryset=affiliations_newest_first()))
    )


def organizations_for_directory(query: str = "") -> QuerySet:
    return (
        Organization.objects.search(query)
        .alphabetical()
        .annotate(people_count=Count("affiliations__person", distinct=True))
    )


def visits_for_directory(query: str = "") -> QuerySet:
    visits = DelegationVisit.objects.select_related("host_organization").prefetch_related(
        Prefetch("travellers", queryset=Person.objects.alphabetical()),
        Prefetch("organizations", queryset=Organization.objects.alphabetical()),
    )
    key = search_key(query or "")
    if key:
        # The title in any language (contacts/translation.py) and the cities.
        columns = [*per_language("title"), "origin_city", "destination_city"]
        keys = {f"{column}_key": folded(F(column)) for column in columns}
        match = Q()
        for name in keys:
            match |= Q(**{f"{name}__contains": key})
        visits = visits.alias(**keys).filter(match)
    # Distinct: the two joins would otherwise multiply each other's counts.
    return visits.annotate(
        meeting_count=Count("meetings", distinct=True),
        event_count=Count("events", distinct=True),
    ).order_by("-start_date", ordered_by_shown_text("title"))


def with_sources(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(Prefetch("sources", queryset=Source.objects.all()))


@dataclass
class TimelineEntry:
    """One visit, meeting, event or podcast episode on someone's timeline."""

    kind: str
    day: date | None
    obj: object
    roles: list = field(default_factory=list)
    # For events: the local start, so two events on one day keep their order.
    moment: datetime | None = None

    @property
    def sources(self) -> list[Source]:
        return list(self.obj.sources.all()) if hasattr(self.obj, "sources") else []

    @property
    def sort_key(self) -> tuple:
        moment = self.moment.time() if self.moment else time.min
        return (self.day or date.min, moment, self.kind)


def _newest_first(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    return sorted(entries, key=lambda entry: entry.sort_key, reverse=True)


def _visits():
    return with_sources(DelegationVisit.objects.select_related("host_organization"))


def _meetings():
    return with_sources(Meeting.objects.select_related("visit", "host_organization"))


# The other side of a contact's timeline (events, podcast episodes) belongs to other apps.
# contacts never imports them: they add a source here when they load (events/apps.py).
TimelineSource = Callable[[Person | Organization], list[TimelineEntry]]
_timeline_sources: list[TimelineSource] = []


def add_timeline_source(source: TimelineSource) -> None:
    """Let `source(person_or_organization)` add entries to every timeline; idempotent."""
    if source not in _timeline_sources:
        _timeline_sources.append(source)


def _contributed(subject: Person | Organization) -> list[TimelineEntry]:
    return [entry for source in _timeline_sources for entry in source(subject)]


def person_timeline(person: Person) -> list[TimelineEntry]:
    """The visits, meetings, events and podcast episodes a person took part in, newest first."""
    entries = [
        TimelineEntry(VISIT, visit.start_date, visit, [TRAVELLER])
        for visit in _visits().filter(travellers=person)
    ]
    entries += [
        TimelineEntry(MEETING, meeting.date, meeting, [PARTICIPANT])
        for meeting in _meetings().filter(participants=person)
    ]
    return _newest_first(entries + _contributed(person))


def organization_timeline(organization: Organization) -> list[TimelineEntry]:
    """The visits, meetings and events an organization hosted, joined or organized."""
    travelling = DelegationVisit.organizations.through.objects.filter(
        delegationvisit=OuterRef("pk"), organization=organization
    )
    entries = []
    visits = (
        _visits()
        .annotate(is_travelling=Exists(travelling))
        .filter(Q(host_organization=organization) | Q(is_travelling=True))
    )
    for visit in visits:
        roles = [HOST] if visit.host_organization_id == organization.pk else []
        roles += [TRAVELLING_ORGANIZATION] if visit.is_travelling else []
        entries.append(TimelineEntry(VISIT, visit.start_date, visit, roles))
    taking_part = Meeting.organizations.through.objects.filter(
        meeting=OuterRef("pk"), organization=organization
    )
    meetings = (
        _meetings()
        .annotate(is_taking_part=Exists(taking_part))
        .filter(Q(host_organization=organization) | Q(is_taking_part=True))
    )
    for meeting in meetings:
        roles = [HOST] if meeting.host_organization_id == organization.pk else []
        roles += [PARTICIPATING_ORGANIZATION] if meeting.is_taking_part else []
        entries.append(TimelineEntry(MEETING, meeting.date, meeting, roles))
    return _newest_first(entries + _contributed(organization))


def visit_with_everything(pk: int) -> DelegationVisit:
    """A visit with travellers (and their roles), organizations, meetings in order, and events
    (in their own order: by start)."""
    people = Person.objects.alphabetical().prefetch_related(
        Prefetch("affiliations", queryset=affiliations_newest_first())
    )
    meetings = (
        _meetings()
        .order_by("date", ordered_by_shown_text("title"))
        .prefetch_related(
            Prefetch("participants", queryset=Person.objects.alphabetical()),
            Prefetch("organizations", queryset=Organization.objects.alphabetical()),
            Prefetch("outcome_set", queryset=Outcome.objects.select_related("owner")),
            # Reverse relation the events side adds (Event.outcome): read by name, no import.
            "outcome_set__announced_events",
        )
    )
    return (
        DelegationVisit.objects.select_related("host_organization")
        .prefetch_related(
            Prefetch("travellers", queryset=people),
            Prefetch("organizations", queryset=Organization.objects.alphabetical()),
            Prefetch("sources", queryset=Source.objects.all()),
            Prefetch("meetings", queryset=meetings),
            "events__venue",
            "events__sources",
            # Delegation registrations: who of the delegation came to which event.
            "delegation_groups__event",
            "delegation_groups__members__registration",
        )
        .get(pk=pk)
    )


def role_on(person: Person, day: date) -> Affiliation | None:
    """The role a person held on a given day (from prefetched affiliations), else the latest."""
    roles = list(person.affiliations.all())
    for affiliation in roles:
        started = affiliation.start is None or affiliation.start <= day
        ongoing = affiliation.end is None or affiliation.end >= day
        if started and ongoing:
            return affiliation
    return roles[0] if roles else None
