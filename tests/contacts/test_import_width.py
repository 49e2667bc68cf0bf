"""A contact file wider than its header (or than the column cap) is refused as soon as the
first too-wide row is read, not after the whole sheet has been parsed into memory."""

import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl.worksheet._reader import WorkSheetParser

from contacts.models import Person

pytestmark = pytest.mark.django_db

_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def _sheet(rows: list[str]) -> bytes:
    """A workbook whose sheet holds the given <row> contents, cells without r= attributes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            for row in rows:
                sheet.write(f"<row>{row}</row>".encode())
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def _inline(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


@pytest.fixture
def parsed_rows(monkeypatch):
    """How many sheet rows openpyxl parsed: the work done, counted without a clock."""
    seen = []
    parse_row = WorkSheetParser.parse_row

    def counting(self, row):
        number, cells = parse_row(self, row)
        seen.append(len(cells))
        return number, cells

    monkeypatch.setattr(WorkSheetParser, "parse_row", counting)
    return seen


def _upload(client, content: bytes, name: str):
    return client.post(
        reverse("contacts:import"),
        {"kind": "people", "file": SimpleUploadedFile(name, content)},
    )


def test_import_refuses_a_row_wider_than_the_header_when_it_is_read(board_client, parsed_rows):
    wide = "<c><v>1</v></c>" * 500
    content = _sheet([_inline("full_name") + _inline("email")] + [wide] * 40)

    response = _upload(board_client, content, "people.xlsx")

    assert response.context["form"].errors["file"] == [
        "Row 2 has more cells than the first row has column names."
    ]
    assert len(parsed_rows) == 2  # the header and the first wide row, not all 41
    assert Person.objects.count() == 0


def test_import_refuses_a_header_wider_than_the_column_cap(board_client, settings, parsed_rows):
    settings.CONTACT_IMPORT_MAX_COLUMNS = 200
    header = "".join(_inline(f"column_{n}") for n in range(201))
    content = _sheet([header] + [_inline("x") * 201] * 40)

    response = _upload(board_client, content, "people.xlsx")

    assert response.context["form"].errors["file"] == [
        "The file has more than 200 columns; keep only the columns of the import."
    ]
    assert len(parsed_rows) == 1
    assert Person.objects.count() == 0


def test_import_of_the_wide_sheet_the_tester_sent_is_refused_before_parsing(
    board_client, parsed_rows
):
    # 1,000 rows of 16,384 cells: under 1 MB zipped, 245 MB of XML once unpacked.
    wide = "<c><v>1</v></c>" * 16_384
    content = _sheet([wide] * 1_000)

    response = _upload(board_client, content, "people.xlsx")

    assert len(content) < 1024 * 1024
    assert "unpacks to more than" in response.context["form"].errors["file"][0]
    assert parsed_rows == []


def test_import_refuses_a_csv_row_wider_than_the_header_when_it_is_read(board_client, monkeypatch):
    # csv.reader is the outside world here: count the rows it hands over.
    handed = []
    reader = csv.reader

    def counting(*args, **kwargs):
        for row in reader(*args, **kwargs):
            handed.append(row)
            yield row

    monkeypatch.setattr("contacts.spreadsheets.csv.reader", counting)
    content = ("full_name,email\n" + ("1," * 5_000 + "1\n") * 50).encode()

    response = _upload(board_client, content, "people.csv")

    assert response.context["form"].errors["file"] == [
        "Row 2 has more cells than the first row has column names."
    ]
    assert len(handed) == 2
    assert Person.objects.count() == 0


def test_import_refuses_a_csv_header_wider_than_the_column_cap(board_client, settings):
    settings.CONTACT_IMPORT_MAX_COLUMNS = 200
    content = (",".join(f"c{n}" for n in range(201)) + "\n").encode()

    response = _upload(board_client, content, "people.csv")

    assert response.context["form"].errors["file"] == [
        "The file has more than 200 columns; keep only the columns of the import."
    ]


def test_import_refuses_a_row_of_millions_of_cells_before_parsing_it(board_client, parsed_rows):
    # One row of 100,000 cells zips to a few kB; openpyxl would build it whole.
    content = _sheet([_inline("full_name"), "<c><v>1</v></c>" * 100_000])

    response = _upload(board_client, content, "people.xlsx")

    assert response.context["form"].errors["file"] == [
        "The file has more than 200 columns; keep only the columns of the import."
    ]
    assert parsed_rows == []
