"""Read-side queries for the public pages and the feed.

Each list is a fixed number of queries whatever the number of events: the venue comes with a
join and the seat counts with annotations, never one query per event.
"""

import calendar
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.db.models import Count, Max, Min, Prefetch, Q, Sum
from django.utils import timezone

from anniversary.cache import quiet_get, quiet_set
from contacts.cities import in_city
from contacts.content import Translated, active_language, translation_in
from contacts.models import Organization
from events.availability import Availability, availability
from events.enums import DatePrecision, Recurrence
from events.models import Event, Registration, per_language
from events.pageversion import page_version
from events.timezones import candidate_window, local_days

PROTOCOL_YEAR = 1986
ANNIVERSARY_YEAR = PROTOCOL_YEAR + 40


def _with_seat_counts(queryset):
    return queryset.select_related("venue").with_seat_counts()


def public_events():
    """Public events with their venue and seat counts (see EventQuerySet.with_seat_counts)."""
    return _with_seat_counts(Event.objects.public())


def _without_long_texts(events):
    """Lists never show an event's description or notes: leave the long columns unread."""
    return events.defer("description", *per_language("description"), "internal_notes")


def event_availability(event: Event, *, now: datetime | None = None) -> Availability:
    """Needs an event from public_events() (or one with seats_held set)."""
    return availability(event, seats_held=event.seats_held, now=now)


def seats_held(event: Event) -> int:
    return event.registrations.holding_seat().count()


