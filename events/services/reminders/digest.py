"""The weekly board digest: one row per board member each Monday, and what it says."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from contacts.models import Person

from ...enums import DatePrecision, DeliveryKind
from ...models import Event, PlanningItem, ReminderDelivery
from ...roles import board_members
from ...timezones import IZMIR
from .plan import Recipient, create_missing
from .timing import DIGEST_DAYS, digest_due_at, digest_subject_key


def _languages_by_email(emails: list[str]) -> dict[str, str]:
    """A board member who is also in the contacts gets the digest in their preferred language."""
    people = Person.objects.annotate(key=Lower("email")).filter(key__in=[e.lower() for e in emails])
    return {p.key: p.preferred_language for p in people}


@transaction.atomic
def plan_board_digests(*, now: datetime | None = None, catch_up_only: bool = False) -> int:
    """This week's digest row for every board member, once the Monday 08:00 İzmir time has come.

    `catch_up_only` (the sweep) plans only on the Monday itself, so a beat that missed 08:00
    is made up for the same day, and a server set up on a Thursday does not send a digest then.
    Side effects: creates pending board-digest rows (none twice: the key holds the ISO week).
    """
    now = now or timezone.now()
    due = digest_due_at(now)
    if now < due or (catch_up_only and now - due >= timedelta(hours=16)):
        return 0
    members = list(board_members().exclude(email="").order_by("pk"))
    languages = _languages_by_email([m.email for m in members])
    subject_key = digest_subject_key(due)
    have = set(
        ReminderDelivery.objects.filter(subject_key=subject_key).values_list(
            "recipient_key", flat=True
        )
    )
    recipients = (
        Recipient(
            key=f"user:{member.pk}",
            email=member.email,
            language=languages.get(member.email.lower(), settings.LANGUAGE_CODE),
            since=None,
            links={"user": member},
        )
        for member in members
    )
    return create_missing(
        [
            recipient.row(kind=DeliveryKind.BOARD_DIGEST, subject_key=subject_key, due_at=due)
            for recipient in recipients
            if recipient.key not in have
        ]
    )


def overdue_planning_items(*, now: datetime) -> list[dict]:
    """Unfinished planning items past their due date (İzmir's today), oldest first."""
    items = (
        PlanningItem.objects.overdue(timezone.localdate(now))
        .select_related("event", "owner")
        .order_by("due_on", "event__start", "pk")
    )
    return [
        {
            "label": f"{item.title} — {item.event.title}",
            "owner": (item.owner.get_full_name() or item.owner.get_username())
            if item.owner
            else "",
            "due": item.due_on,
        }
        for item in items
    ]


def board_digest_context(*, now: datetime) -> dict:
    """The coming 14 days for the board: events with fill rates and waitlists, dates still
    known only by month, overdue planning items. Same for every member; rendered per language."""
    until = now + timedelta(days=DIGEST_DAYS)
    events = list(
        Event.objects.active()
        .between(now, until)
        .select_related("venue")
        .with_seat_counts()
        .order_by("start", "title")
    )
    unfixed = (DatePrecision.MONTH, DatePrecision.YEAR)
    rows = []
    for event in events:
        if event.date_precision in unfixed:
            continue
        rows.append({"event": event, "fill": event.fill_percent})
    return {
        "since": now,
        "until": until,
        "rows": rows,
        "unfixed": [e for e in events if e.date_precision in unfixed],
        "overdue": overdue_planning_items(now=now),
        "izmir": IZMIR,
    }
