"""Read-side queries for the board workspace: dashboard, calendars, audit log.

Each function issues a fixed number of queries whatever the number of rows (annotations and
select_related, never a query per row); the views' query-count tests hold them to it.
"""

import calendar as pycalendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import groupby

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import BooleanField, Count, DateTimeField, F, ForeignObjectRel, Q
from django.utils import timezone
from django.utils.translation import pgettext

from contacts.cities import in_city
from contacts.models import DelegationVisit, Outcome
from events.conflicts import Conflict, conflicts_between
from events.enums import DatePrecision, EventStatus, Recurrence
from events.models import Event, PlanningItem, Venue
from events.timezones import local_days, zone

# How far ahead the dashboard looks, in days.
DASHBOARD_DAYS = 30
# Conflicts matter well before the month they happen in: look further ahead for those.
CONFLICT_DAYS = 180
# An undated plan whose window ends sooner than this is flagged: time to fix the day.
WINDOW_WARNING_DAYS = 60
UNFIXED = (DatePrecision.MONTH, DatePrecision.YEAR)
# Visits older than this no longer need a meeting recorded to count as "followed up".
VISIT_LOOKBACK_DAYS = 365


@dataclass
class OwnerItems:
    owner: object | None
    items: list[PlanningItem]


@dataclass
class Dashboard:
    upcoming: list[Event]
    needs_date: list[Event]
    unconfirmed: list[Event]
    overdue_by_owner: list[OwnerItems]
    conflicts: list[Conflict]
    visits_to_follow_up: list[DelegationVisit]
    follow_ups: list[Outcome] = field(default_factory=list)
    # Public events with a title or text not yet written in Azerbaijani or English.
    missing_translations: int = 0
    today: date | None = None
    days: int = DASHBOARD_DAYS
    conflict_days: int = CONFLICT_DAYS


def dashboard(now: datetime | None = None) -> Dashboard:
    now = now or timezone.now()
    today = timezone.localdate(now)
    soon = now + timedelta(days=DASHBOARD_DAYS)
    active = Event.objects.active()

    # Plans known only by month or year live in "awaiting a date" alone: in the lists of days
    # they would show as a month- or year-long bar in every period they touch.
    dated = active.exclude(date_precision__in=UNFIXED)
    # with_seat_counts(): Event.fill_percent reads seats_held from the row, no query per event.
    upcoming = list(
        dated.between(now, soon).select_related("venue").with_seat_counts().order_by("start", "pk")
    )
    needs_date = awaiting_a_date(now)
    unconfirmed = list(
        dated.between(now, soon)
        .filter(status__in=[EventStatus.IDEA, EventStatus.PLANNED])
        .select_related("venue")
        .order_by("start", "pk")
    )

    overdue = (
        PlanningItem.objects.overdue(today)
        .select_related("owner", "event")
        .order_by("owner__username", "owner_id", "due_on", "pk")
    )
    overdue_by_owner = [
        OwnerItems(owner=items[0].owner, items=items)
        for items in (list(group) for _owner, group in groupby(overdue, key=lambda i: i.owner_id))
    ]
    # Items nobody owns are the most likely to be forgotten: show them first.
    overdue_by_owner.sort(key=lambda group: group.owner is not None)

    visits = list(
        DelegationVisit.objects.filter(
            # Undated visits (a report that gives no date) cannot age out: they stay listed.
            Q(start_date__gte=today - timedelta(days=VISIT_LOOKBACK_DAYS))
            | Q(start_date__isnull=True)
        )
        .annotate(
            meeting_count=Count("meetings", distinct=True),
            outcome_count=Count(
                "meetings",
                filter=~Q(meetings__outcomes="") | Q(meetings__outcome_set__isnull=False),
                distinct=True,
            ),
        )
        .filter(outcome_count=0)
        .order_by(F("start_date").asc(nulls_first=True), "pk")
    )

    return Dashboard(
        upcoming=upcoming,
        needs_date=needs_date,
        unconfirmed=unconfirmed,
        overdue_by_owner=overdue_by_owner,
        conflicts=conflicts_between(now, now + timedelta(days=CONFLICT_DAYS)),
        visits_to_follow_up=visits,
        follow_ups=open_follow_ups(),
        missing_translations=Event.objects.public().missing_translations().count(),
        today=today,
    )


def awaiting_a_date(now: datetime) -> list[Event]:
    """Plans known only by month or year, neither held (done) nor cancelled: soonest window end
    first.

    Each carries `window` ("passed": the window is over and the day was never fixed; "closing":
    less than WINDOW_WARNING_DAYS left; "" otherwise) and `days_left`. Milestones are history
    (the 1986 protocol), not plans: they stay on the timeline.
    """
    events = list(
        Event.objects.filter(date_precision__in=UNFIXED, is_milestone=False)
        .exclude(status__in=[EventStatus.DONE, EventStatus.CANCELLED])
        .select_related("venue")
        .order_by("end", "pk")
    )
    for event in events:
        event.days_left = (event.end - now).days
        if event.end <= now:
            event.window = "passed"
        elif event.end - now < timedelta(days=WINDOW_WARNING_DAYS):
            event.window = "closing"
        else:
            event.window = ""
    return events


