"""Public forms: the program filter and the delegate registration."""

import re
from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from contacts.countries import CountryChoiceField
from contacts.emails import NormalizedEmailFormField, clean_text
from contacts.enums import Language
from contacts.forms import CityChoiceField
from events.enums import EventKind

_PHONE = re.compile(r"^\+?[0-9 ()./-]{6,30}$")


class _FilterControls:
    """A GET filter form drawn by templates/events/_filter_form.html, by hand in Bootstrap 5
    markup (the page's costliest part when each menu and option went through a widget
    template): `layout` names each control with its grid column, `form_css` the form's row.

    Only menus of flat choices and checkboxes; each control is a dict (see `controls`).
    """

    layout: tuple[tuple[str, str], ...] = ()
    form_css = ""

    def controls(self) -> list[dict]:
        """One dict a control: name, id, label, css (its column), checkbox (bool), checked,
        options [(value, label, selected)], errors (messages), error_id (for aria)."""
        drawn = []
        for name, css in self.layout:
            bound = self[name]
            widget = bound.field.widget
            control = {
                "name": bound.html_name,
                "id": bound.auto_id,
                "label": bound.label,
                "css": css,
                "errors": bound.errors,
                "error_id": f"{bound.auto_id}_error",
            }
            value = bound.value()
            if isinstance(widget, forms.CheckboxInput):
                control |= {"checkbox": True, "checked": widget.check_test(value)}
            else:
                chosen = "" if value is None else str(value)
                control["options"] = [
                    (str(key), label, str(key) == chosen) for key, label in bound.field.choices
                ]
            drawn.append(control)
        return drawn


class ProgramFilterForm(_FilterControls, forms.Form):
    """GET filters of the program list. Invalid values are simply ignored (cleaned_data)."""

    layout = (
        ("city", "col-6 col-md-3"),
        ("kind", "col-6 col-md-3"),
        ("month", "col-6 col-md-2"),
        ("past", "col-6 col-md-2"),
    )
    form_css = "row g-2 align-items-end mb-4"

    city = CityChoiceField(label=_("City"))
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )
    month = forms.ChoiceField(label=_("Month"), required=False)
    past = forms.BooleanField(label=_("Include past events"), required=False)
    # Only from the month calendar's links ("3 more"); not in the form's layout.
    day = forms.IntegerField(min_value=1, max_value=31, required=False)

    def __init__(self, *args, cities: list[str], months: list[date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].set_cities(cities)
        self.set_months(months)

    def set_months(self, months) -> None:
        """Offer these months (firsts of month), and the one asked for, in the month menu."""
        months = set(months)
        asked = _parse_month(self.data.get("month", "")) if self.is_bound else None
        if asked:
            # A month linked from the calendar or an old link: shown even with nothing in it.
            months.add(asked)
        self.fields["month"].choices = [
            ("", _("From this month")),
            *(
                (m.strftime("%Y-%m"), formats.date_format(m, "YEAR_MONTH_FORMAT"))
                for m in sorted(months)
            ),
        ]

    def clean_month(self) -> date | None:
        return _parse_month(self.cleaned_data.get("month") or "")


def _parse_month(value: str) -> date | None:
    """ "2026-12" as the first of that month; None for anything else."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    # Years outside the site's range (0000, 9999) would overflow the month window's datetimes.
    if not match or not 1 <= int(match[2]) <= 12 or not 1900 <= int(match[1]) <= 2200:
        return None
    return date(int(match[1]), int(match[2]), 1)


class CalendarFilterForm(_FilterControls, forms.Form):
    """GET filters of the month calendar; the month itself is in the address."""

    layout = (("city", "col-6 col-md-4"), ("kind", "col-6 col-md-4"))
    form_css = "row g-2 align-items-end mb-3"

    city = CityChoiceField(label=_("City"))
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )

    def __init__(self, *args, cities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].set_cities(cities)


class RegistrationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        error_messages={"required": _("Please enter your full name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    # Cleaned to the one stored form (contacts.emails): the page after registering shows it.
    email = NormalizedEmailFormField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send the confirmation link here."),
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter a valid email address, such as name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organization = forms.CharField(
        label=_("Organization"),
        max_length=200,
        help_text=_("Company, institution or university; “Individual” if none."),
        error_messages={"required": _("Please enter your organization (or “Individual”).")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = CountryChoiceField(
        label=_("Country"),
        error_messages={
            "required": _("Please choose your country."),
            "invalid_choice": _("Please choose a country from the list."),
        },
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=Language.choices,
        help_text=_("For our emails to you."),
        error_messages={"invalid_choice": _("Please choose Turkish, Azerbaijani or English.")},
    )
    needs = forms.CharField(
        label=_("Accessibility or dietary needs (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please accept the privacy notice to register.")},
    )
    # Honeypot: hidden from people (and from screen readers); bots fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("language", Language.of_page())
        self.fields["consent"].label = format_html(
            _(
                'I have read the <a href="{}" target="_blank">privacy notice</a> and agree '
                "that my details are used to manage this registration."
            ),
            reverse("events:privacy"),
        )
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.action = action

    @cached_property
    def helper(self) -> FormHelper:
        # Built when the form is shown, not for every POST that succeeds and redirects.
        helper = FormHelper()
        helper.form_action = self.action
        helper.attrs = {"novalidate": ""}
        helper.layout = Layout(
            "full_name",
            "email",
            "organization",
            Div(
                Div("country", css_class="col-md-6"),
                Div("phone", css_class="col-md-6"),
                css_class="row",
            ),
            "language",
            "needs",
            "consent",
            Div(Field("website"), css_class="visually-hidden", aria_hidden="true"),
            HTML(
                format_html(
                    '<p class="small text-muted">{}</p>',
                    _("We use your details only for this registration; see the privacy notice."),
                )
            ),
            Submit("register", _("Register"), css_class="btn-lg"),
        )
        return helper

    def clean_full_name(self) -> str:
        try:
            return clean_text(self.cleaned_data["full_name"], required=True)
        except forms.ValidationError as error:
            if error.code == "invisible":
                raise forms.ValidationError(
                    _("Please enter your full name in visible letters."), code="invisible"
                ) from None
            raise

    def clean_organization(self) -> str:
        return clean_text(self.cleaned_data["organization"], required=True)

    def clean_needs(self) -> str:
        return clean_text(self.cleaned_data["needs"], multiline=True)

    def clean_phone(self) -> str:
        phone = clean_text(self.cleaned_data["phone"])
        if phone and not _PHONE.match(phone):
            raise forms.ValidationError(
                _("Please enter a phone number with digits only, e.g. +90 232 000 00 00.")
            )
        return phone

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))
