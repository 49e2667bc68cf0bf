"""Changing an event's date or status. Every path (board, admin, tasks) goes through here.

Cancelling and moving also tell the delegates, exactly once, through the reminder delivery
table (events.services.reminders): the notices are rows planned in the same transaction and
sent by a task queued after the commit.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..enums import EventStatus
from ..models import Event
from . import reminders


def _dispatch_after_commit() -> None:
    # tasks.py imports the services it runs; importing it at the top would be a cycle.
    from ..tasks import dispatch_due_deliveries  # noqa: PLC0415

    transaction.on_commit(dispatch_due_deliveries.delay)


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


@transaction.atomic
def confirm_event(*, event: Event) -> Event:
    """Mark the event confirmed; raises its calendar revision so subscribers see the change."""
    event = _locked(event)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be confirmed; duplicate it instead."))
    if event.status != EventStatus.CONFIRMED:
        event.status = EventStatus.CONFIRMED
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
    return event


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
    *, event: Event, start: datetime, end: datetime, date_precision: str | None = None
) -> Event:
    """Move the event to new times (aware datetimes). Unchanged times change nothing.

    Side effects: times and calendar revision saved; pending reminders re-timed (those whose
    new time has passed are skipped); one "time changed" notice with the updated .ics (same
    UID, higher SEQUENCE) per active registration planned and queued after commit.
    """
    if end <= start:
        raise ValidationError({"end": _("The end must be after the start.")})
    event = _locked(event)
    precision = date_precision or event.date_precision
    if (event.start, event.end, event.date_precision) == (start, end, precision):
        return event
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be moved."))
    event.start, event.end, event.date_precision = start, end, precision
    event.sequence += 1
    event.save(update_fields=["start", "end", "date_precision", "sequence", "updated_at"])
    if reminders.plan_time_changed_notices(event=event):
        _dispatch_after_commit()
    return event
