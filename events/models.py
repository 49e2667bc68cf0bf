import secrets
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from contacts.enums import Language
from contacts.models import DelegationVisit, Organization, Person, SeededModel, Source
from contacts.text import folded, search_key

from .enums import (
    DatePrecision,
    DeliveryKind,
    DeliveryState,
    EpisodeStatus,
    EventKind,
    EventStatus,
    PlanningStatus,
    Recurrence,
    RegistrationStatus,
)
from .timezones import IZMIR, localize, other_city_zone, validate_time_zone, zone_label


class Venue(SeededModel):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=IZMIR, validators=[validate_time_zone]
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo example"), default=False, editable=False)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["city", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=0),
                name="venue_capacity_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.city}"


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def facts(self):
        """Everything but the demo program."""
        return self.filter(is_demo=False)

    def demo(self):
        return self.filter(is_demo=True)

    def upcoming(self, now: datetime | None = None):
        return self.filter(end__gte=now or timezone.now())

    def past(self, now: datetime | None = None):
        return self.filter(end__lt=now or timezone.now())

    def active(self):
        return self.exclude(status=EventStatus.CANCELLED)

    def between(self, start: datetime, end: datetime):
        """Events that overlap the half-open window [start, end)."""
        return self.filter(start__lt=end, end__gt=start)

    def overlapping(self, event: "Event"):
        return self.between(event.start, event.end).exclude(pk=event.pk).active()

    def with_seat_counts(self):
        """Registration counts in the same query as the events: `seats_held` (pending and
        confirmed each hold a seat), `confirmed_count`, `pending_count`, `waitlist_count`."""
        by_status = {
            "confirmed_count": RegistrationStatus.CONFIRMED,
            "pending_count": RegistrationStatus.PENDING,
            "waitlist_count": RegistrationStatus.WAITLISTED,
        }
        return self.annotate(
            seats_held=models.Count(
                "registrations",
                filter=Q(
                    registrations__status__in=[
                        RegistrationStatus.PENDING,
                        RegistrationStatus.CONFIRMED,
                    ]
                ),
            ),
            **{
                name: models.Count("registrations", filter=Q(registrations__status=status))
                for name, status in by_status.items()
            },
        )


class Event(SeededModel):
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    description = models.TextField(_("description"), blank=True)
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("venue"),
    )
    # Stored in UTC; shown in the venue's zone. For day/month/year precision the pair spans
    # the whole local day/month/year, end exclusive (as iCal's DTEND is).
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    date_precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.EXACT,
        help_text=_("“April 2026, İzmir” is a real plan before the day is fixed."),
    )
    recurrence = models.CharField(
        _("repeats"), max_length=10, choices=Recurrence.choices, default=Recurrence.NONE, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no registration limit.")
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    is_milestone = models.BooleanField(
        _("historical milestone"), default=False, help_text=_("Shown on the anniversary timeline.")
    )
    organizers = models.ManyToManyField(
        Organization, blank=True, related_name="organized_events", verbose_name=_("organizers")
    )
    responsible = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for",
        verbose_name=_("responsible person"),
    )
    speakers = models.ManyToManyField(
        Person, blank=True, related_name="speaking_at", verbose_name=_("speakers and guests")
    )
    delegation_visit = models.ForeignKey(
        DelegationVisit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("delegation visit"),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))
    # iCal SEQUENCE: raised whenever the time or status changes, so calendars update in place.
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    reminders_paused = models.BooleanField(_("reminders paused"), default=False)
    reminder_offsets = models.JSONField(
        _("reminder offsets (minutes)"),
        default=list,
        blank=True,
        help_text=_("Minutes before the start, e.g. [10080, 1440, 120]. Empty: the site default."),
    )
    is_demo = models.BooleanField(_("demo example"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "title"]
        indexes = [models.Index(fields=["start", "end"]), models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="event_end_after_start"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=0),
                name="event_capacity_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens__isnull=True)
                | Q(registration_closes__isnull=True)
                | Q(registration_closes__gt=F("registration_opens")),
                name="event_registration_closes_after_opens",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    # --- time, always in the venue's zone ------------------------------------------------
    @property
    def time_zone(self) -> str:
        return self.venue.time_zone if self.venue_id else settings.TIME_ZONE

    @property
    def city(self) -> str:
        return self.venue.city if self.venue_id else ""

    @property
    def local_start(self) -> datetime:
        return localize(self.start, self.time_zone)

    @property
    def local_end(self) -> datetime:
        return localize(self.end, self.time_zone)

    @property
    def zone_label(self) -> str:
        return zone_label(self.time_zone)

    @property
    def other_zone(self) -> str:
        return other_city_zone(self.time_zone)

    @property
    def other_zone_label(self) -> str:
        return zone_label(self.other_zone)

    @property
    def other_start(self) -> datetime:
        """The start in the twin city's zone ("19:00 Bakü · 18:00 İzmir")."""
        return localize(self.start, self.other_zone)

    @property
    def is_exact(self) -> bool:
        return self.date_precision == DatePrecision.EXACT

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    def next_occurrence(self, now: datetime | None = None) -> tuple[datetime, datetime]:
        """For a yearly event, the first (start, end) in the future; else its own dates."""
        now = now or timezone.now()
        if self.recurrence != Recurrence.YEARLY or self.end >= now:
            return self.start, self.end
        start, end = self.local_start, self.local_end
        years = now.year - start.year
        while True:
            candidate = _shift_years(start, years), _shift_years(end, years)
            if candidate[1] >= now:
                return candidate
            years += 1

    @property
    def effective_reminder_offsets(self) -> list[int]:
        return sorted(self.reminder_offsets or settings.REMINDER_DEFAULT_OFFSETS, reverse=True)


def _shift_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February in a common year
        return moment.replace(year=moment.year + years, day=28)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=RegistrationStatus.active())

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def pending(self):
        return self.filter(status=RegistrationStatus.PENDING)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def holding_seat(self):
        """Pending and confirmed registrations each hold one seat until they expire or cancel."""
        return self.filter(status__in=[RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED])

    def in_line(self):
        """The waitlist, first come first served."""
        return self.waitlisted().order_by("created_at", "pk")

    def attended(self):
        """Confirmed delegates who were checked in at the door."""
        return self.confirmed().filter(attended_at__isnull=False)

    def search(self, text: str):
        """Name or email; Turkish/Azerbaijani-aware: "ismayilov" finds "İsmayilov"."""
        key = search_key(text or "")
        if not key:
            return self
        return self.alias(name_key=folded(F("full_name"))).filter(
            Q(name_key__contains=key) | Q(email__icontains=text.strip())
        )


