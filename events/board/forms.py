"""Forms of the board workspace. Times are typed in the venue's own zone and stored in UTC."""

from datetime import datetime
from zoneinfo import ZoneInfo

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from contacts.content import ordered_by_shown_text
from contacts.countries import country_formfield
from contacts.forms import CityChoiceField
from contacts.record_forms import side_by_side
from contacts.text import search_key
from events.board.selectors import audited_content_types, venue_cities
from events.enums import DatePrecision, EpisodeStatus, EventKind, EventStatus
from events.models import (
    EVENT_DETAIL_FIELDS,
    EVENT_SCHEDULE_FIELDS,
    Event,
    PlanningItem,
    PodcastEpisode,
    PodcastSeries,
    Venue,
    per_language,
)
from events.roles import board_members
from events.timezones import precision_span, zone

UTC = ZoneInfo("UTC")


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time with no zone yet: the form attaches the venue's zone in clean().

    Django's own field would read the input in the active zone (İzmir), which is wrong for an
    event in Bakü; this one keeps the typed value naive so the form can decide.
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        # Parsed as if in UTC (where no wall-clock time is skipped or repeated), then made naive.
        with timezone.override(UTC):
            result = super().to_python(value)
        return result.replace(tzinfo=None) if result else result


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _naive_local(moment: datetime | None, zone_name: str) -> datetime | None:
    if moment is None:
        return None
    return timezone.localtime(moment, zone(zone_name)).replace(tzinfo=None)


# Words the board's own URLs use after /board/events/.
RESERVED_SLUGS = {"new"}


def unique_slug(title: str, *, exclude_pk=None) -> str:
    base = slugify(search_key(title))[:100] or "event"
    slug, counter = base, 2
    taken = Event.objects.exclude(pk=exclude_pk)
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


class SearchableSelectMultiple(forms.SelectMultiple):
    """A multi-select one can type into (select2 from Django's admin); plain without JS."""

    class Media:
        css = {"all": ("admin/css/vendor/select2/select2.min.css",)}
        js = (
            "admin/js/vendor/jquery/jquery.min.js",
            "admin/js/vendor/select2/select2.full.min.js",
            "admin/js/jquery.init.js",
            "js/searchable-select.js",
        )

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-searchable": "1", **(attrs or {})}, choices)


def _helper(*layout, submit=None) -> FormHelper:
    helper = FormHelper()
    # board/form.html puts the media in the head and at the end of the body; crispy's own
    # copy loaded jQuery and select2 a second time and drew every searchable select twice.
    helper.include_media = False
    helper.layout = Layout(*layout)
    helper.add_input(Submit("submit", submit or _("Save")))
    return helper


def _registration_and_details() -> tuple[Fieldset, Fieldset]:
    """The part of the layout that creating and editing an event share."""
    return (
        Fieldset(
            _("Registration"),
            Row(Column("capacity"), Column("registration_opens"), Column("registration_closes")),
            Row(Column("is_public"), Column("is_milestone"), Column("retention_months")),
        ),
        Fieldset(
            _("Details"),
            side_by_side("description"),
            "internal_notes",
            "responsible",
            Field("speakers", size=8),
            Field("organizers", size=8),
            "delegation_visit",
        ),
    )


TIME_HELP = _("In the venue's local time (Bakü or İzmir); without a venue, İzmir time.")


class EventTimesMixin:
    """Attaches the venue's zone to every LocalDateTimeField after validation."""

    local_fields: tuple[str, ...] = ()

    def venue_zone(self, cleaned_data) -> str:
        venue = cleaned_data.get("venue", getattr(self.instance, "venue", None))
        return venue.time_zone if venue else settings.TIME_ZONE

    def attach_zone(self, cleaned_data) -> None:
        tz = zone(self.venue_zone(cleaned_data))
        for name in self.local_fields:
            if cleaned_data.get(name):
                cleaned_data[name] = cleaned_data[name].replace(tzinfo=tz)


