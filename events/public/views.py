"""Public pages: home, program, month calendar, event page, iCal, registration, self-service.

Views are thin: read through selectors, act through services/registration.py, and turn a
domain error into a message next to the form or on the page.
"""

import base64
import logging
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from anniversary.clientip import client_ip
from events.availability import availability, can_register_again
from events.enums import RegistrationStatus
from events.links import checkin_url
from events.models import Event, Registration
from events.public import selectors
from events.public.forms import CalendarFilterForm, ProgramFilterForm, RegistrationForm
from events.public.pagecache import cached_page
from events.qr import qr_png
from events.services.privacy import erase_own_registration
from events.services.registration import (
    RegistrationBusy,
    RegistrationError,
    cancel_registration,
    client_network,
    confirm_registration,
    register_delegate,
)
from events.throttle import registration_limited
from events.tokens import SELF_SERVICE, BadToken, read_token
from events.web import flash_errors

logger = logging.getLogger(__name__)


@require_safe
@cached_page()
def home(request):
    return render(
        request,
        "events/home.html",
        {
            "milestones": selectors.milestones(),
            "next_events": selectors.next_events(),
            "months": selectors.months_of_year(),
            "protocol_year": selectors.PROTOCOL_YEAR,
            "anniversary_year": selectors.ANNIVERSARY_YEAR,
        },
    )


def _asked_city(form) -> str:
    """The city filter: the menu's spelling of the city asked for in any spelling; a city not
    in the program as asked (it matches no event: the page says so beside the menu)."""
    form.is_valid()  # a bad value drops that filter only: cleaned_data keeps the good ones
    if "city" in form.errors:
        return form.fields["city"].to_python(form.data.get("city", ""))  # as the message says
    return form.cleaned_data.get("city") or ""


def _filters(form: ProgramFilterForm) -> selectors.ProgramFilters:
    city = _asked_city(form)
    data = form.cleaned_data
    return selectors.ProgramFilters(
        city=city,
        kind=data.get("kind") or "",
        month=data.get("month"),
        include_past=bool(data.get("past")),
        day=data.get("day"),
    )


@require_safe
@cached_page("city", "kind", "month", "past", "page", "day")
def program(request):
    """One month of the program with an index of the months: never every event on one page."""
    form = ProgramFilterForm(request.GET or None, cities=selectors.program_cities(), months=[])
    filters = _filters(form) if request.GET else selectors.ProgramFilters()
    index = selectors.program_index(filters)
    form.set_months(month for month, _count in index)
    month = filters.month or selectors.default_month(index)
    listing = selectors.program_month(filters, month)
    page = Paginator(listing.events, selectors.PROGRAM_PAGE_SIZE).get_page(request.GET.get("page"))
    day = filters.the_day(month)
    query = urlencode(
        {key: value for key, value in (("city", filters.city), ("kind", filters.kind)) if value}
        | ({"past": "on"} if filters.include_past else {})
    )
    month_query = urlencode({"month": f"{month:%Y-%m}"}) + (f"&{query}" if query else "")
    return render(
        request,
        "events/program.html",
        {
            "form": form,
            "filters": filters,
            "index": index,
            "listing": listing,
            "page_obj": page,
            "query": query,
            "day": day,
            "whole_month_query": month_query,
            "month_query": month_query + (f"&day={day.day}" if day else ""),
            "this_month": timezone.localdate(),
        },
    )


@require_safe
def calendar_today(request):
    today = timezone.localdate()
    url = reverse("events:calendar", args=[today.year, today.month])
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


