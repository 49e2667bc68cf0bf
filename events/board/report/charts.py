"""The report's charts: SVG drawn on the server by pygal from the report's tables.

The SVG is inline in the page and the PDF: it reads without JavaScript (pygal's tooltip script
is left out), carries its title as the accessible name, prints the number beside every bar,
and takes its words from the active language. Each event kind keeps the colour the calendar
gives it (anniversary/static/css/kardes40.css).
"""

import base64
import re
import sys
from datetime import date, datetime, timedelta

import pygal
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from pygal.style import Style

from events.enums import EventKind

from .figures import Report, Table
from .timeline import Timeline, axis_label

# The same colours as the calendar's .kind-* classes in kardes40.css.
KIND_COLOURS = {
    EventKind.CULTURAL_FESTIVAL: "#d63384",
    EventKind.COMMEMORATION: "#6f42c1",
    EventKind.BUSINESS_FORUM: "#0d6efd",
    EventKind.B2B_MEETING: "#0dcaf0",
    EventKind.TRADE_DELEGATION: "#20c997",
    EventKind.BUSINESS_TOUR: "#198754",
    EventKind.PODCAST_EPISODE: "#fd7e14",
    EventKind.YOUTH_PROGRAM: "#ffc107",
    EventKind.CONFERENCE: "#6610f2",
    EventKind.EXHIBITION: "#dc3545",
    EventKind.OFFICIAL_VISIT: "#212529",
    EventKind.OTHER: "#adb5bd",
}
PRIMARY = "#0d6efd"
# Milestones are drawn in the text's grey, apart from every kind's colour.
MILESTONE = "#495057"

_STYLE = {
    "background": "white",
    "plot_background": "white",
    "foreground": "#212529",
    "foreground_strong": "#212529",
    "foreground_subtle": "#6c757d",
    "font_family": "DejaVu Sans, Liberation Sans, Arial, sans-serif",
    "title_font_size": 20,
    "label_font_size": 14,
    "major_label_font_size": 14,
    "legend_font_size": 14,
    "value_font_size": 14,
    "value_label_font_size": 14,
}
# pygal puts a finder for its map plugins (pygal.maps.*, which we do not use) on sys.meta_path;
# it answers every later failed import with an ImportWarning. Take it off again.
sys.meta_path[:] = [
    finder for finder in sys.meta_path if type(finder).__name__ != "PluginImportFixer"
]
_SCRIPT = re.compile(r"<script.*?</script>", re.DOTALL)
# pygal writes each point's tooltip text as <desc> elements for its script, which is left out;
# inside an <img> nobody reads them, and on a timeline of 2,000 events they are half the drawing.
_TOOLTIP = re.compile(r"<desc [^>]*>[^<]*</desc>")


def _chart(cls, *, title: str, height: int, colours=(PRIMARY,), style=None, **config):
    # The heading above the chart says the title; the SVG carries it as its accessible name.
    defaults = {
        "width": 800,
        "js": [],
        "disable_xml_declaration": True,
        "print_values": True,
        "print_zeroes": False,
        "no_data_text": _("No data"),
        "truncate_label": 40,
        "truncate_legend": 40,
        "legend_at_bottom": True,
    }
    return cls(
        style=Style(**{**_STYLE, **(style or {}), "colors": tuple(colours)}),
        height=height,
        **(defaults | config),
    )


def _svg(chart, title: str, *, edit=None) -> str:
    """The chart as an <img> of its SVG (a data: URL), for the page and the PDF alike.

    An image, not inline SVG: pygal styles its drawing with a <style> element and style
    attributes, which the Content-Security-Policy refuses inline but allows inside an image.
    The chart's title is its accessible name (alt); the numbers are also in the table beside it.
    """
    svg = _TOOLTIP.sub("", _SCRIPT.sub("", chart.render(is_unicode=True)))
    if edit:
        svg = edit(svg)
    opening = svg.index(">") + 1
    svg = f"{svg[:opening]}<title>{escape(title)}</title>{svg[opening:]}"
    data = base64.b64encode(svg.encode()).decode("ascii")
    return format_html(
        '<img class="report-chart" src="data:image/svg+xml;base64,{}" alt="{}" width="800">',
        data,
        title,
    )


