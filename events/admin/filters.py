"""The event list's filters: time, and the year and month in each venue's own zone."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib import admin
from django.db.models import Max, Min, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from contacts.admin import month_bounds

from ..enums import DatePrecision
from ..models import Event, Venue
from ..timezones import localize, zone


class WhenFilter(admin.SimpleListFilter):
    """Upcoming or past, the first question when scheduling."""

    title = gettext_lazy("time")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", gettext_lazy("Upcoming")), ("past", gettext_lazy("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return queryset


def _local_starts(queryset):
    """Each event's start in its venue's zone: a Bakü plan for "2026" starts on 1 January
    2026 there, though it is still 31 December 2025 in İzmir (and in UTC)."""
    rows = queryset.values_list("start", "venue__time_zone")
    return [localize(start, zone_name or settings.TIME_ZONE) for start, zone_name in rows]


def _in_local_window(queryset, first: date, after: date):
    """Events overlapping [first, after) in their own venue's zone (one Q per zone in use)."""
    zones = set(Venue.objects.values_list("time_zone", flat=True)) | {settings.TIME_ZONE}
    match = Q()
    for zone_name in zones:
        tz = zone(zone_name)
        start, end = (datetime.combine(day, time(0), tzinfo=tz) for day in (first, after))
        in_zone = (
            Q(venue__time_zone=zone_name)
            if zone_name != settings.TIME_ZONE
            else Q(venue__time_zone=zone_name) | Q(venue__isnull=True)
        )
        match |= in_zone & Q(start__lt=end, end__gt=start)
    return queryset.filter(match)


class EventYearFilter(admin.SimpleListFilter):
    """The year in the venue's own zone (the admin's date hierarchy would use İzmir's)."""

    title = gettext_lazy("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = sorted({start.year for start in _local_starts(Event.objects.all())}, reverse=True)
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            year = int(self.value())
            first, after = date(year, 1, 1), date(year + 1, 1, 1)
        except ValueError:
            return queryset.none()
        return _in_local_window(queryset, first, after)


class EventMonthFilter(admin.SimpleListFilter):
    """Events taking place (at least partly) in a month, in their venue's zone, as the public
    calendar counts them (Event.local_months). "Sometime in 2026" is in no month."""

    title = gettext_lazy("month")
    parameter_name = "month"

    def lookups(self, request, model_admin):
        dated = Event.objects.exclude(date_precision=DatePrecision.YEAR)
        span = dated.order_by().aggregate(first=Min("start"), last=Max("end"))
        if span["first"] is None:
            return []
        first = (span["first"] - timedelta(days=1)).date()
        last = (span["last"] + timedelta(days=1)).date()
        months = sorted(dated.local_month_counts(first, last), reverse=True)
        return [(m.strftime("%Y-%m"), date_format(m, "YEAR_MONTH_FORMAT")) for m in months]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        bounds = month_bounds(self.value())
        if bounds is None:
            return queryset.none()
        first, last = bounds[0], bounds[1] - timedelta(days=1)
        candidates = (
            queryset.exclude(date_precision=DatePrecision.YEAR)
            .around_local_days(first, last)
            .select_related("venue")
        )
        return queryset.filter(
            pk__in=[event.pk for event in candidates if event.local_months(first, last)]
        )
