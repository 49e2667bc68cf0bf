"""English dates as the rest of the English site writes them: day before month ("9 March
2026", "9 Mar 2026"), 24-hour times, weeks from Monday, as in Türkiye and Azerbaijan.

Django's "en" formats are American ("March 9, 2026", "03/09/2026", "3:30 p.m."), which put the
year report and the admin at odds with the pages and emails (they write "j F Y"). Based on
Django's en_GB module; the short date spells the month, so that no reader takes 03/09 for
3 September or 9 March. Input keeps en_GB's day-first forms; ISO dates are always accepted
(Django's ISO_INPUT_FORMATS).

Source: https://docs.djangoproject.com/en/5.2/topics/i18n/formatting/#creating-custom-format-files
"""

from django.conf.locale.en_GB.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
