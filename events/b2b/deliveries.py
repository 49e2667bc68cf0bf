"""The business program's emails that go through the delivery record (ReminderDelivery), so
that each goes out exactly once: a meeting request to the participant asked and its answer to
the asker (written in the request's own transaction), a published meeting that moved, the
agenda before a participant's first meeting, and the follow-up months after the event asking
what came of the meetings.

events/services/reminders/ plans these in its sweep (plan()), asks skip_reason() before
sending and builds the message with MESSAGES; the claiming and sending are the reminders'.
"""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import DeliveryKind, RegistrationStatus
from ..ics import attachment_type
from ..models import Event, ReminderDelivery
from ..timezones import localize
from .agenda import agenda, agenda_ics
from .enums import RequestStatus
from .links import participant_url
from .models import Matchmaking, Meeting, MeetingRequest, Participant

KINDS = (
    DeliveryKind.B2B_AGENDA_REMINDER,
    DeliveryKind.B2B_FOLLOW_UP,
    DeliveryKind.B2B_MEETING_MOVED,
    DeliveryKind.B2B_MEETING_REQUEST,
    DeliveryKind.B2B_REQUEST_ANSWER,
)
# The subject of a request's two emails: one to the participant asked, one back to the asker.
REQUEST_SUBJECTS = {
    DeliveryKind.B2B_MEETING_REQUEST: "asked",
    DeliveryKind.B2B_REQUEST_ANSWER: "answered",
}
# The agenda goes out this long before the participant's first meeting.
AGENDA_LEAD = timedelta(hours=2)
AGENDA_OFFSET = 120  # minutes, as the delivery record counts them


def add_months(moment: datetime, months: int, time_zone: str) -> datetime:
    """The same local day and time `months` later (the 31st becomes the month's last day)."""
    local = localize(moment, time_zone)
    month = local.month - 1 + months
    year, month = local.year + month // 12, month % 12 + 1
    day = local.day
    while True:
        try:
            return local.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1


def held_meetings(event: Event):
    """Meetings that took place: published, and both parties checked in at the door."""
    return (
        Meeting.objects.filter(session__event=event)
        .published()
        .filter(
            request__requester__registration__attended_at__isnull=False,
            request__recipient__registration__attended_at__isnull=False,
        )
    )


def _recipient(participant: Participant) -> dict:
    registration = participant.registration
    return {
        "recipient_key": f"registration:{registration.pk}",
        "email": registration.email,
        "registration": registration,
        "language": registration.language,
    }


def plan_agenda_reminders(*, now: datetime) -> int:
    """One agenda email per participant with published meetings, AGENDA_LEAD before the first.

    Side effects: creates pending rows; re-times pending rows whose first meeting moved
    (or skips them if the new moment has passed). Demo participants are never emailed.
    """
    firsts = (
        Meeting.objects.published()
        .filter(starts_at__gt=now)
        .values("session__event_id", "request__requester_id", "request__recipient_id")
        .annotate(first=Min("starts_at"))
    )
    first_of: dict[tuple[int, int], datetime] = {}
    for row in firsts:
        for party in (row["request__requester_id"], row["request__recipient_id"]):
            key = (row["session__event_id"], party)
            first_of[key] = min(first_of.get(key, row["first"]), row["first"])
    if not first_of:
        return 0
    participants = Participant.objects.filter(
        pk__in={p for _e, p in first_of},
        registration__status=RegistrationStatus.CONFIRMED,
        registration__is_demo=False,
    ).select_related("registration")
    created = 0
    for participant in participants:
        due = first_of[(participant.event_id, participant.pk)] - AGENDA_LEAD
        subject = f"b2b:{participant.event_id}:agenda"
        rows = ReminderDelivery.objects.filter(
            recipient_key=f"registration:{participant.registration_id}", subject_key=subject
        )
        pending = rows.pending().exclude(due_at=due)
        if due > now:
            pending.update(due_at=due)
        if rows.exists() or due <= now:
            continue
        ReminderDelivery.objects.bulk_create(
            [
                ReminderDelivery(
                    kind=DeliveryKind.B2B_AGENDA_REMINDER,
                    event_id=participant.event_id,
                    subject_key=subject,
                    offset=AGENDA_OFFSET,
                    due_at=due,
                    **_recipient(participant),
                )
            ],
            ignore_conflicts=True,
        )
        created += 1
    return created


