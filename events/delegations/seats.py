"""Seats for a whole delegation: holding them, and the rule that keeps a waiting group from
being passed over for ever.

events/services/registration.py fill_free_seats() walks the one waitlist (single delegates and
waiting groups, in the order they joined it) and calls hold_group() for a group that fits whole.
A group that does not fit is passed over and the seats go to those behind it, but only until
they have taken as many seats as the group has members (its `seats_passed`); from then on the
group is *owed* its seats: nobody behind it gets one, and seats that free up stay empty until
the whole group fits. So a group waits behind at most its own size in seats (pretix#974).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F

from ..enums import RegistrationStatus
from ..models import Event, Registration
from ..services.registration_emails import dispatch_after_commit
from ..timezones import country_zone
from .deliveries import plan_head_email
from .models import DelegationGroup, GroupStatus


def confirm_deadline(event: Event, now: datetime) -> datetime:
    return min(now + timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS), event.start)


def waiting_groups(event: Event) -> list[DelegationGroup]:
    """The event's waiting groups in waitlist order, with their members."""
    return list(DelegationGroup.objects.waitlist().filter(event=event).prefetch_related("members"))


def is_owed(group: DelegationGroup, event: Event) -> bool:
    """Passed over for as many seats as it has members: nobody behind it gets a seat now.

    A group larger than the whole capacity could never be seated, so it is never owed.
    """
    if event.capacity is None or group.size > event.capacity:
        return False
    return group.seats_passed >= group.size


def pass_over(groups: list[DelegationGroup], seats: int = 1) -> None:
    """Record that `seats` went to someone behind each of these waiting groups."""
    if groups and seats:
        DelegationGroup.objects.filter(pk__in=[g.pk for g in groups]).update(
            seats_passed=F("seats_passed") + seats
        )
        for group in groups:
            group.seats_passed += seats


def hold_group(group: DelegationGroup, now: datetime, *, which: str) -> None:
    """Give every member a pending registration and the group a deadline to confirm.

    Caller holds the event lock and has counted the seats. Side effects: one Registration per
    member; the group held; the head's email (`which`: "held" or "promoted") as a delivery row,
    dispatched after commit.
    """
    zone = country_zone(group.country, at=group.event.start or now) or group.event.time_zone
    for member in group.members.all():
        member.registration = Registration.objects.create(
            event=group.event,
            full_name=member.full_name,
            email=member.email,
            organization=group.name,
            country=group.country,
            language=member.language,
            time_zone=zone,
            consent_at=group.consent_at,
            created_at=now,
            status=RegistrationStatus.PENDING,
        )
        member.save(update_fields=["registration"])
    group.status = GroupStatus.HELD
    group.expires_at = confirm_deadline(group.event, now)
    group.save(update_fields=["status", "expires_at"])
    plan_head_email(group=group, which=which, now=now)
    dispatch_after_commit()