def _whole_numbers(chart, highest: int) -> None:
    """Counts get whole-number ticks (pygal would mark 0.2, 0.4, … on a small chart)."""
    if not highest:
        return  # nothing drawn: pygal keeps its own empty axis
    step = max(1, -(-highest // 8))
    chart.y_labels = list(range(0, highest + step, step))


def _number(cell) -> int:
    value = cell.plain
    return value if isinstance(value, int) else 0


def _kind_colour(label: str) -> str:
    for kind in EventKind:
        if str(kind.label) == label:
            return KIND_COLOURS[kind]
    return PRIMARY


def kinds_stacked(table: Table, *, horizontal: bool, skip_last: bool = True) -> str:
    """Rows are kinds, columns are categories (states or months): one coloured series per kind."""
    columns = table.headers[1:-1] if skip_last else table.headers[1:]
    if not columns:
        return ""  # a month table of a year without dated events: nothing to stack
    if horizontal:
        # Rows of the table are the kinds here; the bars are the states.
        chart = _chart(
            pygal.HorizontalStackedBar,
            title=table.title,
            height=160 + 50 * len(columns),
            colours=[_kind_colour(str(row[0].value)) for row in table.rows],
        )
        # pygal draws a horizontal chart's first label at the bottom; the table reads downwards.
        chart.x_labels = [str(column) for column in reversed(columns)]
        for row in table.rows:
            values = [_number(cell) or None for cell in row[1 : 1 + len(columns)]]
            chart.add(str(row[0].value), values[::-1])
        _whole_numbers(
            chart,
            max(
                sum(_number(row[index]) for row in table.rows)
                for index in range(1, 1 + len(columns))
            ),
        )
    else:
        # Rows are months, columns are kinds.
        chart = _chart(
            pygal.StackedBar,
            title=table.title,
            height=480,
            x_label_rotation=-30,
            colours=[_kind_colour(str(column)) for column in columns],
        )
        chart.x_labels = [str(row[0].value) for row in table.rows]
        for index, column in enumerate(columns, start=1):
            values = [_number(row[index]) or None for row in table.rows]
            chart.add(str(column), values)
        _whole_numbers(
            chart, max(sum(_number(c) for c in row[1 : 1 + len(columns)]) for row in table.rows)
        )
    return _svg(chart, table.title)


def bars(table: Table, *, column: int = 1, coloured_by_kind: bool = False) -> str:
    """One bar per row of the table: the label in the first column, the number in `column`."""
    rows = table.rows
    chart = _chart(
        pygal.HorizontalBar,
        title=table.title,
        height=120 + 42 * max(len(rows), 1),
        show_legend=False,
    )
    rows = rows[::-1]  # top to bottom in the table's order
    chart.x_labels = [str(row[0].value) for row in rows]
    values = []
    for row in rows:
        value = {"value": _number(row[column])}
        if coloured_by_kind:
            value["color"] = _kind_colour(str(row[0].value))
        values.append(value)
    chart.add(str(table.headers[column]), values)
    _whole_numbers(chart, max(value["value"] for value in values))
    return _svg(chart, table.title)


# Milestone labels take one of this many heights above the kinds, the lowest where they fit.
LABEL_LEVELS = 4
# A label's width as a share of the axis, per character (14 px type on a plot about 600 px
# wide), and the gap pygal leaves between a point and its label.
LABEL_CHARACTER = 8 / 600
LABEL_GAP = 0.04
# A timeline with more month ticks than this labels every second (third, ...) month.
MAX_TICKS = 13


def timeline(data: Timeline, title: str) -> str:
    """The program on a date axis: a row of dots per kind in its colour (a larger dot, more
    events that day), and a dashed line with a label for each milestone.

    pygal's DateLine places every date in proportion on the x axis (an XY chart whose x values
    are dates); the kinds' rows are y positions named by y_labels. Labels in the right half of
    the axis end at their line (a second milestone series whose labels are anchored at their
    end), so that they stay inside the drawing.
    """
    period = data.period
    end = period.last + timedelta(days=1)
    kinds = list(data.days)
    rows = max(len(kinds), 1)
    heights = _label_levels(data.marks, period.first, end)
    levels = max(heights, default=-1) + 1
    late = len(kinds) + 1  # the index of the right half's milestone series
    legend_rows = -(-(len(kinds) + bool(data.marks)) // 2)
    # The tick after the last day closes the axis; its label would crowd the last month's.
    ticks = {day: axis_label(day, period=period) for day in _ticks(period.first, end)} | {end: ""}
    guides = {"stroke_color": "#ced4da", "stroke_dasharray": "2,3"}
    chart = _chart(
        pygal.DateLine,
        title=title,
        height=150 + 40 * rows + 36 * levels + 24 * legend_rows,
        colours=[KIND_COLOURS.get(kind, PRIMARY) for kind in kinds] + [MILESTONE, MILESTONE],
        # Light guides for months and rows, all alike (pygal would draw some as major ones).
        style={
            f"{major}guide_{key}": value
            for key, value in guides.items()
            for major in ("", "major_")
        },
        # Two columns beside the long kind labels: the number first, where a cut cannot reach.
        legend_at_bottom_columns=2,
        truncate_legend=28,
        print_values=False,
        print_labels=True,
        stroke=False,
        allow_interruptions=True,
        show_x_guides=True,
        range=(0.4, rows + 0.6 + 0.75 * levels),
        xrange=(period.first, end),
        # pygal formats every point for its tooltips too: only the ticks need words (babel).
        x_value_formatter=lambda day: ticks.get(_as_date(day), ""),
        css=(
            "file://style.css",
            "file://graph.css",
            f"inline:.text-overlay .serie-{late} text.label {{ text-anchor: end; }}",
        ),
    )
    chart.x_labels = list(ticks)
    chart.y_labels = [
        {"label": _kind_label_of(kind), "value": rows - index} for index, kind in enumerate(kinds)
    ]
    for index, kind in enumerate(kinds):
        counter = data.days[kind]
        chart.add(
            f"{number_format(sum(counter.values()))} · {_kind_label_of(kind)}",
            [
                {"value": (day, rows - index), "node": {"r": min(3 + 1.5 * (n - 1), 7.5)}}
                for day, n in sorted(counter.items())
            ],
        )
    middle = period.first + (end - period.first) / 2
    early, later = [], []
    for mark, level in zip(data.marks, heights, strict=True):
        (early if mark.day < middle else later).extend(
            [
                {"value": (mark.day, 0.4), "node": {"r": 0}},
                {"value": (mark.day, rows + 0.8 + 0.75 * level), "label": mark.label},
                None,
            ]
        )
    line = {"stroke": True, "dots_size": 3, "stroke_style": {"width": 1.5, "dasharray": "6,4"}}
    # The legend names the milestones once, when there are any; the right half has no entry.
    named = f"{number_format(len(data.marks))} · {_('Milestones')}" if data.marks else None
    chart.add(named, early, **line)
    chart.add(None, later, **line)
    return _svg(chart, title, edit=lambda svg: _labels_before_their_line(svg, late))


def _label_levels(marks, first: date, end: date) -> list[int]:
    """The height of each milestone's label (0 lowest): the lowest where its estimated extent
    meets no label already placed; the least crowded one when none is free."""
    span = (end - first).days
    placed: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_LEVELS)]
    levels = []
    for mark in marks:
        x = (mark.day - first).days / span
        width = LABEL_GAP + len(mark.label) * LABEL_CHARACTER
        left, right = (x, x + width) if x < 0.5 else (x - width, x)
        free = [
            level
            for level in range(LABEL_LEVELS)
            if all(b < left or a > right for a, b in placed[level])
        ]
        level = free[0] if free else min(range(LABEL_LEVELS), key=lambda n: len(placed[n]))
        placed[level].append((left, right))
        levels.append(level)
    return levels


_LATE_LABEL = re.compile(r'(<text x=")([\d.]+)(" y="[\d.]+" class="label">)')


def _labels_before_their_line(svg: str, late: int) -> str:
    """pygal writes a label just right of its point; an end-anchored one should end just left
    of it. Only the text overlay of the right half's series carries such labels."""
    opening = f'<g class="series serie-{late} color-{late}"><text '
    head, found, tail = svg.rpartition(opening)
    if not found:
        return svg
    group, closing, rest = tail.partition("</g>")
    shift = 2 * _STYLE["value_font_size"]
    group = _LATE_LABEL.sub(lambda m: f"{m[1]}{float(m[2]) - shift:.2f}{m[3]}", "<text " + group)
    return f"{head}{opening[: -len('<text ')]}{group}{closing}{rest}"


def _as_date(day) -> date:
    return day.date() if isinstance(day, datetime) else day


def _ticks(first: date, end: date) -> list[date]:
    """The first day, each first of a month after it, and the day after the last."""
    ticks, month = [first], (first.replace(day=1) + timedelta(days=32)).replace(day=1)
    while month < end:
        ticks.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    step = -(-len(ticks) // MAX_TICKS)
    return [*ticks[::step], end]


def _kind_label_of(kind: str) -> str:
    return str(EventKind(kind).label) if kind in EventKind.values else kind


def draw(report: Report) -> Report:
    """Attach an SVG chart to the tables that have one; the others stay tables only."""
    if report.timeline is not None and not report.timeline.is_empty:
        table = report.table("timeline")
        table.chart = timeline(report.timeline, table.title)
    drawers = {
        "program-by-kind": lambda t: kinds_stacked(t, horizontal=True),
        "program-by-month": lambda t: kinds_stacked(t, horizontal=False),
        "participation": lambda t: bars(_without_last_row(t)),
        "participation-by-kind": lambda t: bars(t, coloured_by_kind=True),
        "delegates-by-country": bars,
        "delegates-by-language": bars,
        "delegations": bars,
        "organizations-by-kind": bars,
    }
    for table in report.tables:
        if table.key in drawers and table.rows:
            table.chart = drawers[table.key](table)
    return report


def _without_last_row(table: Table) -> Table:
    # The attendance rate is a share, not a count: it stays in the table beside the chart.
    return Table(table.key, table.title, table.headers, table.rows[:-1])
