"""Reading and writing the CSV and Excel tables of imports and exports.

What people actually send: Turkish Excel saves "CSV" as Windows-1254 with ";" between cells,
"CSV UTF-8" with a byte-order mark, and .xlsx with numbers and dates as typed cells. Every one of
those reads here into a table of stripped strings with normalised headers.

Exports are UTF-8 with a byte-order mark (so Excel shows İ, ş and ə) or .xlsx. A CSV cell that a
spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe, which an import removes
again, so "+90 232 …" survives the round trip and "=HYPERLINK(…)" never runs. In .xlsx cells are
typed as text, which needs no escaping.
"""

import csv
import io
import re
import warnings
import zipfile
from datetime import date, datetime
from xml.parsers import expat

import openpyxl
import tablib
from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CSV = "csv"
XLSX = "xlsx"
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# What an .xlsx may unpack to: a 10,000-row contact sheet is a few MB of XML.
MAX_UNPACKED_BYTES = 32 * 1024 * 1024
# Cells a sheet row may hold per allowed column: empty styled cells count too, so some room.
CELLS_PER_COLUMN = 5
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters have no place in a cell; openpyxl refuses most of them (a 500 before) and
# some spreadsheets cut the row at them. Newlines stay (a multi-line note), tabs become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Where a spreadsheet may start a cell inside our text: its start, and after a ",", ";" or line
# break, for a reader that splits on the other separator (Turkish Excel uses ";") or whose
# quoting has fallen out of step with ours. Before the first letter it drops spaces and any
# quotes (a `""` there is an empty quoted cell followed by the rest), so a trigger after any run
# of whitespace and quotes starts the cell. The apostrophe goes right before the trigger, where
# it stays the first character of the cell however the quotes are read.
_FORMULA_AFTER_SEPARATOR = re.compile(r'(^|[,;\n])([\s"]*)(?=[=+\-@\t\r])')


class TableError(Exception):
    """The file cannot be read as a table; `message` tells the user what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def format_of(file_name: str) -> str | None:
    suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return suffix if suffix in CONTENT_TYPES else None


def normalize_header(header) -> str:
    return "_".join(str(header or "").strip().lower().split())


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text.startswith("'") and text[1:2] and text[1] in _FORMULA_STARTS:
        return text[1:]
    return text


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Turkish Windows' "CSV (comma delimited)"; it cannot hold ə, so UTF-8 is tried first.
        return content.decode("cp1254", errors="replace")


def _csv_rows(content: bytes):
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    try:
        yield from _capped(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise TableError(
            _("The CSV file could not be read (%(problem)s).") % {"problem": exc}
        ) from exc


def _too_many_rows() -> TableError:
    return TableError(
        _(
            "The file has more than %(rows)d rows; split it into smaller files and import "
            "them one after the other."
        )
        % {"rows": settings.CONTACT_IMPORT_MAX_ROWS}
    )


def _too_many_columns() -> TableError:
    return TableError(
        _("The file has more than %(columns)d columns; keep only the columns of the import.")
        % {"columns": settings.CONTACT_IMPORT_MAX_COLUMNS}
    )


def _too_wide(number: int) -> TableError:
    return TableError(
        _("Row %(row)d has more cells than the first row has column names.") % {"row": number}
    )


def _capped(rows):
    """The rows, stopping with a message once more than CONTACT_IMPORT_MAX_ROWS hold data.

    Counted while reading: a small .xlsx can declare a million rows, and reading them all
    first took half a minute and hundreds of MB in a web request. Blank rows count too, ten
    times over, so that a sheet of a million empty rows also ends early.
    """
    limit = settings.CONTACT_IMPORT_MAX_ROWS + 1  # the header row is not a contact
    filled = 0
    for read, row in enumerate(rows, start=1):
        if any(cell not in (None, "") for cell in row):
            filled += 1
        if filled > limit or read > 10 * limit:
            raise _too_many_rows()
        yield row


def _not_a_workbook() -> TableError:
    return TableError(
        _("This is not an Excel (.xlsx) workbook. Save it from Excel as .xlsx or as CSV UTF-8.")
    )


_SHEET_ROW = f"{_MAIN_NS} row"
_SHEET_CELL = f"{_MAIN_NS} c"


def _check_archive(content: bytes) -> None:
    """Refuse a workbook that unpacks to more than MAX_UNPACKED_BYTES, or whose sheets hold a
    row of more than CELLS_PER_COLUMN times CONTACT_IMPORT_MAX_COLUMNS cells.

    XML compresses a thousandfold: a 488 kB file of 1,000 rows × 16,384 cells is 245 MB of
    sheet, and a 60 kB one holds a single row of two million cells, which openpyxl builds
    whole (a minute, a GB) before handing it over. zipfile never returns more than a part's
    declared size, so the declared sizes bound the work; the cells are then counted with
    expat, which builds nothing, and the count stops at the first row over the cap.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
            if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
                raise TableError(
                    _(
                        "The workbook unpacks to more than %(size)d MB; delete the empty rows "
                        "and columns, or save it as CSV UTF-8."
                    )
                    % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
                )
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    with archive.open(part) as sheet:
                        _count_cells(sheet)
    except (zipfile.BadZipFile, expat.ExpatError, ValueError, OSError) as exc:
        raise _not_a_workbook() from exc


