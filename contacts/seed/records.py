"""The vocabulary of the seed data: records with stable keys, references between them, and spans.

The data modules (`facts.py`, `demo.py`) are plain lists of `Record`s; `loader.py` turns them into
rows. Keeping the data declarative means a reviewer can check it against the articles line by line.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models


@dataclass(frozen=True)
class Ref:
    """Points at another record by its seed key; the loader swaps in the row."""

    key: str


@dataclass(frozen=True)
class Record:
    """One row to create if no row with this seed key exists yet.

    `fields` are set on creation only (values may be `Ref`s for foreign keys); `links` are
    many-to-many fields, also set on creation only, so that a board member's edits survive a
    re-run. `natural_key` names fields that identify a row typed in by hand before the seed ran:
    such a row is adopted (given the seed key) instead of duplicated, and otherwise left alone.
    """

    key: str
    model: type[models.Model]
    fields: dict[str, Any]
    links: dict[str, list[Ref]] = field(default_factory=dict)
    natural_key: tuple[str, ...] = ()


def day_span(day: date, zone: str) -> tuple[datetime, datetime]:
    """The whole local day, end exclusive."""
    start = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=ZoneInfo(zone))


def month_span(year: int, month: int, zone: str) -> tuple[datetime, datetime]:
    """The whole local month, end exclusive: "April 2026"."""
    first = date(year, month, 1)
    after = first + timedelta(days=calendar.monthrange(year, month)[1])
    tz = ZoneInfo(zone)
    return datetime.combine(first, time(0), tzinfo=tz), datetime.combine(after, time(0), tzinfo=tz)


def year_span(year: int, zone: str) -> tuple[datetime, datetime]:
    """The whole local year, end exclusive: "sometime in 2026"."""
    tz = ZoneInfo(zone)
    return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)
