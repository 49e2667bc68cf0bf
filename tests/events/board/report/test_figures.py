"""Every figure of the report against the hand-built year of conftest.py."""

import sys
import types
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from contacts.enums import OutcomeKind
from contacts.models import Meeting
from events.board.report.period import Period
from events.board.report.selectors import headline
from events.board.report.tables import build_report
from tests.factories import OutcomeFactory, RegistrationFactory

IZ = ZoneInfo("Europe/Istanbul")


def _values(table) -> list[list]:
    return [[cell.plain for cell in row] for row in table.rows]


def _total(table) -> list:
    return [cell.plain for cell in table.total]


@pytest.fixture
def report(report_year):
    with translation.override("en"):
        return build_report(
            period=Period.year(report_year.year),
            comparison=Period.year(report_year.year - 1),
            now=timezone.now(),
        )


def test_headline_counts_the_fixture_year(report):
    assert [(figure.label, figure.value) for figure in report.headline] == [
        ("Events held", 3),
        ("Events cancelled", 1),
        ("Registrations", 19),
        ("Checked in", 10),
        ("Attendance rate", "77 %"),
        ("Delegates", 13),
        ("Delegation visits", 4),
        ("Meetings held", 3),
        ("Podcast episodes", 2),
    ]


def test_headline_compares_with_the_year_before_when_it_has_data(report):
    assert report.has_comparison is True
    assert [figure.compared for figure in report.headline] == [1, 0, 1, 0, "0 %", 1, 1, 0, 1]


def test_program_by_kind_counts_each_state(report):
    table = report.table("program-by-kind")

    # Kind, held, still to come, passed unconfirmed, never dated, cancelled, total.
    assert _values(table) == [
        ["Cultural festival", 2, 0, 0, 0, 0, 2],
        ["Business forum", 1, 0, 0, 0, 0, 1],
        ["Youth and volunteering program", 0, 0, 0, 1, 0, 1],
        ["Conference", 0, 0, 1, 0, 0, 1],
        ["Exhibition", 0, 0, 0, 0, 1, 1],
    ]
    assert _total(table) == ["Total", 3, 0, 1, 1, 1, 6]


def test_program_by_city_puts_events_without_venue_last(report):
    assert _values(report.table("program-by-city")) == [
        ["Izmir", 1, 0, 1, 0, 1, 3],
        ["Baku", 2, 0, 0, 0, 0, 2],
        ["No venue", 0, 0, 0, 1, 0, 1],
    ]


def test_program_by_month_counts_dated_events_that_were_not_cancelled(report_year, report):
    table = report.table("program-by-month")

    assert table.headers == ["Month", "Cultural festival", "Business forum", "Conference", "Total"]
    by_month = {row[0]: row[1:] for row in _values(table)}
    assert len(by_month) == 12
    assert by_month[f"March {report_year.year}"] == [1, 0, 0, 1]
    assert by_month[f"May {report_year.year}"] == [0, 1, 0, 1]
    assert by_month[f"June {report_year.year}"] == [0, 0, 1, 1]
    assert by_month[f"October {report_year.year}"] == [1, 0, 0, 1]
    assert sum(row[-1] for row in by_month.values()) == 4


def test_milestones_say_how_long_ago(report_year, report):
    assert _values(report.table("milestones")) == [
        [1986, "İzmir–Bakü sister-city protocol", report_year.year - 1986]
    ]


def test_only_columns_of_numbers_are_aligned_right(report):
    # Text under a right-aligned header drifted away from it (the milestone, the outcomes).
    assert report.table("milestones").numeric_columns == [False, False, True]
    assert report.table("outcomes").numeric_columns == [False, False, False, False]
    assert report.table("participation").numeric_columns == [False, True]


def test_participation_counts_registrations_check_ins_and_no_shows(report):
    assert _values(report.table("participation")) == [
        ["Registrations", 19],
        ["Confirmed", 14],
        ["Checked in", 10],
        ["No-shows", 3],
        ["Left on the waitlist", 1],
        ["Attendance rate", 0.7692],
    ]


