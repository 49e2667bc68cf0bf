"""B2B matchmaking: who takes part, who asked to meet whom, when and at which table they meet.

Imported at the end of events/models.py so that the models belong to the events app.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from contacts.models import Organization
from contacts.text import search_key

from ..enums import RegistrationStatus
from ..models import Event, Registration
from ..timezones import localize
from .enums import (
    MATCHMAKING_KINDS,
    OutcomeAnswer,
    PairingRule,
    RequestStatus,
    Sector,
    SpokenLanguage,
)


def default_follow_up_months() -> list[int]:
    return [3, 6]


class Matchmaking(models.Model):
    """The switch and the rules of one event's B2B program."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="matchmaking", verbose_name=_("event")
    )
    is_enabled = models.BooleanField(_("matchmaking on"), default=True)
    request_expiry_hours = models.PositiveSmallIntegerField(
        _("requests expire after (hours)"),
        default=48,
        help_text=_("An unanswered request stops blocking anyone after this time."),
    )
    max_open_requests = models.PositiveSmallIntegerField(
        _("open requests per participant"),
        default=10,
        help_text=_("How many unanswered requests one participant may have out at a time."),
    )
    pairing_rule = models.CharField(
        _("who may meet"), max_length=20, choices=PairingRule.choices, default=PairingRule.ANYONE
    )
    follow_up_months = models.JSONField(
        _("follow-up after (months)"),
        default=default_follow_up_months,
        blank=True,
        help_text=_("Months after the event when participants are asked what came of it."),
    )

    class Meta:
        verbose_name = _("matchmaking")
        verbose_name_plural = _("matchmaking")
        constraints = [
            models.CheckConstraint(
                condition=Q(request_expiry_hours__gte=1), name="matchmaking_expiry_positive"
            ),
            models.CheckConstraint(
                condition=Q(max_open_requests__gte=1), name="matchmaking_cap_positive"
            ),
        ]

    def __str__(self):
        return str(self.event)

    def clean(self):
        if self.event_id and self.event.kind not in MATCHMAKING_KINDS:
            raise ValidationError(
                _("Matchmaking is only for B2B meetings and business forums."), code="kind"
            )
        months = self.follow_up_months or []
        if not all(isinstance(m, int) and 1 <= m <= 24 for m in months):
            raise ValidationError(
                {"follow_up_months": _("Give whole months between 1 and 24, e.g. [3, 6].")}
            )


class ParticipantQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(registration__status=RegistrationStatus.CONFIRMED)

    def listed(self):
        """What the directory shows: confirmed participants who chose to be visible."""
        return self.confirmed().filter(is_visible=True)

    def search(self, text: str):
        """Turkish/Azerbaijani-aware: "cagri" finds "Çağrı", "ismayilov" finds "İsmayilov"."""
        key = search_key(text or "")
        return self.filter(search_text__contains=key) if key else self

    def speaking(self, language: str):
        return self.filter(languages__contains=language)