def event_for_page(slug: str) -> Event:
    """One public event with organizers, its series and the series' public editions (newest
    first), for its page. Raises Event.DoesNotExist."""
    return (
        public_events()
        .select_related("series")
        .prefetch_related(
            Prefetch("organizers", queryset=Organization.objects.alphabetical()),
            Prefetch("editions", queryset=Event.objects.public().order_by("-start")),
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


@dataclass(frozen=True)
class FeedVersion:
    """What the feed's content depends on, cheaply: `key` changes whenever the feed may change
    (an event saved, added, deleted, made public or private; a venue renamed or moved to
    another zone); `changed` is the newest event change (None for an empty feed)."""

    key: str
    changed: datetime | None


def feed_version() -> FeedVersion:
    """One small query, no event rows: the public events grouped by their venue, each group
    with its venue's columns that the feed shows but the events' rows lack (every language's
    name and address, the city, the zone: a venue renamed or moved without a save changes its
    group) and its events' newest change, count and key sum.

    Every change of an event goes through a save that stamps `updated_at` (services, admin,
    board), so its group's newest change moves; a deletion or an event made private changes
    its group's count. So the groups move whenever the content does.
    """
    venue = ("venue", *(f"venue__{column}" for column in _FEED_VENUE_COLUMNS))
    groups = list(
        Event.objects.public()
        .values(*venue)
        .annotate(changed=Max("updated_at"), count=Count("pk"), ids=Sum("pk"))
        .order_by("venue")
        .values_list(*venue, "changed", "count", "ids")
    )
    digest = hashlib.blake2b(digest_size=12)
    digest.update(repr(groups).encode())
    changed = max((group[-3] for group in groups), default=None)
    return FeedVersion(digest.hexdigest(), changed)


# Every language's name and address: the feed is built in each of them.
_FEED_VENUE_COLUMNS = (*per_language("name"), *per_language("address"), "city", "time_zone")


# --- months: an event is in the months it takes place in, in its venue's zone ---------------
# Event.local_months is the rule; the program's month index, its month pages, the month
# calendar and the home tiles all count with it, so they never disagree.

# The program shows one month at a time, this many dated events a page: a busy month of a
# 2,000-event program stays a page of a few dozen kilobytes.
PROGRAM_PAGE_SIZE = 40


def month_last_day(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _listed():
    """What the program and the calendar list: every public event, milestones too. A milestone
    (the 2023 Şuşa conference, the 2007 forum) is also on the home page's timeline, but its
    month lists it as the feed does: June 2023 does not read "no events" while /calendar.ics
    holds that day's conference."""
    return Event.objects.public()


def _dated(events):
    """Events with a day or a month: a plan known only by its year is in no month's count."""
    return events.exclude(date_precision=DatePrecision.YEAR)


def month_counts(first: date, last: date, *, city: str = "", kind: str = "") -> dict[date, int]:
    """{month: events in it} for the months of [first, last]: what each month's calendar
    and program page shows on a day or as "date to be announced". One query."""
    return _dated(_filtered(_listed(), city=city, kind=kind)).local_month_counts(first, last)


def _filtered(events, *, city: str = "", kind: str = ""):
    if city:
        # Any spelling of the city, as stored or asked (contacts.cities.in_city).
        events = events.filter(in_city("venue__city", city))
    if kind:
        events = events.filter(kind=kind)
    return events


# --- the program: a month index and one month at a time ----------------------------------------


@dataclass
class ProgramFilters:
    city: str = ""
    kind: str = ""
    month: date | None = None  # first of the month
    include_past: bool = False
    day: int | None = None  # of the month: only the events on that day (the calendar's link)

    def the_day(self, month: date) -> date | None:
        """The day asked for in `month`, or None (no day, or one the month does not have)."""
        if self.day is None or self.day > month_last_day(month).day:
            return None
        return month.replace(day=self.day)


@dataclass
class ProgramMonth:
    """One month of the program: dated events (by their start there), those whose day is not
    fixed yet, those known only by this month and over (`Event.date_to_be_announced`), and
    the plans known only by their year."""

    month: date
    events: list = field(default_factory=list)
    to_be_announced: list = field(default_factory=list)
    day_not_recorded: list = field(default_factory=list)
    during_the_year: list = field(default_factory=list)

    @property
    def count(self) -> int:
        """As the month's tile and index entry count it: everything but the year plans."""
        return len(self.events) + len(self.to_be_announced) + len(self.day_not_recorded)


def program_index(
    filters: ProgramFilters, *, now: datetime | None = None
) -> list[tuple[date, int]]:
    """(month, events in it) for every month with events, from this month on unless past
    months are asked for. No query while the program is unchanged since the last count (see
    `_until_the_program_changes`), two (whatever the number of events) when it changed."""
    today = timezone.localdate(now or timezone.now())
    return _until_the_program_changes(
        ("program-index", filters, today.replace(day=1)), lambda: _program_index(filters, today)
    )


def _until_the_program_changes(what: tuple, count):
    """`count()`, kept in the cache under `what` until a public page changes (the version of
    events.pageversion, bumped by every change): counting reads every event. Counted afresh
    each time while the cache does not answer."""
    version = page_version()
    if version is None:
        return count()
    digest = hashlib.blake2b(repr((version, *what)).encode(), digest_size=12)
    key = f"kardes40:counts:{digest.hexdigest()}"
    found = quiet_get(key)
    if found is None:
        found = count()
        quiet_set(key, found, 24 * 3600)
    return found


def _program_index(filters: ProgramFilters, today: date) -> list[tuple[date, int]]:
    span = (
        _dated(_filtered(_listed(), city=filters.city, kind=filters.kind))
        .order_by()
        .aggregate(
            first=Min("start"),
            last=Max("end"),
            yearly=Count("pk", filter=Q(recurrence=Recurrence.YEARLY)),
        )
    )
    if span["first"] is None:
        return []
    # A day's margin each side: the first and last events may be a day off in their own zone.
    first = (span["first"] - timedelta(days=1)).date().replace(day=1)
    last = max(span["last"].date() + timedelta(days=1), date(ANNIVERSARY_YEAR, 12, 31))
    if span["yearly"]:
        # A yearly series comes round after its stored end: the index reaches a year ahead, so
        # its next occurrence (next June's, in December) is a month one can open.
        last = max(last, today + timedelta(days=366))
    if not filters.include_past:
        first = max(first, today.replace(day=1))
    counts = month_counts(first, last, city=filters.city, kind=filters.kind)
    return sorted((month, count) for month, count in counts.items() if count)


def default_month(index: list[tuple[date, int]], *, now: datetime | None = None) -> date:
    """The month the program opens on: this one if it has events, else the next that has."""
    this_month = timezone.localdate(now or timezone.now()).replace(day=1)
    later = [month for month, _count in index if month >= this_month]
    if later:
        return later[0]
    return index[-1][0] if index else this_month


def program_month(filters: ProgramFilters, month: date) -> ProgramMonth:
    """The program's page for one month (or for one day of it, `filters.day`), sorted by each
    event's start there. One query (venue and seat counts joined)."""
    first, last = month, month_last_day(month)
    events = _filtered(
        _without_long_texts(public_events()),
        city=filters.city,
        kind=filters.kind,
    )
    page = ProgramMonth(month)
    day = filters.the_day(month)
    if day is not None:
        first = last = day
    dated = []
    for event in events.around_local_days(first, last).order_by("start", "pk"):
        if event.date_precision == DatePrecision.YEAR:
            if day is None and event.local_start.year == month.year:
                page.during_the_year.append(event)
            continue
        found = event.occurrences(first, last)
        if not found:
            continue
        if event.date_precision == DatePrecision.MONTH:
            if day is None:
                (
                    page.to_be_announced if event.date_to_be_announced else page.day_not_recorded
                ).append(event)
        else:
            if event.recurrence == Recurrence.YEARLY:
                # The card says the date this month lists (15 June 2026), not the next one.
                event.listed_occurrence = found[0]
            dated.append((found[0][0], event.pk, event))
    page.events = [event for _start, _pk, event in sorted(dated, key=lambda row: row[:2])]
    return page


def program_cities() -> list[str]:
    """The cities of the listed events' venues, as stored (any spelling; the menu spells and
    sorts them in the page's language: contacts.cities.city_menu). No query while the program
    is unchanged since they were last read (see `_until_the_program_changes`), one otherwise."""
    return _until_the_program_changes(
        ("program-cities",),
        lambda: list(
            _listed()
            .exclude(venue=None)
            .order_by()
            .values_list("venue__city", flat=True)
            .distinct()
        ),
    )


# --- the month calendar ---------------------------------------------------------------------


# A day of the month calendar names this many of its events; the rest are a link to the
# program's list of that day. A busy month stays a page of a few dozen kilobytes.
CALENDAR_DAY_TITLES = 3


@dataclass(slots=True, eq=False)
class CalendarEntry:
    """An event as the month calendar shows it, from one row of values (no model instances: a
    month of a busy program is a few hundred): the columns its cells and lists read, the title
    already in the page's language (`Translated`: a Turkish fallback keeps its lang marker).
    The rules are the Event's own (its days in the venue's zone, its yearly occurrences, "date
    to be announced"), borrowed below. Equal to the Event it shows (same key)."""

    pk: int
    slug: str
    kind: str
    status: str
    date_precision: str
    recurrence: str
    start: datetime
    end: datetime
    is_demo: bool
    title: Translated
    venue_id: int | None
    time_zone: str
    city: str

    occurrences = Event.occurrences
    get_absolute_url = Event.get_absolute_url
    local_start = Event.local_start
    is_exact = Event.is_exact
    is_undated = Event.is_undated
    is_cancelled = Event.is_cancelled
    date_to_be_announced = Event.date_to_be_announced

    def __eq__(self, other):
        if isinstance(other, CalendarEntry | Event):
            return self.pk == other.pk
        return NotImplemented

    def __hash__(self):
        return hash(self.pk)


def _calendar_entries(events) -> list[CalendarEntry]:
    """The events as CalendarEntry rows, in the active language, from one query."""
    language = active_language()
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    columns = ("pk", "slug", "kind", "status", "date_precision", "recurrence", "start", "end")
    # The Turkish title only where it may be needed, and never twice (values_list keeps one).
    titles = (
        (f"title_{language}",)
        if language == fallback
        else (f"title_{language}", f"title_{fallback}")
    )
    rows = events.values_list(
        *columns, "is_demo", "venue_id", "venue__time_zone", "venue__city", *titles
    )
    return [
        CalendarEntry(
            *row[:9],
            title=translation_in(language, row[12], row[-1]),
            venue_id=row[9],
            time_zone=row[10] if row[9] else settings.TIME_ZONE,
            city=row[11] if row[9] else "",
        )
        for row in rows
    ]


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)
    # Events whose occurrence on this day is over: a yearly series' last June is past though
    # the series is not (Event.is_past reads its next occurrence).
    ended: set = field(default_factory=set)

    @property
    def shown(self) -> list:
        """The events the day's cell names (the first by start)."""
        return self.events[:CALENDAR_DAY_TITLES]

    @property
    def more(self) -> int:
        """How many more the day has than its cell names."""
        return max(len(self.events) - CALENDAR_DAY_TITLES, 0)


@dataclass
class MonthCalendar:
    month: date
    weeks: list[list[CalendarDay]]
    to_be_announced: list  # month precision, this month, not over (date_to_be_announced)
    during_the_year: list  # year precision, this year
    day_not_recorded: list = field(default_factory=list)  # month precision, this month, over

    @property
    def previous(self) -> date:
        return (self.month - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.month + timedelta(days=32)).replace(day=1)

    @property
    def days_with_events(self) -> list[CalendarDay]:
        return [day for week in self.weeks for day in week if day.in_month and day.events]

    @property
    def count(self) -> int:
        """Events on a day of the month or announced for it, each once: the month's tile."""
        on_days = {event.pk for day in self.days_with_events for event in day.events}
        by_month = [*self.to_be_announced, *self.day_not_recorded]
        return len(on_days | {event.pk for event in by_month})


def month_calendar(
    year: int, month: int, *, city: str = "", kind: str = "", now: datetime | None = None
) -> MonthCalendar:
    """A Monday-first month grid of public events (CalendarEntry rows in the active language),
    each on its days in the venue's zone.

    Yearly events appear on their anniversary; month- and year-precision events are listed
    apart, not on a day. One query (venues joined; no seat counts: the grid shows none).
    """
    now = now or timezone.now()
    first = date(year, month, 1)
    last = month_last_day(first)
    events = _filtered(_listed(), city=city, kind=kind)
    year_plans = Q(
        date_precision=DatePrecision.YEAR,
        start__lt=datetime(year + 1, 1, 2, tzinfo=UTC),
        end__gt=datetime(year - 1, 12, 31, tzinfo=UTC),
    )
    window_start, window_end = candidate_window(first, last)
    events = events.filter(
        Q(start__lt=window_end, end__gt=window_start)
        | Q(recurrence=Recurrence.YEARLY, start__lt=window_end)
        | year_plans
    ).order_by("start", "pk")

    by_day: dict[date, list] = defaultdict(list)
    ended: dict[date, set] = defaultdict(set)
    to_be_announced, during_the_year, day_not_recorded = [], [], []
    one_day = timedelta(days=1)
    for event in _calendar_entries(events):
        if event.date_precision == DatePrecision.YEAR:
            if event.local_start.year == year:
                during_the_year.append(event)
            continue
        found = event.occurrences(first, last)
        if not found:
            continue
        if event.date_precision == DatePrecision.MONTH:
            (to_be_announced if event.date_to_be_announced else day_not_recorded).append(event)
            continue
        for start, end in found:
            day, final = local_days(start, end, event.time_zone)
            day, final = max(day, first), min(final, last)
            while day <= final:
                by_day[day].append(event)
                if end < now:
                    ended[day].add(event.pk)
                day += one_day

    today = timezone.localdate(now)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                CalendarDay(day, day.month == month, day == today, by_day.get(day, []), ended[day])
                for day in week
            ]
        )
    return MonthCalendar(first, weeks, to_be_announced, during_the_year, day_not_recorded)