def test_participation_by_kind_and_by_event(report):
    assert _values(report.table("participation-by-kind")) == [
        ["Cultural festival", 9, 6, 4, 2, 1, 0.6667],
        ["Business forum", 7, 7, 6, 1, 0, 0.8571],
        ["Conference", 1, 1, 0, 0, 0, ""],
        ["Exhibition", 2, 0, 0, 0, 0, ""],
    ]
    by_event = report.table("participation-by-event")
    assert [
        [row[0].url.split("/")[-2], *[cell.plain for cell in row[3:]]] for row in by_event.rows
    ] == [
        ["festival", 9, 6, 4, 2, 1, 0.6667],
        ["forum", 7, 7, 6, 1, 0, 0.8571],
        ["exhibition", 2, 0, 0, 0, 0, ""],
        ["conference", 1, 1, 0, 0, 0, ""],
    ]


def test_delegates_by_country_group_small_counts(report):
    assert _values(report.table("delegates-by-country")) == [
        ["Azerbaijan", 6],
        ["Türkiye", 5],
        ["Other countries", 2],
    ]
    assert report.table("delegates-by-country").rows[-1][0].url == ""


def test_delegates_by_language(report):
    assert _values(report.table("delegates-by-language")) == [
        ["Turkish", 5],
        ["Azerbaijani", 6],
        ["English", 2],
    ]


def test_delegation_visits_by_direction(report):
    table = report.table("delegations")

    assert _values(table) == [
        ["Received in Izmir", 2],
        ["Sent from Izmir", 1],
        ["Between other cities", 1],
    ]
    assert _total(table) == ["Total", 4]


def test_meetings_outcomes_and_organizations_met(report):
    assert _values(report.table("meetings")) == [
        ["Meetings held", 3],
        ["Meetings with an outcome recorded", 2],
    ]
    outcomes = _values(report.table("outcomes"))
    assert [row[2:] for row in outcomes] == [
        ["Joint roadmap agreed", "Roadmap article"],
        ["Protocol signed", ""],
    ]
    assert _values(report.table("organizations-by-country")) == [
        ["Azerbaijan", 2],
        ["Country not given", 1],
        ["Türkiye", 1],
    ]
    assert _values(report.table("organizations-by-kind")) == [
        ["Association", 1],
        ["Municipality", 1],
        ["Business", 1],
        ["Other", 1],
    ]


def test_outcome_links_to_its_meeting(report):
    first = report.table("outcomes").rows[0][1]

    assert first.url.startswith("/board/contacts/visits/")
    assert "#meeting-" in first.url


def test_podcast_episodes_and_guests(report):
    table = report.table("podcasts")

    assert _values(table) == [["Kardeş sesler", 2, 2]]
    assert _total(table) == ["Total", 2, 2]


def test_business_program_figures_come_from_the_b2b_area(report):
    # The fixture year has no B2B program: the section is there, every figure zero.
    assert [(figure.label, figure.value) for figure in report.business] == [
        ("B2B programs", 0),
        ("B2B meetings placed", 0),
        ("B2B meetings held", 0),
        ("B2B no-shows", 0),
        ("Agreements reached at the follow-ups", 0),
    ]


def test_states_follow_the_moment_the_report_is_made_for(report_year):
    # In April of the fixture year the forum, the conference and the concert are still to come.
    april = datetime(report_year.year, 4, 1, tzinfo=IZ)

    figures = headline(Period.year(report_year.year), now=april)

    assert figures.events == {
        "held": 1,
        "upcoming": 3,
        "unconfirmed": 0,
        "undated": 1,
        "cancelled": 1,
    }
    assert figures.registrations["no_show"] == 2
    assert figures.registrations["waitlisted"] == 1


def test_date_range_counts_only_its_days(report_year):
    year = report_year.year
    spring = Period(datetime(year, 3, 1).date(), datetime(year, 5, 31).date())

    figures = headline(spring, now=timezone.now())

    assert figures.events["held"] == 2
    assert figures.registrations["registered"] == 16
    assert figures.visits == 2
    assert figures.meetings == 2
    assert figures.episodes == 0


