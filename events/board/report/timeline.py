"""The program on a time axis: each event on its local day, the milestones on theirs.

An event is placed on the day it starts in its venue's zone (İzmir's without a venue), as every
calendar of the site does. A milestone is marked on each day of the period that is its own day
or its anniversary (a yearly repetition, as `timezones.occurrences` expands it: 29 February only
in leap years); a milestone known only by its month or year has no day to mark and stays in the
milestones table. charts.timeline() draws it; the table beside it lists the marks with their
dates in the page's language (babel's CLDR formats).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from babel.dates import format_date
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from anniversary.dates import cldr_locale, date_format
from events.enums import DatePrecision, EventKind
from events.timezones import localize, occurrences

from .figures import Cell, Table
from .period import Period

# Longer titles are cut on the chart; the table beside it has them whole.
SHORT_TITLE = 24


@dataclass(frozen=True)
class Mark:
    """A milestone on the axis: `day` in the period, `since` years after it first happened."""

    day: date
    year: int
    title: str
    since: int
    slug: str

    @property
    def label(self) -> str:
        title = self.title
        if len(title) > SHORT_TITLE:
            title = title[: SHORT_TITLE - 1].rstrip() + "…"
        return f"{self.year} · {title}"


@dataclass
class Timeline:
    period: Period
    # Kind -> local day -> events starting that day; kinds in EventKind's order.
    days: dict[str, Counter] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.days or self.marks)


def build_timeline(period: Period, starts: list[tuple[str, datetime, str]], milestones) -> Timeline:
    """The timeline from selectors.calendar_starts() and the milestones already read."""
    by_kind: dict[str, Counter] = {}
    for kind, start, zone_name in starts:
        by_kind.setdefault(kind, Counter())[
            localize(start, zone_name or settings.TIME_ZONE).date()
        ] += 1
    order = {kind: index for index, kind in enumerate(EventKind.values)}
    days = dict(sorted(by_kind.items(), key=lambda item: order.get(item[0], len(order))))
    return Timeline(period=period, days=days, marks=milestone_marks(period, milestones))


def milestone_marks(period: Period, milestones) -> list[Mark]:
    """Each milestone's own day or anniversaries within the period, in date order."""
    marks = []
    for event in milestones:
        if event.date_precision in (DatePrecision.MONTH, DatePrecision.YEAR):
            continue
        first = event.local_start
        for start, _end in occurrences(
            event.start,
            event.end,
            event.time_zone,
            yearly=True,
            first=period.first,
            last=period.last,
        ):
            day = start.date()
            if period.first <= day <= period.last:
                marks.append(Mark(day, first.year, event.title, day.year - first.year, event.slug))
    return sorted(marks, key=lambda mark: (mark.day, mark.year, mark.title))


def local_date(day: date, pattern: str = "long") -> str:
    """A date in the active language's CLDR format ("15 iyun 2026", "15 June 2026")."""
    return format_date(day, pattern, locale=cldr_locale())


def axis_label(day: date, *, period: Period) -> str:
    """A tick of the time axis: "Haz" for a month, "15 Haz" for a day that is not the first of
    its month; on an axis over more than one calendar year, "Oca 2026" where a year begins or
    the axis starts (a year's report says its year in the heading). Written by the site's own
    date formats, so that the axis abbreviates a month as the tables do ("Sep", not CLDR's
    British "Sept")."""
    if day.day != 1:
        return date_format(day, "j M")
    several_years = period.first.year != period.last.year
    if several_years and (day.month == 1 or day == period.first):
        return date_format(day, "M Y")
    return date_format(day, "M")


def timeline_table(timeline: Timeline) -> Table:
    """The numbers beside the chart: the milestones it marks (the events per kind are in its
    legend and, month by month, in the month table)."""
    event_url = reverse("board:event_detail", kwargs={"slug": "slug-placeholder"})
    rows = [
        [
            Cell(local_date(mark.day), raw=mark.day.isoformat()),
            Cell(mark.title, event_url.replace("slug-placeholder", mark.slug)),
            Cell(mark.since),
        ]
        for mark in timeline.marks
    ]
    return Table(
        "timeline",
        _("The program on a timeline"),
        [_("Date"), _("Milestone"), _("Years since")],
        rows,
        wide=True,
        empty=_("No milestone with a known day falls in this period."),
        note=_(
            "Each dot is a day with events of that kind, on the day they start in their venue's "
            "zone; a larger dot, more events that day. Dated events that were not cancelled; the "
            "legend gives their number. Milestones are marked on their day or its anniversary; "
            "those known only by their year or month are in the milestones table."
        ),
    )
