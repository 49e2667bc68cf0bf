"""The report's pages: who may read them, links that count what they say, exports, PDF, queries."""

import base64
import csv
import io
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.urls import reverse

from contacts.enums import OrganizationKind
from events.enums import EpisodeStatus, EventKind
from tests.conftest import require_service
from tests.factories import (
    BakuVenueFactory,
    DelegationVisitFactory,
    EventFactory,
    MeetingFactory,
    OrganizationFactory,
    PersonFactory,
    PodcastEpisodeFactory,
    RegistrationFactory,
    SourceFactory,
    UserFactory,
)

IZ = ZoneInfo("Europe/Istanbul")


def _report_url(year, **params):
    url = reverse("board:report", kwargs={"year": year})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_report_refuses_a_user_outside_the_board(client, db):
    client.force_login(UserFactory())

    response = client.get(_report_url(2026))

    assert response.status_code == 403


def test_report_sends_anonymous_visitors_to_login(client, db):
    response = client.get(_report_url(2026))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_report_index_opens_the_anniversary_year(board_client):
    response = board_client.get(reverse("board:report_index"))

    assert response["Location"] == _report_url(2026)


def test_report_page_shows_figures_and_accessible_charts(board_client, report_year):
    response = board_client.get(_report_url(report_year.year))

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["report"].headline[2].value == 19
    # Images of SVG (the page's Content-Security-Policy refuses pygal's inline styles).
    images = re.findall(
        r'<img class="report-chart" src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"', html
    )
    charts = [alt for _data, alt in images]
    assert charts == [
        "Events by kind",
        "The year month by month",
        "The program on a timeline",
        "Participation",
        "Participation by kind of event",
        "Delegates by country",
        "Delegates by language",
        "Delegation visits",
        "Organizations met by kind",
    ]
    drawings = [base64.b64decode(data).decode() for data, _alt in images]
    assert all(
        f"<title>{alt}</title>" in svg for (_data, alt), svg in zip(images, drawings, strict=True)
    )
    assert not any("<script" in svg for svg in drawings)


def test_report_of_a_year_without_data_says_so(board_client, db):
    response = board_client.get(_report_url(2040))

    html = response.content.decode()
    assert response.status_code == 200
    assert [figure.value for figure in response.context["report"].headline] == [
        0, 0, 0, 0, "—", 0, 0, 0, 0
    ]  # fmt: skip
    assert html.count("Nothing in this period.") == 11
    assert "No milestone with a known day falls in this period." in html


def test_report_page_speaks_the_page_language(board_client, report_year):
    response = board_client.get(_report_url(report_year.year), HTTP_ACCEPT_LANGUAGE="az")

    html = response.content.decode()
    assert '<html lang="az">' in html
    assert 'alt="Tədbirlər növə görə"' in html


def _figure_links(report):
    """(value, url) of every number on the page that links to a list of the report."""
    cells = [(f.value, f.url) for f in report.headline if isinstance(f.value, int)]
    for table in report.tables:
        for row in table.rows + ([table.total] if table.total else []):
            cells += [(cell.value, cell.url) for cell in row if isinstance(cell.value, int)]
    return [(value, url) for value, url in cells if "/report/" in url]


def test_every_figure_links_to_the_list_it_counts(board_client, report_year):
    report = board_client.get(_report_url(report_year.year)).context["report"]
    links = _figure_links(report)

    counted = [
        (value, board_client.get(url).context["page"].paginator.count) for value, url in links
    ]

    assert len(links) > 100
    assert [value for value, _ in counted] == [count for _, count in counted]


def test_every_figure_of_a_range_over_two_years_links_to_its_list(board_client, report_year):
    year = report_year.year
    url = _report_url(year, **{"from": f"{year - 1}-06-01", "to": f"{year}-06-30"})
    report = board_client.get(url).context["report"]
    links = _figure_links(report)

    counted = [
        (value, board_client.get(url).context["page"].paginator.count) for value, url in links
    ]

    assert report.headline[0].value == 3  # the festival, the forum and the event of 31 December
    assert [value for value, _ in counted] == [count for _, count in counted]


def test_checked_in_figure_opens_those_registrations(board_client, report_year):
    report = board_client.get(_report_url(report_year.year)).context["report"]
    checked_in = report.headline[3]

    response = board_client.get(checked_in.url)

    emails = sorted(row.email for row in response.context["page"].object_list)
    assert checked_in.value == 10
    assert emails == sorted(
        [f"a{n}@example.org" for n in range(1, 5)]
        + [f"t{n}@example.org" for n in range(1, 6)]
        + ["d1@example.org"]
    )


