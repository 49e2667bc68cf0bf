import os
from datetime import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import pageversion
from tests.clock import pinned_moment
from tests.factories import BoardMemberFactory, StaffFactory


def on_ci() -> bool:
    return bool(os.environ.get("CI"))


def require_service(available: bool, reason: str) -> None:
    """Skip a test that needs a real service when it is missing, but never on CI."""
    if available:
        return
    if on_ci():
        pytest.fail(f"{reason} (CI is set, so this test may not skip)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def now(request):
    """The moment every test starts at (aware, UTC): see tests/clock.py. The clock ticks on.

    Use it instead of the real time: `now + timedelta(days=3)` is "in three days" whatever
    moment the suite is pinned to. A test about one fixed date (a month's name in an email)
    pins its own moment with `@pytest.mark.now("2026-11-25T10:00:00+03:00")`; the awkward
    moments of the CI rerun do not move it.
    """
    marker = request.node.get_closest_marker("now")
    moment = datetime.fromisoformat(marker.args[0]) if marker else pinned_moment()
    with time_machine.travel(moment, tick=True):
        yield timezone.now()


@pytest.fixture
def postgres():
    """For tests whose point is PostgreSQL's behaviour (row locks, concurrency)."""
    require_service(
        connection.vendor == "postgresql",
        "needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/kardes40",
    )


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and other cached state must not leak from one test into the next.

    cache.clear()
    pageversion.forget()
    yield
    cache.clear()
    pageversion.forget()


@pytest.fixture(autouse=True)
def _english_unless_asked(settings):
    """Tests read English msgids: without an Accept-Language header, pages and mails are English.

    The product's default is Turkish (tests/test_i18n.py checks that); a test that needs Turkish
    or Azerbaijani asks for it (Accept-Language, the delegate's language, or this setting).
    """
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def board_member(db):

    return BoardMemberFactory()


@pytest.fixture
def board_client(client, board_member):
    client.force_login(board_member)
    return client


@pytest.fixture
def staff_client(client, db):

    client.force_login(StaffFactory())
    return client


@pytest.fixture
def assert_constant_queries(django_assert_num_queries):
    """Call `request`, grow the data with `grow`, call it again: the same number of queries.

    The first call is not counted, so that sessions and permission caches are warm alike for
    both counted ones. `expected`, when given, pins the first count as well. Returns what the
    last call returned (the response).
    """

    def check(request, grow, *, expected=None):
        request()
        with CaptureQueriesContext(connection) as first:
            request()
        if expected is not None:
            queries = "\n".join(q["sql"] for q in first.captured_queries)
            count = len(first.captured_queries)
            assert count == expected, f"{count} queries, expected {expected}:\n{queries}"
        grow()
        with django_assert_num_queries(len(first.captured_queries)):
            return request()

    return check
