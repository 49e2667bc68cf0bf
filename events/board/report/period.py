"""The stretch of time a report covers: a calendar year, or a date range chosen by the board.

First and last day included. They are calendar days, not instants: each event is placed on
the day it starts in its venue's zone (selectors.py), so a period has no single UTC window.
"""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# 1986 + 40: the year the report opens on when none is asked for.
DEFAULT_YEAR = 2026
FIRST_YEAR = 1986
LAST_YEAR = 2100
# Longer ranges are still answered, but a report over decades is nobody's question.
MAX_RANGE_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def is_year(self) -> bool:
        return (self.first.month, self.first.day, self.last.month, self.last.day) == (
            1,
            1,
            12,
            31,
        ) and (self.first.year == self.last.year)

    def earlier(self, years: int = 1) -> "Period":
        """The same days `years` years before (29 February becomes the 28th)."""
        return Period(_minus_years(self.first, years), _minus_years(self.last, years))

    @property
    def label(self) -> str:
        if self.is_year:
            return str(self.first.year)
        return f"{date_format(self.first, 'SHORT_DATE_FORMAT')} – {date_format(self.last, 'SHORT_DATE_FORMAT')}"

    @property
    def query(self) -> dict[str, str]:
        """The URL parameters that select this period on top of a year's URL ({} for a year)."""
        if self.is_year:
            return {}
        return {"from": self.first.isoformat(), "to": self.last.isoformat()}

    @property
    def stem(self) -> str:
        """For file names."""
        return str(self.first.year) if self.is_year else f"{self.first}_{self.last}"


def _minus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class PeriodForm(forms.Form):
    """GET parameters next to the year in the URL: an optional date range and a comparison year."""

    from_ = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    compare = forms.IntegerField(
        label=_("Compare with the year"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
    )

    def __init__(self, data=None, *, year: int, **kwargs):
        if data is not None:
            # "from" is a Python keyword; the URL keeps the word people read.
            data = data.copy()
            if "from" in data:
                data["from_"] = data.get("from")
        super().__init__(data, **kwargs)
        self.year = year

    def clean(self):
        data = super().clean()
        first, last = data.get("from_"), data.get("to")
        if bool(first) != bool(last):
            raise forms.ValidationError(_("Give both the first and the last day of the range."))
        if first and last:
            if last < first:
                raise forms.ValidationError(_("The last day must not be before the first."))
            if (last - first).days > MAX_RANGE_DAYS:
                raise forms.ValidationError(_("Choose a range of at most three years."))
        return data

    @property
    def period(self) -> Period:
        """The asked range, or the URL's year when no (valid) range was asked for."""
        if self.is_valid() and self.cleaned_data.get("from_"):
            return Period(self.cleaned_data["from_"], self.cleaned_data["to"])
        return Period.year(self.year)

    @property
    def comparison(self) -> Period:
        """The period to compare with: the asked year, else the same days a year before."""
        period = self.period
        compare = self.cleaned_data.get("compare") if self.is_valid() else None
        if compare and period.is_year:
            return Period.year(compare)
        return period.earlier()


def valid_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR
