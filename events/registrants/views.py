"""Board pages for registrants: per event the list and its export, the door, the printable sheet.

Reading needs events.view_registration; checking in (a change) needs events.change_registration.
Anonymous visitors are sent to the login page; logged-in users without the permission get 403.
"""

import base64
from datetime import timedelta
from urllib.parse import urlencode

import tablib
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from anniversary.permissions import board_permission
from contacts.spreadsheets import CSV, XLSX, table_response
from contacts.text import SORT_LANGUAGES, language_sort_key
from events.enums import DatePrecision, RegistrationStatus
from events.models import Event, Registration
from events.registrants.forms import BoardStatus, DoorSearchForm, RegistrantFilterForm
from events.services.checkin import (
    CheckInRefused,
    check_in,
    checked_in_time,
    checkin_qr_png,
    event_refusal,
    refusal,
)
from events.services.registration_emails import resend_registration_email
from events.timezones import zone
from events.tokens import CHECK_IN, BadToken, read_token
from events.web import flash_errors

LIST_PAGE_SIZE = 50
DOOR_PAGE_SIZE = 30
EVENT_PAGE_SIZE = 25


def _status_counts(event: Event) -> dict[str, int]:
    confirmed = Q(status=RegistrationStatus.CONFIRMED)
    return event.registrations.aggregate(
        total=Count("pk"),
        **{
            BoardStatus.PENDING: Count("pk", filter=Q(status=RegistrationStatus.PENDING)),
            BoardStatus.CONFIRMED: Count("pk", filter=confirmed & Q(attended_at__isnull=True)),
            BoardStatus.ATTENDED: Count("pk", filter=confirmed & Q(attended_at__isnull=False)),
            BoardStatus.WAITLISTED: Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            BoardStatus.CANCELLED: Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
            BoardStatus.EXPIRED: Count("pk", filter=Q(status=RegistrationStatus.EXPIRED)),
        },
    )


def _by_name(registration) -> str:
    """Delegates in the alphabetical order of the page's language (as Person.alphabetical),
    numbers as numbers ("katılımcı 2" before "katılımcı 10")."""
    language = (get_language() or "tr")[:2]
    return language_sort_key(
        registration.full_name, language if language in SORT_LANGUAGES else "tr"
    )


def _event(slug: str) -> Event:
    return get_object_or_404(Event.objects.select_related("venue"), slug=slug)


@board_permission("events.view_registration")
def registrant_index(request):
    """Events with their registration numbers: the way into each event's list and door."""
    show_past = request.GET.get("past") == "1"
    day_ago = timezone.now() - timedelta(days=1)
    events = (
        Event.objects.select_related("venue")
        .with_seat_counts()
        .annotate(
            total=Count("registrations"),
            attended=Count(
                "registrations",
                filter=Q(
                    registrations__status=RegistrationStatus.CONFIRMED,
                    registrations__attended_at__isnull=False,
                ),
            ),
        )
    )
    # A plan known only by month or year has no door to check in at: listed only if someone
    # registered before it lost its day.
    events = events.filter(
        Q(date_precision__in=[DatePrecision.EXACT, DatePrecision.DAY]) | Q(total__gt=0)
    )
    events = (
        events.past(day_ago).order_by("-start")
        if show_past
        else events.upcoming(day_ago).order_by("start")
    )
    page = Paginator(events, EVENT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "board/registrants_index.html",
        {"page": page, "show_past": show_past, "filters": "past=1" if show_past else ""},
    )