class EventForm(EventTimesMixin, forms.ModelForm):
    """Create an event. Its times later change only through rescheduling."""

    local_fields = ("start", "end", "registration_opens", "registration_closes")

    slug = forms.SlugField(
        label=_("Web address"),
        required=False,
        max_length=120,
        help_text=_("Part of the public link. Leave empty to make one from the title."),
    )
    start = LocalDateTimeField(label=_("Start"), help_text=TIME_HELP)
    end = LocalDateTimeField(
        label=_("End"),
        required=False,
        help_text=_("Required for an exact time. For a day, month or year: the last one."),
    )
    registration_opens = LocalDateTimeField(label=_("Registration opens"), required=False)
    registration_closes = LocalDateTimeField(label=_("Registration closes"), required=False)

    class Meta:
        model = Event
        fields = ("slug", *EVENT_SCHEDULE_FIELDS, *EVENT_DETAIL_FIELDS)
        widgets = {
            "speakers": SearchableSelectMultiple,
            "organizers": SearchableSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, label)
            for value, label in EventStatus.choices
            if value in (EventStatus.IDEA, EventStatus.PLANNED, EventStatus.CONFIRMED)
        ]
        self.fields["status"].initial = EventStatus.PLANNED
        self.fields["venue"].queryset = Venue.objects.order_by(
            "city", ordered_by_shown_text("name")
        )
        self.helper = _helper(
            Fieldset(
                _("What"), side_by_side("title"), "slug", Row(Column("kind"), Column("status"))
            ),
            Fieldset(
                _("When and where"),
                Row(Column("venue"), Column("date_precision")),
                Row(Column("start"), Column("end")),
            ),
            *_registration_and_details(),
            submit=_("Create event"),
        )

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This web address is reserved; choose another."))
        if slug and Event.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another event already uses this web address."))
        return slug

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        precision = cleaned.get("date_precision")
        if start and precision:
            if precision == DatePrecision.EXACT and not end:
                self.add_error("end", _("An event with an exact time needs an end."))
            else:
                cleaned["start"], cleaned["end"] = precision_span(start, end, precision)
        self.attach_zone(cleaned)
        if cleaned.get("title_tr") and not cleaned.get("slug"):
            cleaned["slug"] = unique_slug(cleaned["title_tr"])
        return cleaned