def test_per_event_numbers_open_the_events_registrant_list(board_client, report_year):
    report = board_client.get(_report_url(report_year.year)).context["report"]

    first = report.table("participation-by-event").rows[0][0]

    assert first.url == reverse("registrants:list", kwargs={"slug": "festival"})


def test_date_range_report_and_its_links_keep_the_range(board_client, report_year):
    year = report_year.year

    response = board_client.get(
        _report_url(year, **{"from": f"{year}-03-01", "to": f"{year}-05-31"})
    )

    report = response.context["report"]
    assert report.headline[2].value == 16
    assert f"from={year}-03-01" in report.headline[2].url


def test_bad_range_says_why_and_shows_the_year(board_client, report_year):
    response = board_client.get(_report_url(report_year.year, **{"from": "2025-05-01"}))

    messages = [str(m) for m in response.context["messages"]]
    assert response.status_code == 200
    assert messages == ["Give both the first and the last day of the range."]
    assert response.context["report"].period.is_year is True


def test_year_out_of_range_is_not_found(board_client):
    assert board_client.get(_report_url(1500)).status_code == 404


def test_list_with_unknown_filter_value_says_so(board_client, report_year):
    url = reverse("board:report_list", kwargs={"year": report_year.year, "subject": "events"})

    response = board_client.get(url + "?kind=circus&month=13")

    assert response.status_code == 400
    assert set(response.context["filters"].errors) == {"kind", "month"}
    assert "“circus” is not a known kind." in response.content.decode()


def test_unknown_table_or_format_is_not_found(board_client, report_year):
    def export(table, fmt):
        kwargs = {"year": report_year.year, "table": table, "fmt": fmt}
        return board_client.get(reverse("board:report_export", kwargs=kwargs)).status_code

    assert (export("nothing", "csv"), export("participation", "pdf")) == (404, 404)


def test_every_table_exports_as_csv_and_xlsx(board_client, report_year):
    report = board_client.get(_report_url(report_year.year)).context["report"]

    for table in report.tables:
        kwargs = {"year": report_year.year, "table": table.key}
        response = board_client.get(reverse("board:report_export", kwargs={**kwargs, "fmt": "csv"}))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0] == [str(header) for header in table.headers]
        assert len(rows) == 1 + len(table.rows) + (1 if table.total else 0)
        response = board_client.get(
            reverse("board:report_export", kwargs={**kwargs, "fmt": "xlsx"})
        )
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        assert sheet.max_row == len(rows)


def test_export_escapes_formulas(board_client, report_year):
    MeetingFactory(date=date(report_year.year, 9, 9), outcomes="=HYPERLINK(1)")
    kwargs = {"year": report_year.year, "table": "outcomes", "fmt": "csv"}

    response = board_client.get(reverse("board:report_export", kwargs=kwargs))

    assert "'=HYPERLINK(1)" in response.content.decode("utf-8-sig")


def test_event_export_has_every_event_though_the_page_shows_the_busiest(board_client, report_year):
    for number in range(25):
        start = datetime(report_year.year, 11, 1, 10, tzinfo=IZ) + timedelta(days=number % 20)
        RegistrationFactory(event=EventFactory(start=start, end=start + timedelta(hours=1)))
    report = board_client.get(_report_url(report_year.year)).context["report"]
    kwargs = {"year": report_year.year, "table": "participation-by-event", "fmt": "csv"}

    response = board_client.get(reverse("board:report_export", kwargs=kwargs))

    table = report.table("participation-by-event")
    assert (len(table.visible_rows), table.hidden) == (20, 9)
    assert len(response.content.decode("utf-8-sig").strip().splitlines()) == 1 + 29 + 0


def _pdf_text(content: bytes, tmp_path) -> str:
    require_service(shutil.which("pdftotext") is not None, "needs pdftotext (poppler-utils)")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(
    ("language", "heading", "registrations"),
    [("tr", "yılı rakamlarla", "Kayıtlar"), ("az", "ili rəqəmlərlə", "Qeydiyyatlar")],
)
def test_pdf_in_the_asked_language_carries_the_totals(
    board_client, report_year, tmp_path, language, heading, registrations
):
    url = reverse("board:report_pdf", kwargs={"year": report_year.year}) + f"?lang={language}"

    response = board_client.get(url)

    text = _pdf_text(response.content, tmp_path)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="kardes40-report-{report_year.year}-{language}.pdf"'
    )
    assert heading in text
    assert re.search(rf"{registrations}\s+19\b", text)
    # Aggregates only: no delegate's email or name reaches the PDF.
    assert "@example.org" not in text
    assert "Delegate " not in text


