"""Forms of the business program that participants fill in: profile, directory filter, request.

The board's forms are in board_forms.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.countries import CountryChoiceField, country_formfield

from .enums import Sector, SpokenLanguage
from .models import Participant


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Participant
        formfield_callback = country_formfield
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
    country = CountryChoiceField(label=_("Country"), required=False, blank_label=_("All countries"))
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
