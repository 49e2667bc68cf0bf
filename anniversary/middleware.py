"""A database that does not answer becomes a short 503 page, not a 500 with a traceback.

During an outage every request would otherwise log a full stack; we log one line when the
outage starts and one when the database answers again, and tell the visitor to come back in
a minute (Retry-After). The page renders from a template that needs no database (no user, no
session, no messages) and no inline script or style.
"""

import logging
import sys
import threading

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, DataError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger(__name__)

# What a lost or refused connection raises (psycopg's and sqlite3's are wrapped into these).
UNAVAILABLE = (OperationalError, InterfaceError)


class _Outage:
    def __init__(self):
        self._lock = threading.Lock()
        self.down = False

    def started(self, exc: Exception) -> None:
        with self._lock:
            first, self.down = not self.down, True
        if first:
            logger.error("The database does not answer (%s); pages answer 503.", exc)

    def ended(self) -> None:
        if self.down:
            with self._lock:
                was, self.down = self.down, False
            if was:
                logger.warning("The database answers again.")


outage = _Outage()


def is_unavailable(exc: BaseException) -> bool:
    """A connection-level failure, not a bad query (which is ours to fix and stays a 500)."""
    if not isinstance(exc, UNAVAILABLE):
        return False
    if isinstance(exc, InterfaceError):
        return True
    # OperationalError also covers lock timeouts and the like, which the services turn into
    # their own messages; only connection failures reach here unhandled, but check the cause.
    cause = exc.__cause__ or exc
    text = str(cause).lower()
    return any(
        marker in text
        for marker in (
            "connection",
            "could not connect",
            "server closed",
            "terminating",
            "timeout expired",
            "unable to open database",
            "the database system is",
        )
    )


def unavailable_response(request=None) -> HttpResponse:
    response = HttpResponse(render_to_string("503.html", request=None), status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 500:
            outage.ended()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError) and is_unavailable(exception):
            outage.started(exception)
            return unavailable_response(request)
        return None


def server_error(request, *args, **kwargs):
    """handler500: a database outage raised outside a view still gets the 503 page."""

    exc = sys.exc_info()[1]
    if exc is not None and is_unavailable(exc):
        outage.started(exc)
        return unavailable_response(request)
    return default_server_error(request, *args, **kwargs)


class OutOfRangeInputMiddleware:
    """A number too large for the database column is the client's mistake: 400, not 500.

    A form's choice of a related row (an event, a venue) looks its primary key up before
    validating it; 99999999999999999999 then overflows SQLite's integer (OverflowError) or
    PostgreSQL's bigint (DataError "out of range"). Nothing was written: the lookup is a read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError) or (
            isinstance(exception, DataError) and "out of range" in str(exception).lower()
        ):
            logger.info("Out-of-range input on %s: %s", request.path, exception)
            response = render(request, "400.html", status=400)
            return response
        return None


class AnonymousWithoutSessionMiddleware:
    """A request with no session cookie is anonymous: say so before anything asks, so that
    nothing reads the (empty) session for it and the response does not get `Vary: Cookie`.

    Other middleware (the audit log's actor) and every template (the login link) ask who the
    user is; through the session that marks the response as varying by cookie, which would
    keep shared caches and the whole-page cache from keeping any public page. Goes right
    after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            request.user = AnonymousUser()
        return self.get_response(request)
