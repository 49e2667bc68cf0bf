"""The board's filter of the delegations list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Event
from .models import DelegationGroup, GroupStatus

# The four states the board speaks of, and the group statuses each covers.
STATES = {
    "pending": (_("Pending (seats held)"), [GroupStatus.HELD]),
    "confirmed": (_("Confirmed"), [GroupStatus.CONFIRMED]),
    "waitlisted": (_("Waitlisted"), [GroupStatus.WAITLISTED]),
    "cancelled": (_("Cancelled or expired"), [GroupStatus.CANCELLED, GroupStatus.EXPIRED]),
}


class DelegationFilterForm(forms.Form):
    event = forms.ModelChoiceField(
        label=_("Event"),
        queryset=Event.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All events"),
    )
    state = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("All states"))] + [(key, label) for key, (label, _s) in STATES.items()],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only events that have delegations: the filter never leads to an empty list.
        self.fields["event"].queryset = Event.objects.filter(
            pk__in=DelegationGroup.objects.values("event_id")
        ).order_by("-start", "pk")

    def filter(self, groups):
        """The groups the valid filters select; all of them while the form is invalid."""
        if not self.is_valid():
            return groups
        if self.cleaned_data["event"]:
            groups = groups.filter(event=self.cleaned_data["event"])
        if self.cleaned_data["state"]:
            groups = groups.filter(status__in=STATES[self.cleaned_data["state"]][1])
        return groups
