"""Checking delegates in at the door: by name on the desk page, or by scanning their QR code.

The QR code in the confirmation email encodes `checkin_url(registration)`: SITE_URL plus the
`registrants:checkin` path with a CHECK_IN token, so that a phone camera opens the scan page.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from contacts.content import marked_sentence, translation_of

from ..enums import RegistrationStatus
from ..exceptions import DomainError
from ..links import checkin_url
from ..models import Event, Registration
from ..qr import qr_png
from ..timezones import zone


class CheckInRefused(DomainError):
    """The registration cannot be checked in; `message` says why, in the user's language."""


@dataclass(frozen=True)
class CheckIn:
    registration: Registration
    # True when the delegate had been checked in before: nothing was changed this time.
    already: bool

    @property
    def message(self) -> str:
        params = {
            "name": self.registration.full_name,
            "time": checked_in_time(self.registration),
        }
        if self.already:
            return _("%(name)s was already checked in at %(time)s.") % params
        return _("%(name)s is checked in (%(time)s).") % params


def checkin_qr_png(registration: Registration) -> bytes:
    return qr_png(checkin_url(registration))


def checked_in_time(registration: Registration) -> str:
    """HH:MM in the event's zone (the clock on the wall at the door)."""
    if registration.attended_at is None:
        return ""
    local = registration.attended_at.astimezone(zone(registration.event.time_zone))
    return local.strftime("%H:%M")


def event_refusal(event: Event, *, now: datetime | None = None) -> str | None:
    """Why nobody can be checked in to this event now (cancelled, another day), or None. HTML
    (a SafeString): the event's title marked where it stands in Turkish (contacts.content)."""
    title = translation_of(event, "title")
    if event.is_cancelled:
        return marked_sentence(_("“%(event)s” is cancelled."), event=title)
    first, last = event.local_days
    today = timezone.localdate(now or timezone.now(), zone(event.time_zone))
    params = {
        "event": title,
        "date": formats.date_format(first, "DATE_FORMAT"),
        "today": formats.date_format(today, "DATE_FORMAT"),
    }
    if today < first:
        return marked_sentence(
            _("“%(event)s” is on %(date)s; check-in opens on the day (today is %(today)s)."),
            **params,
        )
    if today > last:
        return marked_sentence(
            _("“%(event)s” took place on %(date)s; check-in is closed."), **params
        )
    return None


def refusal(registration: Registration, *, now: datetime | None = None) -> str | None:
    """Why this registration cannot be checked in now, or None if it can (or already was)."""
    if registration.status != RegistrationStatus.CONFIRMED:
        reasons = {
            RegistrationStatus.PENDING: _(
                "%(name)s has not confirmed the registration from the email yet, so there is "
                "no seat to check in."
            ),
            RegistrationStatus.WAITLISTED: _(
                "%(name)s is on the waitlist and has no seat; a seat has to be freed first."
            ),
            RegistrationStatus.CANCELLED: _("%(name)s's registration was cancelled."),
            RegistrationStatus.EXPIRED: _(
                "%(name)s's registration expired because it was never confirmed."
            ),
        }
        reason = reasons.get(registration.status, _("%(name)s's registration is not confirmed."))
        return reason % {"name": registration.full_name}
    if registration.attended_at is not None and not registration.event.is_cancelled:
        # Already in: a repeat tap is answered with the time, not refused.
        return None
    return event_refusal(registration.event, now=now)


@transaction.atomic
def check_in(
    *, registration: Registration, by: AbstractBaseUser | None, now: datetime | None = None
) -> CheckIn:
    """Mark a confirmed delegate as attended, once.

    Side effects: sets Registration.attended_at (now) and checked_in_by (`by`) the first time;
    a repeated tap (two volunteers, a double scan) changes nothing and says when it happened.
    Raises CheckInRefused, changing nothing, for registrations that hold no seat (pending,
    waitlisted, cancelled, expired), a cancelled event, or an event on another day.
    """
    # The row lock makes two simultaneous taps agree on one check-in time.
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = Event.objects.select_related("venue").get(pk=registration.event_id)
    reason = refusal(registration, now=now)
    if reason:
        raise CheckInRefused(reason)
    if registration.attended_at is not None:
        return CheckIn(registration=registration, already=True)
    registration.attended_at = now or timezone.now()
    registration.checked_in_by = by if by is not None and by.is_authenticated else None
    registration.save(update_fields=["attended_at", "checked_in_by"])
    return CheckIn(registration=registration, already=False)
