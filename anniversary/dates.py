"""Month names in dates, as each language writes them: one rule for every page, mail and PDF.

Azerbaijani writes month names in lower case, at the start of a date as in its middle
("15 iyun 2027", "iyun 2027"), as CLDR does and so as babel formats them
(events.board.report.timeline). Django's own Azerbaijani catalog capitalises them ("İyun"),
and its abbreviations differ from CLDR's ("iyn" but "ynv" for "yan"); the interface catalog
(locale/az) therefore translates Django's month msgids itself, with CLDR's names. They are
declared below so that makemessages keeps them. That covers every path through Django's date
formatting: the |date filter, `django.utils.formats.date_format` with the language's named
formats (DATE_FORMAT is "j E Y" in az), the admin, the board's reports.

One path the catalog cannot reach: the "M" format character ("15 Haz 2027") title-cases the
abbreviation after translating it, which would give "Iyn". `DateFormat` here keeps the case
the catalog gives when that language writes its month names in lower case, and is used by
the |date filter of every template (settings.TEMPLATES "builtins" lists this module) and by
`date_format()` for Python code. Turkish and English come out exactly as Django writes them.

Source: CLDR months (https://cldr.unicode.org), Django's format characters
(https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date).
"""

from datetime import date, datetime

from django import template
from django.utils import dateformat
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.formats import get_format
from django.utils.translation import get_language, gettext_noop, pgettext_lazy, to_locale

register = template.Library()

# Django's month msgids (django/utils/dates.py), repeated so that makemessages keeps their
# translations in locale/: MONTHS ("F"), MONTHS_3 ("b", "M"), MONTHS_AP ("N"), MONTHS_ALT ("E").
MONTH_MSGIDS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
    gettext_noop("jan"),
    gettext_noop("feb"),
    gettext_noop("mar"),
    gettext_noop("apr"),
    gettext_noop("may"),
    gettext_noop("jun"),
    gettext_noop("jul"),
    gettext_noop("aug"),
    gettext_noop("sep"),
    gettext_noop("oct"),
    gettext_noop("nov"),
    gettext_noop("dec"),
)
MONTH_MSGIDS_WITH_CONTEXT = (
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)


def months_in_lower_case() -> bool:
    """Whether the active language's catalog writes month names in lower case (az: "iyun")."""
    return str(MONTHS[6])[:1].islower()


class DateFormat(dateformat.DateFormat):
    """Django's DateFormat, but "M" keeps a lower-case month abbreviation lower case."""

    def M(self):  # noqa: N802 - Django's name for the format character
        if months_in_lower_case():
            return str(MONTHS_3[self.data.month])
        return super().M()


def date_format(value: date | datetime, format: str | None = None, use_l10n=None) -> str:
    """`django.utils.formats.date_format` with the month rule above: `format` is a named format
    ("DATE_FORMAT", the default) or format characters ("j M Y"). A datetime is formatted as
    given: convert it to the zone to show first (events.timezones.localize)."""
    return DateFormat(value).format(get_format(format or "DATE_FORMAT", use_l10n=use_l10n))


@register.filter("date", expects_localtime=True, is_safe=False)
def date_filter(value, arg=None):
    """Django's |date filter (same arguments, same empty result for a missing or wrong value),
    with the month rule above; it replaces the built-in one in every template."""
    if value in (None, ""):
        return ""
    try:
        return date_format(value, arg)
    except AttributeError:
        try:
            return DateFormat(value).format(arg)
        except AttributeError:
            return ""


# CLDR locales for the site's languages where the bare code is not how the site writes dates:
# CLDR's "en" is American ("March 9, 2026"); the site writes English dates day first.
_CLDR_LOCALES = {"en": "en_GB"}


def cldr_locale(language: str | None = None) -> str:
    """The CLDR locale (babel's "az", "tr", "en_GB") that formats dates of `language` (default:
    the active one; Turkish when none) as the rest of the site does (see formats/en)."""
    language = (language or get_language() or "tr").split("-")[0].lower()
    return _CLDR_LOCALES.get(language, to_locale(language))
