"""iCalendar (RFC 5545) output: one event, or the feed of all public events.

UIDs never change for an event (they come from its primary key), SEQUENCE is the event's
revision counter, and every zone used gets its VTIMEZONE so clients need no zone database.
"""

import copy
import functools
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from contacts.content import active_language, translation_of

from .enums import EventStatus, Recurrence
from .models import Event

UID_DOMAIN = "kardes40.izazder.org"
PRODID = "-//İZAZDER//Kardeş 40//TR"

# iTIP methods (RFC 5546 §1.4): a file anyone may add (the feed, a confirmation's .ics), and the
# organizer's notice that an event is off, which a calendar client applies to its copy.
PUBLISH, CANCEL = "PUBLISH", "CANCEL"

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
    # Each text says its language (LANGUAGE, RFC 5545 §3.2.10): the requested one, or "tr"
    # where the event has no text of its own in it and the Turkish stands in.
    title = translation_of(event, "title")
    summary = one_line(title.text)
    if event.date_to_be_announced:
        summary = _("%(title)s (date to be announced)") % {"title": summary}
    component.add("summary", summary, parameters={"language": title.language})
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
        # LANGUAGE is the name's (the Turkish standing in, or the asked one); the city is
        # spelled in the feed's language, as on every other line of it, and named once
        # (Venue.where).
        language = translation_of(event.venue, "name").lang or active_language()
        component.add("location", one_line(event.venue.where()), parameters={"language": language})
    description = translation_of(event, "description")
    if description.text:
        component.add(
            "description",
            multi_line(description.text),
            parameters={"language": description.language},
        )
    component.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    return component


def build_calendar(
    events: Iterable[Event],
    *,
    name: str,
    stamp: datetime | None = None,
    time_zone: str | None = None,
    method: str = PUBLISH,
    attendee: str = "",
) -> icalendar.Calendar:
    """A VCALENDAR of `events` with a VTIMEZONE for every zone they use. X-WR-TIMEZONE (the
    de-facto zone a client shows a calendar in) is `time_zone`, default the site's: the
    whole program's feed keeps İzmir's, one event's file says its venue's.

    `method` is PUBLISH or CANCEL. A CANCEL (RFC 5546 §3.2.5) names the organizer (the site's
    sender address) and `attendee`, the recipient's address, in every VEVENT, as that method
    requires; each VEVENT keeps its UID and carries STATUS:CANCELLED and the raised SEQUENCE.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", one_line(name))
    calendar.add("x-wr-timezone", time_zone or settings.TIME_ZONE)
    for event in events:
        component = event_component(event, stamp=stamp)
        if method == CANCEL:
            _add_parties(component, attendee=attendee)
        calendar.add_component(component)
    # As calendar.add_missing_timezones() does, with each zone's VTIMEZONE computed once.
    for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        vtimezone = _vtimezone(tzid)
        if vtimezone is not None:
            calendar.subcomponents.insert(position, copy.deepcopy(vtimezone))
    return calendar


@functools.cache
def _vtimezone(tzid: str) -> icalendar.Timezone | None:
    """The VTIMEZONE of a zone (its transitions 1970-2038), or None for a zone icalendar does
    not know. Computing one walks every transition (about 50 ms); the answer never changes
    within a process, and every email with an .ics and every feed needs it."""
    try:
        return icalendar.Timezone.from_tzid(tzid)
    except ValueError:
        return None


def event_ics(
    event: Event, *, stamp: datetime | None = None, method: str = PUBLISH, attendee: str = ""
) -> bytes:
    """One event's .ics in the active language, in its venue's zone (X-WR-TIMEZONE too);
    `method` and `attendee` as in build_calendar (a cancellation notice sends CANCEL)."""
    return build_calendar(
        [event],
        name=event.title,
        stamp=stamp,
        time_zone=event.time_zone,
        method=method,
        attendee=attendee,
    ).to_ical()


def attachment_type(method: str = PUBLISH) -> str:
    """The MIME type of an .ics attached to an email: text/calendar with the file's METHOD
    repeated as a parameter, as iMIP requires (RFC 6047 §2.4)."""
    return f"text/calendar; method={method}"


def _add_parties(component: icalendar.Event, *, attendee: str) -> None:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = icalendar.vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["cn"] = icalendar.vText(name)
    component.add("organizer", organizer)
    if attendee:
        component.add("attendee", icalendar.vCalAddress(f"mailto:{attendee}"))
