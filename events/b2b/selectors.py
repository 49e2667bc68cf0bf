"""Read-only figures of the business program for the board (three queries, whatever the size)."""

from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from ..models import Event
from .enums import OutcomeAnswer
from .models import Meeting, MeetingOutcome


def program_figures(*, now: datetime | None = None) -> list[dict]:
    """Per matchmaking event of the last twelve months and ahead: meetings placed, held (both
    parties checked in), no-shows (begun, a party not checked in) and agreements reached."""
    now = now or timezone.now()
    events = Event.objects.filter(matchmaking__is_enabled=True, end__gte=now - timedelta(days=365))
    return figures_per_event(events=events, now=now)


def figures_per_event(*, events, now: datetime) -> list[dict]:
    """For each of `events` (a queryset), by start: meetings placed, held, no-shows, agreements.

    The one rule for those counts (the dashboard and the year report both use it): held means
    begun with both parties checked in at the door; a no-show is a begun meeting a party did not
    come to; agreements count meetings for which a party answered "agreement reached". Three
    queries, whatever the number of events and meetings.
    """
    events = list(events.order_by("start", "pk"))
    ids = [e.pk for e in events]
    absent = Q(request__requester__registration__attended_at__isnull=True) | Q(
        request__recipient__registration__attended_at__isnull=True
    )
    meetings = {
        row["session__event"]: row
        for row in Meeting.objects.filter(session__event__in=ids)
        .values("session__event")
        .annotate(
            placed=Count("pk"),
            held=Count("pk", filter=Q(starts_at__lte=now) & ~absent),
            no_shows=Count("pk", filter=Q(starts_at__lte=now) & absent),
        )
    }
    agreements = dict(
        MeetingOutcome.objects.filter(
            answer=OutcomeAnswer.AGREEMENT, meeting__session__event__in=ids
        )
        .values("meeting__session__event")
        .annotate(n=Count("meeting", distinct=True))
        .values_list("meeting__session__event", "n")
    )
    return [
        {
            "event": event,
            "placed": meetings.get(event.pk, {}).get("placed", 0),
            "held": meetings.get(event.pk, {}).get("held", 0),
            "no_shows": meetings.get(event.pk, {}).get("no_shows", 0),
            "agreements": agreements.get(event.pk, 0),
        }
        for event in events
    ]


def outcomes_of_organization(organization_id: int) -> list[dict]:
    """The B2B meetings an organization's participants held, newest first, with what each side
    answered in the follow-up: for the organization's page in the contacts (two queries)."""
    meetings = list(
        Meeting.objects.filter(
            Q(request__requester__organization_id=organization_id)
            | Q(request__recipient__organization_id=organization_id)
        )
        .with_parties()
        .order_by("-starts_at")
    )
    answers: dict[int, list[MeetingOutcome]] = {}
    for outcome in MeetingOutcome.objects.filter(meeting__in=meetings).select_related(
        "participant"
    ):
        answers.setdefault(outcome.meeting_id, []).append(outcome)
    rows = []
    for meeting in meetings:
        ours = meeting.request.requester
        if ours.organization_id != organization_id:
            ours = meeting.request.recipient
        rows.append(
            {
                "meeting": meeting,
                "event": meeting.session.event,
                "other": meeting.request.other(ours),
                "outcomes": answers.get(meeting.pk, []),
            }
        )
    return rows
