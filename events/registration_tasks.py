"""The Celery task that sends registration emails (loaded by the worker via CELERY_IMPORTS).

Thin: a primary key and a kind in, the service builds and sends. Without Redis it runs
in-process (eager), exactly as before; with Redis the web request only queues it.
"""

import logging
import smtplib

from celery import shared_task

from .services.registration import send_registration_email

logger = logging.getLogger(__name__)

# Worth another try later: the server was away or said "try again" (4xx).
_TEMPORARY = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
)


def _is_temporary(exc: Exception) -> bool:
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, _TEMPORARY)


@shared_task(
    name="events.send_registration_email",
    bind=True,
    # A lost confirmation link strands the delegate; a duplicate is only a nuisance. So the
    # message is acknowledged after sending, and a worker crash means it is sent again.
    acks_late=True,
    ignore_result=True,
    max_retries=8,
)
def send_registration_email_task(self, *, registration_id: int, kind: str) -> bool:
    try:
        return send_registration_email(registration_id=registration_id, kind=kind)
    except (smtplib.SMTPException, OSError) as exc:
        if self.request.is_eager or not _is_temporary(exc):
            # In-process (no broker) there is nowhere to wait: fail now, logged by on_commit.
            raise
        # 2, 4, 8 … s with jitter, at most 5 minutes: far below the broker's visibility timeout.
        countdown = min(2 ** (self.request.retries + 1), 300)
        logger.warning(
            "Registration email %s/%s: %s; retry in %s s", registration_id, kind, exc, countdown
        )
        raise self.retry(exc=exc, countdown=countdown) from exc
