"""Whether an event takes registrations right now, and how many seats it has left.

One place for the rule, read by the public pages (what to show) and by the registration
service (what to allow), so that a page never offers what the service would refuse.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .enums import EventStatus
from .models import Event

# States, from the delegate's point of view.
OPEN = "open"  # seats left (or no limit)
WAITLIST = "waitlist"  # full, but new registrations join the waitlist
NOT_YET_OPEN = "not_yet_open"
NOT_OPEN = "not_open"  # never opened: a plan without its day takes no registrations
CLOSED = "closed"
FULL = "full"  # closed, and every seat was taken
PAST = "past"
CANCELLED = "cancelled"


def registration_closes_at(event: Event) -> datetime:
    """Registration closes when the board says, and at the latest when the event starts."""
    if event.registration_closes and event.registration_closes < event.start:
        return event.registration_closes
    return event.start


def _local(moment: datetime, event: Event) -> str:
    return formats.date_format(
        timezone.localtime(moment, event.local_start.tzinfo), "DATETIME_FORMAT"
    )


def _over(event: Event, now: datetime) -> bool:
    # Event.is_past's rule (a yearly series is never over), the end itself counting as over.
    return event.next_occurrence(now)[1] <= now


def why_registration_closed(event: Event, *, now: datetime | None = None) -> str | None:
    """Why the event takes no registration now, said plainly; None when it does."""
    now = now or timezone.now()
    if event.is_cancelled:
        return _("This event has been cancelled, so it takes no registrations.")
    if event.status == EventStatus.IDEA:
        # An idea may never happen: nobody should plan their travel around it.
        return _("This event is still an idea; registration opens once it is planned.")
    if event.date_never_fixed:
        return _("The date of this plan was never fixed.")
    if event.date_to_be_announced:
        return _("Registration opens once the date is fixed.")
    # Known only by a year or month that is over (the 1986 protocol): past, never open.
    if _over(event, now) or event.is_undated:
        return _("This event has already taken place.")
    if event.registration_opens and now < event.registration_opens:
        return _("Registration opens on %(when)s.") % {
            "when": _local(event.registration_opens, event)
        }
    if now >= registration_closes_at(event):
        return _("Registration for this event is closed.")
    return None


@dataclass(frozen=True)
class Availability:
    state: str
    seats_left: int | None  # None: no limit
    message: str

    @property
    def can_register(self) -> bool:
        return self.state in (OPEN, WAITLIST)


def availability(event: Event, *, seats_held: int, now: datetime | None = None) -> Availability:
    """The event's registration state given how many seats pending/confirmed ones hold."""
    now = now or timezone.now()
    seats_left = None if event.capacity is None else max(event.capacity - seats_held, 0)
    problem = why_registration_closed(event, now=now)
    if event.is_cancelled:
        return Availability(CANCELLED, seats_left, problem)
    if event.date_to_be_announced or event.date_never_fixed:
        return Availability(NOT_OPEN, seats_left, problem)
    if _over(event, now) or event.is_undated:
        return Availability(PAST, seats_left, problem)
    if problem and event.registration_opens and now < event.registration_opens:
        return Availability(NOT_YET_OPEN, seats_left, problem)
    if problem:
        if seats_left == 0:
            return Availability(FULL, 0, _("Full: registration is closed."))
        return Availability(CLOSED, seats_left, problem)
    if seats_left is None:
        return Availability(OPEN, None, _("Registration is open."))
    if seats_left == 0:
        return Availability(
            WAITLIST, 0, _("Full: you can join the waitlist and get a seat when one frees up.")
        )
    return Availability(
        OPEN,
        seats_left,
        ngettext("%(count)d seat left.", "%(count)d seats left.", seats_left)
        % {"count": seats_left},
    )
