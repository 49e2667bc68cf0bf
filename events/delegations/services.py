"""Registering a delegation as one unit: all its seats or none, waitlisted and promoted whole.

Like single registrations (events/services/registration.py), every action that can hand out
seats locks the event row first and counts under the lock, so single delegates and groups
registering at the same moment queue on that one row and the capacity is never exceeded.

While a group holds seats, each member has a pending Registration with no deadline of its own
(the single-registration expiry must not take members one by one); the group's deadline is on
the group, and sweep_groups() releases all of its seats together. Freed seats reach waiting
groups through the one service that passes seats on, registration.fill_free_seats(), at once
on every cancellation, expiry, deletion or raised capacity (seats.py has the fairness rule).
Every email, the head's and the members', is a delivery row written with the change.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.emails import normalize_email

from .. import availability
from ..enums import RegistrationStatus
from ..exceptions import DomainError
from ..models import Event
from ..services.locks import lock_event
from ..services.registration import CANCELLED, CONFIRMED, fill_free_seats, queue_registration_email
from ..services.registration_emails import dispatch_after_commit
from . import seats
from .deliveries import plan_head_email
from .models import DelegationGroup, DelegationMember, GroupStatus

logger = logging.getLogger(__name__)

MAX_MEMBERS = 100


class DelegationError(DomainError):
    """A rule said no; the message is meant for the head of delegation. Nothing was written."""


@dataclass(frozen=True)
class MemberData:
    full_name: str
    email: str
    role: str = ""
    language: str = "tr"


def _lock(event: Event) -> Event:
    return lock_event(event)


def _free_seats(event: Event) -> int | None:
    """Seats nobody holds, counted under the event lock; None without a capacity."""
    if event.capacity is None:
        return None
    return event.capacity - event.registrations.holding_seat().count()


def _clean_members(members: list[MemberData]) -> list[MemberData]:
    cleaned, seen = [], set()
    for member in members:
        name = " ".join(member.full_name.split())
        if not name or not member.email.strip():
            raise DelegationError(_("Every member needs a name and an email address."))
        # The one form of an address (contacts.emails): two spellings are one member.
        try:
            email = normalize_email(member.email)
        except ValidationError as error:
            raise DelegationError(error.messages, code="invalid") from error
        if email in seen:
            raise DelegationError(
                _("%(email)s is listed twice.") % {"email": email}, code="duplicate"
            )
        seen.add(email)
        cleaned.append(MemberData(name, email, member.role.strip(), member.language))
    if not cleaned:
        raise DelegationError(_("List at least one member."), code="empty")
    if len(cleaned) > MAX_MEMBERS:
        raise DelegationError(
            _("A delegation can list at most %(count)s members.") % {"count": MAX_MEMBERS}
        )
    return cleaned


def register_group(
    *,
    event: Event,
    name: str,
    head_name: str,
    head_email: str,
    head_language: str,
    country: str,
    members: list[MemberData],
    consent: bool,
    now: datetime | None = None,
) -> DelegationGroup:
    """Register a delegation: seats for all members if they fit, else the group waits whole.

    Side effects: locks the event row; writes the group and its members, and (when the seats
    fit and no waiting group is owed them, see seats.py) one pending Registration per member;
    the head's email (seats held, with the confirmation link, or waitlisted) as a delivery row. Raises DelegationError when the event takes no
    registrations, consent is missing, a member is listed twice, or a member's email is
    already registered for the event; nothing is written then.
    """
    if not consent:
        raise DelegationError(_("Please accept the privacy notice to register."), code="consent")
    members = _clean_members(members)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            event = _lock(event)
            problem = availability.why_registration_closed(event, now=now)
            if problem:
                raise DelegationError(problem, code="closed")
            emails = [m.email for m in members]
            taken = sorted(
                event.registrations.active()
                .filter(email__in=emails)
                .values_list("email", flat=True)
            )
            if taken:
                raise DelegationError(
                    _("Already registered for this event: %(emails)s.")
                    % {"emails": ", ".join(taken)},
                    code="duplicate",
                )
            # Seats freed but not yet passed on go to those already waiting first.
            fill_free_seats(event, now=now)
            group = DelegationGroup.objects.create(
                event=event,
                name=" ".join(name.split()) or head_name,
                head_name=" ".join(head_name.split()),
                head_email=head_email,  # NormalizedEmailField: normalised on save
                head_language=head_language,
                country=country,
                consent_at=now,
                created_at=now,
                status=GroupStatus.WAITLISTED,
            )
            DelegationMember.objects.bulk_create(
                DelegationMember(
                    group=group,
                    full_name=m.full_name,
                    email=m.email,
                    role=m.role,
                    language=m.language,
                )
                for m in members
            )
            free = _free_seats(event)
            ahead = [g for g in seats.waiting_groups(event) if g.pk != group.pk]
            owed = any(seats.is_owed(g, event) for g in ahead)
            if (free is None or free >= len(members)) and not owed:
                seats.hold_group(group, now, which="held")
                seats.pass_over(ahead, len(members))
            else:
                _head_email(group, "waitlisted", now)
    except IntegrityError as exc:
        # Only reachable if a member's registration was written around the lock.
        raise DelegationError(
            _("A member is already registered for this event."), code="duplicate"
        ) from exc
    return group


def confirm_group(*, group: DelegationGroup, now: datetime | None = None) -> DelegationGroup:
    """The head confirms for all members. Idempotent.

    Side effects: locks the event row; confirms every member's registration; each member gets
    the usual confirmation (their own language, the .ics and their check-in QR) and the head a
    summary, as delivery rows of this transaction. A group past its deadline is expired instead (its seats pass on)
    and DelegationError says so.
    """

    now = now or timezone.now()
    ran_out = False
    with transaction.atomic():
        _lock(group.event)
        group = DelegationGroup.objects.select_related("event").get(pk=group.pk)
        if group.status == GroupStatus.CONFIRMED:
            return group
        if group.status != GroupStatus.HELD:
            raise DelegationError(
                _("This delegation registration cannot be confirmed (%(status)s).")
                % {"status": group.get_status_display()},
                code=group.status,
            )
        if group.expires_at and group.expires_at < now:
            _release(group, GroupStatus.EXPIRED, now)
            _promote(group.event, now)
            ran_out = True
        else:
            for member in group.members.select_related("registration"):
                registration = member.registration
                if registration and registration.status == RegistrationStatus.PENDING:
                    registration.status = RegistrationStatus.CONFIRMED
                    registration.confirmed_at = now
                    registration.save(update_fields=["status", "confirmed_at"])
                    queue_registration_email(registration, CONFIRMED)
            group.status = GroupStatus.CONFIRMED
            group.confirmed_at = now
            group.expires_at = None
            group.save(update_fields=["status", "confirmed_at", "expires_at"])
            _head_email(group, "confirmed", now)
    if ran_out:
        raise DelegationError(
            _("The time to confirm ran out and the seats were passed on. You can register again."),
            code="expired",
        )
    return group


def cancel_group(*, group: DelegationGroup, now: datetime | None = None) -> DelegationGroup:
    """The head cancels for all members. Idempotent.

    Side effects: locks the event row; cancels every member's registration (each member gets
    the cancellation notice in their language); passes the freed seats on to the waitlist
    (registration.fill_free_seats: groups whole, in waitlist order); the head's email as a
    delivery row.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock(group.event)
        group = DelegationGroup.objects.select_related("event").get(pk=group.pk)
        if group.status in (GroupStatus.CANCELLED, GroupStatus.EXPIRED):
            return group
        if event.end <= now:
            raise DelegationError(_("This event has already taken place."), code="past")
        _release(group, GroupStatus.CANCELLED, now)
        _head_email(group, "cancelled", now)
        _promote(event, now)
    return group


