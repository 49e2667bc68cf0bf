"""Claiming: due rows are taken for one batch inside a transaction, then a task sends them.

The claim is the guarantee of "once": a second sweep, the beat or a retry skips claimed rows.
A worker killed in the middle of a batch leaves its unsent rows in `sending`; once the claim's
lease (CLAIM_LEASE) has expired the next sweep claims them again with a new token, and the old
batch, should the broker ever redeliver it, no longer holds the token and sends nothing.
"""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import DatabaseError, transaction
from django.db import connection as db_connection
from django.utils import timezone

from ...b2b import deliveries as b2b_deliveries
from ...enums import DeliveryState
from ...models import ReminderDelivery
from .digest import plan_board_digests
from .followups import plan_follow_up_reminders
from .plan import plan_reminders

logger = logging.getLogger(__name__)

# Recipients per send task: one SMTP connection each, small enough to finish in seconds.
BATCH_SIZE = 100
# A claimed row not sent within this time belongs to a dead worker and is claimed again. Far
# below the broker's visibility timeout (3600 s), far above the seconds a batch takes.
CLAIM_LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class Claim:
    """Rows one sweep took for one batch. Only the holder of `token` may send them."""

    token: str
    delivery_ids: list[int]


@dataclass
class SweepResult:
    planned: int = 0
    skipped: int = 0
    digests: int = 0
    follow_ups: int = 0
    claimed: int = 0
    batches: int = 0
    claims: list[Claim] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "claims"}


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


def _sender(task, claim: Claim):
    def send_claimed_batch():
        task.delay(delivery_ids=claim.delivery_ids, claim=claim.token)

    return send_claimed_batch


def dispatch_due(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> list[Claim]:
    """Claim every due row in batches and queue one send task per batch after each commit."""
    # The task module imports the services; importing it at the top would be a cycle.
    from ...tasks import send_reminder_batch  # noqa: PLC0415

    now = now or timezone.now()
    claims = []
    while True:
        with transaction.atomic():
            claim = claim_due(now=now, limit=batch_size)
            if not claim.delivery_ids:
                break
            # robust: a broker (or, in-process, a mail server) failing here leaves the rows
            # claimed; after the lease the next sweep takes them again. Nothing is lost.
            transaction.on_commit(_sender(send_reminder_batch, claim), robust=True)
        claims.append(claim)
        if len(claim.delivery_ids) < batch_size:
            break
    return claims


def sweep(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> SweepResult:
    """One pass: plan, catch up on a missed digest, plan outcome follow-ups, claim everything due, queue the batches.

    Side effects: see plan_reminders, plan_board_digests and claim_due; queues one
    send_reminder_batch task per claimed batch once its claim has committed.
    """
    now = now or timezone.now()
    planning_error = None
    try:
        planned = plan_reminders(now=now)
        result = SweepResult(planned=planned.planned, skipped=planned.skipped)
        result.digests = plan_board_digests(now=now, catch_up_only=True)
        result.planned += b2b_deliveries.plan(now=now)
        result.follow_ups = plan_follow_up_reminders(now=now)
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
