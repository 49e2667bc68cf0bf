"""The queries behind the year report: each figure and the list it counts come from one queryset.

Every list function (`events_in`, `registrations_in`, ...) is what a figure's link opens, and
every aggregate below counts exactly those rows, so a number can always be checked against its
list. Each aggregate is one grouped query whatever the size of the year (tests pin that).

Times: an event's day, month and year are those of its start in its venue's zone (the site's,
İzmir's, without a venue), as on every calendar of the site: a Bakü event at 00:30 on 1 May
belongs to May and to a period beginning on 1 May, although it is still 30 April in İzmir
(`EventQuerySet.starting_on_local_days`). Visits and meetings have dates, not instants. "now" is
passed in, so a report is the same at any moment the caller says it is. Counting rules, in the
board's words:
- an event belongs to the period in which it starts;
- held: dated, over, confirmed or done; passed without confirmation: dated, over, still an idea
  or planned; still to come: dated, not over; never dated: known only by its month or year;
- a registration belongs to its event's period; a no-show is a confirmed delegate not checked in
  at an event that was held; "left on the waitlist" is still waitlisted when its event ended;
- delegates are counted once per email address among confirmed registrations;
- visits and meetings count by their own dates; undated ones belong to no period.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.db.models import Case, Count, Exists, F, Min, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear
from django.utils.translation import gettext_lazy as _

from contacts.cities import in_city
from contacts.models import DelegationVisit, Meeting, Organization, Outcome
from contacts.text import folded, search_key
from events.enums import DatePrecision, EpisodeStatus, EventStatus, RegistrationStatus
from events.models import Event, PodcastEpisode, Registration

from .period import Period

# İZAZDER's own city: visits ending here were received, visits starting here were sent.
HOME_CITY = "İzmir"


class EventState(models.TextChoices):
    HELD = "held", _("Held")
    UPCOMING = "upcoming", _("Still to come")
    UNCONFIRMED = "unconfirmed", _("Passed without confirmation")
    UNDATED = "undated", _("Never dated")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    REGISTERED = "registered", _("Registrations")
    CONFIRMED = "confirmed", _("Confirmed")
    CHECKED_IN = "checked_in", _("Checked in")
    NO_SHOW = "no_show", _("No-shows")
    WAITLISTED = "waitlisted", _("Left on the waitlist")


class Direction(models.TextChoices):
    RECEIVED = "received", _("Received in İzmir")
    SENT = "sent", _("Sent from İzmir")
    OTHER = "other", _("Between other cities")


# --- program ---------------------------------------------------------------------------------
def _event_state(now: datetime):
    return Case(
        When(status=EventStatus.CANCELLED, then=Value(EventState.CANCELLED.value)),
        When(
            date_precision__in=[DatePrecision.MONTH, DatePrecision.YEAR],
            then=Value(EventState.UNDATED.value),
        ),
        When(end__gt=now, then=Value(EventState.UPCOMING.value)),
        When(
            status__in=[EventStatus.CONFIRMED, EventStatus.DONE],
            then=Value(EventState.HELD.value),
        ),
        default=Value(EventState.UNCONFIRMED.value),
        output_field=models.CharField(),
    )


def events_in(period: Period, *, now: datetime) -> QuerySet:
    """The events starting in the period (their venue's local days), each with its
    `report_state`, `report_city` and `local_start_day` (a date in the venue's zone)."""
    return Event.objects.starting_on_local_days(period.first, period.last).annotate(
        report_state=_event_state(now),
        report_city=Coalesce(F("venue__city"), Value("")),
    )


def filter_events(events: QuerySet, *, state="", kind="", month=None, city=None) -> QuerySet:
    """The drill-down filters of the event list; empty arguments filter nothing.

    `month` is the first day of a month: the events starting in it in their venue's zone.
    """
    if state:
        events = events.filter(report_state=state)
    if kind:
        events = events.filter(kind=kind)
    if month:
        after = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        events = events.filter(local_start_day__gte=month, local_start_day__lt=after)
    if city == "":
        events = events.filter(report_city="")
    elif city is not None:
        events = events.filter(in_city("venue__city", city))  # in any of its spellings
    return events


def program_counts(period: Period, *, now: datetime) -> list[dict]:
    """One row per (state, kind, month, city) with its number of events: `n`; `month` is
    (year, month) of the start in the venue's zone."""
    rows = (
        events_in(period, now=now)
        .annotate(
            report_year=ExtractYear("local_start_day"),
            report_month=ExtractMonth("local_start_day"),
        )
        .values("report_state", "kind", "report_year", "report_month", "report_city")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        {
            "state": row["report_state"],
            "kind": row["kind"],
            "month": (row["report_year"], row["report_month"]),
            "city": row["report_city"],
            "n": row["n"],
        }
        for row in rows
    ]


def calendar_starts(period: Period, *, now: datetime) -> list[tuple[str, datetime, str]]:
    """(kind, start, the venue's zone or "") of every event of the period that was or is on the
    calendar (dated, not cancelled: what the month table counts), for the timeline.

    One query of three narrow columns per event; the timeline puts each on its local day.
    """
    return list(
        events_in(period, now=now)
        .exclude(report_state__in=[EventState.CANCELLED, EventState.UNDATED])
        .annotate(report_zone=Coalesce(F("venue__time_zone"), Value("")))
        .values_list("kind", "start", "report_zone")
        .order_by()
    )


def milestones_until(period: Period) -> list[Event]:
    """The historical milestones begun by the last day of the period (venue's zone), oldest
    first."""
    return list(
        Event.objects.with_local_start_day()
        .filter(is_milestone=True, local_start_day__lte=period.last)
        .select_related("venue")
        .order_by("start", "pk")
    )


# --- participation ---------------------------------------------------------------------------
def _took_place(now: datetime) -> Q:
    """The registration's event was held (the same rule as EventState.HELD)."""
    return Q(event__end__lte=now, event__status__in=[EventStatus.CONFIRMED, EventStatus.DONE]) & ~Q(
        event__date_precision__in=[DatePrecision.MONTH, DatePrecision.YEAR]
    )


def attendance_filters(now: datetime) -> dict[str, Q]:
    confirmed = Q(status=RegistrationStatus.CONFIRMED)
    return {
        Attendance.REGISTERED: Q(),
        Attendance.CONFIRMED: confirmed,
        Attendance.CHECKED_IN: confirmed & Q(attended_at__isnull=False),
        Attendance.NO_SHOW: confirmed & Q(attended_at__isnull=True) & _took_place(now),
        Attendance.WAITLISTED: Q(status=RegistrationStatus.WAITLISTED, event__end__lte=now),
    }


def _period_events(period: Period) -> QuerySet:
    """The primary keys of the events starting in the period, as a subquery."""
    return Event.objects.starting_on_local_days(period.first, period.last).values("pk")


def registrations_in(period: Period) -> QuerySet:
    """The registrations of the events starting in the period (venue's zone)."""
    return Registration.objects.filter(event__in=_period_events(period))


def filter_registrations(
    registrations: QuerySet,
    *,
    now: datetime,
    attendance="",
    kind="",
    event=None,
    country="",
    language="",
) -> QuerySet:
    if attendance:
        registrations = registrations.filter(attendance_filters(now)[attendance])
    if kind:
        registrations = registrations.filter(event__kind=kind)
    if event:
        registrations = registrations.filter(event__slug=event)
    if country:
        registrations = registrations.filter(country=country)
    if language:
        registrations = registrations.filter(language=language)
    return registrations


def one_per_delegate(registrations: QuerySet) -> QuerySet:
    """The first of each email address's registrations: one line per delegate."""
    first = registrations.order_by().values("email").annotate(first=Min("pk")).values("first")
    return registrations.filter(pk__in=first)


def participation_by_event(period: Period, *, now: datetime) -> list[dict]:
    """One row per event with registrations: its title, slug, kind, start and the five counts.

    Two queries: grouping the registrations by the event's id alone, then reading the events,
    is several times faster than grouping by the event's text columns in one.
    """
    counts = {
        key: Count("pk", filter=condition) for key, condition in attendance_filters(now).items()
    }
    rows = list(registrations_in(period).values("event_id").annotate(**counts).order_by())
    events = {
        event["pk"]: event
        for event in Event.objects.starting_on_local_days(period.first, period.last).values(
            "pk", "title", "slug", "kind", "start", "local_start_day"
        )
    }
    for row in rows:
        event = events[row["event_id"]]
        row.update(
            event__title=event["title"],
            event__slug=event["slug"],
            event__kind=event["kind"],
            event__start=event["start"],
            event__local_start_day=event["local_start_day"],
        )
    return sorted(rows, key=lambda row: (row["event__start"], row["event_id"]))


def _confirmed_delegates(period: Period) -> QuerySet:
    return registrations_in(period).filter(status=RegistrationStatus.CONFIRMED)


def delegates_total(period: Period) -> int:
    return _confirmed_delegates(period).aggregate(n=Count("email", distinct=True))["n"]


def delegates_by(field: str, period: Period) -> dict[str, int]:
    """Confirmed delegates (one per email address) by `country` or `language`."""
    rows = (
        _confirmed_delegates(period)
        .values(field)
        .annotate(n=Count("email", distinct=True))
        .order_by()
    )
    return {str(row[field]): row["n"] for row in rows}


# --- contacts and diplomacy ------------------------------------------------------------------
def _direction():
    home = search_key(HOME_CITY)
    return Case(
        When(destination_key__contains=home, then=Value(Direction.RECEIVED.value)),
        When(origin_key__contains=home, then=Value(Direction.SENT.value)),
        default=Value(Direction.OTHER.value),
        output_field=models.CharField(),
    )


def visits_in(period: Period) -> QuerySet:
    """Delegation visits starting in the period, each with its `direction`."""
    return (
        DelegationVisit.objects.filter(start_date__gte=period.first, start_date__lte=period.last)
        .alias(origin_key=folded(F("origin_city")), destination_key=folded(F("destination_city")))
        .annotate(direction=_direction())
    )


def visits_by_direction(period: Period) -> dict[str, int]:
    rows = visits_in(period).values("direction").annotate(n=Count("pk")).order_by()
    return {row["direction"]: row["n"] for row in rows}


def meetings_in(period: Period) -> QuerySet:
    return Meeting.objects.filter(date__gte=period.first, date__lte=period.last)


# A meeting's outcome is recorded when its Turkish text is: Turkish is always written, and
# the translated field's own lookup (`outcomes`) would read only the page language's column,
# so the same year counted differently in Azerbaijani or English (modeltranslation rewrites
# lookups without the fallback). `__gt=""` leaves out NULL and "" alike.
_HAS_OUTCOME = Q(outcomes_tr__gt="")


def with_outcome(meetings: QuerySet) -> QuerySet:
    return meetings.filter(_HAS_OUTCOME)


def outcome_in_words_only(meetings: QuerySet) -> QuerySet:
    """The meetings whose outcome is text alone, with no Outcome row giving its kind (the
    seeded meetings, and those the board has not yet broken down)."""
    return with_outcome(meetings).filter(~Exists(Outcome.objects.filter(meeting=OuterRef("pk"))))


def meeting_counts(period: Period) -> dict[str, int]:
    return meetings_in(period).aggregate(
        meetings=Count("pk"), with_outcome=Count("pk", filter=_HAS_OUTCOME)
    )


def outcomes_in(period: Period) -> list[Meeting]:
    """Meetings with an outcome recorded, oldest first, with their visit and sources."""
    return list(
        with_outcome(meetings_in(period))
        .select_related("visit")
        .prefetch_related("sources")
        .order_by("date", "pk")
    )


def outcome_counts(period: Period) -> dict[str, int]:
    """Outcomes of the period's meetings by kind (contacts.OutcomeKind values); "words_only",
    the meetings whose outcome is text with no kind recorded; and the follow-ups they asked
    for: "follow_up_open" (a date, not yet done), "follow_up_done"."""
    outcomes = Outcome.objects.filter(meeting__in=meetings_in(period))
    counts = {
        row["kind"]: row["n"] for row in outcomes.values("kind").annotate(n=Count("pk")).order_by()
    }
    counts["words_only"] = outcome_in_words_only(meetings_in(period)).count()
    counts["follow_up_open"] = outcomes.open_follow_ups().count()
    counts["follow_up_done"] = outcomes.filter(done_at__isnull=False).count()
    return counts


# The list filter's value for "outcome recorded in words only, no kind".
WORDS_ONLY = "none"


def meetings_with_outcomes(meetings: QuerySet, *, kind: str = "", follow_up: str = "") -> QuerySet:
    """The meetings that have an outcome of `kind` ("none": an outcome in words only, see
    `outcome_in_words_only`), or a follow-up "open" or "done"."""
    if kind == WORDS_ONLY:
        meetings = outcome_in_words_only(meetings)
        kind = ""
        if not follow_up:
            return meetings
    outcomes = Outcome.objects.all()
    if kind:
        outcomes = outcomes.filter(kind=kind)
    if follow_up == "open":
        outcomes = outcomes.open_follow_ups()
    elif follow_up == "done":
        outcomes = outcomes.filter(done_at__isnull=False)
    return meetings.filter(pk__in=outcomes.values("meeting"))


def organizations_met(period: Period) -> QuerySet:
    """Organizations that hosted or took part in a meeting of the period."""
    meetings = meetings_in(period)
    taking_part = Meeting.organizations.through.objects.filter(meeting__in=meetings).values(
        "organization"
    )
    hosting = meetings.filter(host_organization__isnull=False).values("host_organization")
    return Organization.objects.filter(Q(pk__in=taking_part) | Q(pk__in=hosting))


def organizations_met_counts(period: Period) -> list[dict]:
    """One row per (country, kind) of the organizations met: `n`."""
    return list(
        organizations_met(period).values("country", "kind").annotate(n=Count("pk")).order_by()
    )


# --- media -----------------------------------------------------------------------------------
def episodes_in(period: Period) -> QuerySet:
    """Podcast episodes published in the period."""
    return PodcastEpisode.objects.filter(
        status=EpisodeStatus.PUBLISHED,
        published_on__gte=period.first,
        published_on__lte=period.last,
    )


def episodes_by_series(period: Period) -> list[dict]:
    return list(
        episodes_in(period)
        .values("series__title", "series__slug")
        .annotate(episodes=Count("pk", distinct=True), guests=Count("guests", distinct=True))
        .order_by("series__title")
    )


def guests_total(period: Period) -> int:
    return episodes_in(period).aggregate(n=Count("guests", distinct=True))["n"]


# --- the headline, for the period and the one it is compared with ----------------------------
@dataclass(frozen=True)
class Headline:
    events: dict[str, int]
    demo_events: int
    registrations: dict[str, int]
    delegates: int
    visits: int
    meetings: int
    episodes: int

    @property
    def has_data(self) -> bool:
        return bool(
            sum(self.events.values()) or self.registrations[Attendance.REGISTERED] or self.visits
        )

    @property
    def attendance_rate(self) -> float | None:
        return attendance_rate(
            self.registrations[Attendance.CHECKED_IN], self.registrations[Attendance.NO_SHOW]
        )


def attendance_rate(checked_in: int, no_shows: int) -> float | None:
    """Share of the confirmed delegates of events that took place who came; None with none."""
    expected = checked_in + no_shows
    return checked_in / expected if expected else None


def headline(period: Period, *, now: datetime) -> Headline:
    """The figures at the top of the report, in five queries."""
    events = events_in(period, now=now)
    by_state = {
        row["report_state"]: row["n"]
        for row in events.values("report_state").annotate(n=Count("pk")).order_by()
    }
    registrations = registrations_in(period).aggregate(
        **{key: Count("pk", filter=q) for key, q in attendance_filters(now).items()},
        delegates=Count("email", distinct=True, filter=Q(status=RegistrationStatus.CONFIRMED)),
    )
    delegates = registrations.pop("delegates")
    return Headline(
        events={state: by_state.get(state, 0) for state in EventState.values},
        demo_events=events.filter(is_demo=True).count(),
        registrations=registrations,
        delegates=delegates,
        visits=visits_in(period).count(),
        meetings=meetings_in(period).count(),
        episodes=episodes_in(period).count(),
    )
