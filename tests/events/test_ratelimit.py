import hashlib
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache as django_cache

from anniversary.cache import SharedClientRedisCache
from events.ratelimit import Rate, _cache_key, allow, allow_in_turn, parse_rate
from tests.conftest import require_service


@pytest.mark.parametrize(
    ("text", "rate"),
    [("30/h", Rate(30, 3600)), ("5/10m", Rate(5, 600)), (" 2 / 1d ", Rate(2, 86400))],
)
def test_parse_rate_reads_count_and_period(text, rate):
    assert parse_rate(text) == rate


def test_parse_rate_refuses_nonsense():
    with pytest.raises(ValueError, match="Not a rate"):
        parse_rate("thirty per hour")


def test_allow_counts_per_key_and_scope():
    results = [allow("register-ip", "10.0.0.1", "2/h") for _ in range(3)]

    assert results == [True, True, False]
    assert allow("register-ip", "10.0.0.2", "2/h") is True
    assert allow("register-email", "10.0.0.1", "2/h") is True


def _count_both_three_times(cache, client: str, email: str) -> tuple[list[bool], int, int]:
    checks = (("register-ip", client, "2/h"), ("register-email", email, "1/h"))
    results = [allow_in_turn(*checks) for _ in range(3)]
    hits = [cache.get(_cache_key(scope, key, parse_rate(rate))) for scope, key, rate in checks]
    return results, *hits


def test_allow_in_turn_counts_the_next_only_while_the_one_before_is_allowed():
    results, client_hits, email_hits = _count_both_three_times(
        django_cache, "10.0.0.9", "leyla@example.az"
    )

    # Within both; the email over its 1/h; the client over its 2/h, the email not counted.
    assert results == [True, False, False]
    assert (client_hits, email_hits) == (3, 2)


def _redis_available(url: str) -> bool:

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _disconnect(cache) -> None:
    # Close the pool's sockets now rather than in some later test's garbage collection, where
    # the ResourceWarning would be turned into that test's error.
    cache._cache.get_client(write=True).connection_pool.disconnect()


def _redis_cache_url() -> str:
    # A database of its own: other suites flush theirs.
    url = django_settings.TEST_REDIS_URL.rsplit("/", 1)[0] + "/12"
    require_service(_redis_available(url), f"needs Redis at {url}")
    return url


@pytest.mark.integration
def test_allow_counts_in_redis_when_redis_is_the_cache(settings):
    url = _redis_cache_url()
    settings.CACHES = {
        "default": {"BACKEND": "anniversary.cache.SharedClientRedisCache", "LOCATION": url}
    }
    key = f"redis-test-address-{uuid.uuid4()}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]

    results = [allow("register-ip", key, "3/h") for _ in range(4)]

    stored = redis.Redis.from_url(url).keys(f"*ratelimit:register-ip:{digest}:*")
    assert results == [True, True, True, False]
    assert len(stored) == 1
    redis.Redis.from_url(url).delete(*stored)
    _disconnect(django_cache)


@pytest.mark.integration
def test_the_redis_cache_shares_one_client_between_calls_and_threads():

    cache = SharedClientRedisCache(_redis_cache_url(), {"KEY_PREFIX": "shared-client-test"})
    key = "counter"
    cache.delete(key)

    assert cache.add(key, 0, timeout=60) is True
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda _i: cache.incr(key), range(200)))

    assert cache.get(key) == 200
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=False)
    with pytest.raises(ValueError):
        cache.incr("never-set")
    cache.delete(key)
    _disconnect(cache)


@pytest.mark.integration
def test_allow_in_turn_counts_in_one_script_on_redis_as_allow_does(settings):
    url = _redis_cache_url()
    settings.CACHES = {
        "default": {"BACKEND": "anniversary.cache.SharedClientRedisCache", "LOCATION": url}
    }
    client, email = f"redis-client-{uuid.uuid4()}", f"{uuid.uuid4()}@example.org"

    results, client_hits, email_hits = _count_both_three_times(django_cache, client, email)
    # The counters the script keeps are the ones allow() counts on (the same hour's window).
    allow_after = allow("register-email", email, "3/h")

    digests = [hashlib.sha256(key.encode()).hexdigest()[:32] for key in (client, email)]
    server = redis.Redis.from_url(url)
    stored = [key for digest in digests for key in server.keys(f"*ratelimit:*:{digest}:*")]
    assert results == [True, False, False]
    assert (client_hits, email_hits) == (3, 2)
    assert allow_after is True
    assert django_cache.get(_cache_key("register-email", email, parse_rate("3/h"))) == 3
    assert len(stored) == 2
    assert all(0 < server.ttl(key) <= 3605 for key in stored)
    server.delete(*stored)
    _disconnect(django_cache)
