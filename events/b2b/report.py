"""The business program's part of the board's year report (events/board/report/tables.py).

`figures()` is the hook the report calls when this area exists.
"""

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import Event
from .selectors import figures_per_event


def figures(*, start: datetime, end: datetime, now: datetime) -> list[tuple[str, int, str]]:
    """(label, value, url) for the B2B programs of events starting in [start, end) (aware).

    Programs, meetings placed, held, no-shows and agreements reached (from the 3- and 6-month
    follow-ups), counted by `figures_per_event`. Each figure links to the board's B2B page of
    the event when there is one event; with several, to the first (they are listed by start).
    """
    rows = figures_per_event(
        events=Event.objects.filter(matchmaking__is_enabled=True, start__gte=start, start__lt=end),
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