def _count_cells(sheet) -> None:
    limit = CELLS_PER_COLUMN * settings.CONTACT_IMPORT_MAX_COLUMNS
    cells = 0

    def start(name, _attributes):
        nonlocal cells
        if name == _SHEET_CELL:
            cells += 1
            if cells > limit:
                raise _too_many_columns()
        elif name == _SHEET_ROW:
            cells = 0

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.ParseFile(sheet)


def _xlsx_rows(content: bytes):
    _check_archive(content)
    try:
        # Files from other tools often lack a default style; openpyxl warns and copes.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # a damaged file fails in many ways; each one means "not readable"
        raise _not_a_workbook() from exc
    try:
        sheet = book.active
        # A declared dimension of A1:XFD1048576 would pad every row to 16,384 cells; without
        # it each row is as long as its last cell.
        sheet.reset_dimensions()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            yield from _capped(sheet.iter_rows(values_only=True))
    except TableError:
        raise
    except Exception as exc:  # broken XML inside a valid zip shows up only while reading rows
        raise _not_a_workbook() from exc
    finally:
        book.close()


def _width(row) -> int:
    """Cells up to the last one holding something; trailing blank cells do not count."""
    width = len(row)
    while width and row[width - 1] in (None, ""):
        width -= 1
    return width


def _text_rows(rows):
    """Non-blank rows as stripped strings, refusing a row too wide as soon as it is read:
    wider than the column cap (the header) or than the header (every other row)."""
    limit = settings.CONTACT_IMPORT_MAX_COLUMNS
    number = 0
    for raw in rows:
        width = _width(raw)
        row = [_cell_text(cell) for cell in raw[:width]] if width <= limit + 1 else None
        if row is not None:
            width = _width(row)
            if not width:
                continue
        number += 1
        if width > limit:
            raise _too_many_columns() if number == 1 else _too_wide(number)
        yield number, row[:width]


def read_table(*, content: bytes, file_name: str) -> tablib.Dataset:
    """The file's first sheet as a Dataset of strings; blank rows dropped, headers normalised.

    Rows are read one at a time and checked as they come (count, then width), so a hostile
    file stops at its first offending row. Raises TableError with the message for the user.
    """
    fmt = format_of(file_name)
    if fmt is None:
        raise TableError(_("Upload a .csv or .xlsx file."))
    if len(content) > MAX_UPLOAD_BYTES:
        raise TableError(
            _("The file is larger than %(size)d MB; split it into smaller files.")
            % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    source = _csv_rows(content) if fmt == CSV else _xlsx_rows(content)
    try:
        return _dataset(_text_rows(source))
    finally:
        source.close()


def _dataset(rows) -> tablib.Dataset:
    first = next(rows, None)
    if first is None:
        raise TableError(_("The file is empty."))
    headers = [normalize_header(cell) for cell in first[1]]
    while headers and not headers[-1]:
        headers.pop()
    seen = set()
    for header in headers:
        if not header:
            raise TableError(_("A column in the first row has no name."))
        if header in seen:
            raise TableError(_("The column “%(column)s” appears twice.") % {"column": header})
        seen.add(header)
    dataset = tablib.Dataset(headers=headers)
    width = len(headers)
    for number, row in rows:
        if len(row) > width:
            raise _too_wide(number)
        dataset.append((row + [""] * width)[:width])
    return dataset


def clean_cell(value):
    """Text without control characters (tabs as spaces, line breaks as \\n); others as is."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def _csv_safe(value) -> str:
    """A cell no spreadsheet runs as a formula, whichever of "," and ";" it splits on and
    whether or not it honours quotes: an apostrophe before each =, +, - or @ that starts the
    cell or follows a separator or line break, with only whitespace and quotes in between."""
    text = "" if value is None else str(clean_cell(value))
    return _FORMULA_AFTER_SEPARATOR.sub(r"\1\2'", text)


def write_table(dataset: tablib.Dataset, *, fmt: str, title: str = "") -> bytes:
    if fmt == CSV:
        buffer = io.StringIO()
        # Every cell quoted: a ";" or "," inside a cell stays inside it for either separator.
        writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
        writer.writerow([_csv_safe(header) for header in dataset.headers])
        writer.writerows([_csv_safe(cell) for cell in row] for row in dataset)
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    if fmt == XLSX:
        return _xlsx_bytes(dataset, title=title)
    raise ValueError(fmt)


def _xlsx_bytes(dataset: tablib.Dataset, *, title: str) -> bytes:

    book = Workbook()
    sheet = book.active
    # Sheet titles are at most 31 characters and cannot hold []:*?/\
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet1"
    sheet.append([clean_cell(header) for header in dataset.headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in dataset:
        sheet.append(["" if value is None else clean_cell(value) for value in row])
    widths = [len(str(header)) for header in dataset.headers]
    for row in sheet.iter_rows(min_row=2):
        for index, cell in enumerate(row):
            if isinstance(cell.value, str):
                # Text stays text: without this "=…" would be stored as a formula.
                cell.data_type = "s"
                widths[index] = max(widths[index], min(len(cell.value), 60))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_response(dataset: tablib.Dataset, *, fmt: str, file_stem: str) -> HttpResponse:
    response = HttpResponse(
        write_table(dataset, fmt=fmt, title=file_stem), content_type=CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="{file_stem}.{fmt}"'
    # Contact and registrant lists are personal data: no shared caches, no browser copies.
    response["Cache-Control"] = "private, no-store"
    return response
