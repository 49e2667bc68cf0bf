"""The head of delegation's emails as delivery rows (ReminderDelivery), in the head's language:
seats held, waitlisted, seats free for the whole group (promoted), confirmed, cancelled, expired.

Each row is written in the transaction that changes the group, so it commits or rolls back with
the change; the reminders' sweep claims and sends it once, with its retries and Message-ID
(events/services/reminders asks skip_reason() and builds the message with MESSAGES). Members get
the registration emails of their own registrations (events/services/registration_emails.py).
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import DeliveryKind
from ..models import ReminderDelivery
from .links import head_url
from .models import DelegationGroup, GroupStatus

# Which head email (the template's `kind`), and the group status it is about: a later change
# makes it moot (seats held, then cancelled before the email went out). None: always sent.
ABOUT_STATUS = {
    "held": GroupStatus.HELD,
    "promoted": GroupStatus.HELD,
    "waitlisted": GroupStatus.WAITLISTED,
    "confirmed": GroupStatus.CONFIRMED,
    "cancelled": None,
    "expired": None,
}


def plan_head_email(*, group: DelegationGroup, which: str, now: datetime) -> ReminderDelivery:
    """The pending row of one head email, due now; one per group and `which` (ABOUT_STATUS).

    Side effects: creates the row (a second call creates nothing). The caller writes it inside
    the transaction of the change and queues the dispatch after commit.
    """
    if which not in ABOUT_STATUS:
        raise ValueError(f"No head email {which!r}")
    row = ReminderDelivery(
        kind=DeliveryKind.DELEGATION_HEAD,
        recipient_key=f"delegation:{group.pk}",
        email=group.head_email,
        language=group.head_language,
        event_id=group.event_id,
        subject_key=f"delegation:{group.pk}:{which}",
        offset=None,
        # Due at once, even when the service ran for another moment (`now` in tests).
        due_at=min(now, timezone.now()),
    )
    ReminderDelivery.objects.bulk_create([row], ignore_conflicts=True)
    return row


def _group_of(delivery: ReminderDelivery) -> tuple[DelegationGroup | None, str]:
    _prefix, group_id, which = delivery.subject_key.split(":")
    group = (
        DelegationGroup.objects.select_related("event__venue")
        .prefetch_related("members")
        .filter(pk=int(group_id))
        .first()
    )
    return group, which


def skip_reason(delivery: ReminderDelivery, now: datetime) -> str:
    """Why this head email must not be sent now (empty if it may)."""
    group, which = _group_of(delivery)
    if group is None:
        return str(_("The delegation registration was deleted."))
    wanted = ABOUT_STATUS.get(which)
    if wanted is not None and group.status != wanted:
        return str(
            _("The delegation registration has changed since; this email no longer applies.")
        )
    return ""


def _head_message(delivery, cache):
    group, which = _group_of(delivery)
    context = {
        "group": group,
        "event": group.event,
        "kind": which,
        "manage_url": head_url(group),
        "members": list(group.members.all()),
    }
    return "delegation_head", context, []


MESSAGES = {DeliveryKind.DELEGATION_HEAD: _head_message}
