"""Changing an event's date or status. Every path (board, admin, tasks) goes through here."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..enums import EventStatus
from ..models import Event


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
    """Cancel the event. Idempotent: cancelling a cancelled event changes nothing."""
    event = _locked(event)
    if event.status != EventStatus.CANCELLED:
        event.status = EventStatus.CANCELLED
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
    return event


@transaction.atomic
def reschedule_event(
    *, event: Event, start: datetime, end: datetime, date_precision: str | None = None
) -> Event:
    """Move the event to new times (aware datetimes). Unchanged times change nothing."""
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
    return event
