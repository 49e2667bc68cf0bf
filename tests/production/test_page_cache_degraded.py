"""The whole-page cache on a Redis that fails: the public pages still answer, from the
database, and the outage is logged once (anniversary/cache.py).

The test starts its own redis-server on its own port (tests/production/conftest.py) and stops
or freezes it; the shared Redis is never touched.
"""

import logging

import pytest
from django.conf import settings as django_settings
from django.test import Client

from anniversary import cache as quiet_cache
from events.enums import EventStatus
from tests.factories import BakuVenueFactory, EventFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def page_cache_on_own_redis(own_redis, settings):
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
    quiet_cache.outage.down = False
    yield own_redis
    quiet_cache.outage.down = False


def _urls(event) -> list[str]:
    local = event.local_start
    return [
        "/en/",
        "/en/program/",
        f"/en/program/?month={local:%Y-%m}",
        f"/en/program/{local.year}/{local.month}/",
        event.get_absolute_url(),
        f"{event.get_absolute_url()}event.ics",
        "/calendar.ics",
    ]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_public_pages_answer_when_the_cache_fails(page_cache_on_own_redis, fault, caplog):
    event = EventFactory(venue=BakuVenueFactory(), status=EventStatus.CONFIRMED)
    visitor = Client()
    cached = {url: visitor.get(url) for url in _urls(event)}
    html = [url for url in cached if "ics" not in url]  # the .ics renders no template
    assert [visitor.get(url).context is None for url in html] == [True] * 5
    (page_cache_on_own_redis.stop if fault == "stopped" else page_cache_on_own_redis.freeze)()
    caplog.set_level(logging.WARNING)

    answers = {url: visitor.get(url) for url in cached}

    assert [r.status_code for r in answers.values()] == [200] * 7
    # Rendered afresh from the database, and the same page as the cached one.
    assert [answers[url].context is not None for url in html] == [True] * 5
    assert [answers[url].content == cached[url].content for url in html] == [True] * 5
    # One line for the whole outage, not one per request.
    assert [r.getMessage()[:40] for r in caplog.records if r.name == "anniversary.cache"] == [
        "Pages are served without the cache: it d"
    ]


@pytest.mark.timeout(60)
def test_pages_use_the_cache_again_once_it_is_back(page_cache_on_own_redis, settings, caplog):
    settings.CACHE_RETRY_AFTER_SECONDS = 0  # try the cache again at the next request
    event = EventFactory(status=EventStatus.CONFIRMED)
    visitor = Client()
    page_cache_on_own_redis.stop()
    caplog.set_level(logging.WARNING)
    assert visitor.get(event.get_absolute_url()).status_code == 200

    page_cache_on_own_redis.start()
    first, second = visitor.get(event.get_absolute_url()), visitor.get(event.get_absolute_url())

    assert [first.context is None, second.context is None] == [False, True]
    assert [r.getMessage()[:22] for r in caplog.records if r.name == "anniversary.cache"] == [
        "Pages are served witho",
        "Pages use the cache ag",
    ]
