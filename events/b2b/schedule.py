"""The board's side of the schedule: run the scheduler, lock, move by hand, publish.

Every meeting keeps its row (and so its calendar UID) as long as its request stays accepted;
a meeting that moves gets a higher SEQUENCE so calendars update it in place.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Event
from ..tasks import dispatch_due_deliveries
from . import scheduler
from .deliveries import plan_moved_notices
from .models import ClosedSlot, Meeting, MeetingRequest, MeetingSession
from .services import MatchmakingError, expire_overdue_requests

REASONS = {
    scheduler.NO_COMMON_SLOT: _("The two have no slot that both left open."),
    scheduler.PARTIES_BUSY: _("In every slot both left open, one of them already has a meeting."),
    scheduler.NO_TABLE: _("No table is free in the slots where both are free."),
}


@dataclass
class SchedulerReport:
    placed: int = 0
    moved: int = 0
    removed: int = 0
    # (request, reason text) for each accepted request left without a meeting.
    unplaced: list[tuple[MeetingRequest, str]] = field(default_factory=list)


def _slot_table(sessions: list[MeetingSession]):
    """Every slot of every session, in time order, with the slots it overlaps."""
    keys = []
    for session in sessions:
        for start in session.slot_starts():
            keys.append((start, session.pk, start + session.slot_length, session.tables))
    keys.sort()
    slots = []
    for index, (start, _session, end, tables) in enumerate(keys):
        overlaps = frozenset(
            other for other, (s, _o, e, _t) in enumerate(keys) if s < end and start < e
        )
        slots.append(scheduler.Slot(index=index, tables=tables, overlaps=overlaps))
    index_of = {(session, start): i for i, (start, session, _e, _t) in enumerate(keys)}
    return slots, keys, index_of


def run_scheduler(*, event: Event, now: datetime | None = None) -> SchedulerReport:
    """Place every accepted request of the event; locked meetings stay where they are.

    Side effects: locks the event row (one run at a time); expires overdue requests; updates,
    creates and deletes Meeting rows of the event's sessions (unlocked ones only), raising
    SEQUENCE of each meeting that moved. Returns what was placed, moved, removed and left out.
    Deterministic: the same requests and slots give the same schedule.
    """
    now = now or timezone.now()
    report = SchedulerReport()
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event.pk)
        expire_overdue_requests(event=event, now=now)
        sessions = list(MeetingSession.objects.filter(event=event).order_by("start", "pk"))
        slots, keys, index_of = _slot_table(sessions)
        accepted = {r.pk: r for r in MeetingRequest.objects.accepted().filter(event=event)}
        existing = {m.request_id: m for m in Meeting.objects.filter(session__event=event)}
        fixed = []
        for meeting in existing.values():
            slot = index_of.get((meeting.session_id, meeting.starts_at))
            if meeting.is_locked and slot is not None and meeting.request_id in accepted:
                fixed.append(scheduler.Placement(meeting.request_id, slot, meeting.table))
        closed = [
            (c.participant_id, index_of[(c.session_id, c.starts_at)])
            for c in ClosedSlot.objects.filter(session__event=event)
            if (c.session_id, c.starts_at) in index_of
        ]
        requests = [
            scheduler.Request(id=r.pk, a=r.requester_id, b=r.recipient_id)
            for r in accepted.values()
        ]
        plan = scheduler.schedule(slots=slots, requests=requests, closed=closed, fixed=fixed)
        wanted = {}
        for placement in plan.placements.values():
            start, session_id, _end, _tables = keys[placement.slot]
            wanted[placement.request] = (session_id, start, placement.table)
        # Out of the way first: a meeting moving into a place another one leaves must not
        # trip the one-meeting-per-table-and-slot constraint halfway through.
        stale = [m for rid, m in existing.items() if wanted.get(rid) != _place(m)]
        sequences = {m.request_id: m.sequence for m in stale}
        report.removed = sum(1 for m in stale if m.request_id not in wanted)
        Meeting.objects.filter(pk__in=[m.pk for m in stale]).delete()
        new = []
        for request_id, (session_id, start, table) in wanted.items():
            if request_id in existing and request_id not in sequences:
                continue  # already exactly there
            moved = request_id in sequences
            report.moved += moved
            new.append(
                Meeting(
                    request_id=request_id,
                    session_id=session_id,
                    starts_at=start,
                    table=table,
                    sequence=sequences[request_id] + 1 if moved else 0,
                )
            )
        Meeting.objects.bulk_create(new)
        moved = [m.request_id for m in new if m.sequence > 0]
        if moved:
            _notify_moved(Meeting.objects.with_parties().filter(request_id__in=moved), now)
        report.placed = len(wanted)
        report.unplaced = [
            (accepted[request_id], str(REASONS[reason]))
            for request_id, reason in plan.unplaced.items()
        ]
    return report


def _place(meeting: Meeting) -> tuple[int, datetime, int]:
    return (meeting.session_id, meeting.starts_at, meeting.table)


def set_locked(*, meeting: Meeting, locked: bool) -> Meeting:
    """Lock a meeting where it is (the scheduler keeps it), or release it. Updates the row."""
    meeting.is_locked = locked
    meeting.save(update_fields=["is_locked", "updated_at"])
    return meeting


def clashes(
    *, meeting: Meeting, session: MeetingSession, starts_at: datetime, table: int
) -> list[str]:
    """What would go wrong if `meeting` moved there: texts for the board, empty if nothing."""
    problems = []
    if starts_at not in session.slot_starts():
        return [str(_("This is not a slot of the session."))]
    if not 1 <= table <= session.tables:
        return [str(_("The session has no table %(table)s.") % {"table": table})]
    others = Meeting.objects.filter(session__event=session.event_id).exclude(pk=meeting.pk)
    end = starts_at + session.slot_length
    if others.filter(session=session, starts_at=starts_at, table=table).exists():
        problems.append(str(_("Table %(table)s is taken at that time.") % {"table": table}))
    parties = [meeting.request.requester, meeting.request.recipient]
    busy = defaultdict(list)
    for other in others.filter(starts_at__lt=end).select_related("session", "request"):
        if other.ends_at <= starts_at:
            continue
        for party in parties:
            if party.pk in (other.request.requester_id, other.request.recipient_id):
                busy[party.pk].append(other)
    for party in parties:
        if busy[party.pk]:
            problems.append(
                str(_("%(name)s has another meeting at that time.") % {"name": party.name})
            )
        if ClosedSlot.objects.filter(
            participant=party, session=session, starts_at=starts_at
        ).exists():
            problems.append(str(_("%(name)s closed that slot.") % {"name": party.name}))
    return problems


def move_meeting(
    *,
    meeting: Meeting,
    session: MeetingSession,
    starts_at: datetime,
    table: int,
    force: bool = False,
) -> Meeting:
    """Move a meeting by hand and lock it there.

    Side effects: updates the meeting (slot, table, locked, SEQUENCE + 1). Raises
    MatchmakingError listing the clashes unless `force` is given; a table that is taken, a time
    that is not a slot, or another event's session is refused even with `force`.
    """
    if session.event_id != meeting.session.event_id:
        raise MatchmakingError(_("This session belongs to another event."), code="event")
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=session.event_id)
        meeting = Meeting.objects.select_related(
            "session", "request__requester__registration", "request__recipient__registration"
        ).get(pk=meeting.pk)
        problems = clashes(meeting=meeting, session=session, starts_at=starts_at, table=table)
        hard = (
            Meeting.objects.filter(session=session, starts_at=starts_at, table=table)
            .exclude(pk=meeting.pk)
            .exists()
            or starts_at not in session.slot_starts()
            or not 1 <= table <= session.tables
        )
        if problems and (hard or not force):
            raise MatchmakingError(problems, code="clash")
        if (meeting.session_id, meeting.starts_at, meeting.table) != (session.pk, starts_at, table):
            meeting.sequence += 1
        meeting.session, meeting.starts_at, meeting.table = session, starts_at, table
        meeting.is_locked = True
        meeting.save()
        _notify_moved([meeting], timezone.now())
    return meeting


def _notify_moved(meetings, now: datetime) -> None:
    """Moves of published meetings reach both parties, once per revision, after the commit."""

    if plan_moved_notices(meetings=list(meetings), now=now):
        transaction.on_commit(dispatch_due_deliveries.delay, robust=True)


def publish_session(*, session: MeetingSession, now: datetime | None = None) -> MeetingSession:
    """Make a session's meetings visible on participants' agendas. Updates the session."""
    session.published_at = session.published_at or now or timezone.now()
    session.save(update_fields=["published_at"])
    return session


def unpublish_session(*, session: MeetingSession) -> MeetingSession:
    session.published_at = None
    session.save(update_fields=["published_at"])
    return session
