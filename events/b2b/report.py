"""The business program's part of the board's year report (events/board/report/tables.py).

`figures()` is the hook the report calls when this area exists.
"""

from datetime import date, datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import Event
from .selectors import figures_per_event


def figures(*, first: date, last: date, now: datetime) -> list[tuple[str, int, str]]:
    """(label, value, url) for the B2B programs of events starting on the days [first, last]
    in their venue's zone (the report's rule: `EventQuerySet.starting_on_local_days`).

    Programs, meetings placed, held, no-shows and agreements reached (from the 3- and 6-month
    follow-ups), counted by `figures_per_event`. Each figure links to the board's B2B page of
    the event when there is one event; with several, to the first (they are listed by start).
    """
    rows = figures_per_event(
        events=Event.objects.starting_on_local_days(first, last).filter(
            matchmaking__is_enabled=True
        ),
        now=now,
    )
    url = reverse("board:b2b_event", args=[rows[0]["event"].slug]) if rows else ""

    def total(key: str) -> int:
        return sum(row[key] for row in rows)

    return [
        (_("B2B programs"), len(rows), url),
        (_("B2B meetings placed"), total("placed"), url),
        (_("B2B meetings held"), total("held"), url),
        (_("B2B no-shows"), total("no_shows"), url),
        (_("Agreements reached at the follow-ups"), total("agreements"), url),
    ]
