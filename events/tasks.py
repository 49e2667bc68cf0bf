"""Celery tasks: thin wrappers that take primary keys and call the services.

The database records what was sent (events.models.ReminderDelivery); the broker only carries
"look at these rows". No task is ever scheduled days ahead: the beat sweep finds what is due.
"""

import logging

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from anniversary.health import record_sweep

from .b2b.services import expire_overdue_requests
from .delegations.services import sweep_groups
from .models import Registration
from .services import privacy, registration, registration_emails, reminders

logger = logging.getLogger(__name__)


@shared_task(name="events.sweep_reminders", acks_late=True)
def sweep_reminders() -> dict:
    """Every 5 minutes (beat): expire overdue registrations, plan, claim and queue what is due."""
    now = timezone.now()
    expired = registration.expire_overdue_registrations(now=now)
    result = reminders.sweep(now=now).as_dict()
    result["expired_registrations"] = expired
    # The business program: unanswered meeting requests past their deadline block nobody.
    result["expired_meeting_requests"] = expire_overdue_requests(now=now)
    # Delegations: release groups past their deadline, promote waiting groups that now fit.
    result.update(sweep_groups(now=now))
    logger.info("Reminder sweep: %s", result)
    record_sweep(now=now)  # /healthz/ reports the age of the last successful sweep
    return result


@shared_task(name="events.dispatch_due_deliveries", acks_late=True)
def dispatch_due_deliveries() -> int:
    """Claim and queue what is due now, without planning (after a cancellation or a move)."""
    claims = reminders.dispatch_due(now=timezone.now())
    return sum(len(c.delivery_ids) for c in claims)


@shared_task(name="events.send_board_digest", acks_late=True)
def send_board_digest() -> int:
    """Monday 08:00 İzmir time (beat): plan this week's digest rows and queue them."""
    now = timezone.now()
    planned = reminders.plan_board_digests(now=now)
    reminders.dispatch_due(now=now)
    return planned


@shared_task(
    name="events.send_reminder_batch",
    bind=True,
    # Idempotent (a row is sent only under its claim token), so a redelivery after a worker
    # crash is harmless; acknowledging late means the crash does not lose the message.
    acks_late=True,
    autoretry_for=(reminders.TemporaryDeliveryError,),
    retry_backoff=2,
    # 2, 4, 8 … seconds with jitter, never more than 5 minutes: far below the 3600 s visibility
    # timeout, and about one claim lease, after which a sweep would take the rows over anyway.
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=8,
)
def send_reminder_batch(self, *, delivery_ids: list[int], claim: str) -> dict:
    """Send one claimed batch over one SMTP connection; 4xx and disconnects are retried."""
    result = reminders.send_batch(delivery_ids=delivery_ids, claim=claim)
    if result.not_ours == len(delivery_ids):
        logger.info(
            "Batch %s: no row is still ours (sent, gone or reclaimed); nothing to do", claim
        )
    return result.as_dict()


# --- registration emails ----------------------------------------------------------------
@shared_task(name="events.send_registration_email", acks_late=True, ignore_result=True)
def send_registration_email_task(*, registration_id: int, kind: str) -> bool:
    """Messages queued by an earlier version, before registration emails became delivery rows:
    each becomes its row (once: the row's key) and goes out with the others."""
    found = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if found is None:
        logger.info("Registration %s is gone; no %s email.", registration_id, kind)
        return False
    with transaction.atomic():
        planned = registration_emails.plan_registration_email(
            registration=found, kind=f"registration_{kind}", now=timezone.now()
        )
    return planned is not None


# --- personal data ---------------------------------------------------------------------
@shared_task(name="events.erase_expired_personal_data", acks_late=True)
def erase_expired_personal_data() -> dict:
    """Nightly (beat): erase registrations past their retention, flush old audit entries."""
    now = timezone.now()
    result = {
        "erased_registrations": privacy.erase_expired_personal_data(now=now),
        "flushed_audit_entries": privacy.flush_audit_log(now=now),
    }
    logger.info("Personal data: %s", result)
    return result
