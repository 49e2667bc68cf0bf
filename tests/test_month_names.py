"""Month names in dates: Azerbaijani writes them in lower case ("15 iyun 2027", "iyun 2027"),
on every path that formats a date (anniversary/dates.py); Turkish and English stay as Django
writes them."""

import ast
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.template import Context, Engine, Template
from django.urls import reverse
from django.utils import formats, translation

from anniversary.dates import date_format
from events.board.report.period import Period
from events.board.report.timeline import axis_label, local_date
from events.services import reminders
from events.services.registration import register_delegate
from events.templatetags.program import event_moment, event_when
from tests.conftest import require_service
from tests.factories import EventFactory

IZMIR = ZoneInfo("Europe/Istanbul")
DAY = date(2027, 6, 15)
MOMENT = datetime(2027, 6, 15, 19, 30)

# What a capitalised Azerbaijani month looks like, in a date: Django's own catalog ("İyun"),
# its abbreviations title-cased ("Iyn", "Ynv"), CLDR's title-cased ("Yan").
_CAPITALISED = "|".join(
    "Yanvar Fevral Mart Aprel May İyun İyul Avqust Sentyabr Oktyabr Noyabr Dekabr "  # noqa: SIM905
    "Ynv Fvr Mar Apr Iyn Iyl Avq Snt Okt Noy Dek Yan Fev İyn İyl Sen".split()
)
CAPITALISED_IN_A_DATE = re.compile(
    rf"(?:\b\d{{1,2}}\.?\s+(?:{_CAPITALISED})\b)|(?:\b(?:{_CAPITALISED})\.?\s+\d{{4}})"
)


def capitalised_months(text: str) -> list[str]:
    return CAPITALISED_IN_A_DATE.findall(text)


# Named formats through django.utils.formats (what Python code and the admin use).
NAMED = {
    "az": {
        "DATE_FORMAT": "15 iyun 2027",
        "YEAR_MONTH_FORMAT": "iyun 2027",
        "MONTH_DAY_FORMAT": "15 iyun",
        "DATETIME_FORMAT": "15 iyun 2027, 19:30",
    },
    "tr": {
        "DATE_FORMAT": "15 Haziran 2027",
        "YEAR_MONTH_FORMAT": "Haziran 2027",
        "MONTH_DAY_FORMAT": "15 Haziran",
        "DATETIME_FORMAT": "15 Haziran 2027 19:30",
    },
    "en": {
        # Day first, 24-hour, as the English pages write dates (anniversary/formats/en).
        "DATE_FORMAT": "15 June 2027",
        "YEAR_MONTH_FORMAT": "June 2027",
        "MONTH_DAY_FORMAT": "15 June",
        "DATETIME_FORMAT": "15 June 2027, 19:30",
        "SHORT_DATE_FORMAT": "15 Jun 2027",
        "SHORT_DATETIME_FORMAT": "15 Jun 2027, 19:30",
    },
}
# Format characters through the |date filter (what every template, mail and PDF uses).
CHARACTERS = {
    "az": {"j F Y": "15 iyun 2027", "j M Y": "15 iyn 2027", "j E Y": "15 iyun 2027",
           "j b": "15 iyn", "N j": "iyun 15", "F Y": "iyun 2027", "j M": "15 iyn"},
    "tr": {"j F Y": "15 Haziran 2027", "j M Y": "15 Haz 2027", "j E Y": "15 Haziran 2027",
           "j b": "15 haz", "N j": "Haz. 15", "F Y": "Haziran 2027", "j M": "15 Haz"},
    "en": {"j F Y": "15 June 2027", "j M Y": "15 Jun 2027", "j E Y": "15 June 2027",
           "j b": "15 jun", "N j": "June 15", "F Y": "June 2027", "j M": "15 Jun"},
}  # fmt: skip


@pytest.mark.parametrize("language", ["az", "tr", "en"])
def test_named_formats_write_the_month_as_the_language_does(language):
    with translation.override(language):
        found = {name: formats.date_format(MOMENT, name) for name in NAMED[language]}
        ours = {name: date_format(MOMENT, name) for name in NAMED[language]}

    assert found == NAMED[language]
    assert ours == NAMED[language]


@pytest.mark.parametrize("language", ["az", "tr", "en"])
def test_the_date_filter_writes_the_month_as_the_language_does(language):
    template = Template(
        "|".join(f'{{{{ day|date:"{characters}" }}}}' for characters in CHARACTERS[language])
    )

    with translation.override(language):
        found = template.render(Context({"day": DAY})).split("|")

    assert found == list(CHARACTERS[language].values())


def test_every_template_engine_uses_the_month_rule():
    engine = Engine.get_default()

    assert "anniversary.dates" in engine.builtins
    with translation.override("az"):
        assert engine.from_string('{{ day|date:"j M Y" }}').render(Context({"day": DAY})) == (
            "15 iyn 2027"
        )


@pytest.mark.parametrize("language", ["az", "tr", "en"])
def test_babel_and_django_agree_on_the_month(language):
    period = Period(first=date(2027, 6, 1), last=date(2027, 6, 30))

    with translation.override(language):
        cldr_long, django_long = local_date(DAY, "long"), date_format(DAY, "j F Y")
        cldr_axis, django_axis = axis_label(DAY, period=period), date_format(DAY, "j M")

    # English too: the report formats it as British English, day first like the pages.
    assert (cldr_long, cldr_axis) == (django_long, django_axis)
    if language == "az":
        assert (cldr_long, cldr_axis) == ("15 iyun 2027", "15 iyn")


