"""Actions of the business program: profiles, meeting requests and their answers, closed slots.

The schedule itself (running the scheduler, moving, locking, publishing) is in schedule.py.
A request's email and its answer's are delivery rows written in the request's transaction
(deliveries.plan_request_email) and sent by the delivery sweep in the recipient's language, with
its retries: a broker or mail server that fails delays an email, never loses or repeats it, and
never undoes the action.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.enums import OrganizationKind
from contacts.models import Organization

from ..enums import DeliveryKind, RegistrationStatus
from ..exceptions import DomainError
from ..models import Event, Registration
from ..services.registration_emails import dispatch_after_commit
from .deliveries import plan_request_email
from .enums import MATCHMAKING_KINDS, OutcomeAnswer, PairingRule, RequestStatus
from .models import (
    ClosedSlot,
    Matchmaking,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    MeetingSession,
    Participant,
)

logger = logging.getLogger(__name__)


class MatchmakingError(DomainError):
    """A rule of the business program said no. The message is meant for the participant."""


def matchmaking_of(event: Event) -> Matchmaking | None:
    """The event's switched-on matchmaking, or None."""
    settings_row = Matchmaking.objects.filter(event=event, is_enabled=True).first()
    if settings_row is None or event.kind not in MATCHMAKING_KINDS:
        return None
    return settings_row


def enable_matchmaking(*, event: Event, **options) -> Matchmaking:
    """Switch matchmaking on for a B2B meeting or business forum (options: Matchmaking fields).

    Side effects: creates or updates the event's Matchmaking row. Raises MatchmakingError for
    any other kind of event.
    """
    if event.kind not in MATCHMAKING_KINDS:
        raise MatchmakingError(
            _("Matchmaking is only for B2B meetings and business forums."), code="kind"
        )
    row, _created = Matchmaking.objects.update_or_create(
        event=event, defaults={"is_enabled": True, **options}
    )
    return row


def save_profile(
    *,
    registration: Registration,
    organization_name: str,
    sector: str,
    country: str,
    city: str,
    languages: list[str],
    offer: str,
    need: str,
    description: str = "",
    sector_other: str = "",
    is_visible: bool = True,
) -> Participant:
    """Create or update a registrant's business profile.

    Side effects: writes the Participant; links it to the contacts' organization of the same
    name in any language (Organization.objects.named), creating one of kind "business" when there is none.
    Raises MatchmakingError when the event has no matchmaking or the registration is not active.
    """
    event = registration.event
    if matchmaking_of(event) is None:
        raise MatchmakingError(_("This event has no business matchmaking."), code="off")
    if registration.status not in RegistrationStatus.active():
        raise MatchmakingError(_("This registration is no longer active."), code="inactive")
    name = " ".join(organization_name.split())
    if not name:
        raise MatchmakingError({"organization_name": _("Name your organization.")})
    with transaction.atomic():
        organization = Organization.objects.named(name)
        if organization is None:
            organization = Organization.objects.create(
                name=name, kind=OrganizationKind.BUSINESS, country=country, city=city.strip()
            )
        participant = Participant.objects.filter(registration=registration).first()
        participant = participant or Participant(event=event, registration=registration)
        participant.organization = organization
        participant.organization_name = name
        participant.sector = sector
        participant.sector_other = sector_other.strip()
        participant.country = country
        participant.city = city.strip()
        participant.languages = ",".join(sorted(set(languages)))
        participant.offer = offer.strip()
        participant.need = need.strip()
        participant.description = description.strip()
        participant.is_visible = is_visible
        participant.save()
    return participant


def expire_overdue_requests(*, event: Event | None = None, now: datetime | None = None) -> int:
    """Mark unanswered requests past their deadline expired, so they block nobody; how many.

    Side effects: updates MeetingRequest rows (one UPDATE). No email: the asker sees it on
    their page.
    """
    now = now or timezone.now()
    overdue = MeetingRequest.objects.overdue(now)
    if event is not None:
        overdue = overdue.filter(event=event)
    return overdue.update(status=RequestStatus.EXPIRED, answered_at=now)


def _pairing_problem(matchmaking: Matchmaking, a: Participant, b: Participant) -> str | None:
    if matchmaking.pairing_rule == PairingRule.ACROSS_COUNTRIES and a.country == b.country:
        return _("At this event, meetings are between participants from different countries.")
    return None


