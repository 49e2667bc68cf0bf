"""Time in the venue's own zone, for the event admin: the widgets, the field and the texts.

Times are entered and shown in the venue's zone (10:00 in Bakü is stored as 06:00 UTC and shown
back as 10:00, "Bakü, UTC+4"), and a Bakü event also shows the İzmir time.
"""

from contextlib import nullcontext
from datetime import datetime

from django import forms
from django.contrib.admin import widgets
from django.utils import timezone
from django.utils.formats import date_format, time_format

from contacts.cities import city_name

from ..enums import DatePrecision
from ..models import Event
from ..timezones import IZMIR, localize, zone_label


def utc_offset(moment: datetime) -> str:
    """ "UTC+4", "UTC+3", "UTC+5:30"."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes >= 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")


def when_text(event: Event, zone_name: str) -> str:
    """The event's date in `zone_name`, at the precision it is known, with the zone named."""
    start, end = localize(event.start, zone_name), localize(event.end, zone_name)
    # The venue's own city (an İstanbul hall shares İzmir's zone but is not in İzmir).
    label = (
        city_name(event.city)
        if event.venue_id and zone_name == event.time_zone
        else zone_label(zone_name)
    )
    if event.date_precision == DatePrecision.YEAR:
        return f"{start.year} ({label})"
    if event.date_precision == DatePrecision.MONTH:
        return f"{date_format(start, 'YEAR_MONTH_FORMAT')} ({label})"
    if event.date_precision == DatePrecision.DAY:
        return f"{date_format(start, 'SHORT_DATE_FORMAT')} ({label}, {utc_offset(start)})"
    if start.date() == end.date():
        span = f"{time_format(start, 'H:i')}–{time_format(end, 'H:i')}"
    else:
        span = (
            f"{time_format(start, 'H:i')} – "
            f"{date_format(end, 'SHORT_DATE_FORMAT')} {time_format(end, 'H:i')}"
        )
    return f"{date_format(start, 'SHORT_DATE_FORMAT')} {span} ({label}, {utc_offset(start)})"


def izmir_time_text(event: Event) -> str:
    """For an event outside İzmir's zone with an exact time: the same moment in İzmir."""
    if event.time_zone == IZMIR or event.date_precision != DatePrecision.EXACT:
        return "—"
    text = when_text(event, IZMIR)
    if localize(event.start, IZMIR).date() == event.local_start.date():
        # Same day in both cities: the time alone is enough next to the venue's date.
        text = text.removeprefix(date_format(event.local_start, "SHORT_DATE_FORMAT") + " ")
    return text


class ZonedSplitDateTimeWidget(widgets.AdminSplitDateTime):
    """Shows an aware datetime as the wall-clock time of `zone` (the venue's)."""

    zone: str | None = None

    def decompress(self, value):
        with timezone.override(self.zone) if self.zone else nullcontext():
            return super().decompress(value)


class ZonedSplitDateTimeField(forms.SplitDateTimeField):
    """Reads the entered date and time as wall-clock time in `zone` (the venue's)."""

    zone: str | None = None

    def compress(self, data_list):
        with timezone.override(self.zone) if self.zone else nullcontext():
            return super().compress(data_list)


ZONED_FIELDS = ("start", "end", "registration_opens", "registration_closes")
