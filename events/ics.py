"""iCalendar (RFC 5545) output: one event, or the feed of all public events.

UIDs never change for an event (they come from its primary key), SEQUENCE is the event's
revision counter, and every zone used gets its VTIMEZONE so clients need no zone database.
"""

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import EventStatus, Recurrence
from .models import Event

UID_DOMAIN = "kardes40.izazder.org"
PRODID = "-//İZAZDER//Kardeş 40//TR"

_STATUS = {
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.DONE: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
}


# Control characters are not allowed in iCalendar text (RFC 5545 §3.3.11), and titles stored
# before one-line fields refused them may hold some: the builder cleans, it never raises.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\r\n\t]+")


def one_line(text: str) -> str:
    """Text for a one-line property (SUMMARY, LOCATION): controls and line breaks removed."""
    return " ".join(_CONTROLS.sub("", _LINE_BREAKS.sub(" ", text or "")).split())


def multi_line(text: str) -> str:
    """Text for DESCRIPTION: line breaks kept (as LF), other controls removed."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def ical_status(status: str) -> str:
    """The STATUS a calendar sees for an event status: idea and planned are TENTATIVE."""
    return _STATUS.get(status, "TENTATIVE")


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def event_component(event: Event, *, stamp: datetime | None = None) -> icalendar.Event:
    """One VEVENT. `stamp` is its DTSTAMP (default: now); a served feed passes the time its
    content last changed, so that the same content is the same bytes (and the same ETag)."""
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp or timezone.now())
    component.add("last-modified", event.updated_at or timezone.now())
    component.add("sequence", event.sequence)
    summary = one_line(event.title)
    if event.date_to_be_announced:
        summary = _("%(title)s (date to be announced)") % {"title": summary}
    component.add("summary", summary)
    if event.is_exact:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    else:
        # All-day: local dates, DTEND exclusive (the stored end is already the next midnight).
        end = event.local_end
        end_date = end.date() if end.time() == end.time().min else end.date() + timedelta(days=1)
        component.add("dtstart", event.local_start.date())
        component.add("dtend", end_date)
    if event.recurrence == Recurrence.YEARLY:
        component.add("rrule", {"freq": "yearly"})
    component.add("status", ical_status(event.status))
    if event.venue_id:
        component.add("location", one_line(event.venue.where()))
    if event.description:
        component.add("description", multi_line(event.description))
    component.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    return component


def build_calendar(
    events: Iterable[Event], *, name: str, stamp: datetime | None = None
) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", one_line(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(event_component(event, stamp=stamp))
    calendar.add_missing_timezones()
    return calendar


def event_ics(event: Event, *, stamp: datetime | None = None) -> bytes:
    return build_calendar([event], name=event.title, stamp=stamp).to_ical()
