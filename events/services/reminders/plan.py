"""Planning: the pending ReminderDelivery rows of upcoming events, and notices of changes.

Planning creates rows and re-times or skips pending ones; it sends nothing. Every row is built
by `Recipient.row()` and written by `create_missing()`, so the three kinds of planning
(reminders, notices, digests) cannot disagree on what a row holds.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, transaction
from django.db.models import CharField, Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.constants import OnConflict
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...enums import DeliveryKind, DeliveryState, EventStatus, RegistrationStatus
from ...models import Event, Registration, ReminderDelivery
from .timing import RESPONSIBLE_OFFSETS, delegate_offsets, reminder_due_at


@dataclass
class PlanResult:
    planned: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class Recipient:
    """Who a row goes to: `key` is unique per person and kind of recipient (registration:12,
    person:3, user:7), `links` the row's foreign key to them."""

    key: str
    email: str
    language: str
    # A reminder already due when the recipient came along is not sent (they just heard).
    since: datetime | None
    links: dict

    def row(self, *, kind: str, subject_key: str, due_at: datetime, **fields) -> ReminderDelivery:
        """An unsaved pending ReminderDelivery to this recipient (`fields`: event, offset)."""
        return ReminderDelivery(
            kind=kind,
            recipient_key=self.key,
            email=self.email,
            language=self.language,
            subject_key=subject_key,
            due_at=due_at,
            **self.links,
            **fields,
        )


# What a recipient is made of. event_id too: a queryset of event.registrations fills in each
# row's event from the one it came from, which reads event_id, and a deferred event_id would
# cost a query per registration.
RECIPIENT_FIELDS = ("pk", "event_id", "email", "language", "confirmed_at", "created_at")


def registration_recipient(registration: Registration) -> Recipient:
    return Recipient(
        key=f"registration:{registration.pk}",
        email=registration.email,
        language=registration.language,
        since=registration.confirmed_at or registration.created_at,
        links={"registration": registration},
    )


def create_missing(rows: list[ReminderDelivery]) -> int:
    """Insert the rows; one that exists already (same recipient, subject, offset) is left as
    it is, whatever state it is in. Returns how many were offered."""
    ReminderDelivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return len(rows)


# How registration_recipient() makes a recipient, as SQL over the registrations table: the
# columns of a row that come from the registration (tested against the Python path).
def _registration_columns(table: str) -> dict[str, str]:
    q = connection.ops.quote_name
    return {
        "recipient_key": f"'registration:' || {table}.{q('id')}",
        "email": f"{table}.{q('email')}",
        "language": f"{table}.{q('language')}",
        "registration_id": f"{table}.{q('id')}",
    }


def _recipient_keys(registrations: QuerySet) -> QuerySet:
    """The recipient keys of these registrations, as a subquery."""
    key = Concat(Value("registration:"), Cast("pk", output_field=CharField()))
    return registrations.annotate(recipient_key=key).values("recipient_key")


