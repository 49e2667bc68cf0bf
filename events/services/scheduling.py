"""Changing an event's date, recurrence or status: what calendar clients must apply (RFC 5546
§2.1.4), so each raises the iCal SEQUENCE. Every path (board, admin, tasks) goes through here.

Cancelling and moving also tell the delegates, exactly once, through the reminder delivery
table (events.services.reminders): the notices are rows planned in the same transaction and
sent by a task queued after the commit.
"""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from ..enums import EventStatus
from ..exceptions import DomainError
from ..ics import ical_status
from ..models import Event
from . import reminders


class SchedulingError(DomainError):
    """The event's date or status cannot change that way (e.g. it is cancelled)."""


def _dispatch_after_commit() -> None:
    # tasks.py imports the services it runs; importing it at the top would be a cycle.
    from ..tasks import dispatch_due_deliveries  # noqa: PLC0415

    transaction.on_commit(dispatch_due_deliveries.delay)


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


@transaction.atomic
def set_event_status(*, event: Event, status: str) -> Event:
    """Move the event to `status` (an `EventStatus` value). Unchanged status changes nothing.

    Cancelling goes to `cancel_event` (with its notices). Idea, planned, confirmed and done
    move freely among themselves; a cancelled event stays cancelled (duplicate it instead).

    Side effects: status saved (an audit log entry records who changed it); the calendar
    revision (iCal SEQUENCE) is raised when the STATUS calendars see changes, i.e. to or from
    CONFIRMED (RFC 5546: subscribers update the copy they hold); planned -> idea or
    confirmed -> done leave it. No mail is sent: registrants are told about moves and
    cancellations only. Returns the saved event, locked and re-read.

    Raises SchedulingError when the event is cancelled and `status` is another one.
    """
    if status == EventStatus.CANCELLED:
        return cancel_event(event=event)
    event = _locked(event)
    if event.status == status:
        return event
    if event.status == EventStatus.CANCELLED:
        if status == EventStatus.CONFIRMED:
            raise SchedulingError(_("A cancelled event cannot be confirmed; duplicate it instead."))
        raise SchedulingError(_("A cancelled event cannot be reopened; duplicate it instead."))
    fields = ["status", "updated_at"]
    if ical_status(status) != ical_status(event.status):
        event.sequence += 1
        fields.append("sequence")
    event.status = status
    event.save(update_fields=fields)
    return event


def confirm_event(*, event: Event) -> Event:
    """Mark the event confirmed: `set_event_status` with CONFIRMED (SEQUENCE raised if it
    was idea or planned). Raises SchedulingError for a cancelled event."""
    return set_event_status(event=event, status=EventStatus.CONFIRMED)


@transaction.atomic
def cancel_event(*, event: Event) -> Event:
    """Cancel the event. Idempotent: cancelling a cancelled event changes nothing.

    Side effects: status and calendar revision saved; pending reminders skipped; one
    cancellation notice (with the cancelled .ics) per active registration planned and queued
    after commit.
    """
    event = _locked(event)
    if event.status != EventStatus.CANCELLED:
        event.status = EventStatus.CANCELLED
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
        if reminders.plan_cancellation_notices(event=event):
            _dispatch_after_commit()
    return event


@transaction.atomic
def reschedule_event(
    *,
    event: Event,
    start: datetime,
    end: datetime,
    date_precision: str | None = None,
    recurrence: str | None = None,
) -> Event:
    """Move the event to new times (aware datetimes), precision or recurrence (a `Recurrence`
    value; None keeps each as it is). Unchanged values change nothing.

    Everything RFC 5546 §2.1.4 lists for a calendar client to apply (start, end, recurrence;
    status is `set_event_status`) raises the calendar revision (iCal SEQUENCE) here, once per
    call, so a client holding the old copy replaces it.

    Side effects: times, precision, recurrence and calendar revision saved; when the times or
    the precision change, pending reminders are re-timed (those whose new time has passed are
    skipped) and one "time changed" notice with the updated .ics (same UID, higher SEQUENCE)
    per active registration is planned and queued after commit. A recurrence change alone
    sends no mail: the first occurrence, which registrants signed up for, stays where it was.

    Raises SchedulingError (on "end") when the end is not after the start, and when the event
    is cancelled.
    """
    if end <= start:
        raise SchedulingError({"end": _("The end must be after the start.")})
    event = _locked(event)
    precision = date_precision or event.date_precision
    repeats = event.recurrence if recurrence is None else recurrence
    moved = (event.start, event.end, event.date_precision) != (start, end, precision)
    if not moved and repeats == event.recurrence:
        return event
    if event.status == EventStatus.CANCELLED:
        raise SchedulingError(_("A cancelled event cannot be moved."))
    event.start, event.end, event.date_precision = start, end, precision
    event.recurrence = repeats
    event.sequence += 1
    event.save(
        update_fields=["start", "end", "date_precision", "recurrence", "sequence", "updated_at"]
    )
    if moved and reminders.plan_time_changed_notices(event=event):
        _dispatch_after_commit()
    return event