class EventEditForm(EventTimesMixin, forms.ModelForm):
    """Everything but the dates and the status, which have their own actions (and notices)."""

    local_fields = ("registration_opens", "registration_closes")

    registration_opens = LocalDateTimeField(
        label=_("Registration opens"), required=False, help_text=TIME_HELP
    )
    registration_closes = LocalDateTimeField(label=_("Registration closes"), required=False)

    class Meta:
        model = Event
        fields = EVENT_DETAIL_FIELDS
        widgets = {
            "speakers": SearchableSelectMultiple,
            "organizers": SearchableSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone_name = self.instance.time_zone
        for name in self.local_fields:
            self.initial[name] = _naive_local(getattr(self.instance, name), zone_name)
        self.fields["venue"].queryset = Venue.objects.order_by(
            "city", ordered_by_shown_text("name")
        )
        self.helper = _helper(
            Fieldset(_("What"), side_by_side("title"), "kind"),
            Fieldset(
                _("Where"),
                "venue",
            ),
            *_registration_and_details(),
        )

    def clean(self):
        cleaned = super().clean()
        self.attach_zone(cleaned)
        return cleaned


class RescheduleForm(forms.Form):
    date_precision = forms.ChoiceField(label=_("Date precision"), choices=DatePrecision.choices)
    start = LocalDateTimeField(label=_("New start"), help_text=TIME_HELP)
    end = LocalDateTimeField(
        label=_("New end"),
        required=False,
        help_text=_("Required for an exact time. For a day, month or year: the last one."),
    )

    def __init__(self, *args, event: Event, **kwargs):
        self.event = event
        # The event's own times to start from, under what the caller gives: a FormView
        # always passes `initial` (an empty dict), so a setdefault left the fields blank.
        kwargs["initial"] = {
            "date_precision": event.date_precision,
            "start": _naive_local(event.start, event.time_zone),
            "end": _naive_local(event.end, event.time_zone),
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)
        self.fields["start"].help_text = _("In %(zone)s time, the venue's zone.") % {
            "zone": event.zone_label
        }
        self.helper = _helper(
            "date_precision", Row(Column("start"), Column("end")), submit=_("Move the event")
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        precision = cleaned.get("date_precision")
        if not (start and precision):
            return cleaned
        if precision == DatePrecision.EXACT and not end:
            self.add_error("end", _("An event with an exact time needs an end."))
            return cleaned
        start, end = precision_span(start, end, precision)
        tz = zone(self.event.time_zone)
        cleaned["start"], cleaned["end"] = start.replace(tzinfo=tz), end.replace(tzinfo=tz)
        if cleaned["end"] <= cleaned["start"]:
            self.add_error("end", _("The end must be after the start."))
        return cleaned


class CalendarFilterForm(forms.Form):
    """GET filters shared by the month and week views; an unknown value is simply ignored."""

    city = CityChoiceField(label=_("City"))
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *EventStatus.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].set_cities(venue_cities())
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def filters(self) -> dict[str, str]:
        if not self.is_bound:
            return dict.fromkeys(self.fields, "")
        self.is_valid()  # a bad value drops that filter only: cleaned_data keeps the good ones
        found = {name: self.cleaned_data.get(name) or "" for name in self.fields}
        if "city" in self.errors:
            # A city with no venue, in any spelling: no events (the error says why), not all.
            found["city"] = " ".join(str(self.data.get("city", "")).split())
        return found


class PlanningItemForm(forms.ModelForm):
    class Meta:
        model = PlanningItem
        # Per language, as the checklist templates it may come from (Turkish required).
        fields = [*per_language("title"), "owner", "due_on", "status", "notes"]
        widgets = {"due_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = board_members()
        self.fields["owner"].label_from_instance = lambda user: (
            user.get_full_name() or user.username
        )
        self.helper = _helper(
            side_by_side("title"),
            Row(Column("owner"), Column("due_on"), Column("status")),
            "notes",
        )


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        formfield_callback = country_formfield
        fields = [
            *per_language("name"),
            *per_language("address"),
            "city",
            "country",
            "time_zone",
            "capacity",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].help_text = _(
            "Times of events here are typed and shown in this zone, e.g. Europe/Istanbul or Asia/Baku."
        )
        self.helper = _helper(
            side_by_side("name"),
            side_by_side("address"),
            Row(Column("city"), Column("country")),
            Row(Column("time_zone"), Column("capacity")),
        )


class PodcastSeriesForm(forms.ModelForm):
    class Meta:
        model = PodcastSeries
        fields = [*per_language("title"), "slug", *per_language("description"), "organizers"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            side_by_side("title"),
            "slug",
            side_by_side("description"),
            Field("organizers", size=6),
        )


class PodcastEpisodeForm(forms.ModelForm):
    recorded_at = LocalDateTimeField(
        label=_("Recording date"), required=False, help_text=_("İzmir time.")
    )
    link = forms.URLField(label=_("Link"), required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = PodcastEpisode
        fields = [
            "number",
            *per_language("title"),
            "status",
            "guests",
            "recorded_at",
            "recording_place",
            "published_on",
            "link",
            "event",
        ]
        widgets = {"published_on": DateInput()}

    def __init__(self, *args, series: PodcastSeries, **kwargs):
        self.series = series
        super().__init__(*args, **kwargs)
        self.instance.series = series
        self.initial["recorded_at"] = _naive_local(self.instance.recorded_at, settings.TIME_ZONE)
        if self.instance.pk is None:
            last = series.episodes.order_by("-number").values_list("number", flat=True).first()
            self.initial.setdefault("number", (last or 0) + 1)
        self.fields["guests"].help_text = _("Guests are picked from the contacts directory.")
        # Only calendar entries for podcast recordings, and none another episode already has.
        free = Q(podcast_episode__isnull=True)
        if self.instance.pk:
            free |= Q(podcast_episode=self.instance.pk)
        self.fields["event"].queryset = Event.objects.filter(free, kind=EventKind.PODCAST_EPISODE)
        self.helper = _helper(
            Row(Column("number"), Column("status")),
            side_by_side("title"),
            Field("guests", size=8),
            Row(Column("recorded_at"), Column("recording_place")),
            Row(Column("published_on"), Column("link")),
            "event",
        )

    def clean_number(self):
        number = self.cleaned_data["number"]
        clash = self.series.episodes.filter(number=number).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("This series already has an episode with this number."))
        return number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("recorded_at"):
            cleaned["recorded_at"] = cleaned["recorded_at"].replace(tzinfo=zone(settings.TIME_ZONE))
        if cleaned.get("status") == EpisodeStatus.PUBLISHED and not cleaned.get("published_on"):
            self.add_error("published_on", _("A published episode needs its publication date."))
        return cleaned


class AuditFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("What"), required=False)
    object = forms.CharField(label=_("Record number"), required=False, max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.content_types = {str(ct.pk): ct for ct in audited_content_types()}
        self.fields["model"].choices = [("", _("Everything"))] + [
            (pk, str(ct.model_class()._meta.verbose_name_plural).capitalize())
            for pk, ct in self.content_types.items()
        ]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            "content_type": self.content_types.get(self.cleaned_data["model"]),
            "object_pk": self.cleaned_data["object"].strip(),
        }
