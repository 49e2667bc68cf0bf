"""Reminders through the real Redis, a real Celery worker process and a real SMTP sink.

Each test starts its own worker (tests.worker_settings) on the test database and counts what
arrives at an aiosmtpd sink on a loopback port. Skipped only when Redis is unreachable and CI is
not set. Run locally with your own Redis database: TEST_REDIS_URL=redis://127.0.0.1:6379/12.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from events.enums import DeliveryState
from events.models import Registration, ReminderDelivery
from events.services import reminders
from tests.conftest import require_service
from tests.factories import EventFactory, RegistrationFactory
from tests.reminder_live import (
    LiveBroker,
    SmtpSink,
    Worker,
    clear_broker,
    database_url,
    redis_reachable,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_url(settings):
    url = settings.TEST_REDIS_URL
    require_service(redis_reachable(url), f"needs Redis at {url} (TEST_REDIS_URL)")
    clear_broker(url)
    yield url
    clear_broker(url)


@pytest.fixture
def live_broker(redis_url):
    with LiveBroker(redis_url):
        yield redis_url


@pytest.fixture
def sink():
    with SmtpSink() as running:
        yield running


@pytest.fixture
def worker_env(redis_url, sink):
    return {
        "DATABASE_URL": database_url(connection.settings_dict, connection.vendor),
        "TEST_REDIS_URL": redis_url,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
    }


@pytest.fixture
def start_worker(worker_env):
    workers = []

    def start(**kwargs):
        worker = Worker(env=worker_env, **kwargs).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


def due_registrations(count: int) -> list[Registration]:
    """`count` confirmed registrations whose 1-day reminder is due now (and only that one)."""
    event = EventFactory(
        start=timezone.now() + timedelta(hours=23), capacity=None, reminder_offsets=[24 * 60]
    )
    confirmed = timezone.now() - timedelta(days=30)
    return Registration.objects.bulk_create(
        RegistrationFactory.build_batch(count, event=event, confirmed_at=confirmed)
    )


def wait_until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def states() -> dict[str, int]:
    rows = ReminderDelivery.objects.values_list("state", flat=True)
    return {state: list(rows).count(state) for state in set(rows)}


@pytest.mark.timeout(90)
def test_two_concurrent_sweeps_send_each_of_1000_reminders_exactly_once(
    live_broker, sink, start_worker
):
    registrations = due_registrations(1000)
    worker = start_worker()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run_sweep():
        try:
            barrier.wait()
            results.append(reminders.sweep())
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run_sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    delivered = sink.wait_for(1000, timeout=60)

    assert errors == []
    assert delivered, worker.log()
    claimed = [pk for result in results for claim in result.claims for pk in claim.delivery_ids]
    assert (len(claimed), len(set(claimed))) == (1000, 1000)
    assert wait_until(lambda: states() == {"sent": 1000}, 15), states()
    time.sleep(0.5)  # anything sent twice would have arrived by now
    assert sink.handler.total == 1000
    assert set(sink.handler.received) == {r.email for r in registrations}
    assert set(sink.handler.received.values()) == {1}


@pytest.mark.timeout(90)
def test_worker_killed_mid_batch_the_next_sweep_sends_exactly_the_rest(
    live_broker, sink, start_worker
):
    registrations = due_registrations(150)
    sink.handler.hold_after = 40
    first = start_worker(name="doomed")

    queued = reminders.sweep()
    assert sink.handler.holding.wait(30), first.log()
    first.kill()  # in the middle of message 41 of the first batch of 100
    sink.handler.hold_after = None
    sink.handler.release.set()
    delivered_before = sink.handler.total
    too_early = reminders.sweep()
    after_lease = reminders.sweep(now=timezone.now() + reminders.CLAIM_LEASE + timedelta(seconds=1))
    second = start_worker(name="rescuer")
    delivered = sink.wait_for(150, timeout=45)

    assert (queued.claimed, queued.batches, delivered_before) == (150, 2, 40)
    assert too_early.claimed == 0
    assert after_lease.claimed == 110
    assert delivered, second.log()
    assert wait_until(lambda: states() == {"sent": 150}, 15), states()
    time.sleep(0.5)
    assert sink.handler.total == 150
    assert set(sink.handler.received) == {r.email for r in registrations}
    assert set(sink.handler.received.values()) == {1}


@pytest.mark.timeout(90)
def test_worker_killed_after_data_resends_only_that_message_with_the_same_message_id(
    live_broker, sink, start_worker
):
    """The one window of a second send (README "Reminders"): the server accepted a message and
    the worker died before marking its row sent. Measured: one message per dead worker."""
    registrations = due_registrations(20)
    sink.handler.hold_reply_after = 5
    first = start_worker(name="doomed")

    reminders.sweep()
    assert sink.handler.holding.wait(30), first.log()
    first.kill()  # message 6 is accepted by the server; its row is still "sending"
    sink.handler.hold_reply_after = None
    sink.handler.release.set()
    after_lease = reminders.sweep(now=timezone.now() + reminders.CLAIM_LEASE + timedelta(seconds=1))
    second = start_worker(name="rescuer")
    delivered = sink.wait_for(21, timeout=45)

    assert after_lease.claimed == 15
    assert delivered, second.log()
    assert wait_until(lambda: states() == {"sent": 20}, 15), states()
    time.sleep(0.5)
    assert sink.handler.total == 21
    assert set(sink.handler.received) == {r.email for r in registrations}
    assert sorted(sink.handler.received.values()) == [1] * 19 + [2]
    # The copy carries the row's Message-ID, so the duplicate is recognisable as one.
    assert len(sink.handler.message_ids) == 20
    assert sorted(sink.handler.message_ids.values()) == [1] * 19 + [2]


@pytest.mark.timeout(60)
def test_temporary_smtp_refusal_is_retried_until_the_mail_arrives(live_broker, sink, start_worker):
    greylisted, other = due_registrations(2)
    sink.handler.temporary_failures[greylisted.email] = 2
    worker = start_worker()

    reminders.sweep()
    delivered = sink.wait_for(2, timeout=40)

    assert delivered, worker.log()
    row = ReminderDelivery.objects.get(registration=greylisted)
    assert wait_until(lambda: ReminderDelivery.objects.get(pk=row.pk).state == "sent", 10)
    row.refresh_from_db()
    assert (row.attempts, sink.handler.rcpt_attempts[greylisted.email]) == (3, 3)
    assert sink.handler.received == {greylisted.email: 1, other.email: 1}


@pytest.mark.timeout(60)
def test_permanent_smtp_refusal_marks_the_delivery_failed_after_one_attempt(
    live_broker, sink, start_worker
):
    unknown, other = due_registrations(2)
    sink.handler.permanent_failures.add(unknown.email)
    worker = start_worker()

    reminders.sweep()
    delivered = sink.wait_for(1, timeout=30)

    assert delivered, worker.log()
    row = ReminderDelivery.objects.get(registration=unknown)
    assert wait_until(
        lambda: ReminderDelivery.objects.get(pk=row.pk).state == DeliveryState.FAILED, 10
    )
    time.sleep(3)  # a retry, were there one, would come within its first backoff
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == (
        DeliveryState.FAILED,
        1,
        "550 5.1.1 No such mailbox",
    )
    assert sink.handler.rcpt_attempts[unknown.email] == 1
    assert sink.handler.received == {other.email: 1}
