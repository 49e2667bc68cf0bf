"""The email of each kind of delivery row: template, context and the attached .ics.

Delegate reminders go out by the thousand for one event, and within one batch they differ only
by the greeting, the address and the Message-ID. build_delivery_wire renders such an email once
per group of rows that share everything else (event, lead time, language, the recipient's zone)
and fills in the three per recipient; build_delivery_message builds one email from scratch. Both
use the same templates and context builders, so they give the same email (tested).
"""

import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ...availability import can_register_again
from ...b2b import deliveries as b2b_deliveries
from ...delegations import deliveries as delegation_deliveries
from ...enums import DeliveryKind
from ...ics import CANCEL, PUBLISH, UID_DOMAIN, attachment_type, event_ics
from ...links import confirm_url, self_service_url
from ...mail import build_message, render_plain_text
from ...models import Event, ReminderDelivery
from ...timezones import zone_label
from ..checkin import checkin_qr_png
from .digest import board_digest_context
from .timing import MINUTES_PER_DAY

logger = logging.getLogger(__name__)


# Emails carry the ics under this name; calendars import it as an update of the same event.
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
    return (f"{event.slug}.ics", cache[key], attachment_type(PUBLISH))


def _cancel_ics(event: Event, attendee: str) -> tuple[str, bytes, str]:
    # The organizer's CANCEL, addressed to this recipient (RFC 5546 §3.2.5): calendar clients
    # remove their copy of the event (same UID, the SEQUENCE the cancellation raised).
    body = event_ics(event, method=CANCEL, attendee=attendee)
    return (f"{event.slug}.ics", body, attachment_type(CANCEL))


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


def _greeting(registration) -> dict:
    """ "Dear …," as the text and as the HTML part say it, in the active language."""
    context = {"registration": registration}
    return {
        "text": render_plain_text("emails/reminder_part_greeting.txt", context),
        "html": render_to_string("emails/reminder_part_greeting.html", context),
    }


def _delegate_reminder_shared(event, offset, recipient_zone, cache):
    """Everything of a delegate reminder but the greeting: the same for a group of rows."""
    context = {**_event_context(event, recipient_zone), **_lead_time(offset)}
    return "reminder_delegate", context, [_ics(event, cache)]


def _delegate_reminder(delivery, cache):
    registration = delivery.registration
    template, context, attachments = _delegate_reminder_shared(
        delivery.event, delivery.offset, registration.time_zone, cache
    )
    context = {**context, "registration": registration, "greeting": _greeting(registration)}
    return template, context, attachments


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
    return "event_cancelled", context, [_cancel_ics(event, registration.email)]


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


class SharedPartError(Exception):
    """A template's shared part read the recipient: it cannot be rendered once for a group."""


class _PerRecipient:
    """Stands in for the recipient while the shared part of a group's email is rendered.

    Any use of it (an attribute, its text, its truth) raises SharedPartError, which Django's
    templates do not silence: a template that reads the recipient outside the greeting fails
    loudly instead of giving every recipient the first one's name.
    """

    def __init__(self, name: str):
        self._name = name

    def _fail(self, *args, **kwargs):
        raise SharedPartError(f"the shared part of an email reads {self._name}")

    __getattr__ = __getitem__ = __str__ = __bool__ = __iter__ = __len__ = _fail


@dataclass(frozen=True)
class WireMessage:
    """One email as the SMTP server receives it, for a connection that is already open."""

    connection: SmtpBackend
    from_email: str
    to: str
    raw: bytes

    def send(self) -> None:
        """One SMTP transaction; raises smtplib's exceptions as EmailMessage.send() does."""
        self.connection.connection.sendmail(self.from_email, [self.to], self.raw)


@dataclass(frozen=True)
class _Shared:
    """A group's email as bytes, cut at the slots: bytes, then slot names, alternately."""

    from_email: str
    pieces: list
    # A value that contained one would end its part early.
    boundaries: list[bytes]


# What a group's email is keyed by: everything the shared part may depend on.
def _group_key(delivery) -> tuple:
    event, registration = delivery.event, delivery.registration
    return (
        "shared",
        delivery.kind,
        event.pk,
        event.sequence,
        event.status,
        event.start,
        delivery.offset,
        registration.language,
        registration.time_zone,
    )


