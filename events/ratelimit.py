"""A small fixed-window rate limiter on Django's cache (Redis when configured, else locmem).

Written here rather than taken from django-ratelimit: we need two counters on one view (per
client address and per email, the latter known only after the form validates), limits read
from settings, and nothing else; that is twenty lines, with no decorator magic to learn.
`allow_in_turn()` counts both in one Redis round trip.
"""

import hashlib
import logging
import re
import time
from dataclasses import dataclass

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from redis.commands.core import Script
from redis.exceptions import RedisError

from anniversary.cache import Outage

logger = logging.getLogger(__name__)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(text: str) -> Rate:
    """ "30/h" is 30 per hour, "5/10m" 5 per ten minutes."""
    match = _RATE.match(text)
    if not match:
        raise ValueError(f"Not a rate: {text!r} (expected e.g. 30/h or 5/10m)")
    count, multiple, unit = match.groups()
    return Rate(int(count), int(multiple or 1) * _UNITS[unit])


outage = Outage(
    retry_setting="RATE_LIMIT_RETRY_AFTER_SECONDS",
    down="Rate limits are off: the cache does not answer (%s: %s). Requests pass until it is back.",
    back="Rate limits are on again: the cache answers.",
    log=logger,
)


# What a cache call raises when Redis is down or frozen (redis comes with celery[redis]).
_CACHE_ERRORS: tuple[type[Exception], ...] = (OSError, RedisError)


def allow(scope: str, key: str, rate: Rate | str) -> bool:
    """Count one hit for key in scope; False once the window's allowance is used up.

    A cache that does not answer (Redis stopped or frozen: the client's short timeouts end
    the wait) lets the request through: a registration matters more than its rate limit.
    """
    rate = parse_rate(rate) if isinstance(rate, str) else rate
    if outage.skip():
        return True
    try:
        allowed = _count(scope, key, rate)
    except _CACHE_ERRORS as exc:
        outage.failed(exc)
        return True
    outage.answered()
    return allowed


def allow_in_turn(*checks: tuple[str, str, Rate | str]) -> bool:
    """Count one hit for each (scope, key, rate) in order, as long as the ones before it were
    allowed; False once one is over its allowance (the ones after it are not counted).

    The same answer and counts as `allow()` called for each in turn, in one round trip when
    Redis is the cache (a server-side script), else one cache call each. A cache that does not
    answer lets the request through, as in `allow()`.
    """
    checks = [
        (scope, key, parse_rate(rate) if isinstance(rate, str) else rate)
        for scope, key, rate in checks
    ]
    backend = caches["default"]  # `cache` is a proxy, not the backend
    if not isinstance(backend, RedisCache):
        return all(allow(scope, key, rate) for scope, key, rate in checks)
    if outage.skip():
        return True
    keys, limits = [], []
    for scope, key, rate in checks:
        keys.append(backend.make_and_validate_key(_cache_key(scope, key, rate)))
        limits += [rate.count, rate.seconds + 5]
    try:
        client = backend._cache.get_client(write=True)
        allowed = bool(_COUNT_IN_TURN(keys=keys, args=limits, client=client))
    except _CACHE_ERRORS as exc:
        outage.failed(exc)
        return True
    outage.answered()
    return allowed


# INCR is what cache.incr() runs, on the same keys (integers are stored unpickled), with the
# window's expiry set on its first hit as cache.add() does.
_COUNT_IN_TURN = Script(
    None,
    b"""
    for i, key in ipairs(KEYS) do
        local hits = redis.call('INCR', key)
        if hits == 1 then redis.call('EXPIRE', key, ARGV[2 * i]) end
        if hits > tonumber(ARGV[2 * i - 1]) then return 0 end
    end
    return 1
    """,
)


def _cache_key(scope: str, key: str, rate: Rate) -> str:
    window = int(time.time() // rate.seconds)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]  # no personal data in cache keys
    return f"ratelimit:{scope}:{digest}:{window}"


def _count(scope: str, key: str, rate: Rate) -> bool:
    cache_key = _cache_key(scope, key, rate)
    # One cache call in the common case: incr() is atomic on Redis and locmem alike, and fails
    # only for the window's first hit, which add() then counts (or, if another request added
    # the key first, incr() again).
    try:
        hits = cache.incr(cache_key)
    except ValueError:
        first = cache.add(cache_key, 1, timeout=rate.seconds + 5)
        hits = 1 if first else cache.incr(cache_key)
    return hits <= rate.count
