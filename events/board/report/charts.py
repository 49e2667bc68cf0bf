"""The report's charts: SVG drawn on the server by pygal from the report's tables.

The SVG is inline in the page and the PDF: it reads without JavaScript (pygal's tooltip script
is left out), carries its title as the accessible name, prints the number beside every bar,
and takes its words from the active language. Each event kind keeps the colour the calendar
gives it (anniversary/static/css/kardes40.css).
"""

import base64
import re
import sys

import pygal
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from pygal.style import Style

from events.enums import EventKind

from .figures import Report, Table

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


def _chart(cls, *, title: str, height: int, colours=(PRIMARY,), **config):
    # The heading above the chart says the title; the SVG carries it as its accessible name.
    return cls(
        style=Style(**{**_STYLE, "colors": tuple(colours)}),
        width=800,
        height=height,
        js=[],
        disable_xml_declaration=True,
        print_values=True,
        print_zeroes=False,
        no_data_text=_("No data"),
        truncate_label=40,
        truncate_legend=40,
        legend_at_bottom=True,
        **config,
    )


def _svg(chart, title: str) -> str:
    """The chart as an <img> of its SVG (a data: URL), for the page and the PDF alike.

    An image, not inline SVG: pygal styles its drawing with a <style> element and style
    attributes, which the Content-Security-Policy refuses inline but allows inside an image.
    The chart's title is its accessible name (alt); the numbers are also in the table beside it.
    """
    svg = _SCRIPT.sub("", chart.render(is_unicode=True))
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


def draw(report: Report) -> Report:
    """Attach an SVG chart to the tables that have one; the others stay tables only."""
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
