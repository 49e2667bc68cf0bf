"""The report as figures and tables: each number with the link to the list it counts.

`build_report()` turns the aggregates of selectors.py into `Table`s (what the page, the PDF and
the CSV/XLSX exports show) and headline `Figure`s; charts.py draws the tables. Only aggregates
reach here: no delegate's name, email or phone.
"""

import importlib
from datetime import date, datetime

from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django_countries import countries

from contacts.cities import city_name
from contacts.enums import Language, OrganizationKind, OutcomeKind
from contacts.text import collation_key
from events.enums import EventKind

from . import selectors
from .figures import Cell, Figure, Links, Report, Table, rate_cell, slug_url
from .period import Period
from .selectors import Attendance, Direction, EventState
from .timeline import build_timeline, timeline_table

# Countries with fewer delegates than this are counted together, so nobody can be singled out.
SMALL_COUNT = 5
# The page and the PDF show the events with most registrations; the export has all of them.
TOP_EVENTS = 20
OTHER = "other"


def _kind_label(kind: str) -> str:
    return str(EventKind(kind).label) if kind in EventKind.values else kind


# --- program ---------------------------------------------------------------------------------
def program_tables(period: Period, links: Links, *, now: datetime) -> list[Table]:
    rows = selectors.program_counts(period, now=now)
    states = list(EventState)
    headers_states = [str(state.label) for state in states]

    def grid(key_of):
        counts: dict = {}
        for row in rows:
            bucket = counts.setdefault(key_of(row), dict.fromkeys(EventState.values, 0))
            bucket[row["state"]] += row["n"]
        return counts

    by_kind = grid(lambda row: row["kind"])
    kind_rows = []
    for kind in [k for k in EventKind.values if k in by_kind]:
        cells = [Cell(_kind_label(kind), links.list("events", kind=kind))]
        cells += [
            Cell(by_kind[kind][state], links.list("events", kind=kind, state=state))
            for state in EventState.values
        ]
        cells.append(Cell(sum(by_kind[kind].values()), links.list("events", kind=kind)))
        kind_rows.append(cells)
    totals = {state: sum(b[state] for b in by_kind.values()) for state in EventState.values}
    kind_total = [Cell(_("Total"), links.list("events"))]
    kind_total += [Cell(totals[s], links.list("events", state=s)) for s in EventState.values]
    kind_total.append(Cell(sum(totals.values()), links.list("events")))

    # One row per city whatever spellings its venues were typed in, named in the page's
    # language (contacts.cities); the drill-down link finds it in every spelling.
    by_city = grid(lambda row: city_name(row["city"]) if row["city"] else "")
    city_rows = []
    order = get_language() or "tr"
    for city in sorted(
        by_city, key=lambda c: (-sum(by_city[c].values()), c == "", collation_key(c, order))
    ):
        cells = [Cell(city or _("No venue"), links.list("events", city=city or "-"))]
        cells += [
            Cell(by_city[city][s], links.list("events", city=city or "-", state=s))
            for s in EventState.values
        ]
        cells.append(Cell(sum(by_city[city].values()), links.list("events", city=city or "-")))
        city_rows.append(cells)

    # The timeline counts what was or is on the calendar: dated and not cancelled.
    dated = [r for r in rows if r["state"] not in (EventState.CANCELLED, EventState.UNDATED)]
    kinds_on_calendar = [k for k in EventKind.values if any(r["kind"] == k for r in dated)]
    months = _months_of(period)
    month_rows = []
    for year, month in months:
        in_month = [r for r in dated if r["month"] == (year, month)]
        month_key = f"{year}-{month:02d}"
        cells = [Cell(_month_label(year, month), links.list("events", month=month_key, dated="1"))]
        cells += [
            Cell(
                sum(r["n"] for r in in_month if r["kind"] == kind),
                links.list("events", month=month_key, kind=kind, dated="1"),
            )
            for kind in kinds_on_calendar
        ]
        cells.append(
            Cell(sum(r["n"] for r in in_month), links.list("events", month=month_key, dated="1"))
        )
        month_rows.append(cells)

    return [
        Table(
            "program-by-kind",
            _("Events by kind"),
            [_("Kind"), *headers_states, _("Total")],
            kind_rows,
            total=kind_total,
        ),
        Table(
            "program-by-month",
            _("The year month by month"),
            [_("Month"), *[_kind_label(k) for k in kinds_on_calendar], _("Total")],
            month_rows,
            note=_("Dated events that were not cancelled, by the month they start in."),
        ),
        Table(
            "program-by-city",
            _("Events by city"),
            [_("City"), *headers_states, _("Total")],
            city_rows,
            total=kind_total,
        ),
    ]


