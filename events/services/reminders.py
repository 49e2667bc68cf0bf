"""Reminders, notices and the board digest: planned as rows, claimed, then sent exactly once.

The ReminderDelivery table is the record of what is due and what went out. Every email is a row
before anything is sent (planned), a sweep claims due rows inside a transaction before it queues
them (the claim is the guarantee: a second sweep, beat or retry skips claimed rows), and a row is
marked sent right after its own SMTP transaction. A missed run therefore sends late, never not at
all, and a re-run finds the rows already there and sends nothing twice.

A worker killed in the middle of a batch leaves its unsent rows in `sending`; once the claim's
lease has expired the next sweep claims them again with a new token. The old batch, should Redis
ever redeliver it, no longer holds the token and sends nothing.
"""

import logging
import smtplib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import DatabaseError, transaction
from django.db import connection as db_connection
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.models import Person

from ..b2b import deliveries as b2b_deliveries
from ..enums import DatePrecision, DeliveryKind, DeliveryState, EventStatus, RegistrationStatus
from ..ics import event_ics
from ..mail import build_message, describe_smtp_error
from ..models import Event, PlanningItem, Registration, ReminderDelivery
from ..timezones import IZMIR, localize, zone, zone_label

logger = logging.getLogger(__name__)

MINUTES_PER_DAY = 24 * 60
# The responsible person hears about an unconfirmed event 30 and 7 days ahead.
RESPONSIBLE_OFFSETS = [30 * MINUTES_PER_DAY, 7 * MINUTES_PER_DAY]
# Recipients per send task: one SMTP connection each, small enough to finish in seconds.
BATCH_SIZE = 100
# A claimed row not sent within this time belongs to a dead worker and is claimed again. Far
# below the broker's visibility timeout (3600 s), far above the seconds a batch takes.
CLAIM_LEASE = timedelta(minutes=5)
# A row failing temporarily this often is marked failed instead of being tried for ever.
MAX_ATTEMPTS = 10
BOARD_GROUP = "Board"
DIGEST_DAYS = 14
DIGEST_TIME = time(8, 0)
# Emails carry the ics under this name; calendars import it as an update of the same event.
ICS_MIMETYPE = "text/calendar"


class TemporaryDeliveryError(Exception):
    """The SMTP server asked us to try later (4xx) or went away; the batch task retries."""


@dataclass(frozen=True)
class Claim:
    """Rows one sweep took for one batch. Only the holder of `token` may send them."""

    token: str
    delivery_ids: list[int]


@dataclass
class BatchResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    deferred: int = 0
    # Rows another claim holds now, or that are gone or finished: none of this batch's business.
    not_ours: int = 0

    def as_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass
class SweepResult:
    planned: int = 0
    skipped: int = 0
    digests: int = 0
    claimed: int = 0
    batches: int = 0
    claims: list[Claim] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "claims"}


# --- when ----------------------------------------------------------------------------------
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


# --- planning ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Recipient:
    key: str
    email: str
    language: str
    # A reminder already due when the recipient came along is not sent (they just heard).
    since: datetime
    links: dict


def _registration_recipient(registration: Registration) -> _Recipient:
    return _Recipient(
        key=f"registration:{registration.pk}",
        email=registration.email,
        language=registration.language,
        since=registration.confirmed_at or registration.created_at,
        links={"registration": registration},
    )


def _skip(queryset, reason) -> int:
    return queryset.update(
        state=DeliveryState.SKIPPED, last_error=str(reason), claim_token="", claimed_at=None
    )


