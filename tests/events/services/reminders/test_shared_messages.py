"""A delegate reminder rendered once for its group and filled in per recipient is the same email
as one built on its own: headers, both bodies and the .ics, byte for byte where it counts.

The bytes go to a real SMTP connection (an aiosmtpd sink on a loopback port), as in a batch.
"""

import email
import email.policy
from datetime import timedelta

import pytest
from django.core.mail import get_connection
from django.template import Context, Template
from django.utils import timezone

from events.enums import DeliveryKind
from events.models import ReminderDelivery
from events.services import reminders
from events.services.reminders.messages import (
    SharedPartError,
    WireMessage,
    _PerRecipient,
    build_delivery_wire,
)
from events.timezones import BAKU, IZMIR
from tests.factories import BakuVenueFactory, EventFactory, RegistrationFactory
from tests.reminder_live import SmtpSink

pytestmark = pytest.mark.django_db

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def smtp():
    """An open connection of Django's SMTP backend to a sink, as send_batch holds one."""
    with SmtpSink() as sink:
        connection = get_connection(SMTP_BACKEND, host="127.0.0.1", port=sink.port)
        connection.open()
        try:
            yield connection, sink
        finally:
            connection.close()


def due_rows(*registrations_kwargs) -> list[ReminderDelivery]:
    event = EventFactory(
        title="Kardeş akşamı & <konser>",
        venue=BakuVenueFactory(),
        start=timezone.now() + timedelta(days=1, hours=1),
        capacity=None,
        reminder_offsets=[24 * 60],
    )
    confirmed = timezone.now() - timedelta(days=30)
    for kwargs in registrations_kwargs:
        RegistrationFactory(event=event, confirmed_at=confirmed, **kwargs)
    reminders.plan_reminders(event=event)
    return list(
        ReminderDelivery.objects.filter(event=event)
        .select_related("event__venue", "registration")
        .order_by("registration_id")
    )


def parsed(raw: bytes) -> dict:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = {
        part.get_content_type(): (
            part["Content-Transfer-Encoding"],
            part.get_filename(),
            part.get_payload(decode=True),
        )
        for part in message.walk()
        if not part.is_multipart()
    }
    headers = {
        name: str(message[name])
        for name in ("Subject", "From", "To", "Message-ID", "Auto-Submitted", "MIME-Version")
    }
    return {"headers": headers, "parts": parts}


def built_alone(row: ReminderDelivery, connection, cache) -> bytes:
    """The row's email built on its own (with the batch's .ics, as in a batch: same DTSTAMP)."""
    message = reminders.build_delivery_message(row, connection=connection, cache=cache)
    return message.message().as_bytes(linesep="\r\n")


def test_shared_rendering_gives_each_recipient_the_email_built_on_its_own(smtp):
    connection, _sink = smtp
    rows = due_rows(
        {"full_name": "Ayşe <b>Yılmaz</b> & Co", "language": "tr", "time_zone": IZMIR},
        {"full_name": "Elvin Məmmədov", "language": "tr", "time_zone": IZMIR},
        {"full_name": "Leyla Əliyeva", "language": "az", "time_zone": BAKU},
        {"full_name": "John O'Neil", "language": "en", "time_zone": IZMIR},
    )
    cache = {}

    wires = [build_delivery_wire(row, connection=connection, cache=cache) for row in rows]

    assert all(isinstance(wire, WireMessage) for wire in wires)
    assert [wire.to for wire in wires] == [row.registration.email for row in rows]
    # Three groups (tr in İzmir, az in Bakü, en in İzmir), each rendered once.
    assert sum(1 for key in cache if key[0] == "shared") == 3
    for row, wire in zip(rows, wires, strict=True):
        shared, alone = parsed(wire.raw), parsed(built_alone(row, connection, cache))
        assert shared["headers"] == alone["headers"]
        assert shared["parts"].keys() == alone["parts"].keys()
        for content_type, part in shared["parts"].items():
            assert (content_type, *part) == (content_type, *alone["parts"][content_type])
    first_html = parsed(wires[0].raw)["parts"]["text/html"][2].decode()
    assert "Ayşe &lt;b&gt;Yılmaz&lt;/b&gt; &amp; Co" in first_html
    assert "Elvin" not in first_html


def test_shared_email_goes_over_the_open_connection_to_its_recipient(smtp):
    connection, sink = smtp
    (row,) = due_rows({"full_name": "Nigar", "email": "nigar@example.org"})

    build_delivery_wire(row, connection=connection, cache={}).send()

    assert sink.wait_for(1, timeout=10)
    assert dict(sink.handler.received) == {"nigar@example.org": 1}
    assert dict(sink.handler.message_ids) == {reminders.messages.delivery_message_id(row): 1}


@pytest.mark.parametrize(
    "registration",
    [
        {"email": "ayşe@örnek.az"},  # encoded on the wire: built on its own
        {"full_name": "&" * 150},  # "&amp;" * 150: a greeting too long to fill in as it is
    ],
)
def test_rows_that_cannot_be_filled_in_as_they_are_are_built_on_their_own(smtp, registration):
    connection, _sink = smtp
    rows = due_rows(registration)

    assert build_delivery_wire(rows[0], connection=connection, cache={}) is None


def test_other_backends_and_kinds_are_built_on_their_own(smtp):
    connection, _sink = smtp
    (row,) = due_rows({})
    locmem = get_connection("django.core.mail.backends.locmem.EmailBackend")

    assert build_delivery_wire(row, connection=locmem, cache={}) is None
    row.kind = DeliveryKind.TIME_CHANGED_NOTICE
    assert build_delivery_wire(row, connection=connection, cache={}) is None


@pytest.mark.parametrize(
    "source",
    [
        "{{ registration }}",
        "{{ registration.full_name }}",
        "{% if registration %}x{% endif %}",
        "{{ registration.full_name|upper }}",
        "{% for x in registration %}{% endfor %}",
    ],
)
def test_a_shared_part_that_reads_the_recipient_fails_loudly(source):
    with pytest.raises(SharedPartError):
        Template(source).render(Context({"registration": _PerRecipient("the recipient")}))
