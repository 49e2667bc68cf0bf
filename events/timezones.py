"""The two cities' zones and the helpers that keep every time in its venue's zone."""

import functools
import zoneinfo
from datetime import date, datetime, timedelta

from babel.core import get_global
from babel.dates import get_timezone_location
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from contacts.cities import city_name

from .enums import DatePrecision

IZMIR = "Europe/Istanbul"
BAKU = "Asia/Baku"

# Short names the board uses in place of the zone identifiers.
# The city a zone is named after on our pages, spelled per language by contacts.cities.
ZONE_CITIES = {IZMIR: "İzmir", BAKU: "Bakü"}
COUNTRY_ZONES = {"TR": IZMIR, "AZ": BAKU}


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            _("“%(value)s” is not a known time zone."), params={"value": value}
        ) from exc


def zone(name: str | None) -> zoneinfo.ZoneInfo:
    return _zone(name or settings.TIME_ZONE)


@functools.cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    # ZoneInfo keeps its own cache, but the lookup costs more than this one: a month
    # calendar localizes about a thousand times a render.
    return zoneinfo.ZoneInfo(name)


def zone_label(name: str) -> str:
    """The zone as its city, in the active language ("Bakı" on an Azerbaijani page).

    İzmir and Bakü come from the city table (contacts.cities); any other zone is its CLDR
    exemplar city in the active language (babel: "Europe/Berlin" reads "Berlin", "Asia/Tbilisi"
    "Tiflis" in Turkish), never the raw identifier.
    """
    city = ZONE_CITIES.get(name)
    if city:
        return city_name(city)
    try:
        return get_timezone_location(
            name, locale=(get_language() or settings.LANGUAGE_CODE).split("-")[0], return_city=True
        )
    except (LookupError, ValueError):
        return name


def country_zone(country: str, *, at: datetime) -> str | None:
    """The zone a registrant from `country` (ISO 3166-1 alpha-2) reads times in, for an event
    starting at `at` (aware).

    Türkiye and Azerbaijan are the two cities' zones. Another country's zone comes from CLDR's
    territory zones (babel) when the country keeps one clock at that moment (Germany: Berlin
    and Büsingen agree); for a country of several clocks (the United States, Russia) or an
    unknown one the registrant's zone cannot be told and None is returned: callers take the
    venue's zone, so that no email adds a "your time" line in a zone they may not be in.
    """
    code = str(country or "").upper()
    if code in COUNTRY_ZONES:
        return COUNTRY_ZONES[code]
    names = get_global("territory_zones").get(code) or []
    offsets = {at.astimezone(zone(n)).utcoffset() for n in names}
    return names[0] if len(offsets) == 1 else None


def other_city_zone(name: str) -> str:
    """The twin city's zone: İzmir for an event in Bakü, Bakü for everything else."""
    return IZMIR if name == BAKU else BAKU


def localize(moment: datetime, name: str) -> datetime:
    return moment.astimezone(zone(name))


def local_days(start: datetime, end: datetime, name: str) -> tuple[date, date]:
    """First and last day, in zone `name`, that the span [start, end) covers (aware datetimes).

    The end is exclusive, as DTEND is in iCalendar (RFC 5545 §3.6.1): an event ending at 00:00
    ends the day before. The last day is never before the first (a zero-length span).
    """
    first = localize(start, name).date()
    last = (localize(end, name) - timedelta(microseconds=1)).date()
    return first, max(first, last)


def precision_span(
    start: datetime, end: datetime | None, precision: str
) -> tuple[datetime, datetime | None]:
    """Widen naive local times to the whole day, month or year the precision names.

    The model stores an unfixed date as the span it covers, end exclusive: "March 2027" is
    1 March 00:00 to 1 April 00:00. For day precision the end names the last day, inclusive.
    """
    if precision == DatePrecision.EXACT:
        return start, end
    last = (end or start).date()
    if precision == DatePrecision.DAY:
        first, after = start.date(), last + timedelta(days=1)
    elif precision == DatePrecision.MONTH:
        first = start.date().replace(day=1)
        after = (last.replace(day=1) + timedelta(days=32)).replace(day=1)
    else:
        first = date(start.year, 1, 1)
        after = date(last.year + 1, 1, 1)
    return datetime.combine(first, datetime.min.time()), datetime.combine(
        after, datetime.min.time()
    )


# --- occurrences and months: the one rule every page, tile, menu, filter and feed follows ------
# An event's day, month and year are those of its venue's zone, never the site's: a Bakü event
# at 00:30 on 1 May is in May, although it is still 30 April in İzmir.


