import hashlib
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache as django_cache

from anniversary.cache import SharedClientRedisCache
from events.ratelimit import Rate, allow, parse_rate
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