@pytest.mark.parametrize("asked", ["AZ", "az-AZ"])
def test_pdf_language_is_read_whatever_its_case_or_region(board_client, report_year, asked):
    url = reverse("board:report_pdf", kwargs={"year": report_year.year}) + f"?lang={asked}"

    response = board_client.get(url)

    assert response["Content-Disposition"].endswith(f'-{report_year.year}-az.pdf"')


def test_pdf_in_an_unknown_language_goes_back_with_a_message(board_client, report_year):
    url = reverse("board:report_pdf", kwargs={"year": report_year.year}) + "?lang=xx"

    response = board_client.get(url, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "There is no report in that language."
    ]


def _grow(year: int):
    """More of everything, in new kinds, cities, countries and languages."""

    def grow():
        baku = BakuVenueFactory(city="Gəncə")
        for month in range(1, 13):
            start = datetime(year, month, 3, 12, tzinfo=IZ)
            event = EventFactory(
                kind=EventKind.values[month % len(EventKind.values)],
                venue=baku,
                start=start,
                end=start + timedelta(hours=2),
            )
            for number in range(3):
                RegistrationFactory(event=event, country=["FR", "IT", "KZ"][number], language="en")
            DelegationVisitFactory(start_date=date(year, month, 4), origin_city=f"City {month}")
            meeting = MeetingFactory(date=date(year, month, 5), outcomes=f"Outcome {month}")
            meeting.organizations.add(
                OrganizationFactory(kind=OrganizationKind.MEDIA, country="KZ")
            )
            meeting.sources.add(SourceFactory())
            episode = PodcastEpisodeFactory(
                status=EpisodeStatus.PUBLISHED, published_on=date(year, month, 6)
            )
            episode.guests.add(PersonFactory())

    return grow


def test_report_queries_do_not_grow_with_the_year(
    board_client, report_year, assert_constant_queries
):
    url = _report_url(report_year.year)

    response = assert_constant_queries(lambda: board_client.get(url), _grow(report_year.year))

    assert response.context["report"].headline[2].value == 19 + 36


@pytest.mark.parametrize(
    "subject", ["events", "registrations", "visits", "meetings", "organizations", "episodes"]
)
def test_lists_queries_do_not_grow(board_client, report_year, assert_constant_queries, subject):
    url = reverse("board:report_list", kwargs={"year": report_year.year, "subject": subject})

    response = assert_constant_queries(lambda: board_client.get(url), _grow(report_year.year))

    assert response.context["page"].paginator.count > 0


def test_report_marks_turkish_text_and_each_headline_with_its_language(report_year, board_client):
    """On an Azerbaijani page a Turkish-only outcome or title is marked lang="tr", and each
    source headline carries its article's language; the exports keep the plain text."""
    meeting = MeetingFactory(
        date=date(report_year.year, 9, 9), title_tr="Ekim görüşmesi", outcomes="Yol haritası"
    )
    meeting.sources.add(
        # Sources list newest first: dated so that the order is known.
        SourceFactory(
            headline="Bakı xəbəri", language="az", published_on=date(report_year.year, 9, 10)
        ),
        SourceFactory(
            headline="İzmir haberi", language="tr", published_on=date(report_year.year, 9, 9)
        ),
    )

    page = board_client.get(
        reverse("board:report", kwargs={"year": report_year.year}), HTTP_ACCEPT_LANGUAGE="az"
    ).content.decode()
    csv_text = board_client.get(
        reverse(
            "board:report_export",
            kwargs={"year": report_year.year, "table": "outcomes", "fmt": "csv"},
        ),
        HTTP_ACCEPT_LANGUAGE="az",
    ).content.decode("utf-8-sig")

    assert '<span lang="tr">Yol haritası</span>' in page
    assert '<span lang="tr">Ekim görüşmesi</span>' in page
    assert '<span lang="az">Bakı xəbəri</span>; <span lang="tr">İzmir haberi</span>' in page
    assert "Bakı xəbəri; İzmir haberi" in csv_text and "<span" not in csv_text