def plan_follow_ups(*, now: datetime) -> int:
    """One follow-up email per participant who held a meeting, at each of the event's
    follow_up_months after its end (venue's calendar). Planned once the event has ended.

    Side effects: creates pending rows (the unique key makes a re-run create nothing).
    """
    created = 0
    matchmaking = Matchmaking.objects.filter(
        is_enabled=True, event__end__lte=now, event__is_demo=False
    ).select_related("event__venue")
    for settings_row in matchmaking:
        event = settings_row.event
        parties = defaultdict(int)
        for requester, recipient in held_meetings(event).values_list(
            "request__requester_id", "request__recipient_id"
        ):
            parties[requester] += 1
            parties[recipient] += 1
        if not parties:
            continue
        participants = Participant.objects.filter(pk__in=parties).select_related("registration")
        rows = []
        for months in sorted(set(settings_row.follow_up_months or [])):
            due = add_months(event.end, months, event.time_zone)
            for participant in participants:
                rows.append(
                    ReminderDelivery(
                        kind=DeliveryKind.B2B_FOLLOW_UP,
                        event=event,
                        subject_key=f"b2b:{event.pk}:follow-up:{months}",
                        offset=None,
                        due_at=due,
                        **_recipient(participant),
                    )
                )
        have = set(
            ReminderDelivery.objects.filter(
                event=event, kind=DeliveryKind.B2B_FOLLOW_UP
            ).values_list("recipient_key", "subject_key")
        )
        new = [r for r in rows if (r.recipient_key, r.subject_key) not in have]
        ReminderDelivery.objects.bulk_create(new, ignore_conflicts=True)
        created += len(new)
    return created


def plan_moved_notices(*, meetings: list[Meeting], now: datetime) -> int:
    """Tell both parties of each published meeting that moved, once per revision (SEQUENCE).

    Side effects: creates pending rows due now; the caller queues the dispatch after commit.
    Demo participants are never emailed.
    """
    rows = []
    for meeting in meetings:
        if not meeting.session.is_published:
            continue
        for party in (meeting.request.requester, meeting.request.recipient):
            if party.registration.is_demo:
                continue
            rows.append(
                ReminderDelivery(
                    kind=DeliveryKind.B2B_MEETING_MOVED,
                    event_id=meeting.session.event_id,
                    subject_key=f"b2b:meeting:{meeting.request_id}:moved:{meeting.sequence}",
                    offset=None,
                    due_at=now,
                    **_recipient(party),
                )
            )
    ReminderDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def plan_request_email(
    *, meeting_request: MeetingRequest, to: Participant, kind: str, now: datetime
) -> ReminderDelivery | None:
    """The delivery row of a request's email (kind B2B_MEETING_REQUEST to the participant
    asked, B2B_REQUEST_ANSWER to the asker), due now. Call it inside the transaction that
    writes the request or its answer: the row commits or rolls back with it.

    Side effects: creates one pending row (a second call for the same request and kind creates
    nothing). Demo participants get no row (returns None). The caller queues the dispatch.
    """
    registration = to.registration
    if registration.is_demo:
        return None
    row = ReminderDelivery(
        kind=kind,
        event_id=meeting_request.event_id,
        subject_key=f"b2b:request:{meeting_request.pk}:{REQUEST_SUBJECTS[kind]}",
        offset=None,
        # Due at once, even when the service ran for another moment (`now` in tests).
        due_at=min(now, timezone.now()),
        **_recipient(to),
    )
    ReminderDelivery.objects.bulk_create([row], ignore_conflicts=True)
    return row


def _request_of(delivery: ReminderDelivery) -> MeetingRequest | None:
    request_id = int(delivery.subject_key.split(":")[2])
    return (
        MeetingRequest.objects.select_related(
            "event__venue", "requester__registration", "recipient__registration"
        )
        .filter(pk=request_id)
        .first()
    )