# An address that goes on the wire as it is: ASCII, no display name, nothing to encode or fold.
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")
_SLOTS = ("to", "mid", "text", "html")
# The longest greeting filled in as it is (8bit lines must stay under 998 octets).
_MAX_SLOT_BYTES = 500


def _shared_email(delivery, cache) -> _Shared | None:
    """Render the shared part of this row's group once; None if it cannot be filled in safely."""
    token = uuid.uuid4().hex
    slot = {name: f"{token}{name}" for name in _SLOTS}
    event, registration = delivery.event, delivery.registration
    language = registration.language
    with translation.override(language):
        template, context, attachments = _delegate_reminder_shared(
            event, delivery.offset, registration.time_zone, cache
        )
    stand_in = _PerRecipient("the recipient")
    message = build_message(
        template=template,
        context={
            "delivery": stand_in,
            "registration": stand_in,
            **context,
            "greeting": {"text": slot["text"], "html": slot["html"]},
        },
        to=f"{slot['to']}@slot.invalid",
        language=language,
        attachments=attachments,
        message_id=f"<{slot['mid']}@slot.invalid>",
    )
    mime = message.message()
    # The greeting is filled into the bytes of its part: only an 8bit part carries it verbatim.
    parts = list(mime.walk())
    if any(
        part.get_content_type() in ("text/plain", "text/html")
        and part["Content-Transfer-Encoding"] != "8bit"
        for part in parts
    ):
        return None
    raw = mime.as_bytes(linesep="\r\n")
    # The generator chose them while writing the bytes.
    boundaries = [part.get_boundary().encode() for part in parts if part.is_multipart()]
    names = {f"{slot['to']}@slot.invalid": "to", f"<{slot['mid']}@slot.invalid>": "mid"}
    names |= {slot["text"]: "text", slot["html"]: "html"}
    pattern = re.compile(b"|".join(re.escape(found.encode()) for found in names))
    pieces, at = [], 0
    for match in pattern.finditer(raw):
        pieces += [raw[at : match.start()], names[match.group().decode()]]
        at = match.end()
    pieces.append(raw[at:])
    if sorted(pieces[1::2]) != sorted(_SLOTS):
        return None  # a slot lost or doubled (encoded, folded): build each email on its own
    return _Shared(
        from_email=sanitize_address(message.from_email, message.encoding),
        pieces=pieces,
        boundaries=boundaries,
    )


def build_delivery_wire(delivery: ReminderDelivery, *, connection, cache: dict):
    """This row's email as bytes for `connection`, from its group's shared rendering.

    Only for delegate reminders over an open SMTP connection (Django's SMTP backend), to a plain
    ASCII address; None otherwise, and the caller builds the email with build_delivery_message.
    `cache` is the batch's: it holds each group's rendering (see _group_key).
    """
    registration = delivery.registration
    if (
        delivery.kind != DeliveryKind.DELEGATE_REMINDER
        or registration is None
        or delivery.event is None
        or not isinstance(connection, SmtpBackend)
        or connection.connection is None
        or not _PLAIN_ADDRESS.fullmatch(registration.email)
    ):
        return None
    key = _group_key(delivery)
    if key not in cache:
        try:
            cache[key] = _shared_email(delivery, cache)
        except SharedPartError:
            logger.exception("The shared part of %s reads the recipient", delivery.kind)
            cache[key] = None
    shared = cache[key]
    if shared is None:
        return None
    with translation.override(registration.language):
        greeting = _greeting(registration)
    values = {
        "to": registration.email.encode(),
        "mid": delivery_message_id(delivery).encode(),
        "text": greeting["text"].encode(),
        "html": greeting["html"].encode(),
    }
    if any(
        len(value) > _MAX_SLOT_BYTES
        or b"\n" in value
        or b"\r" in value
        or any(boundary in value for boundary in shared.boundaries)
        for value in values.values()
    ):
        return None
    raw = b"".join(piece if isinstance(piece, bytes) else values[piece] for piece in shared.pieces)
    return WireMessage(connection, shared.from_email, registration.email, raw)