# --- home -----------------------------------------------------------------------------------


def milestones():
    """The road to the anniversary, from the 1986 protocol on."""
    return (
        Event.objects.public().filter(is_milestone=True).select_related("venue").order_by("start")
    )


def next_events(*, now: datetime | None = None, limit: int = 6) -> list[Event]:
    """What comes next, by date. Plans known only by their year would head the list for a
    whole year without saying when; the program lists them under "during the year"."""
    now = now or timezone.now()
    coming = (
        Event.objects.public()
        .filter(is_milestone=False)
        .exclude(date_precision=DatePrecision.YEAR)
        .active()
        .upcoming(now)
    )
    # A yearly series is upcoming (Event.is_past) and comes by its next occurrence, not by its
    # first date: the few series in full, the first `limit` of the others, chosen in a subquery
    # before the seats are counted (counting every upcoming event's read them all). One query.
    yearly = Q(recurrence=Recurrence.YEARLY)
    first = coming.exclude(yearly).order_by("start", "pk").values("pk")[:limit]
    listed = _without_long_texts(public_events()).filter(
        Q(pk__in=first) | Q(pk__in=coming.filter(yearly).values("pk"))
    )
    return sorted(listed, key=lambda event: (event.next_occurrence(now)[0], event.pk))[:limit]


def months_of_year(year: int = ANNIVERSARY_YEAR) -> list[tuple[date, int]]:
    """(first of month, events that month's calendar shows) for the twelve months.
    No query while the program is unchanged since the last count, one when it changed."""
    counts = _until_the_program_changes(
        ("months-of-year", year), lambda: month_counts(date(year, 1, 1), date(year, 12, 31))
    )
    return [(date(year, m, 1), counts.get(date(year, m, 1), 0)) for m in range(1, 13)]


def registration_event(registration: Registration) -> Event:
    """The registration's event with its seat counts, for the self-service page (public or not:
    the link holder registered for it)."""
    return _with_seat_counts(Event.objects.all()).get(pk=registration.event_id)
