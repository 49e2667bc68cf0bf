"""When a reminder or digest is due: wall-clock arithmetic in the venue's zone and İzmir's."""

from datetime import UTC, datetime, time, timedelta

from django.conf import settings

from ...enums import DatePrecision
from ...models import Event
from ...timezones import IZMIR, localize, zone

MINUTES_PER_DAY = 24 * 60
# The responsible person hears about an unconfirmed event 30 and 7 days ahead.
RESPONSIBLE_OFFSETS = [30 * MINUTES_PER_DAY, 7 * MINUTES_PER_DAY]
DIGEST_DAYS = 14
DIGEST_TIME = time(8, 0)


def reminder_due_at(*, start: datetime, time_zone: str, offset: int) -> datetime:
    """When a reminder `offset` minutes before `start` is due (UTC).

    Whole days are counted on the venue's wall clock: "1 day before 10:00 in Bakü" is 10:00 in
    Bakü the day before, whatever a DST change in between or the server's zone says. Shorter
    offsets ("2 hours before") are elapsed time.
    """
    if offset % MINUTES_PER_DAY == 0:
        # Aware arithmetic within one zone is wall-clock arithmetic; the offset is re-read after.
        return (localize(start, time_zone) - timedelta(minutes=offset)).astimezone(UTC)
    return start - timedelta(minutes=offset)


def digest_due_at(now: datetime) -> datetime:
    """This week's digest time: Monday 08:00 in İzmir."""
    local = localize(now, IZMIR)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime.combine(monday, DIGEST_TIME, tzinfo=zone(IZMIR)).astimezone(UTC)


def digest_subject_key(due: datetime) -> str:
    year, week, _weekday = localize(due, IZMIR).isocalendar()
    return f"digest:{year}-W{week:02d}"


def delegate_offsets(event: Event) -> list[int]:
    """The event's reminder offsets that make sense for how precisely its date is known."""
    # reminder_offsets is free JSON: one event's typo must not stop every other event's reminders.
    configured = event.reminder_offsets or settings.REMINDER_DEFAULT_OFFSETS
    offsets = sorted(
        {o for o in configured if type(o) is int and o > 0},
        reverse=True,
    )
    if event.date_precision == DatePrecision.EXACT:
        return offsets
    if event.date_precision == DatePrecision.DAY:
        # "2 hours before" a day with no time yet would arrive at 22:00 the evening before.
        return [o for o in offsets if o >= MINUTES_PER_DAY]
    return []
