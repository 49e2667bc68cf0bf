"""The year report at /board/report/<year>/: the page, its PDF, its tables as CSV/XLSX, and the
lists behind its figures.

Board members and staff read it (REPORT_PERMISSIONS: what the board group holds); anonymous
visitors go to the login page, anyone else gets 403. Every page only reads.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from anniversary.languages import requested_language
from anniversary.permissions import board_permission
from contacts.spreadsheets import CSV, XLSX, table_response

from . import charts, lists, pdf
from .period import DEFAULT_YEAR, PeriodForm, valid_year
from .tables import build_report

REPORT_PERMISSIONS = (
    "events.view_event",
    "events.view_registration",
    "contacts.view_delegationvisit",
    "contacts.view_meeting",
    "contacts.view_organization",
    "events.view_podcastepisode",
)
LIST_PAGE_SIZE = 50


def _period_form(request, year: int) -> PeriodForm:
    if not valid_year(year):
        raise Http404
    form = PeriodForm(request.GET, year=year)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return form


def _report(form: PeriodForm):
    return build_report(period=form.period, comparison=form.comparison, now=timezone.now())


@board_permission(*REPORT_PERMISSIONS)
def report_index(request):
    return redirect("board:report", year=DEFAULT_YEAR)


@board_permission(*REPORT_PERMISSIONS)
def report_page(request, year):
    form = _period_form(request, year)
    report = charts.draw(_report(form))
    return render(request, "board/report/report.html", _context(request, form, report, year))


def _context(request, form, report, year) -> dict:
    query = urlencode(report.period.query)
    return {
        "form": form,
        "report": report,
        "year": year,
        "years": range(DEFAULT_YEAR - 2, DEFAULT_YEAR + 2),
        "query": query,
        # Each language's own name: "Azərbaycanca" is the button a Turkish reader hands to Bakü.
        "pdf_languages": [
            (code, translation.get_language_info(code)["name_local"])
            for code, _name in settings.LANGUAGES
        ],
        "exports": (CSV, XLSX),
    }


@board_permission(*REPORT_PERMISSIONS)
def report_pdf(request, year):
    """The whole report as a PDF, in the language asked for (?lang=az) or the page's own."""
    form = _period_form(request, year)
    asked = request.GET.get("lang")
    language = requested_language(asked) if asked else translation.get_language()
    if language not in dict(settings.LANGUAGES):
        messages.error(request, _("There is no report in that language."))
        return redirect(reverse("board:report", kwargs={"year": year}))
    with translation.override(language):
        report = charts.draw(_report(form))
        context = _context(request, form, report, year) | {"pdf": True, "LANGUAGE_CODE": language}
        html = render_to_string("board/report/pdf.html", context, request=request)
        document = pdf.render(html)
    response = HttpResponse(document, content_type="application/pdf")
    stem = f"kardes40-report-{report.period.stem}-{language}"
    response["Content-Disposition"] = f'attachment; filename="{stem}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@board_permission(*REPORT_PERMISSIONS)
def report_export(request, year, table, fmt):
    if fmt not in (CSV, XLSX):
        raise Http404
    form = _period_form(request, year)
    report = _report(form)
    try:
        chosen = report.table(table)
    except KeyError:
        raise Http404 from None
    stem = f"kardes40-{table}-{report.period.stem}"
    return table_response(chosen.dataset(), fmt=fmt, file_stem=stem)


@board_permission("events.view_event")
def report_list(request, year, subject):
    """The rows behind one figure, with the same filters the figure's link carries."""
    if subject not in lists.SUBJECTS:
        raise Http404
    about = lists.SUBJECTS[subject]
    if not request.user.has_perm(about.permission):
        raise PermissionDenied
    form = _period_form(request, year)
    period = form.period
    filters = lists.ListFilterForm(request.GET, subject=subject)
    status = 200
    page = None
    headers = []
    if filters.is_valid():
        data = {key: filters.cleaned_data.get(key) for key in about.filters}
        headers, queryset, row = lists.rows_for(subject, data, period=period, now=timezone.now())
        page = Paginator(queryset, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
        page.rows = [row(item) for item in page.object_list]
    else:
        status = 400
    kept = {key: value for key, value in request.GET.items() if key != "page"}
    return render(
        request,
        "board/report/list.html",
        {
            "subject": about,
            "filters": filters,
            "period": period,
            "year": year,
            "page": page,
            "headers": headers,
            "query": urlencode(kept),
            "back": reverse("board:report", kwargs={"year": year})
            + (f"?{urlencode(period.query)}" if period.query else ""),
        },
        status=status,
    )


@require_safe
@board_permission(*REPORT_PERMISSIONS)
def report_css(request):
    """The report's stylesheet (templates/board/report/report.css) as a static-like file."""
    return render(request, "board/report/report.css", content_type="text/css; charset=utf-8")
