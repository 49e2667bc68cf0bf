"""The shapes the report is made of: cells with their links, tables, headline figures."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

import tablib
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html_join

from contacts.content import translation_of

from . import selectors
from .period import Period


@dataclass
class Cell:
    value: object
    url: str = ""
    # What the export writes when the shown value is formatted (a rate as "81 %" is 0.81).
    raw: object = None

    @classmethod
    def shown(cls, obj, field: str, url: str = "") -> "Cell":
        """A translated `field` of `obj` as the page shows it: the page language's text, or the
        Turkish marked lang="tr" on the page and in the PDF; the exports get the plain text."""
        text = translation_of(obj, field)
        # The marked HTML itself: a template prints str() of anything that is not a string.
        return cls(text.__html__(), url, raw=text.text)

    @classmethod
    def sources(cls, sources) -> "Cell":
        """Source headlines, each marked with its own language (a headline is never
        translated: it is the article's), joined by "; "; the exports get the plain text."""
        sources = list(sources)
        return cls(
            format_html_join(
                "; ", '<span lang="{}">{}</span>', ((s.language, s.headline) for s in sources)
            ),
            raw="; ".join(s.headline for s in sources),
        )

    @property
    def plain(self):
        return self.value if self.raw is None else self.raw

    @property
    def numeric(self) -> bool:
        return isinstance(self.plain, int | float) and not isinstance(self.plain, bool)


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    total: list[Cell] | None = None
    note: str = ""
    # Rows shown on the page and in the PDF (the export always has them all).
    shown: int | None = None
    chart: str = ""
    # The chart above the table at full width, not beside it (a time axis needs the width).
    wide: bool = False
    # What an empty table says, when "Nothing in this period." would not be true.
    empty: str = ""

    @property
    def visible_rows(self) -> list[list[Cell]]:
        return self.rows if self.shown is None else self.rows[: self.shown]

    @property
    def numeric_columns(self) -> list[bool]:
        """Which columns hold numbers (aligned right, headers too); "—" counts as any."""
        return [
            index > 0
            and all(row[index].numeric or row[index].value == "—" for row in self.visible_rows)
            for index in range(len(self.headers))
        ]

    @property
    def header_alignment(self) -> list[tuple[str, bool]]:
        return list(zip(self.headers, self.numeric_columns, strict=True))

    @property
    def aligned_rows(self) -> list[list[tuple[Cell, bool]]]:
        columns = self.numeric_columns
        return [list(zip(row, columns, strict=True)) for row in self.visible_rows]

    @property
    def aligned_total(self) -> list[tuple[Cell, bool]]:
        return list(zip(self.total or [], self.numeric_columns, strict=False))

    @property
    def hidden(self) -> int:
        return len(self.rows) - len(self.visible_rows)

    def dataset(self) -> tablib.Dataset:
        data = tablib.Dataset(headers=[str(header) for header in self.headers])
        for row in self.rows + ([self.total] if self.total else []):
            data.append([_exported(cell.plain) for cell in row])
        return data


def _exported(value):
    # Numbers stay numbers in .xlsx; translated labels (lazy strings) become plain text.
    if value is None:
        return ""
    return value if isinstance(value, int | float) else str(value)


@dataclass
class Figure:
    label: str
    value: object
    url: str = ""
    compared: object = None


@dataclass
class Report:
    period: Period
    comparison: Period
    headline: list[Figure]
    has_comparison: bool
    demo_events: int
    sections: dict[str, list[Table]] = field(default_factory=dict)
    outcomes: list = field(default_factory=list)
    milestones: list = field(default_factory=list)
    business: list[Figure] | None = None
    # The program on a time axis (timeline.Timeline), drawn by charts.timeline().
    timeline: object = None

    def table(self, key: str) -> Table:
        for tables in self.sections.values():
            for table in tables:
                if table.key == key:
                    return table
        raise KeyError(key)

    @property
    def tables(self) -> list[Table]:
        return [table for tables in self.sections.values() for table in tables]


class Links:
    """URLs of the lists behind the figures, all inside the report's period."""

    def __init__(self, period: Period):
        self.period = period
        # A year has thousands of links: reverse() once per subject, not once per number.
        self._bases: dict[str, str] = {}

    def list(self, subject: str, **filters) -> str:
        if subject not in self._bases:
            self._bases[subject] = reverse(
                "board:report_list", kwargs={"year": self.period.first.year, "subject": subject}
            )
        url = self._bases[subject]
        params = self.period.query | {key: value for key, value in filters.items() if value != ""}
        return f"{url}?{urlencode(params)}" if params else url


def slug_url(name: str):
    """reverse() for many slugs at the cost of one (slugs need no escaping in a path)."""
    template = reverse(name, kwargs={"slug": "slug-placeholder"})
    return lambda slug: template.replace("slug-placeholder", slug)


def rate_cell(checked_in: int, no_shows: int) -> Cell:
    rate = selectors.attendance_rate(checked_in, no_shows)
    if rate is None:
        return Cell("—", raw="")
    return Cell(f"{number_format(round(rate * 100))} %", raw=round(rate, 4))
