"""The suite's one clock: every test runs at a pinned moment, never at the real time.

`KARDES40_TEST_NOW` (ISO 8601 with an offset) chooses the moment; unset, it is a Wednesday
morning in İzmir. CI runs the whole suite again pinned to the awkward moments in
`AWKWARD_MOMENTS` (a Monday 09:00 in İzmir, when the weekly board digest is due; New Year's Eve
23:30 in Bakü, which is still 22:30 of the old year in İzmir), so that a test which depends on
the day of the week, the month or the year cannot hide.

The clock ticks from the pinned moment (time-machine `tick=True`): leases, timeouts and threads
that wait still see time pass. Processes that a test starts (a Celery worker) are pinned by
`travel_from_environment()` to the moment their parent hands them.
"""

import os
from datetime import datetime

import time_machine

ENVIRONMENT_VARIABLE = "KARDES40_TEST_NOW"
DEFAULT_MOMENT = "2026-11-25T10:00:00+03:00"
AWKWARD_MOMENTS = {
    "monday-morning-izmir": "2026-11-30T09:00:00+03:00",
    "new-years-eve-baku": "2026-12-31T23:30:00+04:00",
}


def pinned_moment() -> datetime:
    """The aware datetime the suite runs at (its offset as given; compare, don't print it).

    Raises ValueError when `KARDES40_TEST_NOW` is not ISO 8601 with an offset: a naive moment
    would be read in the server's zone and silently shift by hours.
    """
    value = os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_MOMENT
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"{ENVIRONMENT_VARIABLE}={value!r} needs a UTC offset, e.g. +03:00")
    return moment


def travel_from_environment() -> None:
    """In a child process (a worker the test started): run on the parent's clock from here on."""
    if os.environ.get(ENVIRONMENT_VARIABLE):
        time_machine.travel(pinned_moment(), tick=True).start()
