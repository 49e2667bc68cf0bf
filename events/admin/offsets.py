"""Reminder offsets in the event admin: the site's default offsets as boxes, plus "custom".

The model keeps a JSON list of minutes; staff tick "7 days", "1 day", "2 hours" or type other
times ("3d", "90m", "4h", or plain minutes) instead of editing raw JSON.
"""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..services.reminders import MINUTES_PER_DAY

_UNIT = {"d": MINUTES_PER_DAY, "h": 60, "m": 1, "": 1}
_TOKEN = re.compile(r"^(\d+)\s*([dhm]?)$")


def offset_label(minutes: int) -> str:
    if minutes % MINUTES_PER_DAY == 0:
        days = minutes // MINUTES_PER_DAY
        return ngettext("%(n)d day before", "%(n)d days before", days) % {"n": days}
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(n)d hour before", "%(n)d hours before", hours) % {"n": hours}
    return ngettext("%(n)d minute before", "%(n)d minutes before", minutes) % {"n": minutes}


def _short(minutes: int) -> str:
    for unit, size in (("d", MINUTES_PER_DAY), ("h", 60)):
        if minutes % size == 0:
            return f"{minutes // size}{unit}"
    return f"{minutes}m"


def _choices() -> list[tuple[str, str]]:
    return [(str(o), offset_label(o)) for o in settings.REMINDER_DEFAULT_OFFSETS]


class ReminderOffsetsWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        super().__init__(
            [
                forms.CheckboxSelectMultiple(choices=_choices()),
                forms.TextInput(attrs={"placeholder": _("custom, e.g. 3d, 4h, 90m"), "size": 30}),
            ],
            attrs,
        )

    def get_context(self, name, value, attrs):
        # Labels in the language of this request, not of the moment the admin was imported.
        self.widgets[0].choices = _choices()
        # The stored value is itself a list (of minutes), which MultiWidget would take for
        # the already split [boxes, text]; split it here instead.
        if isinstance(value, list) and all(isinstance(v, int) for v in value):
            value = self.decompress(value)
        return super().get_context(name, value, attrs)

    def decompress(self, value):
        offsets = [int(o) for o in (value or [])]
        defaults = set(settings.REMINDER_DEFAULT_OFFSETS)
        return [
            [str(o) for o in offsets if o in defaults],
            ", ".join(_short(o) for o in offsets if o not in defaults),
        ]


class ReminderOffsetsField(forms.MultiValueField):
    """Cleans to a sorted list of minutes, longest first; [] means the site default."""

    widget = ReminderOffsetsWidget

    def __init__(self, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        fields = (
            forms.MultipleChoiceField(
                choices=[(str(o), str(o)) for o in settings.REMINDER_DEFAULT_OFFSETS],
                required=False,
            ),
            forms.CharField(required=False),
        )
        super().__init__(fields, require_all_fields=False, required=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return []
        ticked, custom = data_list
        minutes = {int(o) for o in ticked or []}
        for token in filter(None, (t.strip().lower() for t in (custom or "").split(","))):
            match = _TOKEN.match(token)
            if not match or int(match.group(1)) == 0:
                raise ValidationError(
                    _("“%(value)s” is not a time before the event; write e.g. 3d, 4h or 90m."),
                    params={"value": token},
                )
            minutes.add(int(match.group(1)) * _UNIT[match.group(2)])
        return sorted(minutes, reverse=True)