@require_safe
@cached_page("city", "kind")
def month_calendar(request, year: int, month: int):
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise Http404(_("No such month."))
    form = CalendarFilterForm(request.GET, cities=selectors.program_cities())
    # An unknown kind shows every kind; an unknown city shows none, and says so.
    city = _asked_city(form)
    kind = form.cleaned_data.get("kind") or ""
    grid = selectors.month_calendar(year, month, city=city, kind=kind)
    query = urlencode({k: v for k, v in (("city", city), ("kind", kind)) if v})
    return render(
        request,
        "events/calendar.html",
        {
            "calendar": grid,
            "form": form,
            "query": f"?{query}" if query else "",
            "day_query": f"&{query}" if query else "",
            # A day's events as a list: this, the day's number, then day_query.
            "day_link": f"{reverse('events:program')}?month={year:04d}-{month:02d}&day=",
            "filtered": bool(query),
            "weekdays": [date(2024, 1, day) for day in range(1, 8)],  # a Monday-first week
        },
    )


def _public_event(slug: str) -> Event:
    try:
        return selectors.event_for_page(slug)
    except Event.DoesNotExist:
        raise Http404(_("No public event at this address.")) from None


def _registrable_event(slug: str, *, whole: bool = True) -> Event:
    """The public event at this address, with its venue; `whole=False` reads only its key and
    slug (any other field is read on first use), for a POST the service reads it for under
    its lock anyway. Raises Http404."""
    events = Event.objects.public()
    events = events.select_related("venue") if whole else events.only("pk", "slug")
    try:
        return events.get(slug=slug)
    except Event.DoesNotExist:
        raise Http404(_("No public event at this address.")) from None


@require_safe
@cached_page()
def event_detail(request, slug):
    event = _public_event(slug)
    return render(
        request,
        "events/detail.html",
        {"event": event, "availability": selectors.event_availability(event)},
    )


@require_safe
def privacy(request):
    return render(
        request,
        "events/privacy.html",
        {
            "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS,
            "hold_minutes": settings.REGISTRATION_PENDING_HOLD_MINUTES,
            "retention_months": settings.PERSONAL_DATA_RETENTION_MONTHS,
            "audit_days": settings.AUDIT_LOG_RETENTION_DAYS,
        },
    )


# --- registration ---------------------------------------------------------------------------


@never_cache  # the form's CSRF token is this visitor's
@require_http_methods(["GET", "HEAD", "POST"])
def register(request, slug):
    # No seat counts and no event row up front: a successful POST needs neither (the service
    # reads the row and counts under the lock); they are read only when the page is shown.
    event = _registrable_event(slug, whole=request.method != "POST")
    action = reverse("events:register", args=[event.slug])
    form = RegistrationForm(request.POST or None, action=action)
    status = 200
    if request.method == "POST":
        if registration_limited(request, event=event, form=form):
            form.add_error(
                None,
                _("Too many registration attempts from here. Please wait a while and try again."),
            )
            status = 429
        elif form.is_valid():
            if form.is_spam:
                logger.info("Honeypot filled on %s; registration dropped.", event.slug)
                return redirect(_thanks_url(event, RegistrationStatus.PENDING))
            data = form.cleaned_data
            try:
                registration = register_delegate(
                    event=event,
                    full_name=data["full_name"],
                    email=data["email"],
                    organization=data["organization"],
                    country=data["country"],
                    phone=data["phone"],
                    language=data["language"],
                    needs=data["needs"],
                    consent=data["consent"],
                    # An address already registered gets its email again and the same page:
                    # the answer must not tell anyone who is registered.
                    resend_if_registered=True,
                    network=client_network(client_ip(request)),
                )
            except RegistrationBusy as exc:
                form.add_error(None, exc)
                status = 503
            except RegistrationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                # The address as we store and mail it, so a typo or a folded letter shows.
                messages.info(
                    request,
                    _("We sent the email to %(email)s.") % {"email": registration.email},
                )
                return redirect(_thanks_url(event, registration.answered_as))
        else:
            status = 400
        event = _registrable_event(slug)
    state = availability(event, seats_held=selectors.seats_held(event))
    response = render(
        request,
        "events/register.html",
        {"event": event, "availability": state, "form": form},
        status=status,
    )
    if status == 503:
        response["Retry-After"] = "2"
    return response