def plan(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    return plan_agenda_reminders(now=now) + plan_follow_ups(now=now)


def _participant(delivery: ReminderDelivery) -> Participant | None:
    if delivery.registration is None:
        return None
    return (
        Participant.objects.select_related("registration", "event__venue")
        .filter(registration=delivery.registration)
        .first()
    )


def skip_reason(delivery: ReminderDelivery, now: datetime) -> str:
    """Why this business-program row must not be sent now (empty if it may)."""
    registration = delivery.registration
    if delivery.event is None:
        return str(_("The event was deleted."))
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return str(_("The registration is no longer confirmed."))
    if delivery.kind in REQUEST_SUBJECTS:
        meeting_request = _request_of(delivery)
        if meeting_request is None:
            return str(_("The meeting request was deleted."))
        if delivery.kind == DeliveryKind.B2B_MEETING_REQUEST and (
            meeting_request.status != RequestStatus.PENDING or meeting_request.expires_at <= now
        ):
            return str(_("The request is no longer waiting for an answer."))
        return ""
    if delivery.kind == DeliveryKind.B2B_MEETING_MOVED:
        request_id = int(delivery.subject_key.split(":")[2])
        meeting = Meeting.objects.filter(request_id=request_id).published().first()
        if meeting is None or meeting.starts_at <= now:
            return str(_("The meeting is no longer on the published schedule."))
        return ""
    if delivery.kind == DeliveryKind.B2B_AGENDA_REMINDER:
        participant = _participant(delivery)
        upcoming = participant and Meeting.objects.involving(participant).published().filter(
            starts_at__gt=now
        )
        if not upcoming or not upcoming.exists():
            return str(_("No published meeting is ahead."))
    return ""


def _agenda_message(delivery, cache):
    participant = _participant(delivery)
    items = agenda(participant)
    context = {
        "participant": participant,
        "event": participant.event,
        "items": items,
        "home_url": participant_url(participant),
        "agenda_url": participant_url(participant, "agenda"),
    }
    ics = (f"{participant.event.slug}-b2b.ics", agenda_ics(participant, items), attachment_type())
    return "b2b_agenda", context, [ics]


def _follow_up_message(delivery, cache):
    participant = _participant(delivery)
    meetings = held_meetings(participant.event).filter(
        Q(request__requester=participant) | Q(request__recipient=participant)
    )
    context = {
        "participant": participant,
        "event": participant.event,
        "others": [m.request.other(participant) for m in meetings.with_parties()],
        "home_url": participant_url(participant),
        "follow_up_url": participant_url(participant, "follow_up"),
    }
    return "b2b_follow_up", context, []


def _moved_message(delivery, cache):
    participant = _participant(delivery)
    request_id = int(delivery.subject_key.split(":")[2])
    meeting = Meeting.objects.with_parties().get(request_id=request_id)
    items = agenda(participant)
    context = {
        "participant": participant,
        "event": participant.event,
        "meeting": meeting,
        "other": meeting.request.other(participant),
        "venue_start": localize(meeting.starts_at, participant.event.time_zone),
        "home_url": participant_url(participant),
        "agenda_url": participant_url(participant, "agenda"),
    }
    # The whole agenda: the moved meeting keeps its UID with a higher SEQUENCE.
    ics = (f"{participant.event.slug}-b2b.ics", agenda_ics(participant, items), attachment_type())
    return "b2b_moved", context, [ics]


def _request_message(delivery, cache):
    meeting_request = _request_of(delivery)
    to = (
        meeting_request.recipient
        if delivery.kind == DeliveryKind.B2B_MEETING_REQUEST
        else meeting_request.requester
    )
    context = {
        "meeting_request": meeting_request,
        "participant": to,
        "other": meeting_request.other(to),
        "event": meeting_request.event,
        # When the event is, in the venue's time: where the two would meet.
        "event_start": localize(meeting_request.event.start, meeting_request.event.time_zone),
        "answer_url": participant_url(to, "answer", request_id=meeting_request.pk),
        "home_url": participant_url(to),
    }
    template = "b2b_request" if delivery.kind == DeliveryKind.B2B_MEETING_REQUEST else "b2b_answer"
    return template, context, []


MESSAGES = {
    DeliveryKind.B2B_MEETING_REQUEST: _request_message,
    DeliveryKind.B2B_REQUEST_ANSWER: _request_message,
    DeliveryKind.B2B_MEETING_MOVED: _moved_message,
    DeliveryKind.B2B_AGENDA_REMINDER: _agenda_message,
    DeliveryKind.B2B_FOLLOW_UP: _follow_up_message,
}