def create_missing_for_registrations(*, registrations: QuerySet, row: ReminderDelivery) -> int:
    """create_missing() for one row per registration, in one INSERT … SELECT.

    `row` is the row as Recipient.row() makes it for any of them (kind, subject, due time,
    event, offset); each registration gives the rest (see registration_recipient()), and one
    whose recipient came along at or after the row's due time gets none. A row that exists
    already is left as it is. Returns how many rows were created.
    """
    q = connection.ops.quote_name
    table = q(Registration._meta.db_table)
    per_registration = _registration_columns(table)
    columns, values, params = [], [], []
    for field in ReminderDelivery._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(q(field.column))
        if field.attname in per_registration:
            values.append(per_registration[field.attname])
        else:
            values.append("%s")
            params.append(field.get_db_prep_save(field.pre_save(row, add=True), connection))
    chosen, chosen_params = registrations.values("pk").query.sql_with_params()
    due = ReminderDelivery._meta.get_field("due_at").get_db_prep_save(row.due_at, connection)
    sql = (
        f"{connection.ops.insert_statement(on_conflict=OnConflict.IGNORE)} "
        f"{q(ReminderDelivery._meta.db_table)} ({', '.join(columns)}) "
        f"SELECT {', '.join(values)} FROM {table} WHERE {table}.{q('id')} IN ({chosen}) "
        f"AND COALESCE({table}.{q('confirmed_at')}, {table}.{q('created_at')}) < %s "
        f"{connection.ops.on_conflict_suffix_sql([], OnConflict.IGNORE, [], [])}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *chosen_params, due])
        return cursor.rowcount


def skip(queryset, reason) -> int:
    """Mark the rows skipped with `reason` (shown in the admin). Returns how many."""
    return queryset.update(
        state=DeliveryState.SKIPPED, last_error=str(reason), claim_token="", claimed_at=None
    )


def timed_subject_key(event: Event, what: str) -> str:
    """ "event:5:reminder@20261210T1600Z": a reminder is sent once per (recipient, offset,
    event time). A moved event gets a fresh set of offsets; moved back to a time already
    reminded of, the rows of that time are still there and nothing is sent twice."""
    return f"event:{event.pk}:{what}@{event.start.astimezone(UTC):%Y%m%dT%H%MZ}"


def _plan_rows(
    *,
    event: Event,
    kind: str,
    subject_key: str,
    offsets: list[int],
    recipients: Iterable[Recipient] = (),
    registrations: QuerySet | None = None,
    now: datetime,
) -> int:
    """Create the missing rows at `offsets`, re-time pending ones. Returns rows created.

    The recipients are `recipients`, or `registrations` (one each, as registration_recipient()
    makes it), whose rows are then written by the database in one statement per offset."""
    recipients = list(recipients)
    of_kind = ReminderDelivery.objects.filter(event=event, kind=kind)
    earlier_times = of_kind.exclude(subject_key=subject_key)
    # The event moved: the unsent reminders of its earlier time(s) are not due any more. They
    # stay on record (skipped), which is also how a later planning run knows it moved.
    skip(earlier_times.pending(), _("The event moved; this reminder was for its earlier time."))
    event_moved = earlier_times.exists()
    rows = of_kind.filter(subject_key=subject_key)
    # Moved back to a time whose reminders were skipped by the move: those not yet due go out
    # after all (the other reasons to skip concern recipients no longer listed, or the past).
    listed = (
        _recipient_keys(registrations) if registrations is not None else [r.key for r in recipients]
    )
    rows.filter(
        state=DeliveryState.SKIPPED,
        sent_at__isnull=True,
        due_at__gt=now,
        recipient_key__in=listed,
    ).update(state=DeliveryState.PENDING, last_error="")
    # Offsets the event no longer uses: their pending rows were never due, so they just go.
    rows.pending().exclude(offset__in=offsets).delete()
    dues = {
        o: reminder_due_at(start=event.start, time_zone=event.time_zone, offset=o) for o in offsets
    }
    for offset, due in dues.items():
        retimed = rows.pending().filter(offset=offset).exclude(due_at=due)
        if due <= now:
            # The event moved and this reminder's moment has passed; the time-changed notice
            # tells the delegate, a late "in 7 days" three days before would only confuse.
            skip(retimed, _("The event moved; this reminder's time had already passed."))
        else:
            retimed.update(due_at=due)
    # After a move, a moment already past is not reminded of late: the time-changed notice has
    # told the delegate (a missed sweep, though, still sends late).
    dues = {o: due for o, due in dues.items() if not (event_moved and due <= now)}
    if registrations is not None:
        template = Recipient(key="", email="", language="", since=None, links={})
        return sum(
            create_missing_for_registrations(
                registrations=registrations,
                row=template.row(
                    kind=kind, subject_key=subject_key, due_at=due, event=event, offset=offset
                ),
            )
            for offset, due in dues.items()
        )
    have = set(rows.values_list("recipient_key", "offset"))
    return create_missing(
        [
            recipient.row(
                kind=kind, subject_key=subject_key, due_at=due, event=event, offset=offset
            )
            for recipient in recipients
            for offset, due in dues.items()
            if (recipient.key, offset) not in have and due > recipient.since
        ]
    )


def _plan_delegates(event: Event, now: datetime) -> int:
    # Demo registrations carry made-up addresses: the demo program never emails anyone.
    registrations = event.registrations.confirmed().filter(is_demo=False).only(*RECIPIENT_FIELDS)
    return _plan_rows(
        event=event,
        kind=DeliveryKind.DELEGATE_REMINDER,
        subject_key=timed_subject_key(event, "reminder"),
        offsets=delegate_offsets(event),
        registrations=registrations,
        now=now,
    )


def _plan_responsible(event: Event, now: datetime) -> int:
    person = event.responsible
    if event.status not in (EventStatus.IDEA, EventStatus.PLANNED) or not (person and person.email):
        return 0
    if event.is_demo:
        return 0
    recipient = Recipient(
        key=f"person:{person.pk}",
        email=person.email,
        language=person.preferred_language,
        since=event.created_at,
        links={"person": person},
    )
    return _plan_rows(
        event=event,
        kind=DeliveryKind.RESPONSIBLE_REMINDER,
        subject_key=timed_subject_key(event, "responsible"),
        offsets=RESPONSIBLE_OFFSETS,
        recipients=[recipient],
        now=now,
    )


def _drop_obsolete(pending, now: datetime) -> int:
    """Skip (or, for paused events, delete) pending reminders that must not go out."""
    skipped = skip(
        pending.filter(event__status=EventStatus.CANCELLED), _("The event was cancelled.")
    )
    # Paused rows are deleted rather than skipped: resuming plans them again, with fresh times.
    pending.filter(event__reminders_paused=True).delete()
    skipped += skip(pending.filter(event__start__lte=now), _("The event has already started."))
    skipped += skip(
        pending.filter(kind=DeliveryKind.DELEGATE_REMINDER).exclude(
            registration__status=RegistrationStatus.CONFIRMED
        ),
        _("The registration is no longer confirmed."),
    )
    responsible = pending.filter(kind=DeliveryKind.RESPONSIBLE_REMINDER)
    skipped += skip(
        responsible.exclude(event__status__in=[EventStatus.IDEA, EventStatus.PLANNED]),
        _("The event is confirmed."),
    )
    skipped += skip(
        responsible.filter(Q(event__responsible__isnull=True) | ~Q(person=F("event__responsible"))),
        _("Someone else is responsible for the event now."),
    )
    return skipped


def _skip_superseded(pending, now: datetime) -> int:
    """When several reminders of one recipient are overdue at once, only the latest goes out."""
    later_one_due = ReminderDelivery.objects.filter(
        recipient_key=OuterRef("recipient_key"),
        subject_key=OuterRef("subject_key"),
        offset__lt=OuterRef("offset"),
        due_at__lte=now,
    ).exclude(state=DeliveryState.SKIPPED)
    return skip(
        pending.filter(due_at__lte=now).filter(Exists(later_one_due)),
        _("A later reminder for the same event was due as well."),
    )


@transaction.atomic
def plan_reminders(*, event: Event | None = None, now: datetime | None = None) -> PlanResult:
    """Bring the pending reminders of one event (or every upcoming event) up to date.

    Side effects: creates pending ReminderDelivery rows for confirmed registrations (and the
    responsible person of an unconfirmed event) at the event's offsets; re-times pending rows
    of moved events; skips pending rows of cancelled events, cancelled registrations, confirmed
    events (responsible reminders) and overdue rows superseded by a later one; deletes pending
    rows of paused events (resuming plans them again). Sends nothing.
    """
    now = now or timezone.now()
    pending = ReminderDelivery.objects.pending().reminders()
    events = (
        Event.objects.active()
        .filter(start__gt=now, reminders_paused=False)
        .select_related("venue", "responsible")
    )
    if event is not None:
        pending = pending.filter(event=event)
        events = events.filter(pk=event.pk)
    result = PlanResult(skipped=_drop_obsolete(pending, now))
    for planned_event in events:
        result.planned += _plan_delegates(planned_event, now)
        result.planned += _plan_responsible(planned_event, now)
    result.skipped += _skip_superseded(pending, now)
    return result


def _notify_registrations(*, event: Event, kind: str, subject_key: str, now: datetime) -> int:
    registrations = event.registrations.active().filter(is_demo=False).only(*RECIPIENT_FIELDS)
    have = set(
        ReminderDelivery.objects.filter(subject_key=subject_key).values_list(
            "recipient_key", flat=True
        )
    )
    recipients = (registration_recipient(r) for r in registrations)
    return create_missing(
        [
            recipient.row(kind=kind, subject_key=subject_key, due_at=now, event=event)
            for recipient in recipients
            if recipient.key not in have
        ]
    )


@transaction.atomic
def plan_cancellation_notices(*, event: Event, now: datetime | None = None) -> int:
    """One cancellation notice per active registration of a cancelled event.

    Side effects: skips the event's pending reminders and time-changed notices; creates one
    pending cancellation notice per active registration (none twice: the unique key). The
    caller queues the dispatch after commit.
    """
    now = now or timezone.now()
    event_rows = ReminderDelivery.objects.pending().filter(event=event)
    skip(
        event_rows.filter(kind__in=[*DeliveryKind.reminders(), DeliveryKind.TIME_CHANGED_NOTICE]),
        _("The event was cancelled."),
    )
    if event.end <= now:
        # Tidying up the record of a past event tells nobody anything.
        return 0
    return _notify_registrations(
        event=event,
        kind=DeliveryKind.CANCELLATION_NOTICE,
        subject_key=f"event:{event.pk}:cancelled",
        now=now,
    )


@transaction.atomic
def plan_time_changed_notices(*, event: Event, now: datetime | None = None) -> int:
    """After a move: re-time pending reminders and plan one notice per active registration.

    Side effects: re-plans the event's reminders (see plan_reminders); skips older pending
    time-changed notices (the newest carries the current times); creates one pending notice per
    active registration for this revision (event.sequence), so repeating the same move sends
    nothing and a second move sends a second notice. The caller queues the dispatch after commit.
    """
    now = now or timezone.now()
    subject_key = f"event:{event.pk}:moved:{event.sequence}"
    skip(
        ReminderDelivery.objects.pending()
        .filter(event=event, kind=DeliveryKind.TIME_CHANGED_NOTICE)
        .exclude(subject_key=subject_key),
        _("A later change of time superseded this notice."),
    )
    plan_reminders(event=event, now=now)
    return _notify_registrations(
        event=event, kind=DeliveryKind.TIME_CHANGED_NOTICE, subject_key=subject_key, now=now
    )


@transaction.atomic
def pause_reminders(*, events, paused: bool, now: datetime | None = None) -> int:
    """Hold back (or let go again) the reminders of these events. Notices are not held back:
    a delegate must hear of a cancellation or a new time even while reminders are paused.

    Side effects: sets Event.reminders_paused; re-plans each event, which deletes the pending
    reminders of a paused event and plans them again (with fresh times) once resumed.
    """
    changed = list(events.exclude(reminders_paused=paused))
    Event.objects.filter(pk__in=[e.pk for e in changed]).update(reminders_paused=paused)
    for event in changed:
        event.reminders_paused = paused
        plan_reminders(event=event, now=now)
    return len(changed)
