"""Degraded services never take registration down.

Each test starts its own redis-server on its own port (tests/production/conftest.py) and
stops or freezes it (SIGSTOP); the shared Redis is never touched. The cache and the Celery
broker both point at that server, as in production.
"""

import json
import logging
import os
import socket
import subprocess
import sys
import time
from datetime import timedelta

import pytest
import redis
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from anniversary.health import record_sweep
from events.enums import DeliveryState
from events.models import Registration, ReminderDelivery
from events.ratelimit import outage
from events.tasks import sweep_reminders
from tests.events.public.test_registration import form_data
from tests.factories import BoardMemberFactory, EventFactory
from tests.production.conftest import ROOT, free_port
from tests.reminder_live import LiveBroker, SmtpSink, Worker, database_url

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def redis_everywhere(own_redis, settings):
    """Cache and broker on the test's own Redis, with the production client timeouts."""
    settings.CACHES = {
        "default": {
            "BACKEND": "anniversary.cache.SharedClientRedisCache",
            "LOCATION": own_redis.url,
            "OPTIONS": {
                "socket_connect_timeout": django_settings.REDIS_CONNECT_TIMEOUT,
                "socket_timeout": django_settings.REDIS_SOCKET_TIMEOUT,
            },
        }
    }
    outage.down = False
    with LiveBroker(own_redis.url):
        yield own_redis
    outage.down = False


def _register(client, event, email):
    return client.post(
        reverse("events:register", args=[event.slug]),
        form_data(email=email),
        HTTP_ACCEPT_LANGUAGE="en",
    )


# Stopped: connections are refused. Frozen: the kernel accepts them and nobody ever answers,
# which without a socket timeout waits forever (the pytest timeout below fails it).
@pytest.mark.timeout(60)
@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_registration_succeeds_when_redis_fails(
    client, redis_everywhere, fault, caplog, django_capture_on_commit_callbacks
):
    event = EventFactory()
    (redis_everywhere.stop if fault == "stopped" else redis_everywhere.freeze)()
    caplog.set_level(logging.WARNING)

    with django_capture_on_commit_callbacks(execute=True):
        responses = [_register(client, event, f"delegate{n}@example.org") for n in range(3)]

    assert [r.status_code for r in responses] == [302, 302, 302]
    assert Registration.objects.filter(event=event).count() == 3
    # One line for the whole outage, not one per request.
    assert [r.getMessage()[:22] for r in caplog.records if r.name == "events.ratelimit"] == [
        "Rate limits are off: t"
    ]


