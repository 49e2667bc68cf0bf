"""Read-side queries for the public pages and the feed.

Each list is a fixed number of queries whatever the number of events: the venue comes with a
join and the seat counts with annotations, never one query per event.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from contacts.models import Organization
from events.availability import Availability, availability
from events.enums import DatePrecision
from events.models import Event, Registration
from events.timezones import local_days, localize, zone

PROTOCOL_YEAR = 1986
ANNIVERSARY_YEAR = PROTOCOL_YEAR + 40


def _with_seat_counts(queryset):
    return queryset.select_related("venue").with_seat_counts()


def public_events():
    """Public events with their venue and seat counts (see EventQuerySet.with_seat_counts)."""
    return _with_seat_counts(Event.objects.public())


def event_availability(event: Event, *, now: datetime | None = None) -> Availability:
    """Needs an event from public_events() (or one with seats_held set)."""
    return availability(event, seats_held=event.seats_held, now=now)


def seats_held(event: Event) -> int:
    return event.registrations.holding_seat().count()


def event_for_page(slug: str) -> Event:
    """One public event with organizers, for its page. Raises Event.DoesNotExist."""
    return (
        public_events()
        .prefetch_related(
            Prefetch("organizers", queryset=Organization.objects.order_by("sort_name"))
        )
        .get(slug=slug)
    )


def feed_events():
    """Every public event with a day, cancelled ones too (so subscribed calendars learn of it).

    Plans known only by their month or year stay out: a calendar would draw them as a bar over
    the whole month or year. They join the feed once they get a day; milestones (the 1986
    protocol) stay on the site's timeline.
    """
    return (
        Event.objects.public()
        .filter(date_precision__in=[DatePrecision.EXACT, DatePrecision.DAY])
        .select_related("venue")
        .order_by("start", "pk")
    )


# --- the program list -----------------------------------------------------------------------


@dataclass
class ProgramFilters:
    city: str = ""
    kind: str = ""
    month: date | None = None  # first of the month
    include_past: bool = False


def _month_window(month: date) -> tuple[datetime, datetime]:
    """The month in the site's zone, widened by a day each side for the other city's zone."""
    site = zone(None)
    start = datetime(month.year, month.month, 1, tzinfo=site)
    days = calendar.monthrange(month.year, month.month)[1]
    return start - timedelta(days=1), start + timedelta(days=days + 1)


def program_events(filters: ProgramFilters, *, now: datetime | None = None):
    now = now or timezone.now()
    events = public_events().filter(is_milestone=False)
    if filters.city:
        events = events.filter(venue__city=filters.city)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.month:
        start, end = _month_window(filters.month)
        events = events.filter(start__lt=end, end__gt=start)
    elif not filters.include_past:
        events = events.filter(end__gte=now)
    events = list(events.order_by("start", "pk"))
    if filters.month:
        # The query was a day wider than the month; keep what falls in it in the venue's zone.
        events = [e for e in events if _in_month(e, filters.month)]
    return events


def _in_month(event: Event, month: date) -> bool:
    first, last = event.local_days
    month_end = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    return first <= month_end and last >= month


@dataclass
class ProgramSection:
    """A month of the program: dated events, then those whose day is not fixed yet."""

    month: date | None  # None: the year section
    year: int
    events: list = field(default_factory=list)
    to_be_announced: list = field(default_factory=list)


def program_sections(events) -> list[ProgramSection]:
    """Group by the month in the venue's zone; year-precision events get a year section."""
    sections: dict[tuple, ProgramSection] = {}
    for event in events:
        local = event.local_start
        if event.date_precision == DatePrecision.YEAR:
            key = (local.year, 13)  # after that year's months: the dated program comes first
            section = sections.setdefault(key, ProgramSection(None, local.year))
            section.to_be_announced.append(event)
            continue
        key = (local.year, local.month)
        section = sections.setdefault(
            key, ProgramSection(date(local.year, local.month, 1), local.year)
        )
        if event.date_precision == DatePrecision.MONTH:
            section.to_be_announced.append(event)
        else:
            section.events.append(event)
    return [sections[key] for key in sorted(sections)]


def program_cities() -> list[str]:
    return list(
        Event.objects.public()
        .filter(is_milestone=False)
        .exclude(venue=None)
        .order_by("venue__city")
        .values_list("venue__city", flat=True)
        .distinct()
    )


def program_choices() -> tuple[list[str], list[date]]:
    """(cities, months) that the public program has, for the filter form. Two queries."""
    public = Event.objects.public().filter(is_milestone=False)
    months = [moment.date() for moment in public.datetimes("start", "month", tzinfo=zone(None))]
    return program_cities(), months