@pytest.mark.django_db
def test_the_event_date_of_pages_and_mails_is_lower_case_in_azerbaijani():
    event = EventFactory(
        start=datetime(2027, 6, 15, 19, tzinfo=IZMIR), end=datetime(2027, 6, 15, 21, tzinfo=IZMIR)
    )

    with translation.override("az"):
        when, moment = event_when(event), event_moment(event, event.start)
    with translation.override("tr"):
        turkish = event_when(event)

    assert when.startswith("15 iyun 2027, 19:00")
    assert moment.startswith("15 iyun 2027 19:00")
    assert turkish.startswith("15 Haziran 2027, 19:00")


@pytest.mark.django_db
def test_public_pages_in_azerbaijani_write_months_in_lower_case(client):
    event = EventFactory(
        title="Bahar festivalı",
        start=datetime(2027, 6, 15, 19, tzinfo=IZMIR),
        end=datetime(2027, 6, 15, 21, tzinfo=IZMIR),
    )

    pages = {
        "detail": client.get(f"/az{event.get_absolute_url().removeprefix('/en')}"),
        "program": client.get("/az/program/", {"month": "2027-06"}),
        "calendar": client.get("/az/program/2027/6/"),
    }

    texts = {name: page.content.decode() for name, page in pages.items()}
    assert {name: capitalised_months(text) for name, text in texts.items()} == {
        name: [] for name in texts
    }
    assert "15 iyun 2027" in texts["detail"]
    assert "iyun 2027" in texts["program"]


@pytest.mark.django_db
def test_board_pages_in_azerbaijani_write_months_in_lower_case(board_client):
    event = EventFactory(
        start=datetime(2027, 6, 15, 19, tzinfo=IZMIR), end=datetime(2027, 6, 15, 21, tzinfo=IZMIR)
    )

    detail = board_client.get(event.get_board_url(), HTTP_ACCEPT_LANGUAGE="az")
    calendar = board_client.get(
        reverse("board:calendar_month", args=[2027, 6]), HTTP_ACCEPT_LANGUAGE="az"
    )

    for page in (detail, calendar):
        assert capitalised_months(page.content.decode()) == []
    assert "15 iyn 2027" in detail.content.decode()


@pytest.mark.django_db
def test_an_email_in_azerbaijani_writes_the_month_in_lower_case(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(
        start=datetime(2027, 6, 15, 19, tzinfo=IZMIR), end=datetime(2027, 6, 15, 21, tzinfo=IZMIR)
    )

    register_delegate(
        event=event,
        full_name="Leyla Məmmədova",
        email="leyla@example.az",
        country="AZ",
        language="az",
        consent=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        reminders.sweep()

    message = mail.outbox[-1]
    html = message.alternatives[0][0]
    assert "15 iyun 2027" in message.body
    assert capitalised_months(message.body) == []
    assert capitalised_months(html) == []
    assert capitalised_months(message.subject) == []


@pytest.mark.django_db
def test_the_feed_in_azerbaijani_has_no_capitalised_month(client):
    EventFactory(
        description="Konfrans 15 iyun 2027 tarixində.",
        start=datetime(2027, 6, 15, 19, tzinfo=IZMIR),
        end=datetime(2027, 6, 15, 21, tzinfo=IZMIR),
    )

    feed = client.get("/calendar.ics", {"lang": "az"}).content.decode()

    assert capitalised_months(feed.replace("\r\n ", "")) == []


def test_the_check_finds_a_capitalised_month():
    assert capitalised_months("15 İyun 2027 · İyn 2027 · 15 iyun 2027") == ["15 İyun", "İyn 2027"]


@pytest.mark.django_db
def test_the_report_pdf_in_azerbaijani_writes_months_in_lower_case(board_client, tmp_path, now):
    require_service(shutil.which("pdftotext") is not None, "needs pdftotext (poppler-utils)")
    year = now.year
    EventFactory(
        start=datetime(year, 6, 15, 19, tzinfo=IZMIR), end=datetime(year, 6, 15, 21, tzinfo=IZMIR)
    )
    url = reverse("board:report_pdf", kwargs={"year": year}) + "?lang=az"

    response = board_client.get(url)

    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert response["Content-Type"] == "application/pdf"
    assert capitalised_months(text) == []
    assert re.search(r"\b(iyun|iyn)\b", text)


def _month_abbreviation_formats_outside_the_rule() -> list[str]:
    """Calls that format "M" (or build a DateFormat) without anniversary.dates: Django's
    date_format would capitalise the Azerbaijani abbreviation."""
    root = Path(__file__).resolve().parent.parent
    found = []
    for package in ("anniversary", "contacts", "events"):
        for path in sorted((root / package).rglob("*.py")):
            if path.name == "dates.py" and path.parent.name == "anniversary":
                continue
            tree = ast.parse(path.read_text(), filename=str(path))
            ours = any(
                isinstance(node, ast.ImportFrom)
                and node.module == "anniversary.dates"
                and any(alias.name == "date_format" for alias in node.names)
                for node in ast.walk(tree)
            )
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
                texts = [
                    arg.value
                    for arg in node.args[1:]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
                abbreviated = any(
                    re.search(r"(?<!\\)M", text) and not text.endswith("_FORMAT") for text in texts
                )
                if (name == "date_format" and abbreviated and not ours) or name == "DateFormat":
                    found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_python_code_formats_month_abbreviations_through_the_rule():
    assert _month_abbreviation_formats_outside_the_rule() == []