def _months_of(period: Period) -> list[tuple[int, int]]:
    months, year, month = [], period.first.year, period.first.month
    while (year, month) <= (period.last.year, period.last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_label(year: int, month: int) -> str:

    return date_format(date(year, month, 1), "YEAR_MONTH_FORMAT")


def milestone_table(period: Period, milestones) -> Table:
    rows = []
    for event in milestones:
        year = event.local_start.year
        rows.append(
            [
                Cell(year),
                Cell.shown(
                    event, "title", reverse("board:event_detail", kwargs={"slug": event.slug})
                ),
                Cell(period.last.year - year),
            ]
        )
    return Table(
        "milestones",
        _("Milestones on the way to the anniversary"),
        [_("Year"), _("Milestone"), _("Years ago")],
        rows,
    )


# --- participation ---------------------------------------------------------------------------
_COUNTS = list(Attendance.values)


def _count_cells(counts: dict, links: Links, **filters) -> list[Cell]:
    cells = [
        Cell(counts[key], links.list("registrations", attendance=key, **filters)) for key in _COUNTS
    ]
    cells.append(rate_cell(counts[Attendance.CHECKED_IN], counts[Attendance.NO_SHOW]))
    return cells


def participation_tables(period: Period, links: Links, *, now: datetime) -> list[Table]:
    per_event = selectors.participation_by_event(period, now=now)
    count_headers = [str(label) for label in Attendance.labels] + [_("Attendance rate")]
    totals = {key: sum(row[key] for row in per_event) for key in _COUNTS}
    summary = Table(
        "participation",
        _("Participation"),
        [_("Figure"), _("Number")],
        [
            [Cell(label), Cell(totals[key], links.list("registrations", attendance=key))]
            for key, label in Attendance.choices
        ]
        + [
            [
                Cell(_("Attendance rate")),
                rate_cell(totals[Attendance.CHECKED_IN], totals[Attendance.NO_SHOW]),
            ]
        ],
        note=_(
            "Attendance rate: delegates checked in, out of the confirmed delegates of the events "
            "that took place."
        ),
    )
    by_kind: dict[str, dict] = {}
    for row in per_event:
        bucket = by_kind.setdefault(row["event__kind"], dict.fromkeys(_COUNTS, 0))
        for key in _COUNTS:
            bucket[key] += row[key]
    kind_table = Table(
        "participation-by-kind",
        _("Participation by kind of event"),
        [_("Kind"), *count_headers],
        [
            [
                Cell(_kind_label(kind), links.list("events", kind=kind)),
                *_count_cells(by_kind[kind], links, kind=kind),
            ]
            for kind in EventKind.values
            if kind in by_kind
        ],
        total=[Cell(_("Total")), *_count_cells(totals, links)],
    )
    registrants = slug_url("registrants:list")
    busiest = sorted(per_event, key=lambda row: (-row[Attendance.REGISTERED], row["event__start"]))
    kinds = {kind: _kind_label(kind) for kind in EventKind.values}
    event_table = Table(
        "participation-by-event",
        _("Participation by event"),
        [_("Event"), _("Kind"), _("Date"), *count_headers],
        [
            _event_row(row, kinds, links, registrants, shown=index < TOP_EVENTS)
            for index, row in enumerate(busiest)
        ],
        shown=TOP_EVENTS,
        note=_("The events with the most registrations first."),
    )
    return [summary, kind_table, event_table]


def _event_row(row: dict, kinds: dict, links: Links, registrants, *, shown: bool) -> list[Cell]:
    """One event's line; only the lines the page shows get links and local formats (a year
    has thousands of events, and the export needs only the plain values)."""
    day = row["event__local_start_day"]  # in the venue's zone, as the event's own page
    counts = [row[key] for key in _COUNTS]
    rate = selectors.attendance_rate(row[Attendance.CHECKED_IN], row[Attendance.NO_SHOW])
    if not shown:
        return [
            Cell(row["event__title"]),
            Cell(kinds.get(row["event__kind"], row["event__kind"])),
            Cell(day.isoformat()),
            *[Cell(count) for count in counts],
            Cell("", raw="" if rate is None else round(rate, 4)),
        ]
    return [
        Cell(row["event__title"], registrants(row["event__slug"])),
        Cell(kinds.get(row["event__kind"], row["event__kind"])),
        Cell(date_format(day, "SHORT_DATE_FORMAT"), raw=day.isoformat()),
        *_count_cells(row, links, event=row["event__slug"]),
    ]


def delegate_tables(period: Period, links: Links) -> list[Table]:
    by_country = selectors.delegates_by("country", period)
    shown, other = [], 0
    for code, n in by_country.items():
        if n < SMALL_COUNT:
            other += n
        else:
            shown.append((code, n))
    order = get_language() or "tr"
    shown.sort(key=lambda item: (-item[1], collation_key(str(countries.name(item[0])), order)))

    def delegates(**filters) -> str:
        return links.list(
            "registrations", attendance=Attendance.CONFIRMED, delegates="1", **filters
        )

    country_rows = [
        [
            Cell(countries.name(code) or code, delegates(country=code)),
            Cell(n, delegates(country=code)),
        ]
        for code, n in shown
    ]
    if other:
        # No link: the list would name the few delegates the grouping keeps apart.
        country_rows.append([Cell(pgettext("countries", "Other countries")), Cell(other)])
    by_language = selectors.delegates_by("language", period)
    language_rows = [
        [
            Cell(label, delegates(language=code)),
            Cell(by_language[code], delegates(language=code)),
        ]
        for code, label in Language.choices
        if by_language.get(code)
    ]
    note = _(
        "Delegates are counted once per email address, among confirmed registrations. Countries "
        "with fewer than %(n)d delegates are counted together, so nobody can be singled out."
    ) % {"n": SMALL_COUNT}
    return [
        Table(
            "delegates-by-country",
            _("Delegates by country"),
            [_("Country"), _("Delegates")],
            country_rows,
            note=note,
        ),
        Table(
            "delegates-by-language",
            _("Delegates by language"),
            [_("Language"), _("Delegates")],
            language_rows,
        ),
    ]


# --- contacts and diplomacy ------------------------------------------------------------------
def diplomacy_tables(period: Period, links: Links, outcomes) -> list[Table]:
    by_direction = selectors.visits_by_direction(period)
    visit_rows = [
        [Cell(label), Cell(by_direction.get(value, 0), links.list("visits", direction=value))]
        for value, label in Direction.choices
    ]
    meetings = selectors.meeting_counts(period)
    meeting_rows = [
        [Cell(_("Meetings held")), Cell(meetings["meetings"], links.list("meetings"))],
        [
            Cell(_("Meetings with an outcome recorded")),
            Cell(meetings["with_outcome"], links.list("meetings", outcome="1")),
        ],
    ]
    organizations = selectors.organizations_met_counts(period)
    countries_met: dict[str, int] = {}
    kinds_met: dict[str, int] = {}
    for row in organizations:
        countries_met[row["country"]] = countries_met.get(row["country"], 0) + row["n"]
        kinds_met[row["kind"]] = kinds_met.get(row["kind"], 0) + row["n"]
    order = get_language() or "tr"
    country_rows = [
        [
            Cell(
                countries.name(code) or _("Country not given") if code else _("Country not given"),
                links.list("organizations", country=code or "-"),
            ),
            Cell(n),
        ]
        for code, n in sorted(
            countries_met.items(),
            # Most first; ties by name in the page's language (CLDR names), not by code.
            key=lambda item: (-item[1], collation_key(str(countries.name(item[0])), order)),
        )
    ]
    kind_rows = [
        [Cell(label, links.list("organizations", kind=value)), Cell(kinds_met[value])]
        for value, label in OrganizationKind.choices
        if value in kinds_met
    ]
    by_kind = selectors.outcome_counts(period)
    outcome_kind_rows = [
        [
            Cell(label),
            Cell(by_kind.get(value, 0), links.list("meetings", outcome_kind=value)),
        ]
        for value, label in OutcomeKind.choices
    ] + [
        [
            Cell(_("Outcome in words only, no kind recorded")),
            Cell(
                by_kind["words_only"],
                links.list("meetings", outcome_kind=selectors.WORDS_ONLY),
            ),
        ],
        [
            Cell(_("Follow-ups open")),
            Cell(by_kind["follow_up_open"], links.list("meetings", follow_up="open")),
        ],
        [
            Cell(_("Follow-ups done")),
            Cell(by_kind["follow_up_done"], links.list("meetings", follow_up="done")),
        ],
    ]
    outcome_rows = [
        [
            Cell(date_format(meeting.date, "SHORT_DATE_FORMAT"), raw=meeting.date.isoformat()),
            Cell.shown(meeting, "title", meeting_url(meeting)),
            Cell.shown(meeting, "outcomes"),
            Cell.sources(meeting.sources.all()),
        ]
        for meeting in outcomes
    ]
    return [
        Table(
            "delegations",
            _("Delegation visits"),
            [_("Direction"), _("Visits")],
            visit_rows,
            total=[Cell(_("Total")), Cell(sum(by_direction.values()), links.list("visits"))],
        ),
        Table("meetings", _("Meetings"), [_("Figure"), _("Number")], meeting_rows),
        Table(
            "outcomes-by-kind",
            _("Outcomes by kind"),
            [_("Outcome"), _("Outcomes")],
            outcome_kind_rows,
        ),
        Table(
            "outcomes",
            _("Outcomes of the meetings"),
            [_("Date"), _("Meeting"), _("Outcome"), _("Sources")],
            outcome_rows,
        ),
        Table(
            "organizations-by-country",
            _("Organizations met by country"),
            [_("Country"), _("Organizations")],
            country_rows,
        ),
        Table(
            "organizations-by-kind",
            _("Organizations met by kind"),
            [_("Kind"), _("Organizations")],
            kind_rows,
        ),
    ]


def meeting_url(meeting) -> str:
    """A meeting is shown on its visit's page; one without a visit only in the admin."""
    if meeting.visit_id:
        return reverse("contacts:visit", kwargs={"pk": meeting.visit_id}) + f"#meeting-{meeting.pk}"
    return reverse("admin:contacts_meeting_change", args=[meeting.pk])


# --- media -----------------------------------------------------------------------------------
def media_tables(period: Period, links: Links) -> list[Table]:
    rows = selectors.episodes_by_series(period)
    series_rows = [
        [
            Cell(
                row["series__title"],
                reverse("board:podcast_series_detail", kwargs={"slug": row["series__slug"]}),
            ),
            Cell(row["episodes"], links.list("episodes", series=row["series__slug"])),
            Cell(row["guests"]),
        ]
        for row in rows
    ]
    total = [
        Cell(_("Total")),
        Cell(sum(row["episodes"] for row in rows), links.list("episodes")),
        Cell(selectors.guests_total(period)),
    ]
    return [
        Table(
            "podcasts",
            _("Podcast episodes published"),
            [_("Series"), _("Episodes"), _("Guests")],
            series_rows,
            total=total,
            note=_("A guest who spoke in several episodes is counted once in the total."),
        )
    ]


# --- business program (B2B) ------------------------------------------------------------------
def business_figures(period: Period, *, now: datetime) -> list[Figure] | None:
    """The B2B figures, once the business program exists: None until then.

    The B2B area provides `events.b2b.report.figures(*, first, last, now)`, returning
    (label, value, url) triples for its sessions, meetings held, no-shows and the agreements of
    the 3- and 6-month follow-ups; the report only shows them.
    """
    try:
        module = importlib.import_module("events.b2b.report")
    except ModuleNotFoundError:
        return None
    return [
        Figure(str(label), value, url)
        for label, value, url in module.figures(first=period.first, last=period.last, now=now)
    ]


# --- the whole report ------------------------------------------------------------------------
def _headline_figures(main, compared, links: Links) -> list[Figure]:
    def both(label, getter, url):
        return Figure(label, getter(main), url, getter(compared) if compared else None)

    def rate(h):
        value = h.attendance_rate
        return "—" if value is None else f"{number_format(round(value * 100))} %"

    return [
        both(
            _("Events held"),
            lambda h: h.events[EventState.HELD],
            links.list("events", state=EventState.HELD),
        ),
        both(
            _("Events cancelled"),
            lambda h: h.events[EventState.CANCELLED],
            links.list("events", state=EventState.CANCELLED),
        ),
        both(
            _("Registrations"),
            lambda h: h.registrations[Attendance.REGISTERED],
            links.list("registrations"),
        ),
        both(
            _("Checked in"),
            lambda h: h.registrations[Attendance.CHECKED_IN],
            links.list("registrations", attendance=Attendance.CHECKED_IN),
        ),
        both(
            _("Attendance rate"), rate, links.list("registrations", attendance=Attendance.NO_SHOW)
        ),
        both(
            _("Delegates"),
            lambda h: h.delegates,
            links.list("registrations", attendance=Attendance.CONFIRMED, delegates="1"),
        ),
        both(_("Delegation visits"), lambda h: h.visits, links.list("visits")),
        both(_("Meetings held"), lambda h: h.meetings, links.list("meetings")),
        both(_("Podcast episodes"), lambda h: h.episodes, links.list("episodes")),
    ]


def build_report(*, period: Period, comparison: Period, now: datetime) -> Report:
    """The whole report for `period`, with headline figures for `comparison` when it has data.

    Runs a fixed number of queries (about 26) whatever the size of the year; no writes.
    """
    links = Links(period)
    main = selectors.headline(period, now=now)
    compared = selectors.headline(comparison, now=now)
    has_comparison = compared.has_data
    milestones = selectors.milestones_until(period)
    outcomes = selectors.outcomes_in(period)
    report = Report(
        period=period,
        comparison=comparison,
        headline=_headline_figures(main, compared if has_comparison else None, links),
        has_comparison=has_comparison,
        demo_events=main.demo_events,
        outcomes=outcomes,
        milestones=milestones,
        business=business_figures(period, now=now),
    )
    report.timeline = build_timeline(period, selectors.calendar_starts(period, now=now), milestones)
    by_kind, by_month, by_city = program_tables(period, links, now=now)
    report.sections = {
        "program": [
            by_kind,
            by_month,
            timeline_table(report.timeline),
            by_city,
            milestone_table(period, milestones),
        ],
        "participation": [
            *participation_tables(period, links, now=now),
            *delegate_tables(period, links),
        ],
        "diplomacy": diplomacy_tables(period, links, outcomes),
        "media": media_tables(period, links),
    }
    return report