def _plan_rows(
    *,
    event: Event,
    kind: str,
    subject_key: str,
    offsets: list[int],
    recipients: Iterable[_Recipient],
    now: datetime,
) -> int:
    """Create the missing rows at `offsets`, re-time pending ones. Returns rows created."""
    rows = ReminderDelivery.objects.filter(event=event, kind=kind, subject_key=subject_key)
    # Offsets the event no longer uses: their pending rows were never due, so they just go.
    rows.pending().exclude(offset__in=offsets).delete()
    dues = {
        o: reminder_due_at(start=event.start, time_zone=event.time_zone, offset=o) for o in offsets
    }
    for offset, due in dues.items():
        moved = rows.pending().filter(offset=offset).exclude(due_at=due)
        if due <= now:
            # The event moved and this reminder's moment has passed; the time-changed notice
            # tells the delegate, a late "in 7 days" three days before would only confuse.
            _skip(moved, _("The event moved; this reminder's time had already passed."))
        else:
            moved.update(due_at=due)
    have = set(rows.values_list("recipient_key", "offset"))
    new = [
        ReminderDelivery(
            kind=kind,
            recipient_key=recipient.key,
            email=recipient.email,
            event=event,
            subject_key=subject_key,
            offset=offset,
            due_at=due,
            language=recipient.language,
            **recipient.links,
        )
        for recipient in recipients
        for offset, due in dues.items()
        if (recipient.key, offset) not in have and due > recipient.since
    ]
    ReminderDelivery.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
    return len(new)


def _plan_delegates(event: Event, now: datetime) -> int:
    # Demo registrations carry made-up addresses: the demo program never emails anyone.
    registrations = (
        event.registrations.confirmed()
        .filter(is_demo=False)
        .only("pk", "email", "language", "confirmed_at", "created_at")
    )
    return _plan_rows(
        event=event,
        kind=DeliveryKind.DELEGATE_REMINDER,
        subject_key=f"event:{event.pk}:reminder",
        offsets=delegate_offsets(event),
        recipients=(_registration_recipient(r) for r in registrations),
        now=now,
    )


def _plan_responsible(event: Event, now: datetime) -> int:
    person = event.responsible
    if event.status not in (EventStatus.IDEA, EventStatus.PLANNED) or not (person and person.email):
        return 0
    if event.is_demo:
        return 0
    recipient = _Recipient(
        key=f"person:{person.pk}",
        email=person.email,
        language=person.preferred_language,
        since=event.created_at,
        links={"person": person},
    )
    return _plan_rows(
        event=event,
        kind=DeliveryKind.RESPONSIBLE_REMINDER,
        subject_key=f"event:{event.pk}:responsible",
        offsets=RESPONSIBLE_OFFSETS,
        recipients=[recipient],
        now=now,
    )


