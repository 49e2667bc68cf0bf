"""Real services for the reminder integration tests and bench: an SMTP sink and a Celery worker.

Nothing here is mocked: the sink is aiosmtpd on a loopback port, the worker is a
`celery -A anniversary worker` process using tests.worker_settings (real Redis broker, real SMTP,
the same database as the test).
"""

import asyncio
import collections
import email
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.utils import timezone
from kombu import pools

from anniversary.celery import app

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_reachable(url: str) -> bool:

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.exceptions.RedisError:
        return False


def clear_broker(url: str, queue: str | None = None) -> None:
    """Forget queued and unacknowledged messages from an earlier run (kombu's keys only)."""

    client = redis.Redis.from_url(url)
    if queue is None:
        queue = settings.CELERY_TASK_DEFAULT_QUEUE
    client.delete(queue, "unacked", "unacked_index", "unacked_mutex", f"_kombu.binding.{queue}")


class SinkHandler:
    """Accepts mail, counts it per recipient, and can answer 451/550 or hold a session."""

    def __init__(self):
        self.lock = threading.Lock()
        self.received = collections.Counter()
        self.rcpt_attempts = collections.Counter()
        # address -> how many more times to answer 451 at RCPT
        self.temporary_failures = {}
        self.permanent_failures = set()
        # Hold the RCPT of the message after this many deliveries until `release` is set.
        self.hold_after: int | None = None
        # Accept the message after this many, then hold the "250" reply until `release` is
        # set: the server has the mail, the sender does not know yet (the duplicate window).
        self.hold_reply_after: int | None = None
        self.message_ids = collections.Counter()
        self.holding = threading.Event()
        self.release = threading.Event()

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.received.values())

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            self.rcpt_attempts[address] += 1
            if address in self.permanent_failures:
                return "550 5.1.1 No such mailbox"
            if self.temporary_failures.get(address, 0) > 0:
                self.temporary_failures[address] -= 1
                return "451 4.7.1 Greylisted, try again later"
            hold = self.hold_after is not None and sum(self.received.values()) >= self.hold_after
        if hold:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message_id = email.message_from_bytes(envelope.content)["Message-ID"]
        with self.lock:
            for address in envelope.rcpt_tos:
                self.received[address] += 1
            self.message_ids[message_id] += 1
            total = sum(self.received.values())
            hold = self.hold_reply_after is not None and total > self.hold_reply_after
        if hold:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        return "250 Message accepted for delivery"


class SmtpSink:
    def __init__(self):
        # aiosmtpd logs every SMTP command at INFO; thousands of lines would slow the sink.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self.handler = SinkHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.handler.release.set()
        self.controller.stop()

    def wait_for(self, total: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.handler.total >= total:
                return True
            time.sleep(0.05)
        return self.handler.total >= total


class Worker:
    """A real `celery worker` subprocess in its own process group (so a kill takes it all)."""

    def __init__(self, *, env: dict, pool: str = "solo", concurrency: int = 1, name: str = "w"):
        # The worker's clock starts where the test's is now (tests/clock.py).

        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
            "KARDES40_TEST_NOW": timezone.now().isoformat(),
            **env,
        }
        self.env.pop("REDIS_URL", None)
        self.command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "anniversary",
            "worker",
            f"--pool={pool}",
            f"--concurrency={concurrency}",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"{name}-{os.getpid()}@%h",
        ]
        self.lines = collections.deque(maxlen=400)
        self.ready = threading.Event()
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 30) -> "Worker":
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        if not self.ready.wait(timeout):
            self.stop()
            raise RuntimeError("the worker did not start:\n" + self.log())
        return self

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip())
            if " ready." in line:
                self.ready.set()

    def log(self) -> str:
        return "\n".join(self.lines)

    def kill(self) -> None:
        """SIGKILL, as the OOM killer or a pulled plug would: no cleanup, no acknowledgement."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        self._close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self._close()

    def _close(self) -> None:
        if self.process and self.process.stdout and not self.process.stdout.closed:
            self.reader.join(5)
            self.process.stdout.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def database_url(settings_dict: dict, vendor: str) -> str:
    """The URL of the database a connection uses (the test database during tests)."""
    if vendor == "sqlite":
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


class LiveBroker:
    """Point this process's Celery app at a real broker (unit tests keep it eager)."""

    KEYS = ("task_always_eager", "broker_url", "result_backend")

    def __init__(self, url: str):

        self.app, self.url = app, url
        self.saved = {}

    def _reset_pools(self) -> None:

        # kombu keeps one pool per broker URL for the whole process; start afresh both ways.
        pools.reset()
        self.app._pool = None
        self.app.amqp._producer_pool = None

    def __enter__(self):
        self.saved = {key: self.app.conf[key] for key in self.KEYS}
        self.app.conf.update(task_always_eager=False, broker_url=self.url, result_backend=None)
        self._reset_pools()
        return self

    def __exit__(self, *exc):
        self._reset_pools()
        self.app.conf.update(self.saved)
