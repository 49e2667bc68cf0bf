"""The vocabulary of the seed data: records with stable keys, references between them, and spans.

The data modules (`facts.py`, `demo.py`) are plain lists of `Record`s; `loader.py` turns them into
rows. Keeping the data declarative means a reviewer can check it against the articles line by line.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

from events.enums import DatePrecision
from events.timezones import precision_span


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

    `earlier` holds what earlier versions of the seed wrote for some fields, one dict per
    version ({"start": ..., "description": <the Turkish>}, or a text per language,
    {"notes": {"tr": <the Turkish>, "az": None, "en": None}}, for a seed that wrote only the
    Turkish before the model had columns per language): a row still holding exactly one of
    them (nobody has edited those fields since) is brought up to this record's values for the
    fields that dict names, so a database seeded by an earlier version converges on a re-run.
    A row that matches none, edited or already current, is left alone.
    """

    key: str
    model: type[models.Model]
    fields: dict[str, Any]
    links: dict[str, list[Ref]] = field(default_factory=dict)
    natural_key: tuple[str, ...] = ()
    earlier: tuple[dict[str, Any], ...] = ()


def _span(day: date, precision: str, zone: str) -> tuple[datetime, datetime]:
    """The same spans the board's event form stores, in the venue's zone, end exclusive."""
    start, end = precision_span(datetime.combine(day, time(0)), None, precision)
    tz = ZoneInfo(zone)
    return start.replace(tzinfo=tz), end.replace(tzinfo=tz)


def day_span(day: date, zone: str) -> tuple[datetime, datetime]:
    """The whole local day."""
    return _span(day, DatePrecision.DAY, zone)


def month_span(year: int, month: int, zone: str) -> tuple[datetime, datetime]:
    """The whole local month: "April 2026"."""
    return _span(date(year, month, 1), DatePrecision.MONTH, zone)


def year_span(year: int, zone: str) -> tuple[datetime, datetime]:
    """The whole local year: "sometime in 2026"."""
    return _span(date(year, 1, 1), DatePrecision.YEAR, zone)
