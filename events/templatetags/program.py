"""How the public pages and the emails say when an event happens.

Always in the venue's zone with the zone named, and the twin city's time beside it
("19:00 Bakü · 18:00 İzmir"). Django's |date filter would convert to the site's zone first,
so times are formatted here, from datetimes already in the right zone.
"""

from html import escape as _escape

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..enums import DatePrecision, EventKind, EventStatus, Recurrence
from ..models import Event
from ..timezones import local_days, localize, zone_label

register = template.Library()

_KIND_LABELS = dict(EventKind.choices)


def _time(moment) -> str:
    # Django's "H:i" in every language, without its format machinery (a few per card).
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _date(moment) -> str:
    # Day, full month name, year in every language: "10 Aralık 2026", "10 December 2026".
    return formats.date_format(moment, "j F Y")


def _day_month(moment) -> str:
    # The other city's date beside the venue's: the year is the venue's ("19 December").
    return formats.date_format(moment, "j F")


def zone_time(moment, venue_zone: str, time_zone: str) -> str:
    """The instant `moment` (aware) as it reads in `time_zone`, for printing beside the
    venue's own date and time: "23:30 İzmir", or "19 December, 23:30 İzmir" when the local
    day there differs from the venue's (a Bakü event at 00:30 is the evening before in
    İzmir). The city in the active language (`zone_label`). The one home for "the other
    city's time" on every page, email and board screen.
    """
    theirs, ours = localize(moment, time_zone), localize(moment, venue_zone)
    time = _time(theirs)
    if theirs.date() != ours.date():
        time = f"{_day_month(theirs)}, {time}"
    return f"{time} {zone_label(time_zone)}"


@register.simple_tag(name="zone_time")
def zone_time_tag(moment, venue_zone: str, time_zone: str) -> str:
    """{% zone_time moment venue_zone time_zone %}: see `zone_time`; "" without a moment."""
    if moment is None or not time_zone:
        return ""
    return zone_time(moment, venue_zone, time_zone)


@register.simple_tag
def other_city_time(event: Event) -> str:
    """The event's start in the twin city ("23:30 İzmir" / "19 December, 23:30 İzmir")."""
    return zone_time(event.start, event.time_zone, event.other_zone)


def _occurrence(event: Event):
    """The (start, end) to show, in the venue's zone: the occurrence a list placed the event
    under (`listed_occurrence`, set by the program's month), else a yearly event's next one."""
    listed = getattr(event, "listed_occurrence", None)
    if listed is not None:
        start, end = listed
    elif event.recurrence == Recurrence.YEARLY:
        start, end = event.next_occurrence()
    else:
        start, end = event.start, event.end
    return localize(start, event.time_zone), localize(end, event.time_zone)


@register.simple_tag
def event_when(event: Event) -> str:
    """The date (and for exact events the times in both cities) in the active language."""
    start, end = _occurrence(event)
    if event.is_undated:
        # Event.date_to_be_announced is the rule: over, a year or month reads as itself.
        period = (
            str(start.year)
            if event.date_precision == DatePrecision.YEAR
            else formats.date_format(start, "YEAR_MONTH_FORMAT")
        )
        if event.date_never_fixed:
            return _("%(period)s (date never fixed)") % {"period": period}
        if not event.date_to_be_announced:
            return period
        if event.date_precision == DatePrecision.YEAR:
            return _("%(year)s (date to be announced)") % {"year": period}
        return _("%(month)s (date to be announced)") % {"month": period}
    if event.date_precision == DatePrecision.DAY:
        _first, last_day = local_days(start, end, event.time_zone)
        if last_day <= start.date():
            return _date(start)
        return f"{_date(start)} – {_date(last_day)}"
    other = zone_time(start, event.time_zone, event.other_zone)
    if end.date() == start.date():
        return f"{_date(start)}, {_time(start)}–{_time(end)} {event.zone_label} · {other}"
    return f"{_date(start)} {_time(start)} – {_date(end)} {_time(end)} {event.zone_label} · {other}"


@register.simple_tag
def event_when_for(event: Event, time_zone: str | None) -> str:
    """event_when(), and the start in `time_zone` (the recipient's) when it is neither the
    venue's nor the twin city's, which event_when already names: "… · 21:30 Europe/Berlin"
    (with its day when that is another, see `zone_time`)."""
    text = event_when(event)
    if not event.is_exact or not time_zone or time_zone in (event.time_zone, event.other_zone):
        return text
    start, _end = _occurrence(event)
    return f"{text} · {zone_time(start, event.time_zone, time_zone)}"


@register.simple_tag
def public_status(event: Event) -> str:
    """The status as delegates see it: the board's own stages (idea, planned) read "to be
    confirmed"; a plan whose date was never fixed says so."""
    if event.is_cancelled:
        return _("Cancelled")
    if event.date_never_fixed:
        return _("Date never fixed")
    if event.is_past:
        return _("Took place")
    if event.status == EventStatus.DONE and event.recurrence != Recurrence.YEARLY:
        # Marked held before its end is read; a yearly series "held" is only its last edition.
        return _("Took place")
    if event.status == EventStatus.CONFIRMED:
        return _("Confirmed")
    return _("To be confirmed")


