"""A participant's agenda as data, iCalendar and PDF.

Each meeting is one VEVENT whose UID comes from its request (so it survives a re-run of the
scheduler) and whose SEQUENCE is the meeting's revision: a calendar that imported the agenda
updates a moved meeting in place.
"""

from dataclasses import dataclass
from datetime import datetime

import icalendar
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..ics import PRODID, UID_DOMAIN
from ..timezones import localize, zone_label
from .models import Meeting, Participant


@dataclass(frozen=True)
class AgendaItem:
    meeting: Meeting
    other: Participant
    venue_start: datetime
    own_start: datetime | None  # None when the participant lives in the venue's zone

    @property
    def end(self) -> datetime:
        return localize(self.meeting.ends_at, self.venue_start.tzinfo.key)


def meeting_uid(meeting: Meeting) -> str:
    return f"b2b-meeting-{meeting.request_id}@{UID_DOMAIN}"


def agenda(participant: Participant) -> list[AgendaItem]:
    """The participant's published meetings in time order."""
    event = participant.event
    own_zone = participant.registration.time_zone
    items = []
    meetings = Meeting.objects.involving(participant).published().with_parties()
    for meeting in meetings.order_by("starts_at"):
        venue_start = localize(meeting.starts_at, event.time_zone)
        own = localize(meeting.starts_at, own_zone) if own_zone != event.time_zone else None
        items.append(AgendaItem(meeting, meeting.request.other(participant), venue_start, own))
    return items


def agenda_ics(participant: Participant, items: list[AgendaItem]) -> bytes:
    event = participant.event
    with translation.override(participant.registration.language):
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("B2B meetings: %(title)s") % {"title": event.title})
        for item in items:
            meeting, other = item.meeting, item.other
            component = icalendar.Event()
            component.add("uid", meeting_uid(meeting))
            component.add("sequence", meeting.sequence)
            component.add("dtstamp", timezone.now())
            component.add("dtstart", item.venue_start)
            component.add("dtend", item.end)
            component.add(
                "summary",
                _("Meeting: %(name)s (%(organization)s), table %(table)s")
                % {
                    "name": other.name,
                    "organization": other.organization_name,
                    "table": meeting.table,
                },
            )
            location = [_("Table %(table)s") % {"table": meeting.table}]
            if event.venue_id:
                location.append(str(event.venue))
            component.add("location", ", ".join(location))
            component.add("description", meeting.request.reason)
            calendar.add_component(component)
        calendar.add_missing_timezones()
    return calendar.to_ical()


def agenda_pdf(participant: Participant, items: list[AgendaItem]) -> bytes:
    """Rendered by WeasyPrint (with the system's pango): what a participant prints."""
    # WeasyPrint loads pango and its fonts on import: only the processes that print pay for it.
    from weasyprint import HTML  # noqa: PLC0415

    with translation.override(participant.registration.language):
        html = render_to_string(
            "b2b/agenda_pdf.html",
            {
                "participant": participant,
                "event": participant.event,
                "items": items,
                "venue_zone": zone_label(participant.event.time_zone),
                "own_zone": zone_label(participant.registration.time_zone),
            },
        )
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()
