"""The lists behind the report's figures: the rows a number counts, to check it one by one.

Each subject takes its filters from the URL through `ListFilterForm`, asks selectors.py for the
same queryset the figure counted, and describes its rows as cells with links to the pages that
already exist (event, registrants, visit, organization, podcast series).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.db.models import Count
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from contacts.cities import city_name
from contacts.enums import Language, OrganizationKind, OutcomeKind
from events.enums import EventKind
from events.timezones import zone

from . import selectors
from .figures import Cell
from .period import Period
from .selectors import Attendance, Direction, EventState
from .tables import meeting_url

NONE = "-"  # "no venue" / "no country" in a URL


@dataclass(frozen=True)
class Subject:
    title: str
    permission: str
    filters: tuple[str, ...]


SUBJECTS = {
    "events": Subject(
        gettext_lazy("Events"), "events.view_event", ("state", "kind", "month", "city", "dated")
    ),
    "registrations": Subject(
        gettext_lazy("Registrations"),
        "events.view_registration",
        ("attendance", "kind", "event", "country", "language", "delegates"),
    ),
    "visits": Subject(
        gettext_lazy("Delegation visits"), "contacts.view_delegationvisit", ("direction",)
    ),
    "meetings": Subject(
        gettext_lazy("Meetings"),
        "contacts.view_meeting",
        ("outcome", "outcome_kind", "follow_up"),
    ),
    "organizations": Subject(
        gettext_lazy("Organizations met"), "contacts.view_organization", ("country", "kind")
    ),
    "episodes": Subject(
        gettext_lazy("Podcast episodes published"), "events.view_podcastepisode", ("series",)
    ),
}


def _choices(enum):
    return [("", "")] + list(enum.choices)


class ListFilterForm(forms.Form):
    """Every filter any list takes; a list reads only its own (SUBJECTS[...].filters)."""

    state = forms.ChoiceField(
        label=gettext_lazy("State"), required=False, choices=_choices(EventState)
    )
    kind = forms.CharField(label=gettext_lazy("Kind"), required=False, max_length=30)
    month = forms.RegexField(
        label=gettext_lazy("Month"), required=False, regex=r"^\d{4}-\d{2}$", max_length=7
    )
    city = forms.CharField(label=gettext_lazy("City"), required=False, max_length=100)
    dated = forms.BooleanField(required=False)
    attendance = forms.ChoiceField(
        label=gettext_lazy("Figure"), required=False, choices=_choices(Attendance)
    )
    event = forms.SlugField(label=gettext_lazy("Event"), required=False, max_length=120)
    country = forms.CharField(label=gettext_lazy("Country"), required=False, max_length=2)
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), required=False, choices=_choices(Language)
    )
    direction = forms.ChoiceField(
        label=gettext_lazy("Direction"), required=False, choices=_choices(Direction)
    )
    outcome = forms.BooleanField(required=False)
    outcome_kind = forms.ChoiceField(
        required=False, choices=_choices(OutcomeKind) + [(selectors.WORDS_ONLY, "")]
    )
    follow_up = forms.ChoiceField(required=False, choices=[("", ""), ("open", ""), ("done", "")])
    # One line per delegate (email address): what the "delegates" figures count.
    delegates = forms.BooleanField(required=False)
    series = forms.SlugField(label=gettext_lazy("Series"), required=False, max_length=120)

    def __init__(self, *args, subject: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.subject = subject

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        known = OrganizationKind.values if self.subject == "organizations" else EventKind.values
        if kind and kind not in known:
            raise forms.ValidationError(_("“%(value)s” is not a known kind.") % {"value": kind})
        return kind

    def clean_month(self):
        """ "2026-03" -> 1 March 2026."""
        month = self.cleaned_data["month"]
        if not month:
            return None
        try:
            return date(int(month[:4]), int(month[5:]), 1)
        except ValueError:
            raise forms.ValidationError(
                _("“%(value)s” is not a month (YYYY-MM).") % {"value": month}
            ) from None

    def clean_country(self):
        country = self.cleaned_data["country"]
        if country and country != NONE and country not in dict(countries):
            raise forms.ValidationError(
                _("“%(value)s” is not a known country code.") % {"value": country}
            )
        return country


def rows_for(subject: str, data: dict, *, period: Period, now: datetime):
    """The (headers, queryset, row builder) of a list; the queryset is paginated by the view."""
    return _BUILDERS[subject](data, period, now)


def _when(moment: datetime | None, time_zone: str) -> str:

    return date_format(moment.astimezone(zone(time_zone)), "SHORT_DATE_FORMAT") if moment else ""


def _events(data, period, now):
    city = data.get("city")
    events = selectors.filter_events(
        selectors.events_in(period, now=now),
        state=data.get("state", ""),
        kind=data.get("kind", ""),
        month=data.get("month"),
        city=("" if city == NONE else city) if city else None,
    )
    if data.get("dated"):
        events = events.exclude(report_state__in=[EventState.CANCELLED, EventState.UNDATED])
    labels = dict(EventState.choices)

    def row(event):
        return [
            Cell.shown(event, "title", reverse("board:event_detail", kwargs={"slug": event.slug})),
            Cell(event.get_kind_display()),
            Cell(_when(event.start, event.time_zone)),
            Cell(city_name(event.city) if event.city else _("No venue")),
            Cell(labels[event.report_state]),
        ]

    headers = [_("Event"), _("Kind"), _("Date"), _("City"), _("State")]
    return headers, events.select_related("venue").order_by("start", "pk"), row


def _registrations(data, period, now):
    registrations = selectors.filter_registrations(
        selectors.registrations_in(period),
        now=now,
        attendance=data.get("attendance", ""),
        kind=data.get("kind", ""),
        event=data.get("event", ""),
        country=data.get("country", ""),
        language=data.get("language", ""),
    )
    if data.get("delegates"):
        registrations = selectors.one_per_delegate(registrations)

    def row(registration):
        event = registration.event
        return [
            Cell(registration.full_name, reverse("registrants:list", kwargs={"slug": event.slug})),
            Cell.shown(event, "title", reverse("board:event_detail", kwargs={"slug": event.slug})),
            Cell(_when(event.start, event.time_zone)),
            Cell(registration.country.name),
            Cell(registration.get_language_display()),
            Cell(
                _("Checked in") if registration.attended_at else registration.get_status_display()
            ),
        ]

    headers = [_("Name"), _("Event"), _("Date"), _("Country"), _("Language"), _("Status")]
    queryset = registrations.select_related("event", "event__venue").order_by(
        "event__start", "event_id", "created_at", "pk"
    )
    return headers, queryset, row


def _visits(data, period, now):
    visits = selectors.visits_in(period)
    if data.get("direction"):
        visits = visits.filter(direction=data["direction"])
    labels = dict(Direction.choices)

    def row(visit):
        return [
            Cell.shown(visit, "title", reverse("contacts:visit", kwargs={"pk": visit.pk})),
            Cell(city_name(visit.origin_city) if visit.origin_city else _("not given")),
            Cell(city_name(visit.destination_city)),
            Cell(date_format(visit.start_date, "SHORT_DATE_FORMAT")),
            Cell(labels[visit.direction]),
        ]

    headers = [_("Visit"), _("From"), _("To"), _("Date"), _("Direction")]
    return headers, visits.order_by("start_date", "pk"), row


def _meetings(data, period, now):
    meetings = selectors.meetings_in(period)
    if data.get("outcome"):
        meetings = selectors.with_outcome(meetings)
    if data.get("outcome_kind") or data.get("follow_up"):
        meetings = selectors.meetings_with_outcomes(
            meetings, kind=data.get("outcome_kind", ""), follow_up=data.get("follow_up", "")
        )

    def row(meeting):
        return [
            Cell(date_format(meeting.date, "SHORT_DATE_FORMAT")),
            Cell.shown(meeting, "title", meeting_url(meeting)),
            Cell(city_name(meeting.city)),
            Cell.shown(meeting, "outcomes"),
        ]

    headers = [_("Date"), _("Meeting"), _("City"), _("Outcome")]
    return headers, meetings.order_by("date", "pk"), row


def _organizations(data, period, now):
    organizations = selectors.organizations_met(period)
    country = data.get("country")
    if country:
        organizations = organizations.filter(country="" if country == NONE else country)
    if data.get("kind"):
        organizations = organizations.filter(kind=data["kind"])

    def row(organization):
        return [
            Cell(
                organization.name, reverse("contacts:organization", kwargs={"pk": organization.pk})
            ),
            Cell(organization.get_kind_display()),
            Cell(organization.country.name or _("Country not given")),
        ]

    headers = [_("Organization"), _("Kind"), _("Country")]
    return headers, organizations.alphabetical(), row


def _episodes(data, period, now):
    episodes = selectors.episodes_in(period)
    if data.get("series"):
        episodes = episodes.filter(series__slug=data["series"])

    def row(episode):
        return [
            Cell(
                str(episode.series),
                reverse("board:podcast_series_detail", kwargs={"slug": episode.series.slug}),
            ),
            Cell(episode.number),
            Cell.shown(episode, "title"),
            Cell(date_format(episode.published_on, "SHORT_DATE_FORMAT")),
            Cell(episode.guest_count),
        ]

    headers = [_("Series"), _("Number"), _("Episode"), _("Published"), _("Guests")]
    queryset = (
        episodes.select_related("series")
        .annotate(guest_count=Count("guests", distinct=True))
        .order_by("published_on", "series__title", "number")
    )
    return headers, queryset, row


_BUILDERS = {
    "events": _events,
    "registrations": _registrations,
    "visits": _visits,
    "meetings": _meetings,
    "organizations": _organizations,
    "episodes": _episodes,
}
