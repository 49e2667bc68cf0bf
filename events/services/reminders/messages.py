"""The email of each kind of delivery row: template, context and the attached .ics."""

from collections.abc import Callable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from ...availability import can_register_again
from ...b2b import deliveries as b2b_deliveries
from ...delegations import deliveries as delegation_deliveries
from ...enums import DeliveryKind
from ...ics import UID_DOMAIN, event_ics
from ...links import confirm_url, self_service_url
from ...mail import build_message
from ...models import Event, ReminderDelivery
from ...timezones import zone_label
from ..checkin import checkin_qr_png
from .digest import board_digest_context
from .timing import MINUTES_PER_DAY

# Emails carry the ics under this name; calendars import it as an update of the same event.
ICS_MIMETYPE = "text/calendar"


def _lead_time(offset: int | None) -> dict:
    if not offset:
        return {}
    if offset % MINUTES_PER_DAY == 0:
        return {"days": offset // MINUTES_PER_DAY}
    if offset % 60 == 0:
        return {"hours": offset // 60}
    return {"minutes": offset}


def _event_context(event: Event, recipient_zone: str | None = None) -> dict:
    venue_zone = event.time_zone
    other = recipient_zone if recipient_zone and recipient_zone != venue_zone else ""
    return {
        "event": event,
        "event_url": f"{settings.SITE_URL}{event.get_absolute_url()}",
        "venue_zone": venue_zone,
        "venue_zone_label": zone_label(venue_zone),
        "recipient_zone": other,
        "recipient_zone_label": zone_label(other) if other else "",
    }


def _ics(event: Event, cache: dict) -> tuple[str, bytes, str]:
    # Per language too: the title, description and venue in the file are the recipient's,
    # and the event's URL carries their language prefix.
    key = ("ics", event.pk, event.sequence, event.status, translation.get_language())
    if key not in cache:
        cache[key] = event_ics(event)
    return (f"{event.slug}.ics", cache[key], ICS_MIMETYPE)


def build_delivery_message(delivery: ReminderDelivery, *, connection=None, cache=None):
    """The email for one row, in the row's language (the recipient's when known)."""
    cache = {} if cache is None else cache
    registration = delivery.registration
    language = registration.language if registration else delivery.language
    # A registration's address as it is now: staff may have corrected it since the row was made.
    to = registration.email if registration else delivery.email
    # The attachments (the .ics) and the links in the recipient's language, as the text is:
    # reverse() gives the public pages' language prefix (/az/events/…).
    with translation.override(language):
        template, context, attachments = _MESSAGES[delivery.kind](delivery, cache)
    return build_message(
        template=template,
        context={"delivery": delivery, **context},
        to=to,
        language=language,
        attachments=attachments,
        connection=connection,
        message_id=delivery_message_id(delivery),
    )


def delivery_message_id(delivery: ReminderDelivery) -> str:
    """The same Message-ID every time this row is sent: a copy sent again after a worker died
    between the server's acceptance and the row's update is recognisable as a duplicate."""
    return f"<delivery.{delivery.pk}.{delivery.recipient_key.replace(':', '-')}@{UID_DOMAIN}>"


def _delegate_reminder(delivery, cache):
    registration, event = delivery.registration, delivery.event
    context = {
        **_event_context(event, registration.time_zone),
        "registration": registration,
        **_lead_time(delivery.offset),
    }
    return "reminder_delegate", context, [_ics(event, cache)]


def _event_admin_url(event: Event) -> str:
    return f"{settings.SITE_URL}{reverse('admin:events_event_change', args=[event.pk])}"


def _responsible_reminder(delivery, cache):
    event = delivery.event
    context = {
        **_event_context(event),
        "person": delivery.person,
        "admin_url": _event_admin_url(event),
        **_lead_time(delivery.offset),
    }
    return "reminder_responsible", context, []


def _cancellation_notice(delivery, cache):
    registration, event = delivery.registration, delivery.event
    context = {**_event_context(event, registration.time_zone), "registration": registration}
    # STATUS:CANCELLED with the same UID and a higher SEQUENCE removes it from calendars.
    return "event_cancelled", context, [_ics(event, cache)]


def _time_changed_notice(delivery, cache):
    registration, event = delivery.registration, delivery.event
    context = {**_event_context(event, registration.time_zone), "registration": registration}
    return "event_time_changed", context, [_ics(event, cache)]


def _board_digest(delivery, cache):
    if "digest" not in cache:
        cache["digest"] = board_digest_context(now=timezone.now())
    return "digest", {"user": delivery.user, **cache["digest"]}, []


def _registration_email(delivery, cache):
    registration, event = delivery.registration, delivery.event
    context = {
        "registration": registration,
        "event": event,
        "manage_url": self_service_url(registration),
        "confirm_url": confirm_url(registration),
        "event_url": f"{settings.SITE_URL}{event.get_absolute_url()}",
        # A cancelled or expired registration is offered a new one, not "cancel".
        "register_again_url": (
            f"{settings.SITE_URL}{reverse('events:register', args=[event.slug])}"
            if can_register_again(registration)
            else ""
        ),
    }
    attachments = []
    if delivery.kind == DeliveryKind.REGISTRATION_CONFIRMED:
        attachments.append(_ics(event, cache))
        attachments.append(("check-in-qr.png", checkin_qr_png(registration), "image/png"))
    return DeliveryKind(delivery.kind).template, context, attachments


def _outcome_follow_up(delivery, cache):
    outcome = delivery.outcome
    meeting = outcome.meeting
    # The meeting's page is its visit's (contacts has no page per meeting).
    path = (
        reverse("contacts:visit", args=[meeting.visit_id]) + f"#meeting-{meeting.pk}"
        if meeting.visit_id
        else reverse("contacts:meeting_edit", args=[meeting.pk])
    )
    context = {
        "user": delivery.user,
        "outcome": outcome,
        "meeting": meeting,
        "meeting_url": f"{settings.SITE_URL}{path}",
    }
    return "outcome_follow_up", context, []


_MESSAGES: dict[str, Callable] = {
    **dict.fromkeys(DeliveryKind.registration_emails(), _registration_email),
    DeliveryKind.DELEGATE_REMINDER: _delegate_reminder,
    DeliveryKind.RESPONSIBLE_REMINDER: _responsible_reminder,
    DeliveryKind.CANCELLATION_NOTICE: _cancellation_notice,
    DeliveryKind.TIME_CHANGED_NOTICE: _time_changed_notice,
    DeliveryKind.BOARD_DIGEST: _board_digest,
    # The business program's agenda and follow-up (events/b2b/deliveries.py).
    **b2b_deliveries.MESSAGES,
    # The head of delegation's emails (events/delegations/deliveries.py).
    **delegation_deliveries.MESSAGES,
    DeliveryKind.OUTCOME_FOLLOW_UP: _outcome_follow_up,
}
