"""Follow-ups of meeting outcomes: the owner is reminded on the follow-up date.

contacts records the outcomes and never imports events; this side reads the open ones and plans
one row per outcome and date, so the rows live with every other email (claimed, sent once).
"""

from datetime import date, datetime, time

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.models import Outcome

from ...enums import DeliveryKind
from ...models import ReminderDelivery
from ...timezones import IZMIR, zone
from .plan import Recipient, create_missing, skip

# The board works in İzmir: a follow-up date is an İzmir day, reminded in its morning.
FOLLOW_UP_HOUR = time(8, 0)


def follow_up_due_at(day: date) -> datetime:
    """08:00 İzmir time on the follow-up day (aware)."""
    return datetime.combine(day, FOLLOW_UP_HOUR, tzinfo=zone(IZMIR))


def follow_up_subject_key(outcome: Outcome) -> str:
    # The date is part of the key: a new date is a new reminder, the old one is skipped.
    return f"outcome:{outcome.pk}:follow-up:{outcome.follow_up_on.isoformat()}"


@transaction.atomic
def plan_follow_up_reminders(*, now: datetime | None = None) -> int:
    """One row per open outcome (an owner with an email, a follow-up date, not done).

    Side effects: creates pending OUTCOME_FOLLOW_UP rows due at 08:00 İzmir on the follow-up
    date (a date already past is reminded now, once); skips pending rows of outcomes that were
    closed, lost their owner or got another date. Returns rows offered. Sends nothing.
    """
    now = now or timezone.now()
    pending = ReminderDelivery.objects.pending().filter(kind=DeliveryKind.OUTCOME_FOLLOW_UP)
    stale = {"done": [], "date": [], "owner": []}
    for row in pending.select_related("outcome"):
        outcome = row.outcome
        if outcome.done_at is not None:
            stale["done"].append(row.pk)
        elif outcome.follow_up_on is None or row.subject_key != follow_up_subject_key(outcome):
            stale["date"].append(row.pk)
        elif row.recipient_key != f"user:{outcome.owner_id}":
            stale["owner"].append(row.pk)
    reasons = {
        "done": _("The follow-up is done."),
        "date": _("The follow-up date changed."),
        "owner": _("Someone else owns the follow-up now."),
    }
    for name, ids in stale.items():
        if ids:
            skip(ReminderDelivery.objects.filter(pk__in=ids), reasons[name])
    outcomes = list(
        Outcome.objects.open_follow_ups()
        .filter(owner__isnull=False, owner__is_active=True)
        .exclude(owner__email="")
        .select_related("owner")
    )
    keys = {o.pk: follow_up_subject_key(o) for o in outcomes}
    have = set(
        ReminderDelivery.objects.filter(subject_key__in=keys.values()).values_list(
            "recipient_key", "subject_key"
        )
    )
    rows = []
    for outcome in outcomes:
        owner = outcome.owner
        recipient = Recipient(
            key=f"user:{owner.pk}",
            email=owner.email,
            language=settings.LANGUAGE_CODE,
            since=None,
            links={"user": owner},
        )
        if (recipient.key, keys[outcome.pk]) in have:
            continue
        rows.append(
            recipient.row(
                kind=DeliveryKind.OUTCOME_FOLLOW_UP,
                subject_key=keys[outcome.pk],
                due_at=follow_up_due_at(outcome.follow_up_on),
                outcome=outcome,
            )
        )
    return create_missing(rows)
