"""The business program's forms in the board workspace: sessions, moves, the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..timezones import zone
from .models import Matchmaking, MeetingSession


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
                # A session without a title is named by its start: the slot alone says it.
                when = f"{start.astimezone(tz):%d.%m.%Y %H:%M}"
                choices.append((key, f"{session.title} · {when}" if session.title else when))
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

    def clean_follow_up_months(self) -> list[int]:
        """A list of whole months between 1 and 24 ("[3, 6]"); anything else is refused here,
        before the model reads it as a list."""
        value = self.cleaned_data.get("follow_up_months")
        if value in (None, ""):
            return []
        if not isinstance(value, list) or not all(
            type(month) is int and 1 <= month <= 24 for month in value
        ):
            raise forms.ValidationError(
                _("Give the months as a list of whole numbers from 1 to 24, e.g. [3, 6].")
            )
        return sorted(set(value))
