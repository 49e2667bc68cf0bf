"""Forms with which the board writes down people, organizations, sources, visits, meetings and
their outcomes. Layouts live here (crispy-forms); the writing is done by contacts.services."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import TEMPLATE_PACK, Column, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.html import format_html
from django.utils.text import Truncator, format_lazy
from django.utils.translation import gettext_lazy as _

from .countries import country_formfield
from .models import Affiliation, DelegationVisit, Meeting, Organization, Outcome, Person, Source
from .translation import per_language


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


class InlineRow:
    """A row of an inline list that can fold into one line: `summary()` is that line, from what
    the row holds now (the posted values when bound, else the saved ones)."""

    summary_fields: tuple[str, ...] = ()

    def value_text(self, name: str) -> str:
        field = self.fields[name]
        value = self[name].value()
        if value in (None, ""):
            return ""
        if isinstance(field, forms.ModelChoiceField):
            # The saved row's related object when the posted choice is still it (no query).
            related = getattr(self.instance, name, None)
            if related is None or str(related.pk) != str(value):
                try:
                    related = field.queryset.filter(pk=value).first()
                except (ValueError, TypeError, forms.ValidationError):
                    related = None  # a forged choice: the real save refuses it
            return field.label_from_instance(related) if related is not None else ""
        if isinstance(field, forms.DateField):
            try:
                return formats.date_format(field.to_python(value), "SHORT_DATE_FORMAT")
            except forms.ValidationError:
                return str(value)
        if getattr(field, "choices", None):
            return str(dict(field.choices).get(value, value))
        return Truncator(str(value)).chars(80)

    def summary(self) -> str:
        return " · ".join(filter(None, (self.value_text(name) for name in self.summary_fields)))

    def is_filled(self) -> bool:
        """Saved, or typed into (before "add a row"): a row worth folding."""
        if self.instance.pk:
            return True
        # The row "add a row" just made was never posted: its select's default is no change.
        posted = self.is_bound and any(self.add_prefix(name) in self.data for name in self.fields)
        return posted and self.has_changed()


ALLOW_DUPLICATE = forms.BooleanField(
    label=_("Yes, this is someone else with the same name"),
    required=False,
)


def _https_urls(field, **kwargs):
    # Addresses typed without a scheme are taken as https (Django 6's default, already today).
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return country_formfield(field, **kwargs)  # and the site's country menu


class _Languages(Row):
    """The row side_by_side() lays out. On a phone the Azerbaijani and English fields fold
    behind a toggle under the Turkish one (Bootstrap's collapse; always shown from md up),
    unless one of them holds text or an error: a page with a dozen texts in three languages,
    one under the other, was four to nine screens tall. The fields are laid out once (so
    the layout names them, as crispy's get_field_names() reads it); whether they start open
    is known only when a form is rendered, from its values."""

    def __init__(self, field: str):
        turkish, *others = per_language(field)
        self.field = field
        self.others = [Column(name) for name in others]
        super().__init__(Column(turkish, css_class="col-md-4"), *self.others)

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        group = f"languages-{form.prefix or 'form'}-{self.field}"
        unfold = any(form[column.fields[0]].value() or form[column.fields[0]].errors
                     for column in self.others)  # fmt: skip
        for column in self.others:
            column.css_class = f"col-md-4 collapse d-md-block {group}{' show' if unfold else ''}"
        toggle = format_html(
            '<div class="col-12 d-md-none mb-2"><button type="button" class="btn btn-link '
            'btn-sm p-0" data-bs-toggle="collapse" data-bs-target=".{}" aria-expanded="{}">'
            "{}</button></div>",
            group,
            "true" if unfold else "false",
            _("Azerbaijani and English"),
        )
        turkish, *others = (
            field.render(form, context, template_pack=template_pack, **kwargs)
            for field in self.fields
        )
        return render_to_string(
            self.get_template_name(template_pack),
            {"div": self, "fields": turkish + toggle + "".join(others)},
        )


def side_by_side(field: str) -> Row:
    """The three languages of a text stored per language (contacts/translation.py), Turkish
    first and required, the others falling back to it where empty: side by side on a desk;
    on a phone stacked, Azerbaijani and English folded unless filled (`_Languages`). The
    board's record forms and its event, venue, checklist and podcast forms use it."""
    return _Languages(field)


def _text_areas(rows: int, *fields: str) -> dict[str, forms.Textarea]:
    """A text area of `rows` lines for each language's column of each field."""
    return {name: forms.Textarea(attrs={"rows": rows}) for f in fields for name in per_language(f)}


class PersonForm(forms.ModelForm):
    allow_duplicate = ALLOW_DUPLICATE

    class Meta:
        model = Person
        formfield_callback = country_formfield
        fields = [
            "honorific",
            "full_name",
            "email",
            "phone",
            "preferred_language",
            "country",
            "city",
            *per_language("notes"),
            "sources",
        ]
        widgets = _text_areas(3, "notes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].widget.attrs["size"] = 5
        self.helper = _helper(
            Row(Column("honorific", css_class="col-md-3"), Column("full_name")),
            Row(Column("email"), Column("phone"), Column("preferred_language")),
            Row(Column("country"), Column("city")),
            side_by_side("notes"),
            "sources",
            "allow_duplicate",
        )


# The organization's name in each language (contacts/translation.py), Turkish first: the name
# as registered, required; the others fall back to it where empty.
ORGANIZATION_NAMES = per_language("name")
# "TDT STK Platformu", "TDT QHT Platforması", "OTS NGO Platform": the short name per language too.
SHORT_NAMES = per_language("short_name")


class OrganizationForm(forms.ModelForm):
    allow_duplicate = forms.BooleanField(
        label=_("Yes, this is another organization with the same name"), required=False
    )

    class Meta:
        model = Organization
        formfield_callback = _https_urls
        fields = [
            *ORGANIZATION_NAMES,
            *SHORT_NAMES,
            "kind",
            "country",
            "city",
            "website",
            *per_language("notes"),
            "sources",
        ]
        widgets = _text_areas(3, "notes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].widget.attrs["size"] = 5
        self.helper = _helper(
            side_by_side("name"),
            side_by_side("short_name"),
            Row(Column("kind"), Column("country"), Column("city")),
            "website",
            side_by_side("notes"),
            "sources",
            "allow_duplicate",
        )


class AffiliationForm(InlineRow, forms.ModelForm):
    summary_fields = ("role_tr", "organization", "start", "end")

    class Meta:
        model = Affiliation
        fields = ["organization", *per_language("role"), "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inline_helper()
        # The role title in its three languages; the dates side by side even on a phone.
        self.helper.layout = Layout(
            Row(Column("organization", css_class="col-md-6")),
            side_by_side("role"),
            Row(
                Column("start", css_class="col-6 col-md-3"),
                Column("end", css_class="col-6 col-md-3"),
            ),
        )


# One form posts at most this many rows of an inline list: a forged management form asking
# for thousands of rows is refused with a message instead of making thousands of queries.
MAX_INLINE_ROWS = 50
_INLINE_LIMITS = {"max_num": MAX_INLINE_ROWS, "absolute_max": MAX_INLINE_ROWS, "validate_max": True}


class InlineRows(forms.BaseInlineFormSet):
    """Rows whose layout ends with their "delete" box where the row has one (saved rows)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields and hasattr(form, "helper"):
            form.helper.layout.append("DELETE")


# One empty row to start with; "add a row" (record_views.py) posts the form back with one more.
# A row not yet saved has nothing to delete.
_INLINE_ROWS = {
    "formset": InlineRows,
    "extra": 1,
    "can_delete": True,
    "can_delete_extra": False,
    **_INLINE_LIMITS,
}

AffiliationFormSet = forms.inlineformset_factory(
    Person, Affiliation, form=AffiliationForm, **_INLINE_ROWS
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
            *per_language("summary"),
        ]
        widgets = {"published_on": DateInput(), **_text_areas(4, "summary")}
        help_texts = {"summary_tr": _("In our own words: never copy the article.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            "headline",
            Row(Column("publication"), Column("published_on"), Column("language")),
            Row(Column("url"), Column("file_name")),
            side_by_side("summary"),
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
            *per_language("title"),
            "origin_city",
            "destination_city",
            "start_date",
            "end_date",
            *per_language("dates_note"),
            *per_language("purpose"),
            "host_organization",
            "travellers",
            "organizations",
            "sources",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            **_text_areas(3, "purpose"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["travellers"].queryset = _people()
        self.fields["organizations"].queryset = _organizations()
        self.fields["host_organization"].queryset = _organizations()
        self.helper = _helper(
            Fieldset(
                _("The trip"),
                side_by_side("title"),
                Row(
                    Column("origin_city", css_class="col-6"),
                    Column("destination_city", css_class="col-6"),
                ),
                Row(Column("start_date", css_class="col-6"), Column("end_date", css_class="col-6")),
                side_by_side("dates_note"),
                side_by_side("purpose"),
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


class MeetingForm(InlineRow, forms.ModelForm):
    summary_fields = ("date", "title_tr", "city")

    class Meta:
        model = Meeting
        fields = [
            *per_language("title"),
            "date",
            "dated_by_publication",
            *per_language("place"),
            "city",
            "host_organization",
            "participants",
            "organizations",
            *per_language("topics"),
            *per_language("outcomes"),
            "sources",
        ]
        # Labelled as modeltranslation labels each language's column: "… [az]".
        labels = {
            name: format_lazy("{} [{}]", _("Summary of the outcomes"), code)
            for name, code in zip(
                per_language("outcomes"), settings.MODELTRANSLATION_LANGUAGES, strict=True
            )
        }
        widgets = {"date": DateInput(), **_text_areas(2, "topics", "outcomes")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = _people()
        self.fields["organizations"].queryset = _organizations()
        self.fields["host_organization"].queryset = _organizations()
        for name in ("participants", "organizations", "sources"):
            self.fields[name].widget.attrs["size"] = 4
        self.helper = _helper(
            side_by_side("title"),
            Row(
                Column("date", css_class="col-6 col-md-3"),
                Column("city", css_class="col-6 col-md-3"),
                Column("dated_by_publication", css_class="col-md-6"),
            ),
            side_by_side("place"),
            "host_organization",
            Row(
                Column("participants", css_class="col-md-4"),
                Column("organizations", css_class="col-md-4"),
                Column("sources", css_class="col-md-4"),
            ),
            side_by_side("topics"),
            side_by_side("outcomes"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("dated_by_publication") and not cleaned.get("date"):
            self.add_error("date", _("Give the report's publication date."))
        return cleaned


# A meeting is deleted in the admin (staff), with its outcomes, never from a visit's form.
MeetingFormSet = forms.inlineformset_factory(
    DelegationVisit, Meeting, form=MeetingForm, **{**_INLINE_ROWS, "can_delete": False}
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


class OutcomeForm(InlineRow, forms.ModelForm):
    summary_fields = ("kind", "text_tr", "owner", "follow_up_on")

    class Meta:
        model = Outcome
        fields = ["kind", *per_language("text"), "owner", "follow_up_on"]
        widgets = {"follow_up_on": DateInput(), **_text_areas(2, "text")}

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
                Column("owner", css_class="col-6 col-md-4"),
                Column("follow_up_on", css_class="col-6 col-md-4"),
            ),
            side_by_side("text"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_up_on") and not cleaned.get("owner"):
            self.add_error("owner", _("Someone must own a follow-up: choose who is reminded."))
        return cleaned


OutcomeFormSet = forms.inlineformset_factory(Meeting, Outcome, form=OutcomeForm, **_INLINE_ROWS)


def submit(label=None) -> Submit:
    return Submit("submit", label or _("Save"))