def test_small_country_reaches_its_own_row_at_five(report_year):
    for number in range(3):
        RegistrationFactory(
            event=report_year.events["forum"], email=f"de{number}@example.org", country="DE"
        )
    RegistrationFactory(event=report_year.events["forum"], email="de9@example.org", country="DE")

    with translation.override("en"):
        report = build_report(
            period=Period.year(report_year.year),
            comparison=Period.year(report_year.year - 1),
            now=timezone.now(),
        )

    assert _values(report.table("delegates-by-country")) == [
        ["Azerbaijan", 6],
        ["Germany", 5],
        ["Türkiye", 5],
        ["Other countries", 1],
    ]


def test_business_program_shows_what_the_b2b_area_reports(report_year, monkeypatch):
    # The B2B area is being built beside this one; this stands in for its documented hook,
    # events.b2b.report.figures(*, first, last, now) -> [(label, value, url)].

    asked = {}

    def figures(*, first, last, now):
        asked.update(first=first, last=last)
        return [("B2B meetings held", 12, "/board/b2b/")]

    hook = types.ModuleType("events.b2b.report")
    hook.figures = figures
    monkeypatch.setitem(sys.modules, "events.b2b", types.ModuleType("events.b2b"))
    monkeypatch.setitem(sys.modules, "events.b2b.report", hook)
    period = Period.year(report_year.year)

    report = build_report(period=period, comparison=period.earlier(), now=timezone.now())

    assert [(f.label, f.value, f.url) for f in report.business] == [
        ("B2B meetings held", 12, "/board/b2b/")
    ]
    assert asked == {"first": period.first, "last": period.last}


def test_outcomes_by_kind_and_their_follow_ups_link_to_their_meetings(report_year, board_client):
    meetings = list(Meeting.objects.filter(date__year=report_year.year).order_by("date", "pk"))
    OutcomeFactory(meeting=meetings[0], kind=OutcomeKind.ROADMAP_AGREED, follow_up_on=None)
    OutcomeFactory(
        meeting=meetings[0],
        kind=OutcomeKind.FOLLOW_UP_NEEDED,
        follow_up_on=date(report_year.year, 6, 1),
    )
    OutcomeFactory(
        meeting=meetings[1],
        kind=OutcomeKind.PROTOCOL_SIGNED,
        follow_up_on=date(report_year.year, 5, 1),
        done_at=timezone.now(),
    )
    with translation.override("en"):
        report = build_report(
            period=Period.year(report_year.year),
            comparison=Period.year(report_year.year - 1),
            now=timezone.now(),
        )

    table = report.table("outcomes-by-kind")
    assert _values(table) == [
        ["Roadmap agreed", 1],
        ["Protocol signed", 1],
        ["Event announced", 0],
        ["Support pledged", 0],
        ["Follow-up needed", 1],
        ["Other", 0],
        ["Outcome in words only, no kind recorded", 1],
        ["Follow-ups open", 1],
        ["Follow-ups done", 1],
    ]
    protocol_list = board_client.get(table.rows[1][1].url)
    words_list = board_client.get(table.rows[6][1].url)
    open_list = board_client.get(table.rows[7][1].url)
    assert words_list.context["page"].paginator.count == 1
    assert meetings[2].title in words_list.content.decode()
    assert protocol_list.context["page"].paginator.count == 1
    assert meetings[1].title in protocol_list.content.decode()
    assert open_list.context["page"].paginator.count == 1
    assert meetings[0].title in open_list.content.decode()


def test_every_figure_is_the_same_in_every_language(report_year):
    """The fixture's texts are Turkish only: a figure that reads the page language's column
    of a translated field (a meeting's outcome, say) would count nothing in Azerbaijani or
    English. Every number of every table must be the same in the three languages."""

    def numbers(language):
        with translation.override(language):
            report = build_report(
                period=Period.year(report_year.year),
                comparison=Period.year(report_year.year - 1),
                now=timezone.now(),
            )
        headline = [figure.value for figure in report.headline]
        tables = {
            table.key: [
                [cell.plain for cell in row if isinstance(cell.plain, int | float)]
                for row in table.rows
            ]
            for table in report.tables
        }
        return headline, tables

    turkish = numbers("tr")
    assert turkish[1]["meetings"] == [[3], [2]]
    assert numbers("az") == turkish
    assert numbers("en") == turkish