# --- the month calendar ---------------------------------------------------------------------


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


@dataclass
class MonthCalendar:
    month: date
    weeks: list[list[CalendarDay]]
    to_be_announced: list  # month precision, this month
    during_the_year: list  # year precision, this year

    @property
    def previous(self) -> date:
        return (self.month - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.month + timedelta(days=32)).replace(day=1)

    @property
    def days_with_events(self) -> list[CalendarDay]:
        return [day for week in self.weeks for day in week if day.in_month and day.events]


def month_calendar(
    year: int, month: int, *, city: str = "", kind: str = "", now: datetime | None = None
) -> MonthCalendar:
    """A Monday-first month grid of public events, each on its days in the venue's zone.

    Yearly events appear on their anniversary; month- and year-precision events are listed
    apart, not on a day. One query.
    """
    now = now or timezone.now()
    first = date(year, month, 1)
    window_start, window_end = _month_window(first)
    year_start = datetime(year, 1, 1, tzinfo=zone(None)) - timedelta(days=1)
    year_end = datetime(year + 1, 1, 1, tzinfo=zone(None)) + timedelta(days=1)
    events = public_events().filter(is_milestone=False)
    if city:
        events = events.filter(venue__city=city)
    if kind:
        events = events.filter(kind=kind)
    events = events.filter(
        Q(start__lt=window_end, end__gt=window_start)
        | Q(date_precision=DatePrecision.YEAR, start__lt=year_end, end__gt=year_start)
        | Q(recurrence="yearly", start__lt=window_end)
    ).order_by("start", "pk")

    by_day: dict[date, list] = defaultdict(list)
    to_be_announced, during_the_year = [], []
    for event in events:
        if event.date_precision == DatePrecision.YEAR:
            if event.local_start.year == year:
                during_the_year.append(event)
            continue
        start, end = _occurrence_in(event, year)
        if event.date_precision == DatePrecision.MONTH:
            if (start.year, start.month) == (year, month):
                to_be_announced.append(event)
            continue
        day, last = local_days(start, end, event.time_zone)
        while day <= last:
            if (day.year, day.month) == (year, month):
                by_day[day].append(event)
            day += timedelta(days=1)

    today = timezone.localdate(now)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                CalendarDay(day, day.month == month, day == today, by_day.get(day, []))
                for day in week
            ]
        )
    return MonthCalendar(first, weeks, to_be_announced, during_the_year)


def _occurrence_in(event: Event, year: int) -> tuple[datetime, datetime]:
    """The event's local (start, end), moved to the given year for a yearly event."""
    start, end = event.local_start, event.local_end
    if event.recurrence == "yearly" and start.year < year:
        shift = year - start.year
        start, end = _shift(start, shift), _shift(end, shift)
    return start, end


def _shift(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


# --- home -----------------------------------------------------------------------------------


def milestones():
    """The road to the anniversary, from the 1986 protocol on."""
    return (
        Event.objects.public().filter(is_milestone=True).select_related("venue").order_by("start")
    )


def next_events(*, now: datetime | None = None, limit: int = 6) -> list[Event]:
    """What comes next, by date. Plans known only by their year would head the list for a
    whole year without saying when; the program lists them under "during the year"."""
    return list(
        public_events()
        .filter(is_milestone=False, end__gte=now or timezone.now())
        .exclude(date_precision=DatePrecision.YEAR)
        .active()
        .order_by("start", "pk")[:limit]
    )


def months_of_year(year: int = ANNIVERSARY_YEAR) -> list[tuple[date, int]]:
    """(first of month, number of public events starting then) for the twelve months."""
    site = zone(None)
    counts = dict(
        Event.objects.public()
        .filter(is_milestone=False, start__gte=datetime(year, 1, 1, tzinfo=site))
        .filter(start__lt=datetime(year + 1, 1, 1, tzinfo=site))
        .exclude(date_precision=DatePrecision.YEAR)
        .annotate(month=TruncMonth("start", tzinfo=site))
        .order_by()
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )
    counted = {localize(month, site.key).date().replace(day=1): n for month, n in counts.items()}
    return [(date(year, m, 1), counted.get(date(year, m, 1), 0)) for m in range(1, 13)]


def registration_event(registration: Registration) -> Event:
    """The registration's event with its seat counts, for the self-service page (public or not:
    the link holder registered for it)."""
    return _with_seat_counts(Event.objects.all()).get(pk=registration.event_id)
