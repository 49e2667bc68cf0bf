"""Sending: one batch of claimed rows over one SMTP connection, each row marked by the next
statement after its own SMTP transaction, so a row is sent once (see README "Reminders")."""

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.models import Outcome

from ...b2b import deliveries as b2b_deliveries
from ...delegations import deliveries as delegation_deliveries
from ...enums import DeliveryKind, DeliveryState, EventStatus, RegistrationStatus
from ...mail import describe_smtp_error
from ...models import Event, Registration, ReminderDelivery
from .messages import build_delivery_message, build_delivery_wire

logger = logging.getLogger(__name__)

# A row failing temporarily this often is marked failed instead of being tried for ever.
MAX_ATTEMPTS = 10


class TemporaryDeliveryError(Exception):
    """The SMTP server asked us to try later (4xx) or went away; the batch task retries."""


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


class SendStatements:
    """The statements send_batch runs per message, as parameterized SQL: one round trip each.

    They run once per email (10,000 in the bench), where building ORM queries would cost more
    than rendering and sending the email. Per row, one statement *takes* it (still `sending`
    under this claim? then extend the lease, count a try, and read what decides relevance) and
    *finishes* the row before it (sent, skipped, failed, released), whose outcome `finish()`
    only records. A row's mark therefore reaches the database before anything else is sent:
    the next statement after its SMTP transaction is the one that marks it (or `flush()`, for
    the last row of a batch, and on the way out of an error).
    """

    def __init__(self):
        q = db_connection.ops.quote_name
        d, e = q(ReminderDelivery._meta.db_table), q(Event._meta.db_table)
        r, u = q(Registration._meta.db_table), q(get_user_model()._meta.db_table)
        self.adapt = db_connection.ops.adapt_datetimefield_value
        self.unfinished: tuple | None = None
        self.prepared = {"prepare": True} if db_connection.vendor == "postgresql" else {}
        row_id, state, token, claimed = q("id"), q("state"), q("claim_token"), q("claimed_at")
        attempts, error, sent_at = q("attempts"), q("last_error"), q("sent_at")

        def finished_or(column: str, otherwise: str) -> str:
            # The row being finished gets its outcome; the row being taken keeps `otherwise`.
            return f"{column} = CASE WHEN {row_id} = %s THEN %s ELSE {otherwise} END"

        # Renewing the lease and reading what decides relevance is one round trip: the
        # statement returns the event's, registration's and account's state as of now.
        self.take_sql = (
            f"UPDATE {d} SET {finished_or(state, state)}, {finished_or(error, error)}, "
            f"{finished_or(sent_at, sent_at)}, {finished_or(token, token)}, "
            f"{finished_or(claimed, '%s')}, "
            f"{attempts} = CASE WHEN {row_id} = %s THEN {attempts} ELSE {attempts} + 1 END "
            f"WHERE {token} = %s AND ({row_id} = %s OR ({row_id} = %s AND {state} = %s)) "
            f"RETURNING {row_id}, "
            f"(SELECT {q('status')} FROM {e} WHERE {q('id')} = {d}.{q('event_id')}), "
            f"(SELECT {q('reminders_paused')} FROM {e} WHERE {q('id')} = {d}.{q('event_id')}), "
            f"(SELECT {q('responsible_id')} FROM {e} WHERE {q('id')} = {d}.{q('event_id')}), "
            f"(SELECT CASE WHEN {q('start')} = %s THEN 1 ELSE 0 END FROM {e} "
            f"WHERE {q('id')} = {d}.{q('event_id')}), "
            f"(SELECT {q('status')} FROM {r} WHERE {q('id')} = {d}.{q('registration_id')}), "
            f"(SELECT {q('is_active')} FROM {u} WHERE {q('id')} = {d}.{q('user_id')})"
        )
        self.finish_sql = (
            f"UPDATE {d} SET {state} = %s, {error} = %s, {sent_at} = %s, "
            f"{token} = '', {claimed} = %s WHERE {row_id} = %s AND {token} = %s"
        )
        self.note_sql = f"UPDATE {d} SET {error} = %s WHERE {row_id} = %s AND {token} = %s"

    def _cursor(self):
        """A cursor for the per-row statements. On PostgreSQL one that binds on the server, so
        that psycopg prepares the statement once per connection (prepare=True) instead of the
        server parsing and planning it for every email; elsewhere Django's own."""
        if self.prepared:
            import psycopg  # noqa: PLC0415 (PostgreSQL only)

            db_connection.ensure_connection()
            return psycopg.Cursor(db_connection.connection)
        return db_connection.cursor()

    def _outcome(self) -> tuple:
        """(pk, state, error, sent_at, claimed_at) of the row to finish; pk None if none."""
        if self.unfinished is None:
            return (None, None, None, None, None)
        pk, state, error = self.unfinished
        now = self.adapt(timezone.now())
        return (
            pk,
            state,
            error,
            now if state == DeliveryState.SENT else None,
            None if state == DeliveryState.PENDING else now,
        )

    def take(self, delivery: ReminderDelivery, claim: str) -> bool:
        """Atomically: finish the row before (see finish()); is this row still `sending` under
        this claim? Then extend the lease, count a try, and refresh what decides relevance
        (event, registration, account) as it is now."""
        event = delivery.event
        start = self.adapt(event.start) if event else None
        done, state, error, sent_at, claimed_at = self._outcome()
        now = self.adapt(timezone.now())
        params = [
            *(done, state),
            *(done, error),
            *(done, sent_at),
            *(done, ""),
            *(done, claimed_at, now),
            done,
            claim,
            done,
            delivery.pk,
            DeliveryState.SENDING,
            start,
        ]
        with self._cursor() as cursor:
            cursor.execute(self.take_sql, params, **self.prepared)
            rows = cursor.fetchall()
        self.unfinished = None
        live = next((row[1:] for row in rows if row[0] == delivery.pk), None)
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
        """Record the row's outcome; the next take() or flush() writes it (this claim's)."""
        self.flush()
        self.unfinished = (pk, state, error)
        self.claim = claim

    def flush(self) -> None:
        """Write a recorded outcome that no take() has written yet."""
        if self.unfinished is None:
            return
        pk, state, error, sent_at, claimed_at = self._outcome()
        self.unfinished = None
        with db_connection.cursor() as cursor:
            cursor.execute(self.finish_sql, [state, error, sent_at, claimed_at, pk, self.claim])

    def note(self, pk: int, claim: str, error: str) -> None:
        self.flush()
        with db_connection.cursor() as cursor:
            cursor.execute(self.note_sql, [error, pk, claim])