@register.simple_tag
def event_moment(event: Event, moment) -> str:
    """Any instant (a deadline, a registration time) in the event's zone, the zone named."""
    if moment is None:
        return ""
    local = localize(moment, event.time_zone)
    return f"{_date(local)} {_time(local)} {event.zone_label}"


@register.simple_tag
def event_moment_for(event: Event, moment, time_zone: str | None) -> str:
    """event_moment(), and the same instant in `time_zone` (the delegate's) when it differs:
    "10 Aralık 2026 19:00 Bakü · 18:00 İzmir" (with that day when it is another, see
    `zone_time`)."""
    text = event_moment(event, moment)
    if not text or not time_zone or time_zone == event.time_zone:
        return text
    return f"{text} · {zone_time(moment, event.time_zone, time_zone)}"


@register.simple_tag
def event_local_time(event: Event) -> str:
    """ "19:00" in the venue's zone, for compact listings such as the calendar grid."""
    return _time(event.local_start) if event.is_exact else ""


@register.simple_tag
def kind_label(event: Event) -> str:
    """`event.get_kind_display()` (the kind in the active language, an unknown value as is)
    without rebuilding the choices' lookup table for every card of a list."""
    return str(_KIND_LABELS.get(event.kind, event.kind))


@register.filter
def zone_name(time_zone: str) -> str:
    """{{ zone|zone_name }}: the zone as its city in the active language (`zone_label`)."""
    return zone_label(time_zone) if time_zone else ""


def calendar_entry(event, day) -> str:
    """One event in a day cell of the month calendar (`event`: selectors.CalendarEntry, `day`:
    selectors.CalendarDay): its link, its kind's colour, struck through when cancelled, greyed
    when over, its local start for exact events and its title in the page's language (marked
    where it falls back to Turkish). A month shows up to a few hundred, so each is written in
    one pass, every value through `html.escape` as Django's escape() does (its
    `conditional_escape` and `format_html` cost more than the rest of the entry)."""
    title = event.title
    text = _escape(title.text)
    if title.lang and text:
        text = f'<span lang="{_escape(title.lang)}">{text}</span>'
    if event.is_cancelled:
        text = f"<s>{text}</s>"
    elif event.is_exact:
        text = f"{_time(event.local_start)} {text}"
    past = " event-past" if event.pk in day.ended or event.is_cancelled else ""
    return (
        f'<a href="{_escape(event.get_absolute_url())}" class="d-block small text-truncate '
        f'kind-{_escape(event.kind)} ps-1 mb-1{past}" title="{_escape(title.text)}">{text}</a>'
    )


def _calendar_cell(day, day_link: str, day_query: str) -> str:
    """One day's <td> (`day_link`, `day_query` already escaped)."""
    classes = "" if day.in_month else " bg-light text-muted"
    if day.is_today:
        classes += " table-primary"
    inside = ""
    if day.in_month:
        inside = "".join(calendar_entry(event, day) for event in day.shown)
        if day.more:
            label = ngettext("%(counter)s more", "%(counter)s more", day.more) % {
                "counter": day.more
            }
            inside += (
                f'<a href="{day_link}{day.day.day}{day_query}" class="d-block small fw-semibold '
                f'ps-1" data-more="{day.more}">{_escape(label)}</a>'
            )
    return (
        f'<td class="p-1 align-top day-cell{classes}">\n      <div class="small fw-semibold">'
        f"{day.day.day}</div>\n      {inside}\n    </td>"
    )


@register.simple_tag
def calendar_weeks(grid, day_link: str, day_query: str) -> str:
    """The rows of the month calendar's grid (`grid`: selectors.MonthCalendar), each day's
    cell written in one pass: its number, its first events (`calendar_entry`) and a link to
    the rest ("3 more": `day_link`, the day's number, `day_query`, as the template had it)."""
    day_link, day_query = _escape(day_link), _escape(day_query)
    return mark_safe(  # noqa: S308 - every value in a cell is escaped (calendar_entry)
        "".join(
            "<tr>\n    "
            + "".join(_calendar_cell(day, day_link, day_query) for day in week)
            + "\n  </tr>"
            for week in grid.weeks
        )
    )


@register.simple_tag
def calendar_days(grid, day_link: str, day_query: str) -> str:
    """The month calendar's days with events as a list, for phones (`grid`:
    selectors.MonthCalendar): each day's heading ("Pazartesi, 7 Haziran", the |date format
    "l, j F") and a link to its events; the weekday and month names are looked up once a page,
    not once a day."""
    days = grid.days_with_events
    if not days:
        return format_html('<p class="text-muted">{}</p>', _("No dated events this month."))
    weekdays = {}
    month = formats.date_format(grid.month, "F")
    day_link, day_query = _escape(day_link), _escape(day_query)
    parts = []
    for day in days:
        weekday = day.day.weekday()
        if weekday not in weekdays:
            weekdays[weekday] = formats.date_format(day.day, "l")
        count = len(day.events)
        label = ngettext("%(counter)s event", "%(counter)s events", count) % {"counter": count}
        parts.append(
            f'\n  <h2 class="h6 mt-3{" text-primary" if day.is_today else ""}">'
            f"{_escape(weekdays[weekday])}, {day.day.day} {_escape(month)}</h2>\n"
            f'  <a href="{day_link}{day.day.day}{day_query}" class="d-block small">'
            f"{_escape(label)}</a>\n  "
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value in it is escaped
