"""Reminders, notices and the board digest: planned as rows, claimed, then sent exactly once.

The ReminderDelivery table is the record of what is due and what went out. Every email is a row
before anything is sent (planned), a sweep claims due rows inside a transaction before it queues
them (the claim is the guarantee: a second sweep, beat or retry skips claimed rows), and a row is
marked sent by the batch's next statement after its own SMTP transaction, before the next
message goes out. A missed run therefore sends late, never not at all, and a re-run finds the
rows already there and sends nothing twice.

    timing    when a reminder or the digest is due
    plan      the rows of upcoming events; notices of cancellations and moves; pausing
    digest    the weekly board digest's rows and content
    claiming  taking due rows for a batch; the sweep
    sending   one batch over one SMTP connection, one statement per row
    followups the owners' reminders of meeting outcomes (contacts.Outcome.follow_up_on)
    messages  the email of each kind of row; delegate reminders rendered once per group

Callers import from here; the modules are the layout, not the interface.
"""

from .claiming import (
    BATCH_SIZE,
    CLAIM_LEASE,
    Claim,
    SweepResult,
    claim_due,
    dispatch_due,
    retry_failed,
    sweep,
)
from .digest import board_digest_context, overdue_planning_items, plan_board_digests
from .followups import follow_up_due_at, plan_follow_up_reminders
from .messages import build_delivery_message
from .plan import (
    PlanResult,
    create_missing,
    pause_reminders,
    plan_cancellation_notices,
    plan_reminders,
    plan_time_changed_notices,
    registration_recipient,
)
from .sending import (
    MAX_ATTEMPTS,
    BatchResult,
    TemporaryDeliveryError,
    send_batch,
    skip_reason,
)
from .timing import (
    MINUTES_PER_DAY,
    RESPONSIBLE_OFFSETS,
    delegate_offsets,
    digest_due_at,
    digest_subject_key,
    reminder_due_at,
)

__all__ = [
    "BATCH_SIZE",
    "CLAIM_LEASE",
    "MAX_ATTEMPTS",
    "MINUTES_PER_DAY",
    "RESPONSIBLE_OFFSETS",
    "BatchResult",
    "Claim",
    "PlanResult",
    "SweepResult",
    "TemporaryDeliveryError",
    "board_digest_context",
    "build_delivery_message",
    "claim_due",
    "create_missing",
    "delegate_offsets",
    "digest_due_at",
    "digest_subject_key",
    "follow_up_due_at",
    "dispatch_due",
    "overdue_planning_items",
    "pause_reminders",
    "plan_board_digests",
    "plan_cancellation_notices",
    "plan_follow_up_reminders",
    "plan_reminders",
    "plan_time_changed_notices",
    "registration_recipient",
    "reminder_due_at",
    "retry_failed",
    "send_batch",
    "skip_reason",
    "sweep",
]