def _follow_up_skip_reason(delivery: ReminderDelivery) -> str:
    # Read afresh: the owner may have closed it since the row was claimed.
    outcome = Outcome.objects.filter(pk=delivery.outcome_id).first()
    if outcome is None:
        return str(_("The outcome was deleted."))
    if outcome.done_at is not None:
        return str(_("The follow-up is done."))
    if not (delivery.user and delivery.user.is_active) or outcome.owner_id != delivery.user_id:
        return str(_("Someone else owns the follow-up now."))
    return ""


def skip_reason(delivery: ReminderDelivery, now: datetime) -> str:
    """Why this row must not be sent at `now` (aware), in the active language; "" if it may."""
    event, registration, kind = delivery.event, delivery.registration, delivery.kind
    if kind in b2b_deliveries.KINDS:
        return b2b_deliveries.skip_reason(delivery, now)
    if kind == DeliveryKind.DELEGATION_HEAD:
        return delegation_deliveries.skip_reason(delivery, now)
    if kind == DeliveryKind.BOARD_DIGEST:
        return (
            "" if delivery.user and delivery.user.is_active else str(_("The account is inactive."))
        )
    if kind == DeliveryKind.OUTCOME_FOLLOW_UP:
        return _follow_up_skip_reason(delivery)
    if event is None:
        return str(_("The event was deleted."))
    if kind in DeliveryKind.registration_emails():
        return _registration_email_skip_reason(delivery, now)
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