def _thanks_url(event: Event, status: str) -> str:
    outcome = "waitlist" if status == RegistrationStatus.WAITLISTED else "pending"
    return f"{reverse('events:registered', args=[event.slug])}?{urlencode({'outcome': outcome})}"


@never_cache  # the message names the visitor's address
@require_safe
def registered(request, slug):
    event = _public_event(slug)
    if event.is_cancelled or event.is_past:
        # Nobody just registered for it: the address was typed or kept, and the page would
        # say a seat is held or a place on the waitlist taken. The event's page says why not.
        return redirect(event.get_absolute_url())
    return render(
        request,
        "events/registered.html",
        {
            "event": event,
            "waitlisted": request.GET.get("outcome") == "waitlist",
            "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS,
            # The seat is held this long, the registration waits longer for its click.
            "hold_minutes": settings.REGISTRATION_PENDING_HOLD_MINUTES,
        },
    )


# --- self-service through the signed link ---------------------------------------------------


def _registration_from_link(pk: int, token: str) -> Registration | None:
    """The registration the link is for, or None if the link is bad in any way."""
    try:
        registration = read_token(
            token,
            purpose=SELF_SERVICE,
            max_age=settings.REGISTRATION_LINK_MAX_AGE_DAYS * 86400,
        )
    except BadToken:
        return None
    return registration if registration.pk == pk else None


def _bad_link(request):
    return render(request, "events/bad_link.html", status=403)


def _manage_url(registration: Registration, token: str) -> str:
    return reverse("events:manage", args=[registration.pk, token])


@never_cache
@require_safe
def manage(request, pk: int, token: str):
    registration = _registration_from_link(pk, token)
    if registration is None:
        return _bad_link(request)
    event = selectors.registration_event(registration)
    registration.event = event
    qr = None
    if registration.status == RegistrationStatus.CONFIRMED and registration.shows_personal_data:
        qr = base64.b64encode(qr_png(checkin_url(registration), scale=5)).decode()
    return render(
        request,
        "events/manage.html",
        {
            "registration": registration,
            "event": event,
            "token": token,
            "qr_png": qr,
            "can_cancel": registration.can_be_cancelled,
            "can_erase": not registration.can_be_cancelled,
            "can_register_again": can_register_again(registration),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, pk: int, token: str):
    """GET shows a button, POST confirms: link scanners in mail filters only ever GET."""
    registration = _registration_from_link(pk, token)
    if registration is None:
        return _bad_link(request)
    if request.method == "POST":
        try:
            confirm_registration(registration=registration)
        except RegistrationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("Your registration is confirmed. See you there!"))
        return redirect(_manage_url(registration, token))
    if not registration.awaits_confirmation:
        return redirect(_manage_url(registration, token))
    return render(
        request,
        "events/confirm.html",
        {"registration": registration, "event": registration.event, "token": token},
    )


@require_POST
def erase(request, pk: int, token: str):
    """The delegate erases their own registration (cancelled, expired, or the event is over).
    The link stops working at once: the secret it carries is rotated."""
    registration = _registration_from_link(pk, token)
    if registration is None:
        return _bad_link(request)
    try:
        erase_own_registration(registration=registration)
    except ValueError:
        messages.error(request, _("Cancel your registration first; then you can erase it."))
        return redirect(_manage_url(registration, token))
    return render(request, "events/erased.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, pk: int, token: str):
    """GET (and HEAD) asks "really cancel?" (a second step that needs no JavaScript); only a
    POST cancels."""
    registration = _registration_from_link(pk, token)
    if registration is None:
        return _bad_link(request)
    if request.method != "POST":
        if registration.status not in RegistrationStatus.active():
            return redirect(_manage_url(registration, token))
        event = selectors.registration_event(registration)
        return render(
            request,
            "events/cancel_confirm.html",
            {"registration": registration, "event": event, "token": token},
        )
    try:
        cancel_registration(registration=registration)
    except RegistrationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(_manage_url(registration, token))
