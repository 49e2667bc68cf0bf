"""Django's Redis cache backend, with one redis client per connection pool instead of one per
call.

Django builds a new ``redis.Redis`` for every cache operation; its constructor copies some 170
response callbacks, which cost about 0.4 ms of CPU each time: a tenth of a registration POST,
which counts two rate limits. A client holds no connection of its own (the pool does) and is
safe to share between threads, so one per pool is enough.

Below it, the cache calls of pages that work without the cache (the whole-page cache, counts
kept per program version, feed bodies): a cache that is down or frozen costs them one timeout
a few seconds at most and a log line, never a 500.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient


# --- reading and writing the cache where an answer is optional ------------------------------

# What a cache call raises when Redis is down or frozen (redis comes with celery[redis]).
CACHE_ERRORS: tuple[type[Exception], ...] = (OSError, RedisError)


class Outage:
    """Whether the cache is down, so that an outage is logged once, not once per request, and
    requests during it skip the cache instead of each waiting for its timeout.

    `retry_setting` names the setting with the seconds to wait before trying again; `down` and
    `back` are the two log lines (`down` gets the exception's type and text as %s, %s), written
    to `log` (the caller's logger).
    """

    def __init__(self, *, retry_setting: str, down: str, back: str, log: logging.Logger = logger):
        self._lock = threading.Lock()
        self.log = log
        self.down = False
        self.failed_at = 0.0
        self.retry_setting, self.down_message, self.back_message = retry_setting, down, back

    def skip(self) -> bool:
        retry_after = getattr(settings, self.retry_setting)
        return self.down and time.monotonic() - self.failed_at < retry_after

    def failed(self, exc: Exception) -> None:
        with self._lock:
            first, self.down = not self.down, True
            self.failed_at = time.monotonic()
        if first:
            self.log.warning(self.down_message, type(exc).__name__, exc)

    def answered(self) -> None:
        if self.down:
            with self._lock:
                was, self.down = self.down, False
            if was:
                self.log.warning(self.back_message)


outage = Outage(
    retry_setting="CACHE_RETRY_AFTER_SECONDS",
    down="Pages are served without the cache: it does not answer (%s: %s).",
    back="Pages use the cache again: it answers.",
)


def _quietly(call, default):
    if outage.skip():
        return default
    try:
        found = call()
    except CACHE_ERRORS as exc:
        outage.failed(exc)
        return default
    outage.answered()
    return found


def quiet_get(key: str, default=None):
    """`cache.get(key)`, or `default` while the cache does not answer (logged once)."""
    return _quietly(lambda: cache.get(key, default), default)


def quiet_set(key: str, value, timeout: float | None) -> None:
    """`cache.set(...)`; nothing while the cache does not answer (logged once). `timeout` in
    seconds, None for no expiry."""
    _quietly(lambda: cache.set(key, value, timeout), None)


def quiet_add(key: str, value, timeout: float | None) -> None:
    """`cache.add(...)` (set unless present); nothing while the cache does not answer."""
    _quietly(lambda: cache.add(key, value, timeout), None)


def quiet_incr(key: str) -> int | None:
    """`cache.incr(key)`; None when the key is missing or the cache does not answer."""

    def incr():
        try:
            return cache.incr(key)
        except ValueError:  # missing (expired, evicted, flushed)
            return None

    return _quietly(incr, None)


def quiet_get_many(keys: list[str]) -> dict:
    """`cache.get_many(keys)` (one round trip); {} while the cache does not answer."""
    return _quietly(lambda: cache.get_many(keys), {})


def quiet_set_many(values: dict, timeout: float | None) -> None:
    """`cache.set_many(...)` (one round trip); nothing while the cache does not answer."""
    _quietly(lambda: cache.set_many(values, timeout), None)
