"""The program on a time axis: each event on its local day, the milestones marked beside them.

The chart is read back from the page's SVG (pygal's drawing, parsed as XML): which series it
has, and in which order along the x axis the dots and the milestone labels stand.
"""

import base64
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from events.board.report.period import Period
from events.board.report.timeline import milestone_marks
from events.enums import DatePrecision, EventKind, Recurrence
from events.models import Event
from tests.conftest import require_service
from tests.factories import BakuVenueFactory, EventFactory, MilestoneFactory

IZ = ZoneInfo("Europe/Istanbul")
BAKU = ZoneInfo("Asia/Baku")
SVG = "{http://www.w3.org/2000/svg}"
# The fixture year is the year before the clock's; this test writes its dates out.
pytestmark = pytest.mark.now("2026-11-25T10:00:00+03:00")


@pytest.fixture
def milestones(report_year):
    """Three milestones with a day: two anniversaries and a yearly conference (the fixture's
    1986 protocol is known only by its year)."""
    MilestoneFactory(
        title="Diaspora leaders' forum",
        slug="forum-2007",
        date_precision=DatePrecision.DAY,
        venue=BakuVenueFactory(),
        start=datetime(2007, 3, 9, 10, tzinfo=BAKU),
        end=datetime(2007, 3, 9, 18, tzinfo=BAKU),
    )
    MilestoneFactory(
        title="Şuşa conference",
        slug="susa-conference",
        date_precision=DatePrecision.DAY,
        recurrence=Recurrence.YEARLY,
        venue=BakuVenueFactory(),
        start=datetime(2022, 6, 15, 10, tzinfo=BAKU),
        end=datetime(2022, 6, 15, 17, tzinfo=BAKU),
    )
    MilestoneFactory(
        title="İstanbul conference",
        slug="istanbul-2014",
        date_precision=DatePrecision.DAY,
        start=datetime(2014, 11, 17, 10, tzinfo=IZ),
        end=datetime(2014, 11, 17, 18, tzinfo=IZ),
    )
    return report_year


def _drawing(html: str, title: str) -> ET.Element:
    images = re.findall(
        r'<img class="report-chart" src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"', html
    )
    [data] = [data for data, alt in images if alt == title]
    return ET.fromstring(base64.b64decode(data))


def _series(svg: ET.Element):
    """Legend titles, dot x positions and printed labels of each series, by its index."""
    legends = {
        int(group.get("id").rsplit("-", 1)[1]): group.find(f"{SVG}text").text
        for group in svg.iter(f"{SVG}g")
        if (group.get("id") or "").startswith("activate-serie-")
    }
    dots, labels = defaultdict(list), defaultdict(list)
    for group in svg.iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        if "series" not in classes:
            continue
        index = int(next(c for c in classes if c.startswith("serie-")).removeprefix("serie-"))
        dots[index] += [float(c.get("cx")) for c in group.iter(f"{SVG}circle") if c.get("r") != "0"]
        labels[index] += [t.text for t in group.iter(f"{SVG}text") if t.get("class") == "label"]
    return legends, dots, labels


def _along_the_axis(svg: ET.Element) -> list[str]:
    """What stands on the x axis from left to right: a kind's legend title for each dot, a
    milestone's label for each mark."""
    legends, dots, labels = _series(svg)
    kinds = [index for index in legends if not labels[index] and dots[index]]
    placed = [(x, legends[index]) for index in kinds for x in dots[index]]
    marks = [index for index in dots if index not in kinds]
    placed += zip(
        [x for index in marks for x in dots[index]],
        [label for index in marks for label in labels[index]],
        strict=True,
    )
    return [name for _x, name in sorted(placed)]


@pytest.mark.parametrize(
    ("language", "title", "festival", "forum", "conference", "milestones_word"),
    [
        (
            "en",
            "The program on a timeline",
            "Cultural festival",
            "Business forum",
            "Conference",
            "Milestones",
        ),
        (
            "az",
            "Zaman xəttində proqram",
            "Mədəniyyət festivalı",
            "Biznes forumu",
            "Konfrans",
            "Mühüm mərhələlər",
        ),
    ],
)
def test_timeline_places_kinds_and_milestones_in_date_order(
    board_client, milestones, language, title, festival, forum, conference, milestones_word
):
    url = reverse("board:report", kwargs={"year": 2025})

    html = board_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()

    svg = _drawing(html, title)
    legends, _dots, _labels = _series(svg)
    assert svg.find(f"{SVG}title").text == title
    assert sorted(legends.values()) == sorted(
        [f"2 · {festival}", f"1 · {forum}", f"1 · {conference}", f"3 · {milestones_word}"]
    )
    # 9 March (2007), festival 10 March, forum 5 May, Şuşa 15 June (2022, yearly),
    # conference 20 June, concert 1 October, İstanbul 17 November (2014).
    assert _along_the_axis(svg) == [
        "2007 · Diaspora leaders' forum",
        f"2 · {festival}",
        f"1 · {forum}",
        "2022 · Şuşa conference",
        f"1 · {conference}",
        f"2 · {festival}",
        "2014 · İstanbul conference",
    ]