def request_meeting(
    *,
    requester: Participant,
    recipient: Participant,
    reason: str,
    now: datetime | None = None,
) -> MeetingRequest:
    """Ask another participant for a meeting, with a one-line reason.

    Side effects: expires the event's overdue requests; locks the requester's row (so two
    requests at once cannot pass the cap together); writes one pending MeetingRequest that
    expires after the event's request_expiry_hours, and the delivery row of the recipient's
    email (dispatched after commit).
    Raises MatchmakingError: matchmaking off, not both confirmed, the pairing rule, a request
    between the two already open (either direction), or the cap on open requests reached.
    """
    now = now or timezone.now()
    reason = " ".join(reason.split())
    if not reason:
        raise MatchmakingError({"reason": _("Say in one line why you would like to meet.")})
    event = requester.event
    matchmaking = matchmaking_of(event)
    if matchmaking is None:
        raise MatchmakingError(_("This event has no business matchmaking."), code="off")
    if recipient.event_id != event.pk or recipient.pk == requester.pk:
        raise MatchmakingError(_("You cannot ask this participant for a meeting."), code="other")
    with transaction.atomic():
        # Overdue requests block nobody: they are left out below and expired by the sweep, so a
        # refused request writes nothing.
        requester = Participant.objects.select_for_update().get(pk=requester.pk)
        parties = Participant.objects.select_related("registration").filter(
            pk__in=[requester.pk, recipient.pk]
        )
        if any(p.registration.status != RegistrationStatus.CONFIRMED for p in parties):
            raise MatchmakingError(
                _("Only confirmed participants can ask for and accept meetings."),
                code="unconfirmed",
            )
        problem = _pairing_problem(matchmaking, requester, recipient)
        if problem:
            raise MatchmakingError(problem, code="pairing")
        between = (
            MeetingRequest.objects.open()
            .exclude(pk__in=MeetingRequest.objects.overdue(now).values("pk"))
            .filter(requester__in=[requester, recipient], recipient__in=[requester, recipient])
        )
        if between.exists():
            raise MatchmakingError(
                _("There is already an open request between you and this participant."),
                code="duplicate",
            )
        waiting = requester.requests_sent.pending().filter(expires_at__gte=now)
        if waiting.count() >= matchmaking.max_open_requests:
            raise MatchmakingError(
                _(
                    "You have %(count)s requests waiting for an answer, the most this event "
                    "allows. Wait for answers, or withdraw one."
                )
                % {"count": matchmaking.max_open_requests},
                code="cap",
            )
        meeting_request = MeetingRequest.objects.create(
            event=event,
            requester=requester,
            recipient=recipient,
            reason=reason[:200],
            created_at=now,
            expires_at=now + timedelta(hours=matchmaking.request_expiry_hours),
        )
        _plan_email(meeting_request, DeliveryKind.B2B_MEETING_REQUEST, to=recipient, now=now)
    return meeting_request


def _answerable(meeting_request: MeetingRequest, by: Participant, now: datetime) -> None:
    if by.pk != meeting_request.recipient_id:
        raise MatchmakingError(_("Only the participant asked can answer."), code="not_yours")
    if meeting_request.status == RequestStatus.PENDING and meeting_request.expires_at < now:
        meeting_request.status = RequestStatus.EXPIRED
        meeting_request.answered_at = now
        meeting_request.save(update_fields=["status", "answered_at"])
    if meeting_request.status != RequestStatus.PENDING:
        raise MatchmakingError(
            _("This request is no longer open (%(status)s).")
            % {"status": meeting_request.get_status_display()},
            code="closed",
        )


def answer_request(
    *,
    meeting_request: MeetingRequest,
    by: Participant,
    accept: bool,
    now: datetime | None = None,
) -> MeetingRequest:
    """Accept or decline a request (only the participant asked; only while it is pending).

    Side effects: locks and updates the request; a request past its deadline is marked expired
    instead (committed) and MatchmakingError says so; writes the delivery row of the
    requester's email in the same transaction (dispatched after commit).
    """
    now = now or timezone.now()
    error = None
    with transaction.atomic():
        meeting_request = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
        try:
            _answerable(meeting_request, by, now)
        except MatchmakingError as exc:
            error = exc
        else:
            meeting_request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
            meeting_request.answered_at = now
            meeting_request.save(update_fields=["status", "answered_at"])
            _plan_email(
                meeting_request,
                DeliveryKind.B2B_REQUEST_ANSWER,
                to=meeting_request.requester,
                now=now,
            )
    if error is not None:
        raise error
    return meeting_request


def withdraw_request(
    *, meeting_request: MeetingRequest, by: Participant, now: datetime | None = None
) -> MeetingRequest:
    """The requester takes back a pending request. Side effects: updates the request."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting_request = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
        if by.pk != meeting_request.requester_id:
            raise MatchmakingError(_("Only the participant who asked can withdraw."))
        if meeting_request.status != RequestStatus.PENDING:
            raise MatchmakingError(_("Only a request waiting for an answer can be withdrawn."))
        meeting_request.status = RequestStatus.WITHDRAWN
        meeting_request.answered_at = now
        meeting_request.save(update_fields=["status", "answered_at"])
    return meeting_request


def set_slot_closed(
    *, participant: Participant, session: MeetingSession, starts_at: datetime, closed: bool
) -> None:
    """Close (or reopen) one slot of a session for a participant.

    Side effects: writes or deletes one ClosedSlot. A slot that already holds one of the
    participant's meetings stays as it is until the board re-runs the scheduler (unlocked) or
    moves it. Raises MatchmakingError when the time is not a slot of the session.
    """
    if session.event_id != participant.event_id or starts_at not in session.slot_starts():
        raise MatchmakingError(_("This is not a slot of this event."), code="slot")
    if closed:
        ClosedSlot.objects.get_or_create(
            participant=participant, session=session, starts_at=starts_at
        )
    else:
        ClosedSlot.objects.filter(
            participant=participant, session=session, starts_at=starts_at
        ).delete()


def _plan_email(
    meeting_request: MeetingRequest, kind: str, *, to: Participant, now: datetime
) -> None:
    to = Participant.objects.select_related("registration").get(pk=to.pk)
    if plan_request_email(meeting_request=meeting_request, to=to, kind=kind, now=now):
        dispatch_after_commit()


def record_outcome(
    *, meeting: Meeting, participant: Participant, answer: str, note: str = ""
) -> MeetingOutcome:
    """What one party says came of one meeting; answering again replaces the answer.

    Side effects: writes one MeetingOutcome. Raises MatchmakingError when the participant was
    not in the meeting or the answer is not one of OutcomeAnswer.
    """
    if participant.pk not in (meeting.request.requester_id, meeting.request.recipient_id):
        raise MatchmakingError(_("You were not in this meeting."), code="not_yours")
    if answer not in OutcomeAnswer.values:
        raise MatchmakingError(_("Choose one of the answers."), code="answer")
    outcome, _created = MeetingOutcome.objects.update_or_create(
        meeting=meeting,
        participant=participant,
        defaults={"answer": answer, "note": note.strip()[:500], "answered_at": timezone.now()},
    )
    return outcome