def shift_years(moment: datetime, years: int) -> datetime | None:
    """The same wall-clock time `years` later, or None when that day does not exist.

    RRULE:FREQ=YEARLY (RFC 5545 §3.3.10) ignores invalid dates, so an event on 29 February
    repeats only in leap years; the site must not invent a 28 February the feed lacks.
    """
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February in a common year
        return None


def occurrences(
    start: datetime, end: datetime, name: str, *, yearly: bool, first: date, last: date
) -> list[tuple[datetime, datetime]]:
    """Every (start, end), in zone `name`, of an event whose local days overlap [first, last].

    `start` and `end` are aware; a yearly event repeats at the same wall-clock time in its zone
    every year from its first year on, as the feed's RRULE:FREQ=YEARLY says. Days are local
    days of zone `name` (see `local_days`: the end is exclusive).
    """
    local_start, local_end = localize(start, name), localize(end, name)
    # Skip the years that end before the window (a long event may reach into the next ones).
    begin = max(0, first.year - local_start.year - (local_end.year - local_start.year) - 1)
    years = range(begin, last.year - local_start.year + 2) if yearly else range(1)
    found = []
    for shift in years:
        moved_start = shift_years(local_start, shift)
        moved_end = shift_years(local_end, shift) if moved_start else None
        if moved_start is None or moved_end is None:
            continue
        day, final = local_days(moved_start, moved_end, name)
        if day > last:
            break
        if final >= first:
            found.append((moved_start, moved_end))
    return found


def months_of(first: date, last: date) -> list[date]:
    """The first day of every month that [first, last] touches."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def local_months(
    start: datetime, end: datetime, name: str, *, yearly: bool, first: date, last: date
) -> set[date]:
    """The months (their first days) within [first, last] in which the event takes place, in
    zone `name`: every month any of its occurrences touches there."""
    if not yearly:  # the common case, without the occurrence machinery (thousands per page)
        day, final = local_days(start, end, name)
        return set(months_of(max(day, first), min(final, last)))
    months: set[date] = set()
    for moved_start, moved_end in occurrences(
        start, end, name, yearly=yearly, first=first, last=last
    ):
        day, final = local_days(moved_start, moved_end, name)
        months.update(months_of(max(day, first), min(final, last)))
    return months


def candidate_window(first: date, last: date) -> tuple[datetime, datetime]:
    """A UTC window [start, end) holding every instant that is a day in [first, last] in some
    zone: zones lie less than a day from UTC (-12 h to +14 h), so one day each side is enough.
    A query narrows by it; `occurrences` then keeps what is really there in the venue's zone."""
    utc = zoneinfo.ZoneInfo("UTC")
    return (
        datetime.combine(first - timedelta(days=1), datetime.min.time(), tzinfo=utc),
        datetime.combine(last + timedelta(days=2), datetime.min.time(), tzinfo=utc),
    )


class LocalDate(models.Func):
    """SQL for `localize(moment, name).date()` with the zone read from a column, row by row:
    the day an instant falls on in that row's zone (a DateField).

    `LocalDate("start", "venue__time_zone")`; an empty or missing zone is the site's, as
    `Event.time_zone` says. Django's own `TruncDate(tzinfo=...)` takes one zone for the whole
    query, which puts a Bakü event at 00:30 on 1 May into İzmir's 30 April. PostgreSQL converts
    with `AT TIME ZONE` (its tz database); SQLite with the function Django registers on every
    connection for its own date lookups (`django_datetime_cast_date`, Python's zoneinfo). Other
    backends raise NotImplementedError (the project runs on these two).
    """

    output_field = models.DateField()

    def __init__(self, moment, zone_name, **extra):
        zone_name = Coalesce(
            NullIf(zone_name, models.Value("")),
            models.Value(settings.TIME_ZONE),
            output_field=models.CharField(),
        )
        super().__init__(moment, zone_name, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="((%(expressions)s))::date",
            arg_joiner=" AT TIME ZONE ",
            **extra_context,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        # The last argument is the zone the connection stores datetimes in (UTC).
        sql, params = self.as_sql(
            compiler,
            connection,
            template="django_datetime_cast_date(%(expressions)s, %%s)",
            **extra_context,
        )
        return sql, (*params, connection.timezone_name)

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor not in ("postgresql", "sqlite"):
            raise NotImplementedError(f"LocalDate has no SQL for {connection.vendor}.")
        return super().as_sql(compiler, connection, **extra_context)
