"""Search and filter forms for the board's registrant pages (GET forms: filters live in the URL)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from events.enums import RegistrationStatus


class BoardStatus(models.TextChoices):
    """What the board sees: "attended" is a confirmed registration with a check-in time."""

    PENDING = RegistrationStatus.PENDING.value, _("Pending confirmation")
    CONFIRMED = RegistrationStatus.CONFIRMED.value, _("Confirmed, not checked in")
    ATTENDED = "attended", _("Attended")
    WAITLISTED = RegistrationStatus.WAITLISTED.value, _("On the waitlist")
    CANCELLED = RegistrationStatus.CANCELLED.value, _("Cancelled")
    EXPIRED = RegistrationStatus.EXPIRED.value, _("Expired")


def filter_by_board_status(queryset, status: str):
    if status == BoardStatus.ATTENDED:
        return queryset.attended()
    if status == BoardStatus.CONFIRMED:
        return queryset.confirmed().filter(attended_at__isnull=True)
    if status:
        return queryset.filter(status=status)
    return queryset


class RegistrantFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name or email"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or email")}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *BoardStatus.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "row row-cols-md-auto g-2 align-items-end mb-3"
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("q", wrapper_class="col-12"),
            Field("status", wrapper_class="col-12"),
            Div(Submit("", _("Search"), css_class="w-100"), css_class="col-12 mb-3"),
        )

    def filtered(self, queryset):
        """The registrations matching the valid filters; an invalid one is shown and ignored."""
        self.is_valid()
        data = self.cleaned_data
        return filter_by_board_status(queryset.search(data.get("q", "")), data.get("status", ""))


class DoorSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or email"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Name or email"),
                "autocomplete": "off",
                "autofocus": True,
                "class": "form-control-lg",
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.disable_csrf = True
        self.helper.form_show_labels = False
        self.helper.layout = Layout(
            Field("q"), Submit("", _("Search"), css_class="btn-lg w-100 mb-3")
        )

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""
