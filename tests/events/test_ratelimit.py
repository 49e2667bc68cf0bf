import pytest
from django.conf import settings as django_settings

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
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.integration
def test_allow_counts_in_redis_when_redis_is_the_cache(settings):
    # A database of its own: other suites flush theirs.
    url = django_settings.TEST_REDIS_URL.rsplit("/", 1)[0] + "/12"
    require_service(_redis_available(url), f"needs Redis at {url}")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
    key = "redis-test-address"

    results = [allow("register-ip", key, "3/h") for _ in range(4)]

    import redis

    stored = redis.Redis.from_url(url).keys("*ratelimit:register-ip:*")
    assert results == [True, True, True, False]
    assert len(stored) == 1
    redis.Redis.from_url(url).delete(*stored)