def open_follow_ups(owner=None) -> list[Outcome]:
    """Meeting outcomes with a follow-up date, not done yet; soonest first."""
    outcomes = Outcome.objects.open_follow_ups().select_related("owner", "meeting__visit")
    if owner is not None:
        outcomes = outcomes.owned_by(owner)
    return list(outcomes.order_by("follow_up_on", "pk"))


# --- calendars ---------------------------------------------------------------------------------
def calendar_events(start: datetime, end: datetime, *, city="", kind="", status=""):
    """All events (internal and cancelled too) overlapping [start, end), and the yearly events
    begun before it (placed on their anniversaries by `_place`), filtered; one query."""
    events = (
        Event.objects.filter(
            Q(start__lt=end, end__gt=start) | Q(recurrence=Recurrence.YEARLY, start__lt=end)
        )
        .select_related("venue")
        .order_by("start", "pk")
    )
    if city:
        events = events.filter(in_city("venue__city", city))  # any spelling of it
    if kind:
        events = events.filter(kind=kind)
    if status:
        events = events.filter(status=status)
    return events


def venue_cities() -> list[str]:
    """The venues' cities as stored (the menu spells and sorts them: contacts.cities)."""
    return list(Venue.objects.order_by().values_list("city", flat=True).distinct())


def _day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC window wide enough for every zone's view of the days [first, last]: a Bakü event at
    01:00 on the 1st is still the 30th in UTC, so the window is padded by a day each side."""
    tz = zone(settings.TIME_ZONE)
    start = datetime.combine(first - timedelta(days=1), time.min, tzinfo=tz)
    end = datetime.combine(last + timedelta(days=2), time.min, tzinfo=tz)
    return start, end


@dataclass
class CalendarDay:
    day: date
    in_month: bool = True
    events: list[Event] = field(default_factory=list)


def _place(days: dict[date, CalendarDay], events, first: date, last: date) -> list[Event]:
    """Put exact- and day-precision events on each local day they cover (a yearly event on
    each of its occurrences, as the public calendar and the feed do); return the others."""
    unfixed = []
    for event in events:
        if event.date_precision in (DatePrecision.MONTH, DatePrecision.YEAR):
            unfixed.append(event)
            continue
        for start, end in event.occurrences(first, last):
            event_first, event_last = local_days(start, end, event.time_zone)
            day = max(event_first, first)
            while day <= min(event_last, last):
                days[day].events.append(event)
                day += timedelta(days=1)
    return unfixed


@dataclass
class MonthCalendar:
    year: int
    month: int
    weeks: list[list[CalendarDay]]
    # Month-precision plans of this month, shown once in its header.
    unfixed: list[Event]
    # Year-precision plans of this year: one strip, never spread over the days or months.
    this_year: list[Event] = field(default_factory=list)
    # Known only by this month, and the month is over: no longer "not fixed yet".
    day_not_recorded: list[Event] = field(default_factory=list)

    @property
    def days_with_events(self) -> list[CalendarDay]:
        """The month's own days that have events, in order: the phone's list view."""
        return [day for week in self.weeks for day in week if day.in_month and day.events]

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def previous(self) -> date:
        return (self.first_day - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.first_day + timedelta(days=32)).replace(day=1)


def month_calendar(year: int, month: int, **filters) -> MonthCalendar:
    weeks_dates = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks_dates[0][0], weeks_dates[-1][-1]
    days = {
        day: CalendarDay(day=day, in_month=day.month == month)
        for week in weeks_dates
        for day in week
    }
    month_start, month_end = date(year, month, 1), date(year, month, 1) + timedelta(days=32)
    events = calendar_events(*_day_bounds(first, last), **filters)
    undated = _place(days, events, first, last)
    by_month = [
        event
        for event in undated
        # "Sometime in March" belongs to March, not to the days of February shown in its grid.
        if event.date_precision == DatePrecision.MONTH
        and event.local_start.date() < month_end.replace(day=1)
        and event.local_end.date() > month_start
    ]
    this_year = [
        event
        for event in undated
        if event.date_precision == DatePrecision.YEAR and event.local_start.year == year
    ]
    return MonthCalendar(
        year=year,
        month=month,
        weeks=[[days[day] for day in week] for week in weeks_dates],
        unfixed=[event for event in by_month if event.date_to_be_announced],
        this_year=this_year,
        day_not_recorded=[event for event in by_month if not event.date_to_be_announced],
    )


@dataclass
class WeekCalendar:
    year: int
    week: int
    days: list[CalendarDay]
    unfixed: list[Event]

    @property
    def previous(self) -> tuple[int, int]:
        return (self.days[0].day - timedelta(days=7)).isocalendar()[:2]

    @property
    def next(self) -> tuple[int, int]:
        return (self.days[0].day + timedelta(days=7)).isocalendar()[:2]


def week_calendar(year: int, week: int, **filters) -> WeekCalendar:
    monday = date.fromisocalendar(year, week, 1)
    week_days = [monday + timedelta(days=offset) for offset in range(7)]
    days = {day: CalendarDay(day=day) for day in week_days}
    events = calendar_events(*_day_bounds(week_days[0], week_days[-1]), **filters)
    # Plans known only by month or year stay out of the weeks (the month calendar shows a
    # month's plans in its header; the dashboard lists them all under "awaiting a date").
    _place(days, events, week_days[0], week_days[-1])
    return WeekCalendar(year=year, week=week, days=[days[day] for day in week_days], unfixed=[])


# --- my items ----------------------------------------------------------------------------------
def items_for(user):
    return PlanningItem.objects.owned_by(user).select_related("event", "event__venue").by_due_date()


# --- audit log ---------------------------------------------------------------------------------
def audited_content_types() -> list[ContentType]:
    models = auditlog.get_models()
    return sorted(
        ContentType.objects.get_for_models(*models).values(),
        key=lambda ct: str(ct.model_class()._meta.verbose_name),
    )


def audit_entries(*, content_type: ContentType | None = None, object_pk: str = ""):
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    if content_type is not None:
        entries = entries.filter(content_type=content_type)
    if object_pk:
        entries = entries.filter(object_pk=object_pk)
    return entries


@dataclass
class Change:
    field: str
    old: str = ""
    new: str = ""
    # For many-to-many changes: who was added or removed, in place of old and new.
    added: str = ""
    removed: str = ""


def describe_changes(entries) -> None:
    """Attach ``entry.change_list``: field labels and readable values, foreign keys by name;
    and ``entry.label``: the record as it reads now in the page's language ("Gecə konserti"
    on an Azerbaijani page), or the label stored when the entry was written (in the language
    of that moment) once the record is gone, with ``entry.label_is_stored`` set.

    The log stores a foreign key as its primary key; the related rows (and the entries' own
    records) are fetched with one query per model for the whole page rather than one per entry.
    """
    wanted: dict[type, set] = defaultdict(set)
    plans = []
    for entry in entries:
        model = entry.content_type.model_class()
        if model is not None and entry.object_pk:
            wanted[model].add(entry.object_pk)
        rows = []
        for name, values in (entry.changes_dict or {}).items():
            model_field = _field(model, name)
            if isinstance(model_field, ForeignObjectRel):
                continue  # a creation lists the empty reverse relations too: nothing to say
            related = getattr(model_field, "related_model", None) if model_field else None
            if model_field is not None and (model_field.many_to_one or model_field.one_to_one):
                for value in values[:2]:
                    if value not in (None, "None", ""):
                        wanted[related].add(value)
            rows.append((name, model_field, related, values))
        plans.append((entry, rows))
    names = {
        model: {str(obj.pk): str(obj) for obj in model._default_manager.filter(pk__in=pks)}
        for model, pks in wanted.items()
    }
    for entry, rows in plans:
        model = entry.content_type.model_class()
        current = names.get(model, {}).get(str(entry.object_pk))
        entry.label = current if current is not None else entry.object_repr
        entry.label_is_stored = current is None
        changes = [
            _change(name, model_field, related, values, names)
            for name, model_field, related, values in rows
            if not (model_field is not None and model_field.primary_key)
        ]
        if entry.action == LogEntry.Action.CREATE:
            # A new record lists every field; the empty ones (and unticked boxes) say nothing.
            changes = [c for c in changes if c.added or c.new not in ("", "—", "[]", _no())]
        entry.change_list = changes


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a field removed since the entry was written
        return None


def _display(model_field, related, value, names) -> str:
    if value in (None, "None"):
        return "—"
    if (
        model_field is not None
        and related is not None
        and (model_field.many_to_one or model_field.one_to_one)
    ):
        return names.get(related, {}).get(str(value), str(value))
    if isinstance(model_field, DateTimeField):
        # Stored as naive UTC text; shown in the site's zone like every other time in the log.
        try:
            moment = datetime.fromisoformat(str(value)).replace(tzinfo=UTC)
        except ValueError:
            return str(value)
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, BooleanField) and str(value) in ("True", "False"):
        return pgettext("audit log value", "yes") if str(value) == "True" else _no()
    return str(value)


def _no() -> str:
    return pgettext("audit log value", "no")


def _change(name, model_field, related, values, names) -> Change:
    label = str(model_field.verbose_name) if model_field is not None else name
    if isinstance(
        values, dict
    ):  # many-to-many: {"type": "m2m", "operation": ..., "objects": [...]}
        objects = ", ".join(str(obj) for obj in values.get("objects", []))
        if values.get("operation") == "delete":
            return Change(label, removed=objects)
        return Change(label, added=objects)
    old, new = (list(values) + [None, None])[:2]
    return Change(
        label,
        _display(model_field, related, old, names),
        _display(model_field, related, new, names),
    )
