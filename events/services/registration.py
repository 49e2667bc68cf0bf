"""Registering delegates: capacity, double opt-in, waitlist, cancellation and expiry.

Pending and confirmed registrations each hold one seat. Every action that can hand a seat to
somebody locks the event row first and re-counts under the lock (pretix's pattern), so
concurrent requests queue on that one row and the capacity is never exceeded. Cancelling and
expiring free a seat, which alone needs no lock, but they pass the seat on to the waitlist in
the same transaction, so they lock the event too. Locks are always taken event first. The
waitlist holds single delegates and whole delegations; fill_free_seats() is the one place that
passes seats on to either (its docstring has the rule).

Every email is a delivery row written in the same transaction as the change (see
registration_emails), sent by the reminder machinery in the delegate's language.
"""

import ipaddress
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.emails import clean_text, normalize_email

from .. import availability, pageversion
from ..delegations import seats
from ..delegations.models import DelegationGroup, GroupStatus
from ..enums import DeliveryKind, RegistrationStatus
from ..exceptions import DomainError
from ..models import Event, Registration
from ..timezones import country_zone
from .locks import lock_event
from .registration_emails import plan_registration_email, remind_of_registration

logger = logging.getLogger(__name__)

CONFIRM_REQUEST = DeliveryKind.REGISTRATION_CONFIRM_REQUEST
CONFIRMED = DeliveryKind.REGISTRATION_CONFIRMED
WAITLISTED = DeliveryKind.REGISTRATION_WAITLISTED
PROMOTED = DeliveryKind.REGISTRATION_PROMOTED
CANCELLED = DeliveryKind.REGISTRATION_CANCELLED
EXPIRED = DeliveryKind.REGISTRATION_EXPIRED


class RegistrationError(DomainError):
    """A registration rule said no. The message is meant for the delegate."""


class RegistrationBusy(RegistrationError):
    """The event row stayed locked for too long; the same request a moment later will work."""


# PostgreSQL: lock_not_available (lock_timeout) and deadlock_detected. SQLite: the busy timeout.
_RETRYABLE_SQLSTATES = {"55P03", "40P01"}
_SQLITE_LOCKED = ("database is locked", "database table is locked")


def is_lock_timeout(exc: OperationalError) -> bool:
    if getattr(exc.__cause__, "sqlstate", None) in _RETRYABLE_SQLSTATES:
        return True
    return any(text in str(exc) for text in _SQLITE_LOCKED)


@contextmanager
def _friendly_lock_timeout() -> Iterator[None]:
    """Turn a lock wait that ran out (PostgreSQL lock_timeout, SQLite timeout) into "try again".

    Wraps the whole atomic block, so the failed transaction (or savepoint) is rolled back first.
    """
    try:
        yield
    except OperationalError as exc:
        if not is_lock_timeout(exc):
            raise
        logger.warning("Registration lock not granted in time: %s", exc)
        raise RegistrationBusy(
            _("Many people are registering right now. Please try again in a moment."),
            code="busy",
        ) from exc


@contextmanager
def _locked(registration: Registration) -> Iterator[Registration]:
    """One transaction holding the event's lock, with the registration re-read under it.

    Its status may have changed since the caller read it (a double click, the expiry sweep);
    only the copy read under the lock can be trusted. Lock timeouts become RegistrationBusy.
    """
    with _friendly_lock_timeout(), transaction.atomic():
        event = lock_event(registration.event)
        fresh = Registration.objects.get(pk=registration.pk)
        fresh.event = event
        yield fresh


def _confirm_deadline(event: Event, now: datetime) -> datetime:
    """Confirm within REGISTRATION_CONFIRM_HOURS, and never later than the event's start."""
    return min(now + timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS), event.start)


def _hold_deadline(event: Event, now: datetime) -> datetime:
    """An unconfirmed seat is held REGISTRATION_PENDING_HOLD_MINUTES, never past the deadline."""
    hold = now + timedelta(minutes=settings.REGISTRATION_PENDING_HOLD_MINUTES)
    return min(hold, _confirm_deadline(event, now))