def _release(group: DelegationGroup, status: str, now: datetime) -> None:

    for member in group.members.select_related("registration"):
        registration = member.registration
        if registration and registration.status in RegistrationStatus.active():
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at"])
            queue_registration_email(registration, CANCELLED)
    group.status = status
    group.cancelled_at = now
    group.expires_at = None
    group.save(update_fields=["status", "cancelled_at", "expires_at"])


def _promote(event: Event, now: datetime) -> list[DelegationGroup]:
    """Pass free seats on through the one waitlist (registration.fill_free_seats: groups when
    they fit whole, singles, in waitlist order); the groups it gave seats. Caller holds the lock."""
    waiting = [g.pk for g in seats.waiting_groups(event)]
    fill_free_seats(event, now=now)
    return list(DelegationGroup.objects.filter(pk__in=waiting, status=GroupStatus.HELD))


def promote_waiting_groups(*, event: Event, now: datetime | None = None) -> list[DelegationGroup]:
    """Give free seats to waiting groups that fit whole (e.g. after the capacity was raised).

    Side effects: locks the event row; holds seats for each promoted group (head emailed).
    """
    now = now or timezone.now()
    with transaction.atomic():
        return _promote(_lock(event), now)


def sweep_groups(*, now: datetime | None = None) -> dict[str, int]:
    """Expire held groups past their deadline and promote waiting groups, event by event.

    Run by the reminder sweep every 5 minutes. Side effects: per event, one transaction with
    the event row locked; expired groups' members get the cancellation notice.
    """
    now = now or timezone.now()
    expired = promoted = 0
    overdue = DelegationGroup.objects.filter(status=GroupStatus.HELD, expires_at__lt=now)
    waiting = DelegationGroup.objects.filter(status=GroupStatus.WAITLISTED, event__start__gt=now)
    event_ids = sorted(
        set(overdue.values_list("event_id", flat=True))
        | set(waiting.values_list("event_id", flat=True))
    )
    for event_id in event_ids:
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            for group in overdue.filter(event=event):
                _release(group, GroupStatus.EXPIRED, now)
                _head_email(group, "expired", now)
                expired += 1
            promoted += len(_promote(event, now))
    return {"expired_groups": expired, "promoted_groups": promoted}


def _head_email(group: DelegationGroup, which: str, now: datetime) -> None:
    plan_head_email(group=group, which=which, now=now)
    dispatch_after_commit()