# The registration's state each of its emails is about; a later change makes the email moot
# (a confirmation request after the delegate cancelled). Cancelled and expired always go out.
_ABOUT_STATUS = {
    DeliveryKind.REGISTRATION_CONFIRM_REQUEST: RegistrationStatus.PENDING,
    DeliveryKind.REGISTRATION_PROMOTED: RegistrationStatus.PENDING,
    DeliveryKind.REGISTRATION_CONFIRMED: RegistrationStatus.CONFIRMED,
    DeliveryKind.REGISTRATION_WAITLISTED: RegistrationStatus.WAITLISTED,
}


def _registration_email_skip_reason(delivery: ReminderDelivery, now: datetime) -> str:
    registration, event = delivery.registration, delivery.event
    if registration is None:
        return str(_("The registration was deleted."))
    wanted = _ABOUT_STATUS.get(delivery.kind)
    if wanted is None:
        return ""
    if registration.status != wanted:
        return str(_("The registration has changed since; this email no longer applies."))
    if event.is_cancelled or event.end <= now:
        return str(_("The event was cancelled or is over."))
    return ""


def _build(delivery, connection, cache):
    """The message (an EmailMessage, or the bytes of one rendered for its group: see
    messages.build_delivery_wire), or the error that stopped it being built (rendering, the
    .ics, the QR).

    Any error is caught on purpose: one row's bad data must fail that row alone, at once, with
    its error on record, instead of holding back the rest of the batch for retries.
    """
    try:
        wire = build_delivery_wire(delivery, connection=connection, cache=cache)
        return wire or build_delivery_message(delivery, connection=connection, cache=cache), ""
    except Exception as exc:  # recorded on the row, shown to staff only
        logger.exception("Delivery %s could not be built", delivery.pk)
        return None, f"{type(exc).__name__}: {exc}"[:1000]


def send_batch(*, delivery_ids: list[int], claim: str) -> BatchResult:
    """Send the rows of one claim over one SMTP connection, each exactly once.

    Per row: renew the lease (only if the row is still `sending` under this claim), re-check it
    is still relevant (else skipped, or released if the event is paused), send, mark sent with
    the next statement, before the next message is sent (SendStatements: one round trip per
    row). A permanent SMTP error (5xx) marks the row failed and the batch goes on; a temporary
    one (4xx) leaves the row claimed and the batch goes on, then TemporaryDeliveryError is
    raised for a retry of the rest; a lost connection raises it at once. Rows already finished
    (a retry, a redelivered task) are left alone.
    """
    result = BatchResult()
    cache: dict = {}
    temporary = []
    sql = SendStatements()
    loaded = ReminderDelivery.objects.filter(
        pk__in=delivery_ids, state=DeliveryState.SENDING, claim_token=claim
    ).select_related("event__venue", "registration", "person", "user", "outcome__meeting")
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
            reason = skip_reason(delivery, timezone.now())
            if reason:
                sql.finish(pk, claim, DeliveryState.SKIPPED, reason)
                result.skipped += 1
                continue
            if delivery.attempts > MAX_ATTEMPTS:
                sql.finish(pk, claim, DeliveryState.FAILED, delivery.last_error)
                result.failed += 1
                continue
            message, build_error = _build(delivery, connection, cache)
            if message is None:
                sql.finish(pk, claim, DeliveryState.FAILED, build_error)
                result.failed += 1
                continue
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
            # Written by the next statement, which runs before anything else is sent (the next
            # row's take, or the flush below): a crash can resend this one message, no other.
            sql.finish(pk, claim, DeliveryState.SENT)
            result.sent += 1
    finally:
        try:
            sql.flush()
        finally:
            connection.close()
    if temporary:
        raise TemporaryDeliveryError(f"{len(temporary)} deferred, last: {temporary[-1]}")
    return result
