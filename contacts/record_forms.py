"""Forms with which the board writes down people, organizations, sources, visits, meetings and
their outcomes. Layouts live here (crispy-forms); the writing is done by contacts.services."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Affiliation, DelegationVisit, Meeting, Organization, Outcome, Person, Source


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _helper(*layout, submit=None) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*layout)
    # The formsets below render inside the same <form>; the template closes it.
    helper.form_tag = False
    # A form inside a formset carries its row's id as a hidden field.
    helper.render_hidden_fields = True
    return helper


def inline_helper() -> FormHelper:
    """A formset's rows: no <form> tag and no CSRF of their own, one compact block each."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.render_hidden_fields = True
    return helper


ALLOW_DUPLICATE = forms.BooleanField(
    label=_("Yes, this is someone else with the same name"),
    required=False,
)


def _https_urls(field, **kwargs):
    # Addresses typed without a scheme are taken as https (Django 6's default, already today).
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class PersonForm(forms.ModelForm):
    allow_duplicate = ALLOW_DUPLICATE

    class Meta:
        model = Person
        fields = [
            "honorific",
            "full_name",
            "email",
            "phone",
            "preferred_language",
            "country",
            "city",
            "notes",
            "sources",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].widget.attrs["size"] = 5
        self.helper = _helper(
            Row(Column("honorific", css_class="col-md-3"), Column("full_name")),
            Row(Column("email"), Column("phone"), Column("preferred_language")),
            Row(Column("country"), Column("city")),
            "notes",
            "sources",
            "allow_duplicate",
        )


class OrganizationForm(forms.ModelForm):
    allow_duplicate = forms.BooleanField(
        label=_("Yes, this is another organization with the same name"), required=False
    )

    class Meta:
        model = Organization
        formfield_callback = _https_urls
        fields = ["name", "short_name", "kind", "country", "city", "website", "notes", "sources"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].widget.attrs["size"] = 5
        self.helper = _helper(
            Row(Column("name", css_class="col-md-8"), Column("short_name")),
            Row(Column("kind"), Column("country"), Column("city")),
            "website",
            "notes",
            "sources",
            "allow_duplicate",
        )


class AffiliationForm(forms.ModelForm):
    class Meta:
        model = Affiliation
        fields = ["organization", "role", "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inline_helper()
        self.helper.layout = Layout(
            Row(
                Column("organization", css_class="col-md-4"),
                Column("role", css_class="col-md-4"),
                Column("start", css_class="col-md-2"),
                Column("end", css_class="col-md-2"),
            ),
            "DELETE",
        )


# One form posts at most this many rows of an inline list: a forged management form asking
# for thousands of rows is refused with a message instead of making thousands of queries.
MAX_INLINE_ROWS = 50
_INLINE_LIMITS = {"max_num": MAX_INLINE_ROWS, "absolute_max": MAX_INLINE_ROWS, "validate_max": True}

AffiliationFormSet = forms.inlineformset_factory(
    Person, Affiliation, form=AffiliationForm, extra=2, can_delete=True, **_INLINE_LIMITS
)


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        formfield_callback = _https_urls
        fields = [
            "headline",
            "publication",
            "published_on",
            "language",
            "url",
            "file_name",
            "summary",
        ]
        widgets = {"published_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"summary": _("In our own words: never copy the article.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            "headline",
            Row(Column("publication"), Column("published_on"), Column("language")),
            Row(Column("url"), Column("file_name")),
            "summary",
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("url") and not cleaned.get("file_name"):
            raise forms.ValidationError(_("Give the article's address or its file name."))
        return cleaned


def _people():
    return Person.objects.alphabetical()


def _organizations():
    return Organization.objects.alphabetical()


class VisitForm(forms.ModelForm):
    class Meta:
        model = DelegationVisit
        fields = [
            "title",
            "origin_city",
            "destination_city",
            "start_date",
            "end_date",
            "dates_note",
            "purpose",
            "host_organization",
            "travellers",
            "organizations",
            "sources",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["travellers"].queryset = _people()
        self.fields["organizations"].queryset = _organizations()
        self.fields["host_organization"].queryset = _organizations()
        self.helper = _helper(
            Fieldset(
                _("The trip"),
                "title",
                Row(Column("origin_city"), Column("destination_city")),
                Row(Column("start_date"), Column("end_date")),
                "dates_note",
                "purpose",
            ),
            Fieldset(
                _("Who"),
                "host_organization",
                Row(Column(Field("travellers", size=6)), Column(Field("organizations", size=6))),
                Field("sources", size=4),
            ),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if end and not start:
            self.add_error("start_date", _("Give the first day too, or leave both empty."))
        elif start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first."))
        return cleaned


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "title",
            "date",
            "dated_by_publication",
            "place",
            "city",
            "host_organization",
            "participants",
            "organizations",
            "topics",
            "outcomes",
            "sources",
        ]
        labels = {"outcomes": _("Summary of the outcomes")}
        widgets = {
            "date": DateInput(),
            "topics": forms.Textarea(attrs={"rows": 2}),
            "outcomes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = _people()
        self.fields["organizations"].queryset = _organizations()
        self.fields["host_organization"].queryset = _organizations()
        for name in ("participants", "organizations", "sources"):
            self.fields[name].widget.attrs["size"] = 4
        self.helper = _helper(
            "title",
            Row(Column("date"), Column("dated_by_publication"), Column("place"), Column("city")),
            "host_organization",
            Row(Column("participants"), Column("organizations"), Column("sources")),
            Row(Column("topics"), Column("outcomes")),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("dated_by_publication") and not cleaned.get("date"):
            self.add_error("date", _("Give the report's publication date."))
        return cleaned


MeetingFormSet = forms.inlineformset_factory(
    DelegationVisit, Meeting, form=MeetingForm, extra=3, can_delete=True, **_INLINE_LIMITS
)


def possible_owners():
    """Active users who may change meetings: the board and the superusers, by name."""
    return (
        get_user_model()
        .objects.with_perm(
            "contacts.change_meeting", backend="django.contrib.auth.backends.ModelBackend"
        )
        .filter(is_active=True)
        .order_by("first_name", "last_name", "username")
    )


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["kind", "text", "owner", "follow_up_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "follow_up_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = possible_owners()
        self.fields["owner"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.helper = inline_helper()
        self.helper.layout = Layout(
            Row(
                Column("kind", css_class="col-md-4"),
                Column("owner", css_class="col-md-4"),
                Column("follow_up_on", css_class="col-md-4"),
            ),
            "text",
            "DELETE",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_up_on") and not cleaned.get("owner"):
            self.add_error("owner", _("Someone must own a follow-up: choose who is reminded."))
        return cleaned


OutcomeFormSet = forms.inlineformset_factory(
    Meeting, Outcome, form=OutcomeForm, extra=2, can_delete=True, **_INLINE_LIMITS
)


def submit(label=None) -> Submit:
    return Submit("submit", label or _("Save"))