@pytest.mark.timeout(60)
def test_rate_limit_counts_again_once_redis_is_back(client, redis_everywhere, caplog, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_IP = "2/h"
    settings.RATE_LIMIT_RETRY_AFTER_SECONDS = 0  # try the cache again at the next request
    event = EventFactory()
    redis_everywhere.stop()
    caplog.set_level(logging.WARNING)
    _register(client, event, "a@example.org")  # passes: the limit fails open

    redis_everywhere.start()
    answers = [_register(client, event, f"b{n}@example.org").status_code for n in range(3)]

    assert answers == [302, 302, 429]
    assert [r.getMessage()[:22] for r in caplog.records if r.name == "events.ratelimit"] == [
        "Rate limits are off: t",
        "Rate limits are on aga",
    ]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_healthz_names_the_cache_and_broker_when_redis_fails(client, redis_everywhere, fault):
    (redis_everywhere.stop if fault == "stopped" else redis_everywhere.freeze)()

    response = client.get("/healthz/")

    body = response.json()
    assert (response.status_code, body["failing"]) == (
        503,
        ["cache", "broker", "reminder_sweep"],
    )
    assert body["checks"]["database"] == {"ok": True}


@pytest.mark.timeout(60)
def test_healthz_reports_the_sweep_age(client, redis_everywhere, settings):

    sweep_reminders.apply()  # in this process, as `manage.py send_due_reminders` does
    fresh = client.get("/healthz/").json()
    settings.HEALTH_SWEEP_MAX_AGE_MINUTES = 15
    record_sweep(now=timezone.now() - timedelta(minutes=16))
    stale = client.get("/healthz/")

    assert (fresh["failing"], fresh["checks"]["reminder_sweep"]["ok"]) == ([], True)
    assert (stale.status_code, stale.json()["failing"]) == (503, ["reminder_sweep"])


PROBE = """
import django, logging, json
django.setup()
from django.test import Client
client = Client(HTTP_ACCEPT_LANGUAGE="en")
pages = [client.get(path) for path in ("/en/", "/en/program/", "/en/events/x/register/")]
health = client.get("/healthz/")
print(json.dumps({
    "pages": [r.status_code for r in pages],
    "retry_after": pages[0].get("Retry-After"),
    "text": "Temporarily unavailable" in pages[0].content.decode(),
    "health": [health.status_code, health.json()["failing"]],
}))
"""


@pytest.mark.timeout(120)
def test_database_unreachable_answers_503_pages_and_health_says_so():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        # The test settings: static files from the finders, no collectstatic needed.
        DJANGO_SETTINGS_MODULE="tests.settings",
        DJANGO_ALLOWED_HOSTS="testserver",
        # Nothing listens there: PostgreSQL refuses the connection.
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/kardes40",
    )

    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )

    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {
        "pages": [503, 503, 503],
        "retry_after": "60",
        "text": True,
        "health": [503, ["database"]],
    }, result.stderr
    # One line for the outage, no traceback per request.
    assert result.stderr.count("The database does not answer") == 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def silent_smtp():
    """A mail server that accepts connections and never says a word (a hung SMTP server)."""

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield server.getsockname()[1]
    server.close()


@pytest.mark.timeout(60)
def test_a_hung_mail_server_never_holds_a_web_request(
    client, redis_everywhere, silent_smtp, settings, django_capture_on_commit_callbacks
):

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_smtp
    member = BoardMemberFactory(email="ayse@example.org")
    event = EventFactory()

    with django_capture_on_commit_callbacks(execute=True):
        registered = _register(client, event, "leyla@example.az")
    reset = client.post(reverse("password_reset"), {"email": member.email})

    queued = redis.Redis.from_url(redis_everywhere.url).lrange(
        django_settings.CELERY_TASK_DEFAULT_QUEUE, 0, -1
    )
    tasks = sorted(json.loads(message)["headers"]["task"] for message in queued)
    assert (registered.status_code, reset.status_code) == (302, 302)
    # Both emails wait for the worker; the requests never spoke to the mail server.
    # The registration's email is a delivery row; the task only dispatches what is due.
    assert tasks == ["accounts.send_password_reset_email", "events.dispatch_due_deliveries"]


@pytest.mark.timeout(120)
@pytest.mark.django_db(transaction=True)  # the worker process reads the rows this test writes
def test_the_registration_email_goes_out_once_redis_is_back(client, redis_everywhere):
    """Registered while Redis was down: the email waits as a delivery row in the database,
    and the first sweep after Redis returns sends it, once, through a real worker."""
    event = EventFactory()
    redis_everywhere.stop()

    registered = _register(client, event, "leyla@example.az")

    row = ReminderDelivery.objects.get(registration__email="leyla@example.az")
    assert (registered.status_code, row.state) == (302, DeliveryState.PENDING)

    redis_everywhere.start()  # empty: Redis kept nothing, the queue message never existed
    env = {
        "DATABASE_URL": database_url(connection.settings_dict, connection.vendor),
        "TEST_REDIS_URL": redis_everywhere.url,
    }
    with SmtpSink() as sink:
        env.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(sink.port))
        with Worker(env=env) as worker:
            sweep_reminders.delay()  # what beat does every 5 minutes
            assert sink.wait_for(1, timeout=60), worker.log()
            sweep_reminders.delay()  # a second sweep finds nothing left to send
            deadline = time.monotonic() + 30
            while worker.log().count("Reminder sweep:") < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
            assert worker.log().count("Reminder sweep:") == 2, worker.log()

    row.refresh_from_db()
    assert row.state == DeliveryState.SENT
    assert dict(sink.handler.received) == {"leyla@example.az": 1}
