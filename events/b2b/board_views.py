"""Board pages of the business program: sessions, the scheduler, locks, moves, publishing,
no-shows. Reading needs events.view_meeting; changing needs events.change_meeting."""

from collections import defaultdict

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anniversary.permissions import board_permission

from ..models import Event
from .board_forms import MatchmakingForm, MoveForm, SessionForm
from .enums import MATCHMAKING_KINDS, OutcomeAnswer, RequestStatus
from .models import Matchmaking, Meeting, MeetingOutcome, MeetingRequest, MeetingSession
from .schedule import move_meeting, publish_session, run_scheduler, set_locked, unpublish_session
from .services import MatchmakingError, enable_matchmaking, matchmaking_of


def _event(slug: str) -> Event:
    return get_object_or_404(
        Event.objects.select_related("venue").filter(kind__in=MATCHMAKING_KINDS), slug=slug
    )


def _back(event: Event):
    return redirect("board:b2b_event", slug=event.slug)


@board_permission("events.view_meeting")
@require_safe
def event_program(request, slug):
    """One event's business program on one page: numbers, sessions with their grid, no-shows."""
    event = _event(slug)
    now = timezone.now()
    sessions = list(MeetingSession.objects.filter(event=event))
    meetings = list(
        Meeting.objects.filter(session__event=event).with_parties().order_by("starts_at", "table")
    )
    by_session = defaultdict(lambda: defaultdict(dict))
    for meeting in meetings:
        by_session[meeting.session_id][meeting.starts_at][meeting.table] = meeting
    grids = []
    for session in sessions:
        tables = range(1, session.tables + 1)
        rows = [
            (start, [by_session[session.pk][start].get(t) for t in tables])
            for start in session.slot_starts()
        ]
        grids.append((session, tables, rows))
    request_counts = dict(
        MeetingRequest.objects.filter(event=event)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    placed = {m.request_id for m in meetings}
    waiting = [
        r
        for r in MeetingRequest.objects.accepted()
        .filter(event=event)
        .select_related("requester__registration", "recipient__registration")
        if r.pk not in placed
    ]
    no_shows = [
        m
        for m in meetings
        if m.starts_at <= now
        and (
            m.request.requester.registration.attended_at is None
            or m.request.recipient.registration.attended_at is None
        )
    ]
    outcomes = dict(
        MeetingOutcome.objects.filter(meeting__session__event=event)
        .values_list("answer")
        .annotate(n=Count("pk"))
        .values_list("answer", "n")
    )
    return render(
        request,
        "b2b/board_event.html",
        {
            "event": event,
            "matchmaking": matchmaking_of(event),
            "grids": grids,
            "request_counts": [
                (label, request_counts.get(v, 0)) for v, label in RequestStatus.choices
            ],
            "participants": event.b2b_participants.count(),
            "meetings_held": sum(1 for m in meetings if m.ends_at <= now) - len(no_shows),
            "waiting": waiting,
            "no_shows": no_shows,
            "outcomes": [(label, outcomes.get(v, 0)) for v, label in OutcomeAnswer.choices],
        },
    )


@board_permission("events.change_event")
@require_POST
def enable(request, slug):
    event = _event(slug)
    try:
        enable_matchmaking(event=event)
    except MatchmakingError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Matchmaking is on."))
    return _back(event)


@board_permission("events.add_meetingsession")
@require_http_methods(["GET", "HEAD", "POST"])
def session_create(request, slug):
    event = _event(slug)
    form = SessionForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The session is added."))
        return _back(event)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "b2b/board_form.html",
        {"form": form, "event": event, "title": _("New meeting session")},
        status=status,
    )


@board_permission("events.change_meeting")
@require_POST
def schedule(request, slug):
    event = _event(slug)
    report = run_scheduler(event=event)
    messages.success(
        request,
        _("%(placed)s meetings placed (%(moved)s moved, %(removed)s removed).")
        % {"placed": report.placed, "moved": report.moved, "removed": report.removed},
    )
    for meeting_request, reason in report.unplaced:
        messages.warning(
            request,
            _("Not placed: %(a)s and %(b)s. %(reason)s")
            % {
                "a": meeting_request.requester.name,
                "b": meeting_request.recipient.name,
                "reason": reason,
            },
        )
    return _back(event)


@board_permission("events.change_meetingsession")
@require_POST
def publish(request, pk):
    session = get_object_or_404(MeetingSession.objects.select_related("event"), pk=pk)
    if request.POST.get("publish") == "0":
        unpublish_session(session=session)
        messages.success(request, _("The session is no longer published."))
    else:
        publish_session(session=session)
        messages.success(request, _("The session is published on the participants' agendas."))
    return _back(session.event)


@board_permission("events.change_meeting")
@require_POST
def lock(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("session__event"), pk=pk)
    set_locked(meeting=meeting, locked=request.POST.get("locked") != "0")
    return _back(meeting.session.event)


@board_permission("events.change_meeting")
@require_http_methods(["GET", "HEAD", "POST"])
def move(request, pk):
    meeting = get_object_or_404(
        Meeting.objects.with_parties().select_related("session__event"), pk=pk
    )
    event = meeting.session.event
    sessions = list(MeetingSession.objects.filter(event=event))
    form = MoveForm(
        request.POST or None, sessions=sessions, event=event, initial={"table": meeting.table}
    )
    if request.method == "POST" and form.is_valid():
        session, start = form.slot_map[form.cleaned_data["slot"]]
        try:
            move_meeting(
                meeting=meeting,
                session=session,
                starts_at=start,
                table=form.cleaned_data["table"],
                force=form.cleaned_data["force"],
            )
        except MatchmakingError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The meeting is moved and locked there."))
            return _back(event)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "b2b/board_form.html",
        {"form": form, "event": event, "title": _("Move a meeting"), "meeting": meeting},
        status=status,
    )


@board_permission("events.change_matchmaking")
@require_http_methods(["GET", "HEAD", "POST"])
def rules(request, slug):
    """The event's matchmaking rules: expiry, cap on open requests, who may meet, follow-up."""
    event = _event(slug)
    matchmaking = get_object_or_404(Matchmaking, event=event)
    form = MatchmakingForm(request.POST or None, instance=matchmaking)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The matchmaking rules are saved."))
        return _back(event)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "b2b/board_form.html",
        {"form": form, "event": event, "title": _("Matchmaking rules")},
        status=status,
    )