def client_network(address: str) -> str:
    """The network a client address belongs to (IPv4 /24, IPv6 /64): one office, one home
    router, one mobile carrier's NAT. "" for anything that is not an IP address."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 64
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def queue_registration_email(
    registration: Registration, kind: str, now: datetime | None = None
) -> None:
    """The email's delivery row, in the caller's transaction (it commits or rolls back with the
    change); sent by the delivery machinery once the transaction commits."""
    plan_registration_email(registration=registration, kind=kind, now=now or timezone.now())


def _expire_overdue(event: Event, *, now: datetime) -> int:
    """Expire the event's unconfirmed registrations past their confirm deadline, and release
    the seats whose hold ran out (they keep their link, without a seat). Caller holds the lock.
    Returns how many expired."""
    overdue = list(event.registrations.awaiting_confirmation().filter(expires_at__lt=now))
    for registration in overdue:
        registration.status = RegistrationStatus.EXPIRED
        registration.seat_held_until = None
        registration.save(update_fields=["status", "seat_held_until"])
        queue_registration_email(registration, EXPIRED, now)
    held_out = event.registrations.pending().filter(seat_held_until__lt=now)
    if held_out.update(status=RegistrationStatus.WAITLISTED, seat_held_until=None):
        pageversion.bump_page_version()  # seats left changed; .update() sends no signal
    return len(overdue)


def fill_free_seats(event: Event, *, now: datetime) -> list[Registration]:
    """Pass free seats on to the waitlist; the single delegates promoted. Caller holds the lock.

    The waitlist is one line of single delegates and waiting delegations (groups), in the order
    they joined it. Walking it from the front:
    - a single delegate gets a seat if one is free (pending, with a deadline; "a seat is free");
    - a group gets seats only when all its members fit (held whole; the head is emailed);
    - a group that does not fit is passed over and the seats go to those behind it, but only
      for as many seats as the group has members; then it is owed its seats (seats.is_owed)
      and the walk stops there: the seats that free up wait for the group until it fits.
    So a small group or a single never waits for seats nobody can use, and a group is passed
    over by at most its own size (pretix#974). Every email is a delivery row of this transaction.
    """
    if event.is_cancelled or event.start <= now:
        return []
    free = None
    if event.capacity is not None:
        free = event.capacity - event.registrations.holding_seat().count()
        if free <= 0:
            return []
    groups = seats.waiting_groups(event)
    singles = event.registrations.waitlist()
    line = sorted(
        [*(singles if free is None else singles[:free]), *groups],
        key=lambda entry: (entry.created_at, isinstance(entry, DelegationGroup), entry.pk),
    )
    promoted, passed = [], []
    for entry in line:
        if free is not None and free <= 0:
            break
        if isinstance(entry, DelegationGroup):
            if free is None or entry.size <= free:
                entry.event = event
                seats.hold_group(entry, now, which="promoted")
                free = None if free is None else free - entry.size
            elif seats.is_owed(entry, event):
                break
            else:
                passed.append(entry)
            continue
        _promote_single(entry, event, now)
        promoted.append(entry)
        seats.pass_over(passed)
        free = None if free is None else free - 1
    return promoted


def _promote_single(registration: Registration, event: Event, now: datetime) -> None:
    registration.status = RegistrationStatus.PENDING
    registration.expires_at = _confirm_deadline(event, now)
    registration.seat_held_until = _hold_deadline(event, now)
    registration.save(update_fields=["status", "expires_at", "seat_held_until"])
    queue_registration_email(registration, PROMOTED, now)


def _seat_for_newcomer(event: Event, counts: dict[str, int]) -> bool:
    """A free seat someone who joins now may take: not one owed to a waiting group. Taking it
    passes over every waiting group (they are all ahead). Caller holds the lock, has filled."""
    if not _has_free_seat(event, counts):
        return False
    if not counts["groups_waiting"]:
        return True
    groups = seats.waiting_groups(event)
    if any(seats.is_owed(group, event) for group in groups):
        return False
    seats.pass_over(groups)
    return True


# Hand-written because it runs while the event row is locked, once per registration, and every
# other registration for the event waits for it: the ORM took about 1.7 ms of CPU to compile
# these conditional counts, the database 0.1 ms to answer them, and each query more is a round
# trip more with the lock held. COUNT(CASE …) works alike on PostgreSQL and SQLite; the
# (event, status, created_at) index serves the WHERE clause. "Awaiting confirmation" is
# RegistrationQuerySet.awaiting_confirmation(); tests compare every count with the querysets.
_SEAT_COUNTS_SQL = """
    SELECT
        COUNT(CASE WHEN status IN (%s, %s) THEN 1 END),
        COUNT(CASE WHEN status = %s THEN 1 END),
        COUNT(CASE WHEN (status = %s OR (status = %s AND expires_at IS NOT NULL))
            AND (expires_at < %s OR seat_held_until < %s) THEN 1 END),
        COUNT(CASE WHEN email = %s THEN 1 END),
        COUNT(CASE WHEN client_network = %s
            AND (status = %s OR (status = %s AND expires_at IS NOT NULL)) THEN 1 END),
        (SELECT COUNT(*) FROM {groups} WHERE event_id = %s AND status = %s)
    FROM {table}
    WHERE event_id = %s AND status IN (%s, %s, %s)
"""


def _seat_counts(
    event: Event, *, now: datetime, email: str = "", network: str = ""
) -> dict[str, int]:
    """Seats held, people in line, unconfirmed ones past their deadline or hold, active ones
    with this email, ones from this client network awaiting confirmation, and delegations
    waiting, in one query (each round trip is spent holding the event lock)."""
    pending, confirmed, waitlisted = (
        RegistrationStatus.PENDING,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    )
    sql = _SEAT_COUNTS_SQL.format(
        table=connection.ops.quote_name(Registration._meta.db_table),
        groups=connection.ops.quote_name(DelegationGroup._meta.db_table),
    )
    moment = connection.ops.adapt_datetimefield_value(now)
    params = [pending, confirmed, waitlisted, pending, waitlisted, moment, moment]
    params += [email, network, pending, waitlisted, event.pk, GroupStatus.WAITLISTED, event.pk]
    params += [pending, confirmed, waitlisted]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    keys = ("held", "waitlisted", "overdue", "same_email", "same_network", "groups_waiting")
    return dict(zip(keys, row, strict=True))


def _has_free_seat(event: Event, counts: dict[str, int]) -> bool:
    return event.capacity is None or counts["held"] < event.capacity


def _duplicate_error() -> RegistrationError:
    return RegistrationError(
        {
            "email": _(
                "This email address is already registered for this event. Use the link in the "
                "email we sent you to see or cancel that registration."
            )
        },
        code="duplicate",
    )


def register_delegate(
    *,
    event: Event,
    full_name: str,
    email: str,
    country: str,
    organization: str = "",
    phone: str = "",
    language: str = "tr",
    needs: str = "",
    consent: bool,
    time_zone: str | None = None,
    network: str = "",
    resend_if_registered: bool = False,
    now: datetime | None = None,
) -> Registration:
    """Register one delegate: a pending seat if one is free, else a place on the waitlist.

    The address is normalised (contacts.emails.normalize_email) and the text fields cleaned
    (contacts.emails.clean_text) whoever calls. Side effects: locks the event row; expires the
    event's overdue pending registrations (and promotes from the waitlist into their seats)
    before counting; writes one Registration and the delivery row of its confirmation request
    (pending) or waitlist notice. With `resend_if_registered` (the public form), an address
    that already holds an active registration gets that registration's email again
    (rate-limited, see registration_emails.remind_of_registration) and the existing row is
    returned, so the answer does not reveal who is registered. `answered_as` on the result is the
    status to tell at the form: a new row's own, else what a newcomer would get now.
    Raises RegistrationError when the event takes no registrations, the address or a name is
    not valid, the email is already registered (without `resend_if_registered`), or consent is
    missing; RegistrationBusy when the lock is not granted in time.
    """
    if not consent:
        raise RegistrationError(
            {"consent": _("Please accept the privacy notice to register.")}, code="consent"
        )
    try:
        email = normalize_email(email)
        full_name = clean_text(full_name, required=True)
        organization, phone = clean_text(organization), clean_text(phone)
        needs = clean_text(needs, multiline=True)
    except ValidationError as error:
        raise RegistrationError(error.messages, code="invalid") from error
    now = now or timezone.now()
    existing = None
    try:
        with _friendly_lock_timeout(), transaction.atomic():
            event = lock_event(event)
            problem = availability.why_registration_closed(event, now=now)
            if problem:
                raise RegistrationError(problem, code="closed")
            counts = _seat_counts(event, now=now, email=email, network=network)
            if counts["same_email"] and not resend_if_registered:
                raise _duplicate_error()
            if counts["same_email"]:
                existing = event.registrations.active().get(email=email)
                # What a newcomer would get now, never this row's state (who holds a seat).
                status = RegistrationStatus
                seat = _seat_for_newcomer(event, counts)
                existing.answered_as = status.PENDING if seat else status.WAITLISTED
            elif network and counts["same_network"] >= settings.REGISTRATION_PENDING_PER_NETWORK:
                raise RegistrationError(
                    _(
                        "Too many unconfirmed registrations for this event come from your "
                        "network. Please confirm the ones you made (see your email) first."
                    ),
                    code="too_many_pending",
                )
            else:
                waiting = counts["waitlisted"] or counts["groups_waiting"]
                if counts["overdue"] or (waiting and _has_free_seat(event, counts)):
                    # Seats held past their deadline, or freed but not yet passed on: the
                    # people already waiting come first. Rare: the common path counts once.
                    _expire_overdue(event, now=now)
                    fill_free_seats(event, now=now)
                    counts = _seat_counts(event, now=now, email=email)
                has_seat = _seat_for_newcomer(event, counts)
                registration = Registration.objects.create(
                    event=event,
                    full_name=full_name,
                    email=email,
                    organization=organization,
                    country=country,
                    phone=phone,
                    language=language,
                    needs=needs,
                    time_zone=time_zone
                    or country_zone(country, at=event.start or now)
                    or event.time_zone,
                    consent_at=now,
                    created_at=now,
                    status=RegistrationStatus.PENDING
                    if has_seat
                    else RegistrationStatus.WAITLISTED,
                    expires_at=_confirm_deadline(event, now) if has_seat else None,
                    seat_held_until=_hold_deadline(event, now) if has_seat else None,
                    client_network=network,
                )
                queue_registration_email(
                    registration, CONFIRM_REQUEST if has_seat else WAITLISTED, now
                )
                registration.answered_as = registration.status
    except IntegrityError as exc:
        # Only reachable if a row was written around the lock (e.g. by the admin).
        raise _duplicate_error() from exc
    if existing is not None:
        remind_of_registration(registration=existing, now=now)
        return existing
    return registration


def confirm_registration(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    """Confirm a pending registration (the delegate followed the link). Idempotent.

    Side effects: locks the event row; sets the registration confirmed; after commit sends the
    confirmation with the .ics and the check-in QR code attached. A registration whose deadline
    has passed is expired instead (its seat passes to the waitlist) and RegistrationError says so.
    """
    now = now or timezone.now()
    ran_out = False
    lined_up = None
    with _locked(registration) as registration:
        if registration.status == RegistrationStatus.CONFIRMED:
            return registration
        if registration.status == RegistrationStatus.WAITLISTED and registration.expires_at:
            outcome = _confirm_after_hold(registration, now=now)
            if outcome is not None:
                # After the commit: the delegate joined the line, which must stand.
                lined_up = outcome
        elif registration.status == RegistrationStatus.WAITLISTED:
            raise RegistrationError(
                _(
                    "You are on the waitlist. We will email you as soon as a seat is free; "
                    "then you can confirm."
                ),
                code="waitlisted",
            )
        if registration.status == RegistrationStatus.CANCELLED:
            raise RegistrationError(
                _("This registration was cancelled. You can register again if seats are free."),
                code="cancelled",
            )
        if registration.status == RegistrationStatus.EXPIRED:
            raise _expired_error()
        if registration.status == RegistrationStatus.PENDING:
            ran_out = _confirm_pending(registration, now=now)
    if ran_out:
        # Raised after the commit: the expiry and the promotion it caused must stand.
        raise _expired_error()
    if lined_up is not None:
        raise lined_up
    return registration


def _confirm_pending(registration: Registration, *, now: datetime) -> bool:
    """Confirm under the lock; True when its deadline had passed (expired instead)."""
    event = registration.event
    problem = None
    if event.is_cancelled or event.end <= now:
        problem = availability.why_registration_closed(event, now=now)
    if problem:
        raise RegistrationError(problem, code="closed")
    if registration.expires_at and registration.expires_at < now:
        _expire_overdue(event, now=now)
        fill_free_seats(event, now=now)
        return True
    _mark_confirmed(registration, now=now)
    return False


def _mark_confirmed(registration: Registration, *, now: datetime) -> None:
    registration.status = RegistrationStatus.CONFIRMED
    registration.confirmed_at = now
    registration.expires_at = registration.seat_held_until = None
    registration.save(update_fields=["status", "confirmed_at", "expires_at", "seat_held_until"])
    queue_registration_email(registration, CONFIRMED, now)


def _confirm_after_hold(registration: Registration, *, now: datetime) -> RegistrationError | None:
    """Confirmed after its seat hold ran out: a free seat if there is one (after the people
    already in line got theirs), else its place on the waitlist in the order it registered.
    Caller holds the lock. Returns the message to raise after the commit, or None (confirmed)."""
    event = registration.event
    if registration.expires_at < now or event.is_cancelled or event.end <= now:
        _expire_overdue(event, now=now)
        fill_free_seats(event, now=now)
        return _expired_error()
    fill_free_seats(event, now=now)
    if _seat_for_newcomer(event, _seat_counts(event, now=now)):
        _mark_confirmed(registration, now=now)
        return None
    registration.expires_at = None
    registration.save(update_fields=["expires_at"])
    queue_registration_email(registration, WAITLISTED, now)
    return RegistrationError(
        _(
            "Your address is confirmed, but the seat held for you was released and none is "
            "free now. You are on the waitlist, in the order you registered."
        ),
        code="waitlisted",
    )


def _expired_error() -> RegistrationError:
    return RegistrationError(
        _(
            "The time to confirm this registration ran out and the seat was passed on. "
            "You can register again."
        ),
        code="expired",
    )


def cancel_registration(*, registration: Registration, now: datetime | None = None) -> Registration:
    """Cancel a registration (by the delegate, or by staff). Idempotent.

    Side effects: locks the event row; sets the registration cancelled; when it held a seat,
    promotes the first in line into it (who gets the "promoted" email); after commit sends the
    cancellation notice. Raises RegistrationError for an expired registration or a past event.
    """
    now = now or timezone.now()
    with _locked(registration) as registration:
        event = registration.event
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        if registration.status == RegistrationStatus.EXPIRED:
            raise RegistrationError(
                _("This registration has already expired; there is nothing to cancel."),
                code="expired",
            )
        if event.end <= now:
            raise RegistrationError(
                _("This event has already taken place; the registration can no longer be changed."),
                code="past",
            )
        held_seat = registration.status in (
            RegistrationStatus.PENDING,
            RegistrationStatus.CONFIRMED,
        )
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.expires_at = None
        registration.save(update_fields=["status", "cancelled_at", "expires_at"])
        queue_registration_email(registration, CANCELLED, now)
        if held_seat:
            fill_free_seats(event, now=now)
    return registration


def promote_from_waitlist(*, event: Event, now: datetime | None = None) -> list[Registration]:
    """Give every free seat to the first in line (e.g. after staff raised the capacity).

    Side effects: locks the event row; turns waitlisted registrations into pending ones with a
    confirmation deadline; after commit sends each the "promoted" email. Returns them.
    """
    now = now or timezone.now()
    with _friendly_lock_timeout(), transaction.atomic():
        return fill_free_seats(lock_event(event), now=now)


def expire_overdue_registrations(*, now: datetime | None = None) -> int:
    """Expire pending registrations past their confirmation deadline; returns how many.

    Side effects: one transaction per event, each locking the event row; the expired seats go
    to the waitlist (promoted email); after commit each expired delegate gets a notice. An
    event whose lock is not granted in time is left for the next run (logged).
    """
    now = now or timezone.now()
    event_ids = (
        Registration.objects.filter(
            Q(status=RegistrationStatus.PENDING, expires_at__lt=now)
            | Q(status=RegistrationStatus.PENDING, seat_held_until__lt=now)
            | Q(status=RegistrationStatus.WAITLISTED, expires_at__lt=now)
        )
        .order_by("event_id")
        .values_list("event_id", flat=True)
        .distinct()
    )
    expired = 0
    for event_id in list(event_ids):
        try:
            with _friendly_lock_timeout(), transaction.atomic():
                event = lock_event(Event(pk=event_id))
                count = _expire_overdue(event, now=now)
                fill_free_seats(event, now=now)
        except RegistrationBusy:
            logger.warning(
                "Event %s is busy; its overdue registrations wait for the next run.", event_id
            )
            continue
        expired += count
    return expired


def delete_registrations(*, registrations, now: datetime | None = None) -> int:
    """Delete registrations (staff), passing every seat they held to the waitlist.

    Side effects: per event, one transaction locking the event row; deletes the rows (and, by
    cascade, their delivery rows); promotes the first in line into freed seats ("a seat is
    free" email). Sends the deleted delegates nothing. Returns how many were deleted.
    """
    now = now or timezone.now()
    deleted = 0
    by_event: dict[int, list[int]] = {}
    for pk, event_id in registrations.values_list("pk", "event_id"):
        by_event.setdefault(event_id, []).append(pk)
    for event_id, pks in sorted(by_event.items()):
        with _friendly_lock_timeout(), transaction.atomic():
            event = lock_event(Event(pk=event_id))
            deleted += (
                Registration.objects.filter(pk__in=pks).delete()[1].get(Registration._meta.label, 0)
            )
            fill_free_seats(event, now=now)
    return deleted