def _drop_irrelevant(pending, now: datetime) -> int:
    """Skip (or, for paused events, delete) pending reminders that must not go out."""
    skipped = _skip(
        pending.filter(event__status=EventStatus.CANCELLED), _("The event was cancelled.")
    )
    # Paused rows are deleted rather than skipped: resuming plans them again, with fresh times.
    pending.filter(event__reminders_paused=True).delete()
    skipped += _skip(pending.filter(event__start__lte=now), _("The event has already started."))
    skipped += _skip(
        pending.filter(kind=DeliveryKind.DELEGATE_REMINDER).exclude(
            registration__status=RegistrationStatus.CONFIRMED
        ),
        _("The registration is no longer confirmed."),
    )
    responsible = pending.filter(kind=DeliveryKind.RESPONSIBLE_REMINDER)
    skipped += _skip(
        responsible.exclude(event__status__in=[EventStatus.IDEA, EventStatus.PLANNED]),
        _("The event is confirmed."),
    )
    skipped += _skip(
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
    return _skip(
        pending.filter(due_at__lte=now).filter(Exists(later_one_due)),
        _("A later reminder for the same event was due as well."),
    )


@transaction.atomic
def plan_reminders(*, event: Event | None = None, now: datetime | None = None) -> SweepResult:
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
    result = SweepResult(skipped=_drop_irrelevant(pending, now))
    for planned_event in events:
        result.planned += _plan_delegates(planned_event, now)
        result.planned += _plan_responsible(planned_event, now)
    result.skipped += _skip_superseded(pending, now)
    return result


def _notify_registrations(*, event: Event, kind: str, subject_key: str, now: datetime) -> int:
    registrations = (
        event.registrations.active()
        .filter(is_demo=False)
        .only("pk", "email", "language", "created_at")
    )
    have = set(
        ReminderDelivery.objects.filter(subject_key=subject_key).values_list(
            "recipient_key", flat=True
        )
    )
    rows = [
        ReminderDelivery(
            kind=kind,
            recipient_key=f"registration:{r.pk}",
            email=r.email,
            registration=r,
            event=event,
            subject_key=subject_key,
            due_at=now,
            language=r.language,
        )
        for r in registrations
        if f"registration:{r.pk}" not in have
    ]
    ReminderDelivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return len(rows)


@transaction.atomic
def plan_cancellation_notices(*, event: Event, now: datetime | None = None) -> int:
    """One cancellation notice per active registration of a cancelled event.

    Side effects: skips the event's pending reminders and time-changed notices; creates one
    pending cancellation notice per active registration (none twice: the unique key). The
    caller queues the dispatch after commit.
    """
    now = now or timezone.now()
    event_rows = ReminderDelivery.objects.pending().filter(event=event)
    _skip(
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
    _skip(
        ReminderDelivery.objects.pending()
        .filter(event=event, kind=DeliveryKind.TIME_CHANGED_NOTICE)
        .exclude(subject_key=subject_key),
        _("A later change of time superseded this notice."),
    )
    plan_reminders(event=event, now=now)
    return _notify_registrations(
        event=event, kind=DeliveryKind.TIME_CHANGED_NOTICE, subject_key=subject_key, now=now
    )


def board_members():
    """Active users in the "Board" group, and staff, who have an email address."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_staff=True) | Q(groups__name=BOARD_GROUP))
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _languages_by_email(emails: list[str]) -> dict[str, str]:
    """A board member who is also in the contacts gets the digest in their preferred language."""
    people = Person.objects.annotate(key=Lower("email")).filter(key__in=[e.lower() for e in emails])
    return {p.key: p.preferred_language for p in people}


@transaction.atomic
def plan_board_digests(*, now: datetime | None = None, catch_up_only: bool = False) -> int:
    """This week's digest row for every board member, once the Monday 08:00 İzmir time has come.

    `catch_up_only` (the sweep) plans only on the Monday itself, so a beat that missed 08:00
    is made up for the same day, and a server set up on a Thursday does not send a digest then.
    Side effects: creates pending board-digest rows (none twice: the key holds the ISO week).
    """
    now = now or timezone.now()
    due = digest_due_at(now)
    if now < due or (catch_up_only and now - due >= timedelta(hours=16)):
        return 0
    members = list(board_members())
    languages = _languages_by_email([m.email for m in members])
    subject_key = digest_subject_key(due)
    have = set(
        ReminderDelivery.objects.filter(subject_key=subject_key).values_list(
            "recipient_key", flat=True
        )
    )
    rows = [
        ReminderDelivery(
            kind=DeliveryKind.BOARD_DIGEST,
            recipient_key=f"user:{member.pk}",
            email=member.email,
            user=member,
            subject_key=subject_key,
            due_at=due,
            language=languages.get(member.email.lower(), settings.LANGUAGE_CODE),
        )
        for member in members
        if f"user:{member.pk}" not in have
    ]
    ReminderDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


# --- claiming ------------------------------------------------------------------------------
@transaction.atomic
def claim_due(*, now: datetime, limit: int = BATCH_SIZE) -> Claim:
    """Take up to `limit` due rows (and rows whose claim lease expired) for one batch.

    Side effects: marks them `sending` with a fresh token and claimed_at=now. On PostgreSQL the
    rows are read FOR UPDATE SKIP LOCKED, so concurrent sweeps take disjoint rows without
    waiting; SQLite serializes writers (BEGIN IMMEDIATE), which gives the same guarantee.
    """
    rows = ReminderDelivery.objects.claimable(
        now=now, lease_expired_before=now - CLAIM_LEASE
    ).order_by("due_at", "pk")
    if db_connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True)
    ids = list(rows.values_list("pk", flat=True)[:limit])
    claim = Claim(token=uuid.uuid4().hex, delivery_ids=ids)
    if ids:
        ReminderDelivery.objects.filter(pk__in=ids).update(
            state=DeliveryState.SENDING, claimed_at=now, claim_token=claim.token
        )
    return claim


def dispatch_due(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> list[Claim]:
    """Claim every due row in batches and queue one send task per batch after each commit."""
    from ..tasks import send_reminder_batch

    now = now or timezone.now()
    claims = []
    while True:
        with transaction.atomic():
            claim = claim_due(now=now, limit=batch_size)
            if not claim.delivery_ids:
                break
            transaction.on_commit(
                partial(
                    send_reminder_batch.delay,
                    delivery_ids=claim.delivery_ids,
                    claim=claim.token,
                )
            )
        claims.append(claim)
        if len(claim.delivery_ids) < batch_size:
            break
    return claims


def sweep(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> SweepResult:
    """One pass: plan, catch up on a missed digest, claim everything due, queue the batches.

    Side effects: see plan_reminders, plan_board_digests and claim_due; queues one
    send_reminder_batch task per claimed batch once its claim has committed.
    """
    now = now or timezone.now()
    planning_error = None
    try:
        result = plan_reminders(now=now)
        result.digests = plan_board_digests(now=now, catch_up_only=True)
        result.planned += b2b_deliveries.plan(now=now)
    except DatabaseError as exc:
        # What is already planned and due still goes out; the error is raised afterwards.
        logger.exception("Planning reminders failed; sending what is already due")
        result, planning_error = SweepResult(), exc
    result.claims = dispatch_due(now=now, batch_size=batch_size)
    result.claimed = sum(len(c.delivery_ids) for c in result.claims)
    result.batches = len(result.claims)
    if planning_error is not None:
        raise planning_error
    return result


@transaction.atomic
def retry_failed(*, deliveries, now: datetime | None = None) -> int:
    """Put failed rows back in line (admin action). Side effects: failed rows become pending,
    due now, with their attempt count reset; the next sweep (or dispatch) sends them."""
    now = now or timezone.now()
    return deliveries.filter(state=DeliveryState.FAILED).update(
        state=DeliveryState.PENDING, due_at=now, attempts=0, claim_token="", claimed_at=None
    )


# --- sending -------------------------------------------------------------------------------
class _Rows:
    """The statements send_batch runs per message (take, then finish), as parameterized SQL.

    They run once per email (10,000 in the bench), where building ORM queries would cost more
    than rendering and sending the email; each touches one row by primary key.
    """

    def __init__(self):
        q = db_connection.ops.quote_name
        d, e = q(ReminderDelivery._meta.db_table), q(Event._meta.db_table)
        r, u = q(Registration._meta.db_table), q(get_user_model()._meta.db_table)
        self.adapt = db_connection.ops.adapt_datetimefield_value
        # Renewing the lease and reading what decides relevance is one round trip: the
        # statement returns the event's, registration's and account's state as of now.
        self.renew_sql = (
            f"UPDATE {d} SET {q('claimed_at')} = %s, {q('attempts')} = {q('attempts')} + 1 "
            f"WHERE {q('id')} = %s AND {q('state')} = %s AND {q('claim_token')} = %s RETURNING "
            f"(SELECT {q('status')} FROM {e} WHERE {q('id')} = {d}.{q('event_id')}), "
            f"(SELECT {q('reminders_paused')} FROM {e} WHERE {q('id')} = {d}.{q('event_id')}), "
            f"(SELECT {q('responsible_id')} FROM {e} WHERE {q('id')} = {d}.{q('event_id')}), "
            f"(SELECT CASE WHEN {q('start')} = %s THEN 1 ELSE 0 END FROM {e} "
            f"WHERE {q('id')} = {d}.{q('event_id')}), "
            f"(SELECT {q('status')} FROM {r} WHERE {q('id')} = {d}.{q('registration_id')}), "
            f"(SELECT {q('is_active')} FROM {u} WHERE {q('id')} = {d}.{q('user_id')})"
        )
        self.finish_sql = (
            f"UPDATE {d} SET {q('state')} = %s, {q('last_error')} = %s, {q('sent_at')} = %s, "
            f"{q('claim_token')} = '', {q('claimed_at')} = %s "
            f"WHERE {q('id')} = %s AND {q('claim_token')} = %s"
        )
        self.note_sql = f"UPDATE {d} SET {q('last_error')} = %s WHERE {q('id')} = %s AND {q('claim_token')} = %s"

    def take(self, delivery: ReminderDelivery, claim: str) -> bool:
        """Atomically: is the row still `sending` under this claim? Then extend the lease, count
        a try, and refresh what decides relevance (event, registration, account) as it is now."""
        event = delivery.event
        start = self.adapt(event.start) if event else None
        params = [self.adapt(timezone.now()), delivery.pk, DeliveryState.SENDING, claim, start]
        with db_connection.cursor() as cursor:
            cursor.execute(self.renew_sql, params)
            live = cursor.fetchone()
        if live is None:
            return False
        status, paused, responsible_id, same_start, registration_status, active = live
        delivery.attempts += 1
        if event is not None:
            if status is None:
                delivery.event = None
            elif not same_start:
                # Moved while we were sending: the email must state the new time.
                delivery.event = Event.objects.select_related("venue").get(pk=event.pk)
            else:
                event.status, event.reminders_paused = status, bool(paused)
                event.responsible_id = responsible_id
        if delivery.registration is not None:
            delivery.registration.status = registration_status
        if delivery.user is not None:
            delivery.user.is_active = bool(active)
        return True

    def finish(self, pk: int, claim: str, state: str, error: str = "") -> None:
        sent_at = self.adapt(timezone.now()) if state == DeliveryState.SENT else None
        claimed_at = None if state == DeliveryState.PENDING else self.adapt(timezone.now())
        with db_connection.cursor() as cursor:
            cursor.execute(self.finish_sql, [state, error, sent_at, claimed_at, pk, claim])

    def note(self, pk: int, claim: str, error: str) -> None:
        with db_connection.cursor() as cursor:
            cursor.execute(self.note_sql, [error, pk, claim])


def irrelevance(delivery: ReminderDelivery, now: datetime) -> str:
    """Why this row must not be sent now (empty if it may)."""
    event, registration, kind = delivery.event, delivery.registration, delivery.kind
    if kind in b2b_deliveries.KINDS:
        return b2b_deliveries.irrelevance(delivery, now)
    if kind == DeliveryKind.BOARD_DIGEST:
        return (
            "" if delivery.user and delivery.user.is_active else str(_("The account is inactive."))
        )
    if event is None:
        return str(_("The event was deleted."))
    if kind == DeliveryKind.CANCELLATION_NOTICE:
        return "" if event.is_cancelled else str(_("The event is no longer cancelled."))
    if event.is_cancelled:
        return str(_("The event was cancelled."))
    if event.start <= now:
        return str(_("The event has already started."))
    if kind == DeliveryKind.TIME_CHANGED_NOTICE:
        if registration is None or registration.status not in RegistrationStatus.active():
            return str(_("The registration was cancelled."))
        return ""
    if kind == DeliveryKind.DELEGATE_REMINDER and (
        registration is None or registration.status != RegistrationStatus.CONFIRMED
    ):
        return str(_("The registration is no longer confirmed."))
    if kind == DeliveryKind.RESPONSIBLE_REMINDER:
        if event.status not in (EventStatus.IDEA, EventStatus.PLANNED):
            return str(_("The event is confirmed."))
        if event.responsible_id != delivery.person_id:
            return str(_("Someone else is responsible for the event now."))
    return ""


def send_batch(*, delivery_ids: list[int], claim: str) -> BatchResult:
    """Send the rows of one claim over one SMTP connection, each exactly once.

    Per row: renew the lease (only if the row is still `sending` under this claim), re-check it
    is still relevant (else skipped, or released if the event is paused), send, mark sent at
    once. A permanent SMTP error (5xx) marks the row failed and the batch goes on; a temporary
    one (4xx) leaves the row claimed and the batch goes on, then TemporaryDeliveryError is
    raised for a retry of the rest; a lost connection raises it at once. Rows already finished
    (a retry, a redelivered task) are left alone.
    """
    result = BatchResult()
    cache: dict = {}
    temporary = []
    sql = _Rows()
    loaded = ReminderDelivery.objects.filter(
        pk__in=delivery_ids, state=DeliveryState.SENDING, claim_token=claim
    ).select_related("event__venue", "registration", "person", "user")
    deliveries = {d.pk: d for d in loaded}
    result.not_ours = len(delivery_ids) - len(deliveries)
    if not deliveries:
        return result
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as exc:
        raise TemporaryDeliveryError(describe_smtp_error(exc)[1]) from exc
    try:
        for pk in delivery_ids:
            delivery = deliveries.get(pk)
            if delivery is None:
                continue
            if not sql.take(delivery, claim):
                result.not_ours += 1
                continue
            event = delivery.event
            if event and event.reminders_paused and delivery.kind in DeliveryKind.reminders():
                sql.finish(pk, claim, DeliveryState.PENDING)
                result.skipped += 1
                continue
            reason = irrelevance(delivery, timezone.now())
            if reason:
                sql.finish(pk, claim, DeliveryState.SKIPPED, reason)
                result.skipped += 1
                continue
            if delivery.attempts > MAX_ATTEMPTS:
                sql.finish(pk, claim, DeliveryState.FAILED, delivery.last_error)
                result.failed += 1
                continue
            message = build_delivery_message(delivery, connection=connection, cache=cache)
            try:
                message.send()
            except (smtplib.SMTPException, OSError) as exc:
                code, error = describe_smtp_error(exc)
                if code is not None and 500 <= code < 600:
                    sql.finish(pk, claim, DeliveryState.FAILED, error)
                    result.failed += 1
                    logger.warning("Delivery %s failed permanently: %s", pk, error)
                    continue
                sql.note(pk, claim, error)
                result.deferred += 1
                if code is None or code == 421:
                    # The connection is gone: the rest of the batch waits for the retry.
                    raise TemporaryDeliveryError(error) from exc
                temporary.append(error)
                continue
            # At once, before the next message: a crash after this line cannot resend it.
            sql.finish(pk, claim, DeliveryState.SENT)
            result.sent += 1
    finally:
        connection.close()
    if temporary:
        raise TemporaryDeliveryError(f"{len(temporary)} deferred, last: {temporary[-1]}")
    return result


# --- the messages --------------------------------------------------------------------------
def _lead_time(offset: int | None) -> dict:
    if not offset:
        return {}
    if offset % MINUTES_PER_DAY == 0:
        return {"days": offset // MINUTES_PER_DAY}
    if offset % 60 == 0:
        return {"hours": offset // 60}
    return {"minutes": offset}


def _event_context(event: Event, recipient_zone: str | None = None) -> dict:
    venue_zone = event.time_zone
    other = recipient_zone if recipient_zone and recipient_zone != venue_zone else ""
    return {
        "event": event,
        "event_url": f"{settings.SITE_URL}{event.get_absolute_url()}",
        "venue_zone": venue_zone,
        "venue_zone_label": zone_label(venue_zone),
        "recipient_zone": other,
        "recipient_zone_label": zone_label(other) if other else "",
    }


def _ics(event: Event, cache: dict) -> tuple[str, bytes, str]:
    key = ("ics", event.pk, event.sequence, event.status)
    if key not in cache:
        cache[key] = event_ics(event)
    return (f"{event.slug}.ics", cache[key], ICS_MIMETYPE)


def build_delivery_message(delivery: ReminderDelivery, *, connection=None, cache=None):
    """The email for one row, in the row's language (the recipient's when known)."""
    cache = {} if cache is None else cache
    registration = delivery.registration
    language = registration.language if registration else delivery.language
    template, context, attachments = _MESSAGES[delivery.kind](delivery, cache)
    return build_message(
        template=template,
        context={"delivery": delivery, **context},
        to=delivery.email,
        language=language,
        attachments=attachments,
        connection=connection,
    )


def _delegate_reminder(delivery, cache):
    registration, event = delivery.registration, delivery.event
    context = {
        **_event_context(event, registration.time_zone),
        "registration": registration,
        **_lead_time(delivery.offset),
    }
    return "reminder_delegate", context, [_ics(event, cache)]


def _event_admin_url(event: Event) -> str:
    try:
        # The Event admin belongs to the seed area; until it is registered, the public page.
        return f"{settings.SITE_URL}{reverse('admin:events_event_change', args=[event.pk])}"
    except NoReverseMatch:
        return f"{settings.SITE_URL}{event.get_absolute_url()}"


def _responsible_reminder(delivery, cache):
    event = delivery.event
    context = {
        **_event_context(event),
        "person": delivery.person,
        "admin_url": _event_admin_url(event),
        **_lead_time(delivery.offset),
    }
    return "reminder_responsible", context, []


def _cancellation_notice(delivery, cache):
    registration, event = delivery.registration, delivery.event
    context = {**_event_context(event, registration.time_zone), "registration": registration}
    # STATUS:CANCELLED with the same UID and a higher SEQUENCE removes it from calendars.
    return "event_cancelled", context, [_ics(event, cache)]


def _time_changed_notice(delivery, cache):
    registration, event = delivery.registration, delivery.event
    context = {**_event_context(event, registration.time_zone), "registration": registration}
    return "event_time_changed", context, [_ics(event, cache)]


def _board_digest(delivery, cache):
    if "digest" not in cache:
        cache["digest"] = board_digest_context(now=timezone.now())
    return "digest", {"user": delivery.user, **cache["digest"]}, []


_MESSAGES: dict[str, Callable] = {
    DeliveryKind.DELEGATE_REMINDER: _delegate_reminder,
    DeliveryKind.RESPONSIBLE_REMINDER: _responsible_reminder,
    DeliveryKind.CANCELLATION_NOTICE: _cancellation_notice,
    DeliveryKind.TIME_CHANGED_NOTICE: _time_changed_notice,
    DeliveryKind.BOARD_DIGEST: _board_digest,
    # The business program's agenda and follow-up (events/b2b/deliveries.py).
    **b2b_deliveries.MESSAGES,
}


# --- the digest ----------------------------------------------------------------------------
def overdue_planning_items(*, now: datetime) -> list[dict]:
    """Unfinished planning items past their due date (İzmir's today), oldest first."""
    items = (
        PlanningItem.objects.overdue(timezone.localdate(now))
        .select_related("event", "owner")
        .order_by("due_on", "event__start", "pk")
    )
    return [
        {
            "label": f"{item.title} — {item.event.title}",
            "owner": (item.owner.get_full_name() or item.owner.get_username())
            if item.owner
            else "",
            "due": item.due_on,
        }
        for item in items
    ]


def board_digest_context(*, now: datetime) -> dict:
    """The coming 14 days for the board: events with fill rates and waitlists, dates still
    known only by month, overdue planning items. Same for every member; rendered per language."""
    until = now + timedelta(days=DIGEST_DAYS)
    events = list(
        Event.objects.active()
        .between(now, until)
        .select_related("venue")
        .with_seat_counts()
        .order_by("start", "title")
    )
    unfixed = (DatePrecision.MONTH, DatePrecision.YEAR)
    rows = []
    for event in events:
        if event.date_precision in unfixed:
            continue
        fill = round(100 * event.seats_held / event.capacity) if event.capacity else None
        rows.append({"event": event, "fill": fill})
    return {
        "since": now,
        "until": until,
        "rows": rows,
        "unfixed": [e for e in events if e.date_precision in unfixed],
        "overdue": overdue_planning_items(now=now),
        "izmir": IZMIR,
    }


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
