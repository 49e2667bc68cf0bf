from datetime import date

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from events.board import selectors as board_selectors
from events.board.forms import CalendarFilterForm
from events.board.views.base import BoardPermissionMixin
from events.enums import EventKind


class _CalendarView(BoardPermissionMixin, TemplateView):
    permission_required = "events.view_event"
    extra_context = {"kinds": EventKind.choices}

    def filter_form(self) -> CalendarFilterForm:
        return CalendarFilterForm(self.request.GET or None)

    def querystring(self) -> str:
        query = self.request.GET.copy()
        query.pop("page", None)
        return f"?{query.urlencode()}" if query else ""


class MonthCalendarView(_CalendarView):
    """All events of a month, internal and cancelled ones too, on a Monday-first grid."""

    template_name = "board/calendar_month.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        year = self.kwargs.get("year", today.year)
        month = self.kwargs.get("month", today.month)
        if not (1 <= month <= 12 and 1900 <= year <= 2200):
            raise Http404
        form = self.filter_form()
        month_view = board_selectors.month_calendar(year, month, **form.filters())
        query = self.querystring()
        return super().get_context_data(
            calendar=month_view,
            filter_form=form,
            today=today,
            previous_url=reverse(
                "board:calendar_month",
                kwargs={"year": month_view.previous.year, "month": month_view.previous.month},
            )
            + query,
            next_url=reverse(
                "board:calendar_month",
                kwargs={"year": month_view.next.year, "month": month_view.next.month},
            )
            + query,
            week_url=reverse(
                "board:calendar_week",
                kwargs=dict(
                    zip(
                        ("year", "week"),
                        date(year, month, 1).isocalendar()[:2],
                        strict=True,
                    )
                ),
            )
            + query,
            **kwargs,
        )


class WeekCalendarView(_CalendarView):
    """One ISO week, Monday to Sunday, each event at its local time."""

    template_name = "board/calendar_week.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        this_year, this_week = today.isocalendar()[:2]
        year = self.kwargs.get("year", this_year)
        week = self.kwargs.get("week", this_week)
        try:
            date.fromisocalendar(year, week, 1)
        except ValueError as exc:
            raise Http404 from exc
        if not 1900 <= year <= 2200:
            raise Http404
        form = self.filter_form()
        week_view = board_selectors.week_calendar(year, week, **form.filters())
        query = self.querystring()
        monday = week_view.days[0].day
        return super().get_context_data(
            calendar=week_view,
            filter_form=form,
            today=today,
            previous_url=reverse(
                "board:calendar_week",
                kwargs=dict(zip(("year", "week"), week_view.previous, strict=True)),
            )
            + query,
            next_url=reverse(
                "board:calendar_week",
                kwargs=dict(zip(("year", "week"), week_view.next, strict=True)),
            )
            + query,
            month_url=reverse(
                "board:calendar_month", kwargs={"year": monday.year, "month": monday.month}
            )
            + query,
            **kwargs,
        )
