"""Forms of the business program: the participant's (profile, directory, request) and the
board's (session, move)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from ..timezones import zone
from .enums import Sector, SpokenLanguage
from .models import Matchmaking, MeetingSession, Participant


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Participant
        fields = [
            "organization_name",
            "sector",
            "sector_other",
            "country",
            "city",
            "languages",
            "offer",
            "need",
            "description",
            "is_visible",
        ]
        widgets = {
            "offer": forms.Textarea(attrs={"rows": 3}),
            "need": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_list

    def clean(self):
        data = super().clean()
        if data.get("sector") == Sector.OTHER and not (data.get("sector_other") or "").strip():
            self.add_error("sector_other", _("Name your sector."))
        return data


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("All sectors")), *Sector.choices]
    )
    country = LazyTypedChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *countries]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *SpokenLanguage.choices],
    )

    def filtered(self, participants):
        if not self.is_valid():
            return participants
        data = self.cleaned_data
        if data["q"]:
            participants = participants.search(data["q"])
        if data["sector"]:
            participants = participants.filter(sector=data["sector"])
        if data["country"]:
            participants = participants.filter(country=data["country"])
        if data["language"]:
            participants = participants.speaking(data["language"])
        return participants


class RequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why would you like to meet? (one line)"), max_length=200, required=True
    )


class SessionForm(forms.ModelForm):
    """Times are entered in the venue's zone (the event's), stored in UTC."""

    class Meta:
        model = MeetingSession
        fields = ["title", "start", "end", "slot_minutes", "tables"]
        widgets = {
            "start": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "end": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def __init__(self, *args, event, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.tz = zone(event.time_zone)
        for name in ("start", "end"):
            self.fields[name].help_text = _("Time in %(zone)s") % {"zone": event.zone_label}
            if self.instance.pk:
                value = getattr(self.instance, name).astimezone(self.tz).replace(tzinfo=None)
                self.initial[name] = value

    def _clean_local(self, name):
        value = self.cleaned_data.get(name)
        return value.replace(tzinfo=None).replace(tzinfo=self.tz) if value else value

    def clean_start(self):
        return self._clean_local("start")

    def clean_end(self):
        return self._clean_local("end")

    def save(self, commit=True):
        self.instance.event = self.event
        return super().save(commit=commit)


class MoveForm(forms.Form):
    slot = forms.ChoiceField(label=_("Slot"))
    table = forms.IntegerField(label=_("Table"), min_value=1)
    force = forms.BooleanField(label=_("Move despite the clash"), required=False)

    def __init__(self, *args, sessions, event, **kwargs):
        super().__init__(*args, **kwargs)
        tz = zone(event.time_zone)
        choices = []
        self.slot_map = {}
        for session in sessions:
            for start in session.slot_starts():
                key = f"{session.pk}:{int(start.timestamp())}"
                self.slot_map[key] = (session, start)
                choices.append((key, f"{session} · {start.astimezone(tz):%d.%m %H:%M}"))
        self.fields["slot"].choices = choices


class MatchmakingForm(forms.ModelForm):
    class Meta:
        model = Matchmaking
        fields = [
            "is_enabled",
            "request_expiry_hours",
            "max_open_requests",
            "pairing_rule",
            "follow_up_months",
        ]
