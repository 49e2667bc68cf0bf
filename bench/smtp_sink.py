"""An aiosmtpd sink in a process of its own, for the benches.

The reminder bench compares our delivery with a plain smtplib loop into the same sink. Run in
the bench's own process, the sink's event loop would compete for the interpreter lock with
whatever that process does (the sweep, the smtplib loop itself) and slow both sides by amounts
that differ; in its own process it costs both sides the same. It imports nothing of the
project, so it starts in a fraction of a second.

    with ProcessSink() as sink:           # one sink for every phase of a run
        ... send to 127.0.0.1:sink.port ...
        sink.wait_for(1000, timeout=60)   # True once 1,000 messages arrived
        counts = sink.received()          # {recipient: copies}, read from the sink itself
        sink.reset()                      # the next phase counts from zero
"""

import collections
import email.parser
import logging
import multiprocessing
import socket
import threading
import time


class _CountingHandler:
    """Counts accepted messages per recipient and per Message-ID."""

    def __init__(self):
        self.lock = threading.Lock()
        self.received = collections.Counter()
        self.message_ids = collections.Counter()
        self.total = 0
        self.parser = email.parser.BytesHeaderParser()

    async def handle_DATA(self, server, session, envelope):
        message_id = self.parser.parsebytes(envelope.content)["Message-ID"]
        with self.lock:
            for address in envelope.rcpt_tos:
                self.received[address] += 1
            self.message_ids[message_id] += 1
            self.total += len(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


def _serve(port: int, commands) -> None:
    from aiosmtpd.controller import Controller  # noqa: PLC0415 (in the child only)

    # aiosmtpd logs every SMTP command at INFO; thousands of lines would slow the sink.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    handler = _CountingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    commands.send("ready")
    try:
        while True:
            command = commands.recv()
            with handler.lock:
                if command == "total":
                    commands.send(handler.total)
                elif command == "received":
                    commands.send((dict(handler.received), dict(handler.message_ids)))
                elif command == "reset":
                    handler.received.clear()
                    handler.message_ids.clear()
                    handler.total = 0
                    commands.send("ok")
                else:
                    break
    finally:
        controller.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ProcessSink:
    """An SMTP sink on a loopback port, served by a child process (spawned, not forked)."""

    def __init__(self):
        self.port = _free_port()
        self._commands, child_end = multiprocessing.Pipe()
        context = multiprocessing.get_context("spawn")
        self.process = context.Process(
            target=_serve, args=(self.port, child_end), name="smtp-sink", daemon=True
        )

    def __enter__(self) -> "ProcessSink":
        self.process.start()
        if not self._commands.poll(30) or self._commands.recv() != "ready":
            self.process.kill()
            raise RuntimeError("the SMTP sink did not start")
        return self

    def __exit__(self, *exc) -> None:
        if self.process.is_alive():
            self._commands.send("stop")
            self.process.join(10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)

    def _ask(self, command: str):
        self._commands.send(command)
        return self._commands.recv()

    @property
    def total(self) -> int:
        """Messages accepted so far (one per recipient)."""
        return self._ask("total")

    def received(self) -> dict[str, int]:
        """Copies accepted per recipient address."""
        return self._ask("received")[0]

    def message_ids(self) -> dict[str, int]:
        """Copies accepted per Message-ID header."""
        return self._ask("received")[1]

    def reset(self) -> None:
        self._ask("reset")

    def wait_for(self, total: int, timeout: float) -> bool:
        """Poll (every 20 ms) until `total` messages arrived; False after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.total >= total:
                return True
            time.sleep(0.02)
        return self.total >= total