class Participant(models.Model):
    """A confirmed-or-pending registrant's business profile for one matchmaking event."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="b2b_participants", verbose_name=_("event")
    )
    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="b2b_participant",
        verbose_name=_("registration"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="b2b_participants",
        verbose_name=_("organization in the contacts"),
    )
    organization_name = models.CharField(_("organization"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    sector_other = models.CharField(_("other sector"), max_length=100, blank=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100)
    # Comma-separated codes of SpokenLanguage ("tr,en"): two-letter codes between commas never
    # match across a boundary, so a plain `contains` filters on every database.
    languages = models.CharField(_("languages spoken"), max_length=20)
    offer = models.TextField(_("what we offer"), max_length=1000)
    need = models.TextField(_("what we are looking for"), max_length=1000)
    description = models.TextField(_("short description"), max_length=1000, blank=True)
    is_visible = models.BooleanField(_("visible to other participants"), default=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("B2B participant")
        verbose_name_plural = _("B2B participants")
        ordering = ["organization_name", "pk"]
        indexes = [models.Index(fields=["event", "sector"])]

    def __str__(self):
        return f"{self.registration.full_name} ({self.organization_name})"

    def save(self, *args, **kwargs):
        # A derived key, not a side effect: it must always match the text it comes from.
        self.search_text = search_key(
            " ".join(
                [
                    self.registration.full_name,
                    self.organization_name,
                    self.city,
                    self.offer,
                    self.need,
                    self.description,
                ]
            )
        )
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return self.registration.full_name

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> str:
        labels = dict(SpokenLanguage.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.language_list)


class MeetingRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=RequestStatus.open())

    def pending(self):
        return self.filter(status=RequestStatus.PENDING)

    def accepted(self):
        return self.filter(status=RequestStatus.ACCEPTED)

    def involving(self, participant: Participant):
        return self.filter(Q(requester=participant) | Q(recipient=participant))

    def overdue(self, now: datetime):
        return self.pending().filter(expires_at__lt=now)


class MeetingRequest(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="b2b_requests", verbose_name=_("event")
    )
    requester = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="requests_sent",
        verbose_name=_("requested by"),
    )
    recipient = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="requests_received",
        verbose_name=_("requested of"),
    )
    reason = models.CharField(_("reason"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    expires_at = models.DateTimeField(_("answer by"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects = MeetingRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=F("recipient")), name="b2b_request_not_to_self"
            ),
            # The service also refuses the reverse direction; this catches the same direction.
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=RequestStatus.open()),
                name="b2b_request_one_open_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.requester} → {self.recipient}"

    def other(self, participant: Participant) -> Participant:
        return self.recipient if participant.pk == self.requester_id else self.requester


class MeetingSession(models.Model):
    """A block of meeting time: slots of equal length, a number of tables in the venue."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="b2b_sessions", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    # Stored in UTC, entered and shown in the venue's zone.
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    slot_minutes = models.PositiveSmallIntegerField(_("slot length (minutes)"), default=20)
    tables = models.PositiveSmallIntegerField(_("tables"), default=10)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting session")
        verbose_name_plural = _("meeting sessions")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="b2b_session_end_after"),
            models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="b2b_session_slot_5"),
            models.CheckConstraint(condition=Q(tables__gte=1), name="b2b_session_one_table"),
        ]

    def __str__(self):
        local = localize(self.start, self.event.time_zone)
        return self.title or local.strftime("%Y-%m-%d %H:%M")

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.start and self.end and self.slot_minutes and not self.slot_starts():
            raise ValidationError(
                {"slot_minutes": _("The session is shorter than one slot.")}, code="no_slot"
            )

    @property
    def slot_length(self) -> timedelta:
        return timedelta(minutes=self.slot_minutes)

    def slot_starts(self) -> list[datetime]:
        """Every slot that fits whole between start and end, in order (UTC)."""
        starts, moment = [], self.start
        while moment + self.slot_length <= self.end:
            starts.append(moment)
            moment += self.slot_length
        return starts

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class ClosedSlot(models.Model):
    """A slot a participant is not available for: the scheduler puts nothing there."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="closed_slots"
    )
    session = models.ForeignKey(MeetingSession, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField(_("slot"))

    class Meta:
        verbose_name = _("closed slot")
        verbose_name_plural = _("closed slots")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "session", "starts_at"], name="b2b_closed_slot_once"
            ),
        ]

    def __str__(self):
        return f"{self.participant_id} @ {self.starts_at:%Y-%m-%d %H:%M}"


class MeetingQuerySet(models.QuerySet):
    def involving(self, participant: Participant):
        return self.filter(Q(request__requester=participant) | Q(request__recipient=participant))

    def published(self):
        return self.filter(session__published_at__isnull=False)

    def with_parties(self):
        return self.select_related(
            "session",
            "session__event__venue",
            "request__requester__registration",
            "request__recipient__registration",
        )

    def no_shows(self, now: datetime):
        """Meetings that have begun where one party was not checked in at the door."""
        return self.filter(starts_at__lte=now).filter(
            Q(request__requester__registration__attended_at__isnull=True)
            | Q(request__recipient__registration__attended_at__isnull=True)
        )


class Meeting(models.Model):
    """An accepted request placed at one slot of one session, at one table."""

    request = models.OneToOneField(
        MeetingRequest, on_delete=models.CASCADE, related_name="meeting", verbose_name=_("request")
    )
    session = models.ForeignKey(
        MeetingSession, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("session")
    )
    starts_at = models.DateTimeField(_("starts"))
    table = models.PositiveSmallIntegerField(_("table"))
    is_locked = models.BooleanField(
        _("locked"),
        default=False,
        help_text=_("The scheduler leaves a locked meeting where it is."),
    )
    # iCal SEQUENCE of this meeting's VEVENT: raised whenever its time or table changes.
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("B2B meeting")
        verbose_name_plural = _("B2B meetings")
        ordering = ["starts_at", "table"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "starts_at", "table"], name="b2b_meeting_one_per_table_slot"
            ),
            models.CheckConstraint(condition=Q(table__gte=1), name="b2b_meeting_table_positive"),
        ]

    def __str__(self):
        return f"{self.request} @ {self.starts_at:%H:%M} #{self.table}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + self.session.slot_length


class MeetingOutcome(models.Model):
    """What one participant says came of one meeting, months later."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="outcomes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="outcomes")
    answer = models.CharField(_("what came of it"), max_length=20, choices=OutcomeAnswer.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="b2b_outcome_once_per_party"
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.get_answer_display()}"


__all__ = [
    "ClosedSlot",
    "Matchmaking",
    "Meeting",
    "MeetingOutcome",
    "MeetingRequest",
    "MeetingSession",
    "Participant",
]