def _new_secret() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    full_name = models.CharField(_("full name"), max_length=200)
    # Stored lower-cased by the service so that the uniqueness rule below holds.
    email = models.EmailField(_("email"))
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    country = CountryField(_("country"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.TURKISH
    )
    needs = models.TextField(_("accessibility or dietary needs"), blank=True)
    # The delegate's own zone, for reminders that state the time where they live.
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=IZMIR, validators=[validate_time_zone]
    )
    consent_at = models.DateTimeField(_("privacy consent given"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Deadline for the confirmation click (pending, or promoted from the waitlist).
    expires_at = models.DateTimeField(_("confirm by"), null=True, blank=True)
    attended_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    # Part of every signed link; rotating it revokes all links to this registration.
    secret = models.CharField(max_length=64, default=_new_secret, editable=False)
    is_demo = models.BooleanField(_("demo example"), default=False, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=RegistrationStatus.active()),
                name="registration_one_active_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} — {self.event}"

    @property
    def is_attended(self) -> bool:
        return self.attended_at is not None


class PodcastSeries(SeededModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    organizers = models.ManyToManyField(
        Organization, blank=True, related_name="podcast_series", verbose_name=_("organizers")
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    class Meta:
        verbose_name = _("podcast series")
        verbose_name_plural = _("podcast series")
        ordering = ["title"]

    def __str__(self):
        return self.title


class PodcastEpisode(SeededModel):
    series = models.ForeignKey(
        PodcastSeries, on_delete=models.CASCADE, related_name="episodes", verbose_name=_("series")
    )
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    guests = models.ManyToManyField(
        Person, blank=True, related_name="podcast_episodes", verbose_name=_("guests")
    )
    recorded_at = models.DateTimeField(_("recording date"), null=True, blank=True)
    recording_place = models.CharField(_("recording place"), max_length=200, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EpisodeStatus.choices, default=EpisodeStatus.PLANNED
    )
    link = models.URLField(_("link"), blank=True)
    event = models.OneToOneField(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="podcast_episode",
        verbose_name=_("calendar event"),
    )

    class Meta:
        verbose_name = _("podcast episode")
        verbose_name_plural = _("podcast episodes")
        ordering = ["series", "number"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="episode_unique_number"),
        ]

    def __str__(self):
        return f"{self.series} #{self.number}: {self.title}"


# --- planning checklists (board) ---------------------------------------------------------------
class PlanningItemQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(status__in=PlanningStatus.unfinished())

    def overdue(self, today=None):
        """Unfinished items whose due date has passed (today's items are not late yet)."""
        return self.unfinished().filter(due_on__lt=today or timezone.localdate())

    def owned_by(self, user):
        return self.filter(owner=user)

    def by_due_date(self):
        # Items without a due date come last: they are the least urgent by definition.
        return self.order_by(F("due_on").asc(nulls_last=True), "event__start", "position", "pk")


class PlanningItem(models.Model):
    """One thing to do before an event: who does it, by when, and how far it got."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="planning_items", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=250)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planning_items",
        verbose_name=_("owner"),
        help_text=_("The board member who sees this item under “My items”."),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PlanningStatus.choices, default=PlanningStatus.OPEN
    )
    notes = models.TextField(_("notes"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    # The template line this item came from, so that applying the template again adds nothing.
    template_item = models.ForeignKey(
        "ChecklistTemplateItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planning_items",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PlanningItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("planning item")
        verbose_name_plural = _("planning items")
        ordering = ["event", "position", "due_on", "pk"]
        indexes = [models.Index(fields=["owner", "status", "due_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "template_item"],
                condition=Q(template_item__isnull=False),
                name="planning_item_once_per_template_item",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        return self.status == PlanningStatus.DONE

    @property
    def is_overdue(self) -> bool:
        """Unfinished and past its due date (the same rule as PlanningItemQuerySet.overdue)."""
        return not self.is_done and self.due_on is not None and self.due_on < timezone.localdate()


class ChecklistTemplate(models.Model):
    """The starting checklist for one kind of event."""

    kind = models.CharField(_("event kind"), max_length=30, choices=EventKind.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("checklist template")
        verbose_name_plural = _("checklist templates")
        ordering = ["kind"]

    def __str__(self):
        return self.title


class ChecklistTemplateItem(models.Model):
    template = models.ForeignKey(
        ChecklistTemplate,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("template"),
    )
    title = models.CharField(_("title"), max_length=250)
    days_before = models.PositiveIntegerField(
        _("days before the event"), help_text=_("The item is due this many days before the start.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("checklist template item")
        verbose_name_plural = _("checklist template items")
        ordering = ["template", "position", "pk"]

    def __str__(self):
        return self.title


class ReminderDeliveryQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=DeliveryState.PENDING)

    def reminders(self):
        return self.filter(kind__in=DeliveryKind.reminders())

    def claimable(self, *, now: datetime, lease_expired_before: datetime):
        """Due pending rows, and rows a worker claimed but left unsent for longer than the lease."""
        return self.filter(
            Q(state=DeliveryState.PENDING, due_at__lte=now)
            | Q(state=DeliveryState.SENDING, claimed_at__lt=lease_expired_before)
        )


class ReminderDelivery(models.Model):
    """One email to one recipient about one thing: the record that it is due, sent or failed.

    The unique key (recipient, subject, offset) is what makes every reminder go out at most once:
    a second sweep, beat or retry finds the row and never creates another.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=DeliveryKind.choices)
    # "registration:12", "person:4", "user:7": stable even when an email address is corrected.
    recipient_key = models.CharField(_("recipient key"), max_length=60, editable=False)
    email = models.EmailField(_("email"))
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder_deliveries",
        verbose_name=_("registration"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder_deliveries",
        verbose_name=_("person"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder_deliveries",
        verbose_name=_("user"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder_deliveries",
        verbose_name=_("event"),
    )
    # What it is about: "event:5:reminder", "event:5:cancelled", "event:5:moved:3", "digest:2026-W48".
    subject_key = models.CharField(_("subject"), max_length=80, editable=False)
    offset = models.PositiveIntegerField(
        _("minutes before"), null=True, blank=True, help_text=_("Empty for notices and digests.")
    )
    due_at = models.DateTimeField(_("due"))
    state = models.CharField(
        _("state"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.TURKISH
    )
    # Set when a sweep claims the row; a batch may only send rows that still carry its token.
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True, editable=False)
    claim_token = models.CharField(max_length=32, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ReminderDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder delivery")
        verbose_name_plural = _("reminder deliveries")
        ordering = ["-due_at", "pk"]
        indexes = [
            models.Index(fields=["state", "due_at"]),
            models.Index(fields=["event", "kind", "state"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient_key", "subject_key", "offset"],
                name="delivery_once_per_recipient_subject_offset",
            ),
            # NULLs are distinct in a unique index, so notices and digests need their own rule.
            models.UniqueConstraint(
                fields=["recipient_key", "subject_key"],
                condition=Q(offset__isnull=True),
                name="delivery_once_per_recipient_subject",
            ),
            models.CheckConstraint(
                condition=~Q(state=DeliveryState.SENT) | Q(sent_at__isnull=False),
                name="delivery_sent_has_sent_at",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.email} ({self.get_state_display()})"


# The business program's models live in their own sub-area; importing them here makes them
# part of this app (and of its migrations).
from .b2b.models import *  # noqa: E402, F403
from .delegations.models import *  # noqa: E402, F403
