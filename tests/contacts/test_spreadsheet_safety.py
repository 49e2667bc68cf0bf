"""Exports open safely in Excel and LibreOffice whichever separator they split on, and a
hostile or huge import file gets a message, never a 500."""

import csv
import io
import re
import zipfile
from itertools import product

import openpyxl
import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contacts.models import Person
from contacts.views import PENDING_IMPORT
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

TRIGGERS = ("=", "+", "-", "@")
HOSTILE_TEXTS = [
    "Vejetaryen;=1+2",
    'Glutensiz,=HYPERLINK("http://evil")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "+90 232 000 00 00",
    "-2+3",
    "tab\there; -1",
    "vertical\x0btab",
    "escape\x1b[31m",
    "bell\x07ring",  # NUL cannot even be stored in PostgreSQL (forms refuse it)
    "line\r\nbreak, @x",
    "c1\x85control",
    # A quote after a separator opens an empty quoted cell for a reader that splits on the
    # other separator, and the text after it becomes a cell of its own.
    'Ali;"=1+2;',
    'a,"@SUM(1)"',
    'x;" -2+3',
    'q"";=1',
    '"=1+2"',
    'a;""  "+1',
    "note\n=1+2",
    'note\n "-1',
]


def _cells(content: bytes, delimiter: str) -> list[str]:
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def _split_naively(content: bytes, delimiter: str) -> list[str]:
    """The cells of a reader that ignores quotes: every separator and line break starts one."""
    return re.split(rf"[{delimiter}\n]", content.decode("utf-8-sig"))


def _unsafe(cells: list[str]) -> list[str]:
    """Cells a spreadsheet would run as a formula (it trims spaces and quotes first)."""
    return [cell for cell in cells if re.sub(r'^[\s"]+', "", cell).startswith(TRIGGERS)]


def _controls(cells) -> list[str]:
    # A reader whose quotes fell out of step reads across the file's own "\r\n" row ends.
    cells = [c.replace("\r\n", "\n") for c in cells]
    return [
        c for c in cells if any(ord(ch) < 32 and ch != "\n" or 127 <= ord(ch) < 160 for ch in c)
    ]


def _exports(client, event) -> dict[str, bytes]:
    exports = {}
    for fmt in ("csv", "xlsx"):
        for kind in ("people", "organizations"):
            response = client.get(reverse("contacts:export", args=[kind, fmt]))
            assert response.status_code == 200, (kind, fmt)
            exports[f"contacts-{kind}.{fmt}"] = response.content
        response = client.get(reverse("registrants:export", args=[event.slug, fmt]))
        assert response.status_code == 200, fmt
        exports[f"registrants.{fmt}"] = response.content
    return exports


@pytest.fixture
def hostile_data():
    event = EventFactory()
    for number, text in enumerate(HOSTILE_TEXTS):
        RegistrationFactory(
            event=event, needs=text, organization=text, full_name=f"D{number} {text}"
        )
        PersonFactory(full_name=f"P{number} {text}", notes=text, phone=text[:30])
    return event


def test_every_csv_export_is_safe_with_either_separator(staff_client, hostile_data):
    exports = _exports(staff_client, hostile_data)

    for (name, content), delimiter in product(exports.items(), [",", ";"]):
        if not name.endswith(".csv"):
            continue
        cells = _cells(content, delimiter)
        assert _unsafe(cells) == [], (name, delimiter)
        assert _unsafe(_split_naively(content, delimiter)) == [], (name, delimiter)
        assert _controls(cells) == [], (name, delimiter)


def test_every_xlsx_export_opens_with_text_cells_and_no_control_characters(
    staff_client, hostile_data
):
    exports = _exports(staff_client, hostile_data)

    for name, content in exports.items():
        if not name.endswith(".xlsx"):
            continue
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert [c.coordinate for c in cells if c.data_type == "f"] == [], name
        assert _controls([str(c.value) for c in cells]) == [], name


def test_csv_export_keeps_the_text_readable(staff_client):
    event = EventFactory()
    RegistrationFactory(event=event, full_name="Leyla", needs="Vejetaryen;=1+2\x0b")

    content = staff_client.get(reverse("registrants:export", args=[event.slug, "csv"])).content

    row = next(r for r in csv.reader(io.StringIO(content.decode("utf-8-sig"))) if r[0] == "Leyla")
    assert row[-1] == "Vejetaryen;'=1+2"


# --- import --------------------------------------------------------------------------------


def _upload(client, content: bytes, name: str):
    return client.post(
        reverse("contacts:import"),
        {"kind": "people", "file": SimpleUploadedFile(name, content)},
    )


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _broken_sheet_xml() -> bytes:
    """A real workbook whose sheet XML is cut in the middle."""
    source = zipfile.ZipFile(io.BytesIO(_xlsx([["full_name"], ["Ayşe"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            target.writestr(item, data)
    return buffer.getvalue()


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        target.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (_broken_sheet_xml(), "people.xlsx"),
        (_zip_without_workbook(), "people.xlsx"),
        (_xlsx([["full_name"], ["Ayşe"]])[:-40], "people.xlsx"),
        (b"PK\x03\x04" + b"\x00" * 200, "people.xlsx"),
        (b"\x00\xff" * 500, "people.xlsx"),
    ],
    ids=["cut-sheet-xml", "zip-without-workbook", "truncated", "zip-header-only", "binary"],
)
def test_import_of_a_malformed_workbook_is_a_message(board_client, content, name):
    response = _upload(board_client, content, name)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This is not an Excel (.xlsx) workbook. Save it from Excel as .xlsx or as CSV UTF-8."
    ]
    assert Person.objects.count() == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_stops_at_the_row_cap(board_client, settings, fmt):
    settings.CONTACT_IMPORT_MAX_ROWS = 50
    rows = [["full_name"]] + [[f"Person {n}"] for n in range(51)]
    content = _xlsx(rows) if fmt == "xlsx" else "\n".join(r[0] for r in rows).encode()

    response = _upload(board_client, content, f"people.{fmt}")

    assert response.context["form"].errors["file"] == [
        "The file has more than 50 rows; split it into smaller files and import them one "
        "after the other."
    ]
    assert Person.objects.count() == 0


def test_import_of_a_sheet_of_many_blank_rows_stops_early(board_client, settings):
    settings.CONTACT_IMPORT_MAX_ROWS = 10
    content = _xlsx([["full_name"]] + [[None, None, "x" if n == 500 else None] for n in range(600)])

    response = _upload(board_client, content, "people.xlsx")

    assert "more than 10 rows" in response.context["form"].errors["file"][0]


def test_import_check_keeps_the_file_out_of_the_session_row(board_client):
    rows = [["full_name", "email"]] + [
        [f"Person {n} " + "Ə" * (n % 50), f"p{n}@example.org"] for n in range(150)
    ]
    content = _xlsx(rows)

    response = _upload(board_client, content, "people.xlsx")
    token = board_client.session[PENDING_IMPORT]["token"]
    confirmed = board_client.post(reverse("contacts:import_confirm"), {"token": token})

    assert response.status_code == 200
    session_sizes = [len(s.session_data) for s in Session.objects.all()]
    assert (len(content) > 5_000, max(session_sizes) < 1_000) == (True, True)
    assert (confirmed.status_code, Person.objects.count()) == (302, 150)
