"""Participant pages, reached through the signed link in their emails (no account).

Every view starts from the link: a bad or foreign token gets the "link does not work" page and
changes nothing. Views are thin: read the link, validate a form, call one service.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from contacts.text import language_sort_key

from ..tokens import BadToken, read_token
from .agenda import agenda, agenda_ics, agenda_pdf
from .deliveries import held_meetings
from .enums import OutcomeAnswer
from .forms import DirectoryFilterForm, ProfileForm, RequestForm
from .links import PARTICIPANT
from .models import MeetingOutcome, MeetingRequest, MeetingSession, Participant
from .services import (
    MatchmakingError,
    answer_request,
    matchmaking_of,
    record_outcome,
    request_meeting,
    save_profile,
    set_slot_closed,
    withdraw_request,
)

DIRECTORY_LIMIT = 200


def _link(pk: int, token: str):
    """(registration, participant or None) for a good link to an event with matchmaking."""
    try:
        registration = read_token(
            token, purpose=PARTICIPANT, max_age=settings.REGISTRATION_LINK_MAX_AGE_DAYS * 86400
        )
    except BadToken:
        return None, None
    if registration.pk != pk or matchmaking_of(registration.event) is None:
        return None, None
    participant = (
        Participant.objects.select_related("registration", "event__venue")
        .filter(registration=registration)
        .first()
    )
    return registration, participant


def _bad_link(request):
    return render(request, "events/bad_link.html", status=403)


def _fail(request, exc: MatchmakingError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@require_safe
def home(request, pk: int, token: str):
    registration, participant = _link(pk, token)
    if registration is None:
        return _bad_link(request)
    if participant is None:
        return redirect("b2b:profile", pk=pk, token=token)
    # Overdue requests are expired by the sweep (events.tasks), not by a page view: a GET
    # changes nothing.
    related = ("requester__registration", "recipient__registration")
    received = participant.requests_received.select_related(*related).order_by("-created_at")
    sent = participant.requests_sent.select_related(*related).order_by("-created_at")
    return render(
        request,
        "b2b/home.html",
        {
            "participant": participant,
            "event": participant.event,
            "token": token,
            "received": received,
            "sent": sent,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def profile(request, pk: int, token: str):
    registration, participant = _link(pk, token)
    if registration is None:
        return _bad_link(request)
    initial = {"country": registration.country, "organization_name": registration.organization}
    form = ProfileForm(request.POST or None, instance=participant, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_profile(registration=registration, **form.cleaned_data)
        except MatchmakingError as exc:
            _fail(request, exc)
        else:
            messages.success(request, _("Your business profile is saved."))
            return redirect("b2b:home", pk=pk, token=token)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "b2b/profile.html",
        {"form": form, "event": registration.event, "token": token, "pk": pk},
        status=status,
    )


@require_safe
def directory(request, pk: int, token: str):
    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    form = DirectoryFilterForm(request.GET or None)
    listed = (
        Participant.objects.listed()
        .filter(event=participant.event)
        .exclude(pk=participant.pk)
        .select_related("registration")
    )
    # In the alphabetical order of the page's language, not the database's collation: sorted
    # here (a few hundred participants an event), then cut.
    language = (get_language() or "tr")[:2]
    people = sorted(
        form.filtered(listed),
        key=lambda other: (language_sort_key(other.organization_name, language), other.pk),
    )[:DIRECTORY_LIMIT]
    return render(
        request,
        "b2b/directory.html",
        {
            "participant": participant,
            "event": participant.event,
            "token": token,
            "form": form,
            "people": people,
            "pk": pk,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def ask(request, pk: int, token: str, participant_id: int):
    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    other = get_object_or_404(
        Participant.objects.listed().select_related("registration"),
        pk=participant_id,
        event=participant.event,
    )
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_meeting(requester=participant, recipient=other, **form.cleaned_data)
        except MatchmakingError as exc:
            _fail(request, exc)
        else:
            messages.success(request, _("Your request is on its way."))
            return redirect("b2b:home", pk=pk, token=token)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "b2b/ask.html",
        {
            "participant": participant,
            "other": other,
            "form": form,
            "token": token,
            "pk": pk,
            "event": participant.event,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def answer(request, pk: int, token: str, request_id: int):
    """The email's link lands here: one page, two buttons (GET never changes anything)."""
    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("requester__registration"),
        pk=request_id,
        recipient=participant,
    )
    if request.method == "POST":
        choice = request.POST.get("answer")
        if choice not in ("accept", "decline"):
            messages.error(request, _("Choose accept or decline."))
        else:
            try:
                answer_request(
                    meeting_request=meeting_request, by=participant, accept=choice == "accept"
                )
            except MatchmakingError as exc:
                _fail(request, exc)
            else:
                messages.success(request, _("Thank you, your answer is recorded."))
        return redirect("b2b:home", pk=pk, token=token)
    return render(
        request,
        "b2b/answer.html",
        {
            "participant": participant,
            "meeting_request": meeting_request,
            "token": token,
            "pk": pk,
            "event": participant.event,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def availability(request, pk: int, token: str):
    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    sessions = list(MeetingSession.objects.filter(event=participant.event))
    if request.method == "POST":
        session = next((s for s in sessions if str(s.pk) == request.POST.get("session")), None)
        starts = {s.isoformat(): s for s in (session.slot_starts() if session else [])}
        slot = starts.get(request.POST.get("slot", ""))
        if slot is None:
            messages.error(request, _("This is not a slot of this event."))
        else:
            set_slot_closed(
                participant=participant,
                session=session,
                starts_at=slot,
                closed=request.POST.get("closed") == "1",
            )
        return redirect("b2b:availability", pk=pk, token=token)
    closed = set(participant.closed_slots.values_list("session_id", "starts_at"))
    rows = [
        (session, [(start, (session.pk, start) in closed) for start in session.slot_starts()])
        for session in sessions
    ]
    return render(
        request,
        "b2b/availability.html",
        {
            "participant": participant,
            "event": participant.event,
            "rows": rows,
            "token": token,
            "pk": pk,
        },
    )


@require_safe
def agenda_page(request, pk: int, token: str):
    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    return render(
        request,
        "b2b/agenda.html",
        {
            "participant": participant,
            "event": participant.event,
            "items": agenda(participant),
            "token": token,
            "pk": pk,
        },
    )


@require_safe
def agenda_calendar(request, pk: int, token: str):
    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    response = HttpResponse(
        agenda_ics(participant, agenda(participant)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{participant.event.slug}-b2b.ics"'
    return response


@require_safe
def agenda_document(request, pk: int, token: str):
    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    response = HttpResponse(
        agenda_pdf(participant, agenda(participant)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{participant.event.slug}-b2b.pdf"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def follow_up(request, pk: int, token: str):
    """Months later, from the follow-up email: what came of each meeting held."""

    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    meetings = list(
        held_meetings(participant.event).involving(participant).with_parties().order_by("starts_at")
    )
    if request.method == "POST":
        saved = 0
        for meeting in meetings:
            answer = request.POST.get(f"answer-{meeting.pk}", "")
            if not answer:
                continue
            try:
                record_outcome(
                    meeting=meeting,
                    participant=participant,
                    answer=answer,
                    note=request.POST.get(f"note-{meeting.pk}", ""),
                )
            except MatchmakingError as exc:
                _fail(request, exc)
            else:
                saved += 1
        if saved:
            messages.success(request, _("Thank you, your answers are recorded."))
        return redirect("b2b:follow_up", pk=pk, token=token)
    answers = {
        o.meeting_id: o
        for o in MeetingOutcome.objects.filter(participant=participant, meeting__in=meetings)
    }
    rows = [(m, m.request.other(participant), answers.get(m.pk)) for m in meetings]
    return render(
        request,
        "b2b/follow_up.html",
        {
            "participant": participant,
            "event": participant.event,
            "rows": rows,
            "choices": OutcomeAnswer.choices,
            "token": token,
            "pk": pk,
        },
    )


@require_http_methods(["POST"])
def withdraw(request, pk: int, token: str, request_id: int):
    registration, participant = _link(pk, token)
    if participant is None:
        return _bad_link(request)
    meeting_request = get_object_or_404(MeetingRequest, pk=request_id, requester=participant)
    try:
        withdraw_request(meeting_request=meeting_request, by=participant)
    except MatchmakingError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Your request is withdrawn."))
    return redirect("b2b:home", pk=pk, token=token)
