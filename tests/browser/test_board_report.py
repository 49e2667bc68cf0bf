"""A board member opens the year report on desktop and phone, follows a number to its list, and
downloads the PDF, whose pages render and carry the totals."""

import re
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import require_service
from tests.events.board.report.fixture_year import build_year
from tests.factories import BoardMemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("browse", ["desktop", "phone"], indirect=True)
def test_board_member_reads_the_year_report_and_downloads_its_pdf(browse, tmp_path):
    require_service(
        shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None,
        "needs pdftoppm and pdftotext (apt-get install poppler-utils)",
    )
    year = build_year(timezone.localdate().year - 1).year
    page = browse.page
    browse.login(BoardMemberFactory())

    browse.goto("board:report", year=year, step="report")

    expect(page.get_by_role("heading", level=1)).to_contain_text(f"in numbers: {year}")
    expect(page.get_by_role("img", name="Events by kind")).to_be_visible()
    glance = page.locator(".report-figure", has_text="Checked in")
    expect(glance.locator(".report-figure-value")).to_have_text("10")

    browse.click(glance.get_by_role("link", name="10"), step="checked-in-list")
    expect(page.locator(".report-list-count")).to_have_text("10 rows.")
    expect(page.get_by_role("link", name="Delegate").first).to_be_visible()

    browse.goto("board:report", year=year, step="report-again")
    with page.expect_download() as download:
        page.get_by_role("link", name="Azərbaycanca").click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)

    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    for number, image in enumerate(pages, start=1):
        shutil.copy(image, browse.folder / f"pdf-page-{number:02d}.png")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert download.value.suggested_filename == f"kardes40-report-{year}-az.pdf"
    assert len(pages) >= 4
    assert all(image.stat().st_size > 2_000 for image in pages)
    assert f"Yubiley ili rəqəmlərlə: {year}" in text
    assert re.search(r"Qeydiyyatlar\s+19\b", text)
    assert re.search(r"Cəmi\s+3\s+0\s+1\s+1\s+1\s+6\b", text)
    assert reverse("board:report", kwargs={"year": year}) in page.url