@board_permission("events.view_registration")
def registrant_list(request, slug):
    event = _event(slug)
    form = RegistrantFilterForm(request.GET)
    registrations = form.filtered(event.registrations.order_by("created_at", "pk"))
    page = Paginator(registrations, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    filters = {key: request.GET[key] for key in ("q", "status") if request.GET.get(key)}
    counts = _status_counts(event)
    return render(
        request,
        "board/registrants.html",
        {
            "event": event,
            "form": form,
            "page": page,
            "counts": counts,
            "status_tabs": [(value, label, counts[value]) for value, label in BoardStatus.choices],
            "filters": urlencode(filters),
            "can_check_in": request.user.has_perm("events.change_registration"),
        },
    )


def _local(moment, event: Event) -> str:
    return moment.astimezone(zone(event.time_zone)).strftime("%Y-%m-%d %H:%M") if moment else ""


def _board_status_label(registration: Registration) -> str:
    if registration.attended_at and registration.status == RegistrationStatus.CONFIRMED:
        return str(BoardStatus.ATTENDED.label)
    return registration.get_status_display()


def registrant_table(event: Event, registrations) -> tablib.Dataset:
    """The export: one row per registration, times in the event's zone."""
    dataset = tablib.Dataset(
        headers=[
            _("Name"),
            _("Email"),
            _("Organization"),
            _("Country"),
            _("Phone"),
            _("Language"),
            _("Status"),
            _("Registered"),
            _("Confirmed"),
            _("Checked in"),
            _("Checked in by"),
            _("Accessibility or dietary needs"),
        ]
    )
    for registration in registrations:
        dataset.append(
            [
                registration.full_name,
                registration.email,
                registration.organization,
                registration.country.name,
                registration.phone,
                registration.get_language_display(),
                _board_status_label(registration),
                _local(registration.created_at, event),
                _local(registration.confirmed_at, event),
                _local(registration.attended_at, event),
                registration.checked_in_by.get_username() if registration.checked_in_by else "",
                registration.needs,
            ]
        )
    return dataset


@board_permission("events.view_registration")
def registrant_export(request, slug, fmt):
    if fmt not in (CSV, XLSX):
        raise Http404
    event = _event(slug)
    form = RegistrantFilterForm(request.GET)
    registrations = form.filtered(
        event.registrations.select_related("checked_in_by").order_by("created_at", "pk")
    )
    stem = f"{event.slug}-registrants-{timezone.localdate():%Y-%m-%d}"
    return table_response(registrant_table(event, registrations), fmt=fmt, file_stem=stem)


def _door_url(event: Event, query: str = "", page: str = "") -> str:
    url = reverse("registrants:door", kwargs={"slug": event.slug})
    params = {key: value for key, value in (("q", query), ("page", page)) if value}
    return f"{url}?{urlencode(params)}" if params else url


@board_permission("events.change_registration")
def registrant_door(request, slug):
    """The phone page at the door: find a confirmed delegate by name or email, tap to check in."""
    event = _event(slug)
    form = DoorSearchForm(request.GET)
    query = form.query
    confirmed = event.registrations.confirmed().search(query)
    people = sorted(confirmed, key=_by_name)
    page = Paginator(people, DOOR_PAGE_SIZE).get_page(request.GET.get("page"))
    # Someone at the door who is not on the confirmed list deserves a reason, not silence.
    others = []
    if query and not people:
        others = [
            {"registration": registration, "reason": refusal(registration)}
            for registration in event.registrations.exclude(
                status=RegistrationStatus.CONFIRMED
            ).search(query)[:10]
        ]
    counts = _status_counts(event)
    return render(
        request,
        "board/checkin_door.html",
        {
            "event": event,
            "form": form,
            "query": query,
            "query_filter": urlencode({"q": query}) if query else "",
            "page": page,
            "others": others,
            "attended": counts[BoardStatus.ATTENDED],
            "expected": counts[BoardStatus.ATTENDED] + counts[BoardStatus.CONFIRMED],
            "event_problem": event_refusal(event),
        },
    )


@require_POST
@board_permission("events.change_registration")
def registrant_door_check_in(request, slug, pk):
    event = _event(slug)
    registration = get_object_or_404(Registration, event=event, pk=pk)
    try:
        result = check_in(registration=registration, by=request.user)
    except CheckInRefused as refused:
        flash_errors(request, refused)
    else:
        (messages.info if result.already else messages.success)(request, result.message)
    return redirect(_door_url(event, request.POST.get("q", ""), request.POST.get("page", "")))


@require_POST
@board_permission("events.change_registration")
def registrant_resend(request, slug, pk):
    """Send a registrant the email of their registration's state again (its links)."""
    event = _event(slug)
    registration = get_object_or_404(Registration, event=event, pk=pk)
    if resend_registration_email(registration=registration) is None:
        messages.info(request, _("Demo registrations get no emails."))
    else:
        messages.success(
            request, _("The email goes to %(email)s again.") % {"email": registration.email}
        )
    return redirect(reverse("registrants:list", args=[event.slug]))


@require_http_methods(["GET", "HEAD", "POST"])
@board_permission("events.change_registration")
def scan_check_in(request, token):
    """What a phone camera opens from the confirmation email's QR code: one tap to confirm."""
    try:
        registration = read_token(token, purpose=CHECK_IN)
    except BadToken:
        return render(request, "board/checkin_scan.html", {"bad_token": True}, status=400)
    if request.method == "POST":
        try:
            result = check_in(registration=registration, by=request.user)
        except CheckInRefused:
            pass  # the page below states the reason
        else:
            (messages.info if result.already else messages.success)(request, result.message)
        return redirect(request.path)
    if registration.checked_in_by_id:
        registration = Registration.objects.select_related(
            "event", "event__venue", "checked_in_by"
        ).get(pk=registration.pk)
    return render(
        request,
        "board/checkin_scan.html",
        {
            "registration": registration,
            "event": registration.event,
            "reason": refusal(registration),
            "checked_in_at": checked_in_time(registration),
        },
    )


@board_permission("events.view_registration")
def registrant_sheet(request, slug):
    """A printable list of confirmed delegates with a signature column (and QR codes if asked)."""
    event = _event(slug)
    with_qr = request.GET.get("qr") == "1"
    people = sorted(event.registrations.confirmed(), key=_by_name)
    rows = []
    for registration in people:
        registration.event = event
        qr = None
        if with_qr:
            qr = "data:image/png;base64," + base64.b64encode(checkin_qr_png(registration)).decode(
                "ascii"
            )
        rows.append(
            {
                "registration": registration,
                "qr": qr,
                "checked_in_at": checked_in_time(registration),
            }
        )
    return render(
        request,
        "board/checkin_sheet.html",
        {"event": event, "rows": rows, "with_qr": with_qr, "printed_at": timezone.now()},
    )


@board_permission("events.view_registration")
def registrant_qr(request, slug, pk):
    """The door QR code of one registration, for staff re-sending or printing a badge."""
    registration = get_object_or_404(
        Registration.objects.select_related("event"), event__slug=slug, pk=pk
    )
    response = HttpResponse(checkin_qr_png(registration), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="checkin-{registration.pk}.png"'
    # The code lets anyone with the permission check this delegate in: keep it out of caches.
    response["Cache-Control"] = "private, no-store"
    return response
