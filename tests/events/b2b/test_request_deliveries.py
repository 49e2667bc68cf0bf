"""A meeting request's email and its answer's are delivery rows: written in the request's own
transaction, sent once by the sweep with the row's Message-ID, and a row that cannot be built
fails alone."""

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from events.b2b.models import MeetingRequest
from events.b2b.services import answer_request, request_meeting, withdraw_request
from events.enums import DeliveryKind, DeliveryState
from events.models import ReminderDelivery, Venue
from events.services import reminders
from events.services.reminders.messages import delivery_message_id
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


class RolledBack(Exception):
    pass


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.sweep(now=timezone.now())

    return run


def _pair():
    a = ParticipantFactory()
    return a, ParticipantFactory(event=a.event)


def _rows():
    return list(
        ReminderDelivery.objects.filter(
            kind__in=[DeliveryKind.B2B_MEETING_REQUEST, DeliveryKind.B2B_REQUEST_ANSWER]
        )
        .order_by("pk")
        .values_list("kind", "email", "subject_key", "state")
    )


def test_request_email_row_is_written_in_the_requests_own_transaction(
    django_capture_on_commit_callbacks,
):
    a, b = _pair()

    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RolledBack),
        transaction.atomic(),
    ):
        made = request_meeting(requester=a, recipient=b, reason="Olive oil exports")
        inside = _rows()
        raise RolledBack

    assert inside == [
        (
            DeliveryKind.B2B_MEETING_REQUEST,
            b.registration.email,
            f"b2b:request:{made.pk}:asked",
            DeliveryState.PENDING,
        )
    ]
    assert (_rows(), MeetingRequest.objects.count(), callbacks, mail.outbox) == ([], 0, [], [])


def test_answer_email_row_is_written_in_the_answers_own_transaction():
    a, b = _pair()
    made = request_meeting(requester=a, recipient=b, reason="Olive oil exports")

    with pytest.raises(RolledBack), transaction.atomic():
        answer_request(meeting_request=made, by=b, accept=True)
        inside = [row[0] for row in _rows()]
        raise RolledBack

    made.refresh_from_db()
    assert inside == [DeliveryKind.B2B_MEETING_REQUEST, DeliveryKind.B2B_REQUEST_ANSWER]
    assert [row[0] for row in _rows()] == [DeliveryKind.B2B_MEETING_REQUEST]
    assert made.status == "pending"


def test_request_and_answer_are_sent_once_by_the_sweep_with_the_rows_message_id(sweep):
    a, b = _pair()
    made = request_meeting(requester=a, recipient=b, reason="Olive oil exports")
    sweep()
    answer_request(meeting_request=made, by=b, accept=True)

    sweep()
    sent = list(mail.outbox)
    sweep()

    rows = ReminderDelivery.objects.filter(subject_key__startswith=f"b2b:request:{made.pk}:")
    assert [m.to for m in sent] == [[b.registration.email], [a.registration.email]]
    assert [m.extra_headers["Message-ID"] for m in sent] == [
        delivery_message_id(row) for row in rows.order_by("pk")
    ]
    assert f"/b2b/{b.registration_id}/" in sent[0].body and "Olive oil exports" in sent[0].body
    assert set(rows.values_list("state", flat=True)) == {DeliveryState.SENT}
    assert len(mail.outbox) == 2


def test_a_second_sweep_sends_nothing(sweep):
    a, b = _pair()
    request_meeting(requester=a, recipient=b, reason="Olive oil exports")
    sweep()

    sweep()

    assert len(mail.outbox) == 1


def test_a_request_withdrawn_before_sending_is_skipped_not_sent(sweep):
    a, b = _pair()
    made = request_meeting(requester=a, recipient=b, reason="Olive oil exports")
    withdraw_request(meeting_request=made, by=a)

    sweep()

    row = ReminderDelivery.objects.get(kind=DeliveryKind.B2B_MEETING_REQUEST)
    assert (row.state, mail.outbox) == (DeliveryState.SKIPPED, [])


def test_a_request_email_that_cannot_be_built_fails_alone():
    good_a, good_b = _pair()
    bad_a, bad_b = _pair()
    request_meeting(requester=good_a, recipient=good_b, reason="Olive oil exports")
    broken = request_meeting(requester=bad_a, recipient=bad_b, reason="Cotton")
    # Stored text no form would accept today: a zone that does not exist.
    Venue.objects.filter(pk=broken.event.venue_id).update(time_zone="Mars/Olympus_Mons")
    claim = reminders.claim_due(now=timezone.now(), limit=10)

    result = reminders.send_batch(delivery_ids=claim.delivery_ids, claim=claim.token)

    failed = ReminderDelivery.objects.get(subject_key=f"b2b:request:{broken.pk}:asked")
    assert (result.sent, result.failed) == (1, 1)
    assert (failed.state, failed.attempts) == (DeliveryState.FAILED, 1)
    assert "Mars/Olympus_Mons" in failed.last_error
    assert [m.to for m in mail.outbox] == [[good_b.registration.email]]


def test_demo_participants_get_no_request_row():
    a, b = _pair()
    type(b.registration).objects.filter(pk=b.registration_id).update(is_demo=True)
    b.refresh_from_db()

    request_meeting(requester=a, recipient=b, reason="Olive oil exports")

    assert _rows() == []
