"""The two cities' zones and the helpers that keep every time in its venue's zone."""

import zoneinfo
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
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
    return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)


def zone_label(name: str) -> str:
    """The zone as its city, in the active language ("Bakı" on an Azerbaijani page)."""
    city = ZONE_CITIES.get(name)
    return city_name(city) if city else name


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
