"""Login lockout (django-axes) with two thresholds.

Axes has one failure limit for every lockout parameter. We want two: a username/address pair
is locked after AXES_FAILURE_LIMIT wrong passwords (a typo-prone member is not locked out
from everywhere), and a username after AXES_USERNAME_FAILURE_LIMIT wrong passwords from any
number of addresses (a guess spread over a botnet still ends).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum

# AccessAttempt.username and AccessLog.username are varchar(255).
_USERNAME_COLUMN = 255


def attempted_username(request, credentials=None) -> str | None:
    """The username a login tried, as axes records it: at most 255 characters.

    Django's login forms do not refuse a longer username before authenticating (the field's
    max_length is set after its validators are built), and axes wrote the whole of a 10 kB name
    into a varchar(255): a 500 on PostgreSQL. Cut, it still counts against the same attempts.
    """
    if credentials:
        username = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        username = getattr(request, "data", request.POST).get(settings.AXES_USERNAME_FORM_FIELD)
    return username[:_USERNAME_COLUMN] if isinstance(username, str) else username


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AxesHandler(AxesDatabaseHandler):
    """AXES_LOCKOUT_PARAMETERS is [[username, ip_address], username], in this order."""

    def get_failures(self, request, credentials=None) -> int:
        pair, *wider = self.get_user_attempts(request, credentials)
        failures = _failures(pair)
        if wider and _failures(wider[0]) >= settings.AXES_USERNAME_FAILURE_LIMIT:
            # Reported as "at the limit", so that axes' own comparison locks the login.
            return max(failures, get_failure_limit(request, credentials))
        return failures