@pytest.mark.parametrize(
    ("language", "dates"),
    [
        ("en", ["9 March 2025", "15 June 2025", "17 November 2025"]),
        ("az", ["9 mart 2025", "15 iyun 2025", "17 noyabr 2025"]),
    ],
)
def test_timeline_table_lists_the_marks_with_dates_in_the_page_language(
    board_client, milestones, language, dates
):
    url = reverse("board:report", kwargs={"year": 2025})

    report = board_client.get(url, HTTP_ACCEPT_LANGUAGE=language).context["report"]

    rows = [[cell.value for cell in row] for row in report.table("timeline").rows]
    assert rows == [
        [dates[0], "Diaspora leaders' forum", 18],
        [dates[1], "Şuşa conference", 3],
        [dates[2], "İstanbul conference", 11],
    ]
    assert [row[0].raw for row in report.table("timeline").rows] == [
        "2025-03-09",
        "2025-06-15",
        "2025-11-17",
    ]
    assert report.table("timeline").rows[0][1].url == reverse(
        "board:event_detail", kwargs={"slug": "forum-2007"}
    )


def test_timeline_puts_an_event_on_its_day_in_the_venues_zone(board_client, report_year):
    # 23:30 in İzmir is 00:30 the next day in Bakü.
    start = datetime(2025, 8, 8, 23, 30, tzinfo=IZ)
    EventFactory(
        kind=EventKind.TRADE_DELEGATION,
        venue=BakuVenueFactory(),
        start=start,
        end=start + timedelta(hours=2),
    )

    report = board_client.get(reverse("board:report", kwargs={"year": 2025})).context["report"]

    assert dict(report.timeline.days[EventKind.TRADE_DELEGATION]) == {date(2025, 8, 9): 1}
    assert list(report.timeline.days) == [
        EventKind.CULTURAL_FESTIVAL,
        EventKind.BUSINESS_FORUM,
        EventKind.TRADE_DELEGATION,
        EventKind.CONFERENCE,
    ]


def _milestone(day: date, precision=DatePrecision.DAY, **fields) -> Event:
    start = datetime(day.year, day.month, day.day, 12, tzinfo=IZ)
    return Event(
        title="Milestone",
        slug="milestone",
        start=start,
        end=start + timedelta(hours=2),
        date_precision=precision,
        is_milestone=True,
        **fields,
    )


def test_milestone_of_29_february_is_marked_only_in_leap_years():
    leap_day = _milestone(date(2000, 2, 29))

    assert milestone_marks(Period.year(2025), [leap_day]) == []
    assert [(m.day, m.since) for m in milestone_marks(Period.year(2028), [leap_day])] == [
        (date(2028, 2, 29), 28)
    ]


def test_milestone_known_by_its_year_or_month_is_not_marked():
    by_year = _milestone(date(1986, 1, 1), DatePrecision.YEAR)
    by_month = _milestone(date(2010, 5, 1), DatePrecision.MONTH)

    assert milestone_marks(Period.year(2026), [by_year, by_month]) == []


def test_milestone_in_a_range_is_marked_on_each_anniversary_and_its_own_day():
    old = _milestone(date(2007, 6, 20))
    new = _milestone(date(2025, 1, 10))

    marks = milestone_marks(Period(date(2024, 6, 1), date(2025, 6, 30)), [old, new])

    assert [(m.day, m.year, m.since) for m in marks] == [
        (date(2024, 6, 20), 2007, 17),
        (date(2025, 1, 10), 2025, 0),
        (date(2025, 6, 20), 2007, 18),
    ]


def test_timeline_axis_of_a_range_names_the_years(board_client, report_year):
    url = reverse("board:report", kwargs={"year": 2025}) + "?from=2024-06-01&to=2025-06-30"

    html = board_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    svg = _drawing(html, "The program on a timeline")
    ticks = [
        text.text or ""
        for group in svg.iter(f"{SVG}g")
        if (group.get("class") or "").split()[:2] == ["axis", "x"]
        for text in group.iter(f"{SVG}text")
    ]
    assert ticks == [
        "Jun 2024", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan 2025", "Feb", "Mar", "Apr",
        "May", "Jun", "",
    ]  # fmt: skip


def test_pdf_carries_the_timeline_in_azerbaijani(board_client, milestones, tmp_path):
    require_service(shutil.which("pdftotext") is not None, "needs pdftotext (poppler-utils)")
    url = reverse("board:report_pdf", kwargs={"year": 2025}) + "?lang=az"

    response = board_client.get(url)

    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Zaman xəttində proqram" in text
    assert re.search(r"9 mart 2025\s+Diaspora leaders' forum\s+18", text)
