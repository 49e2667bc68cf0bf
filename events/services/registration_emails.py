"""The registration flow's emails as delivery rows: written with the change, sent by the sweep.

Each email (confirmation request, confirmed, waitlist place, a seat is free, cancelled, expired)
is a ReminderDelivery row written in the same transaction as the change that causes it, so a
broker refusing at commit, a Redis restart or an SMTP outage can delay it but never lose it: the
row stays pending (or claimed, until its lease runs out) and the next sweep sends it, with the
same retries and the same record as every reminder.
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..enums import DeliveryKind, DeliveryState, RegistrationStatus
from ..models import Registration, ReminderDelivery
from ..ratelimit import allow
from .reminders import create_missing, registration_recipient

# The email that tells a delegate where their registration stands now: what "resend" sends.
CURRENT_EMAIL = {
    RegistrationStatus.PENDING: DeliveryKind.REGISTRATION_CONFIRM_REQUEST,
    RegistrationStatus.CONFIRMED: DeliveryKind.REGISTRATION_CONFIRMED,
    RegistrationStatus.WAITLISTED: DeliveryKind.REGISTRATION_WAITLISTED,
    RegistrationStatus.CANCELLED: DeliveryKind.REGISTRATION_CANCELLED,
    RegistrationStatus.EXPIRED: DeliveryKind.REGISTRATION_EXPIRED,
}


def dispatch_after_commit() -> None:
    """Queue "send what is due" once the transaction commits. If the broker refuses, nothing
    is lost: the rows wait for the next sweep (robust=True keeps the request from failing)."""
    # tasks.py imports the services it runs; importing it at the top would be a cycle.
    from ..tasks import dispatch_due_deliveries  # noqa: PLC0415

    transaction.on_commit(dispatch_due_deliveries.delay, robust=True)


def plan_registration_email(
    *, registration: Registration, kind: str, now: datetime, resend: bool = False
) -> ReminderDelivery | None:
    """Write the pending delivery row of one registration email, due now, and queue a dispatch
    after commit. Call it inside the transaction that makes the change.

    `resend` gives the row its own subject key (the moment, to the microsecond), so it is a
    second email; otherwise a kind goes to a registration once. Demo registrations carry
    made-up addresses and get no row (returns None).
    """
    if registration.is_demo:
        return None
    suffix = f":resend:{now.timestamp():.6f}" if resend else ""
    row = registration_recipient(registration).row(
        kind=kind,
        subject_key=f"registration:{kind}{suffix}",
        # Due at once: a service run for another moment (`now` in tests, a late sweep) must
        # not leave the email waiting for that moment.
        due_at=min(now, timezone.now()),
        event=registration.event,
    )
    create_missing([row])
    dispatch_after_commit()
    return row


@transaction.atomic
def resend_registration_email(
    *, registration: Registration, now: datetime | None = None
) -> ReminderDelivery | None:
    """Send again the email that matches the registration's state now (staff and board).

    Side effects: one new pending delivery row (see plan_registration_email), dispatched after
    commit. Returns it, or None for a demo registration.
    """
    now = now or timezone.now()
    kind = CURRENT_EMAIL[registration.status]
    return plan_registration_email(registration=registration, kind=kind, now=now, resend=True)


def follow_corrected_address(*, registration: Registration) -> int:
    """Staff corrected the address: the registration's unsent emails and reminders go to the
    new one (the sender reads the registration's address too; this keeps the record true).
    Side effects: updates pending and claimed rows. Returns how many."""
    return (
        ReminderDelivery.objects.filter(registration=registration)
        .exclude(state__in=[DeliveryState.SENT, DeliveryState.FAILED, DeliveryState.SKIPPED])
        .update(email=registration.email)
    )


def remind_of_registration(*, registration: Registration, now: datetime) -> bool:
    """Someone registered again with the address of an active registration: send its current
    email again (its links), at most REGISTRATION_RESEND_RATE per registration, so the form
    cannot be used to flood a mailbox. Returns whether an email was planned."""
    if not allow("registration-resend", str(registration.pk), settings.REGISTRATION_RESEND_RATE):
        return False
    return resend_registration_email(registration=registration, now=now) is not None
