"""/healthz/: is each service this site needs answering, and is the reminder sweep running?

For a load balancer, systemd or a monitor: 200 when every check passes, 503 naming the
failing ones. No personal data (names of checks and ages in seconds only), no login needed,
and not for search engines (X-Robots-Tag). Each check is bounded by the services' short
timeouts (REDIS_*_TIMEOUT, the database's connect timeout), so the page answers within about
a second even when something hangs.

Written here rather than with django-health-check: the checks we need are four short
functions, one of them (the sweep's age) specific to this site, and that package's broker
check sends a task and waits for a worker, which is slower than a monitor should wait.
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from anniversary.celery import app

logger = logging.getLogger(__name__)

# Written by each successful sweep (events.tasks.sweep_reminders) into the shared cache.
LAST_SWEEP_KEY = "health:last-successful-sweep"


def record_sweep(*, now=None) -> None:
    """Note a successful sweep (epoch seconds); a cache outage only costs the record."""
    try:
        cache.set(LAST_SWEEP_KEY, (now or timezone.now()).timestamp(), timeout=None)
    except Exception as exc:  # the sweep succeeded; never fail it here
        logger.warning("Could not record the sweep for /healthz/: %s", exc)


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache() -> dict:
    key = "health:probe"
    cache.set(key, "ok", timeout=30)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was written")
    return {}


def _in_process() -> bool:

    return bool(app.conf.task_always_eager)


def check_broker() -> dict:
    if _in_process():
        return {"mode": "in-process"}

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=settings.REDIS_CONNECT_TIMEOUT)
        # A frozen Redis accepts the connection and never answers: ask it something.
        conn.default_channel.client.ping()
    return {}


def check_sweep() -> dict:
    if _in_process():
        # Embedded setup: cron runs the sweep in another process with its own memory cache,
        # so there is no shared record to read.
        return {"mode": "in-process"}
    last = cache.get(LAST_SWEEP_KEY)
    if last is None:
        raise RuntimeError("no successful sweep recorded")
    age = max(0, int(time.time() - float(last)))
    if age > settings.HEALTH_SWEEP_MAX_AGE_MINUTES * 60:
        raise RuntimeError(f"last successful sweep {age} s ago")
    return {"age_seconds": age}


CHECKS: dict[str, Callable[[], dict]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "reminder_sweep": check_sweep,
}


def run_checks() -> dict[str, dict]:
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = {"ok": True, **check()}
        except Exception as exc:  # any failure is the answer, named, not a 500
            # The exception's class only: messages can carry hosts or DSNs.
            results[name] = {"ok": False, "error": _describe(exc)}
    return results


def _describe(exc: Exception) -> str:
    if isinstance(exc, RuntimeError):
        return str(exc)
    return type(exc).__name__


@never_cache
@require_safe
def healthz(request):
    results = run_checks()
    failing = [name for name, result in results.items() if not result["ok"]]
    response = JsonResponse(
        {"status": "fail" if failing else "ok", "failing": failing, "checks": results},
        status=503 if failing else 200,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
