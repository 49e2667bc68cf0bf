"""Venues and events: where and when, always in the venue's time zone."""

import re
from datetime import date, datetime
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from contacts.cities import city_name, names_city
from contacts.emails import CleanCharField, CleanTextField, validate_one_line
from contacts.models import (
    DelegationVisit,
    Organization,
    Outcome,
    Person,
    SeededModel,
    Source,
)

from ..enums import (
    DatePrecision,
    EventKind,
    EventStatus,
    Recurrence,
    RegistrationStatus,
)
from ..timezones import (
    IZMIR,
    LocalDate,
    candidate_window,
    local_days,
    local_months,
    localize,
    occurrences,
    other_city_zone,
    validate_time_zone,
    zone_label,
)


class Venue(SeededModel):
    # One-line fields reach email headers and calendar files: no line breaks (validate_one_line).
    # What the board types is cleaned as every typed text is (contacts.emails.CleanCharField):
    # NFC, no bidi override or zero-width space, never a name made of invisible characters.
    name = CleanCharField(_("name"), max_length=200, validators=[validate_one_line])
    address = CleanCharField(
        _("address"), max_length=300, blank=True, validators=[validate_one_line]
    )
    city = CleanCharField(_("city"), max_length=100, validators=[validate_one_line])
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
        # Menus, admin lists and the registrants' pages print this: the city in the page's
        # language, and only where the name does not name it already.
        return ", ".join(part for part in (self.name, self.city_to_show(self.name)) if part)

    def city_to_show(self, *texts: str) -> str:
        """The city for a line that shows `texts` (the name, the address) beside it, spelled in
        the active language (contacts.cities), or "" when one of them already names it in any
        spelling: a line never says the city twice ("Baku — venues to be announced, Baku"), nor
        in two spellings ("Bakü Kongre Merkezi" shown in Turkish, no ", Baku" after it).

        The active language even where the name stands in Turkish ("Kongre Merkezi, Baku" in
        English): the page, email or feed around the line spells the city in its own language
        (the time zone's label, the other events), and one reader reads one spelling of each
        city. Every "name, city" line asks here."""
        if any(names_city(text, self.city) for text in texts if text):
            return ""
        return city_name(self.city)

    def where(self) -> str:
        """One plain line for emails and calendar files: name, address and city, the city left
        out when the name or the address names it already (`city_to_show`)."""
        parts = [self.name, self.address]
        return ", ".join(part for part in (*parts, self.city_to_show(*parts)) if part)


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def missing_translations(self):
        """Events whose title or public text is written in Turkish but not yet in Azerbaijani
        or English (those languages read the Turkish meanwhile)."""
        missing = Q()
        for field in ("title", "description"):
            written = ~Q(**{f"{field}_tr__isnull": True}) & ~Q(**{f"{field}_tr": ""})
            for code in settings.MODELTRANSLATION_LANGUAGES[1:]:
                empty = Q(**{f"{field}_{code}__isnull": True}) | Q(**{f"{field}_{code}": ""})
                missing |= written & empty
        return self.filter(missing)

    def facts(self):
        """Everything but the demo program."""
        return self.filter(is_demo=False)

    def demo(self):
        return self.filter(is_demo=True)

    def upcoming(self, now: datetime | None = None):
        """Not over yet: the end to come, or yearly (a yearly series always comes round
        again). The rows `Event.is_past` calls not past."""
        return self.filter(Q(end__gte=now or timezone.now()) | Q(recurrence=Recurrence.YEARLY))

    def past(self, now: datetime | None = None):
        """Over: ended, and not yearly. The rows `Event.is_past` calls past."""
        return self.filter(end__lt=now or timezone.now()).exclude(recurrence=Recurrence.YEARLY)

    def active(self):
        return self.exclude(status=EventStatus.CANCELLED)

    def between(self, start: datetime, end: datetime):
        """Events that overlap the half-open window [start, end)."""
        return self.filter(start__lt=end, end__gt=start)

    def with_local_start_day(self):
        """Annotate `local_start_day`: the date the event starts on in its venue's zone (the
        site's without a venue), in SQL, so a filter or a grouping by day, month or year
        follows the same rule as `Event.local_days`."""
        return self.annotate(local_start_day=LocalDate("start", F("venue__time_zone")))

    def starting_on_local_days(self, first: date, last: date):
        """The events whose first local day (venue's zone) is within [first, last], with
        `local_start_day` annotated. The UTC window keeps the index on `start` in use."""
        start, end = candidate_window(first, last)
        return (
            self.filter(start__gte=start, start__lt=end)
            .with_local_start_day()
            .filter(local_start_day__gte=first, local_start_day__lte=last)
        )

    def around_local_days(self, first: date, last: date):
        """Candidates for the local days [first, last] (in whichever zone each venue has): the
        events near them in UTC, and every yearly event begun before them. Keep the ones
        `Event.occurrences(first, last)` finds: that is the rule, this is only the index."""
        start, end = candidate_window(first, last)
        return self.filter(
            Q(start__lt=end, end__gt=start) | Q(recurrence=Recurrence.YEARLY, start__lt=end)
        )

    def local_month_counts(self, first: date, last: date) -> dict[date, int]:
        """{first of month: number of events taking place in it} for the months of [first,
        last], each event counted in every month it touches in its venue's zone (the rule of
        `Event.local_months`). One query of five columns, no model rows: the home tiles and
        the program's month index read thousands of events with it."""
        counts: dict[date, int] = {}
        rows = self.around_local_days(first, last).values_list(
            "start", "end", "venue__time_zone", "recurrence"
        )
        for start, end, time_zone, recurrence in rows.order_by():
            for month in local_months(
                start,
                end,
                time_zone or settings.TIME_ZONE,  # as Event.time_zone: no venue, the site's
                yearly=recurrence == Recurrence.YEARLY,
                first=first,
                last=last,
            ):
                counts[month] = counts.get(month, 0) + 1
        return counts

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
    title = CleanCharField(_("title"), max_length=250, validators=[validate_one_line])
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    description = CleanTextField(
        _("public text"), blank=True, help_text=_("Shown to delegates on the event's page.")
    )
    # Never shown to delegates: what the source leaves open, what the board still has to settle.
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen only by the board and the staff.")
    )
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
    # KVKK/GDPR: registrations' personal data is erased this many months after the event's
    # end; empty means PERSONAL_DATA_RETENTION_MONTHS (12).
    retention_months = models.PositiveSmallIntegerField(
        _("keep personal data for (months after the end)"),
        null=True,
        blank=True,
        help_text=_("Empty: the site default."),
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
    # The meeting outcome that announced it ("event announced"): the way back to the meeting.
    # A dated edition of a yearly series (the 2023 Şuşa conference of the one each 15 June):
    # its own record, with its own date and theme, pointing at the series.
    series = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="editions",
        verbose_name=_("series"),
        help_text=_("The yearly series this dated edition belongs to."),
    )
    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announced_events",
        verbose_name=_("announced at"),
    )
    # iCal SEQUENCE: raised whenever the time or the STATUS calendars see changes, so calendars
    # update in place (events.services.scheduling).
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
        indexes = [
            models.Index(fields=["start", "end"]),
            models.Index(fields=["status"]),
            # The home page asks for these few on every render: no scan of the whole program.
            models.Index(
                fields=["start"], condition=Q(is_milestone=True), name="event_milestone_start"
            ),
            models.Index(
                fields=["start"], condition=Q(recurrence="yearly"), name="event_yearly_start"
            ),
        ]
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
        """The event's public page in the active language ("/tr/events/nevruz-2026/"): the
        address `reverse("events:detail")` gives, without resolving it again for every card of
        a page (`_detail_path`)."""
        if not _URL_SLUG.fullmatch(self.slug or ""):
            return reverse("events:detail", kwargs={"slug": self.slug})  # its own error
        before, after = _detail_path(get_language(), get_script_prefix(), get_urlconf())
        return f"{before}{self.slug}{after}"

    def get_board_url(self) -> str:
        """The event's page in the board workspace (a path, like get_absolute_url)."""
        return reverse("board:event_detail", kwargs={"slug": self.slug})

    def clean(self):
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
    def local_days(self) -> tuple[date, date]:
        """First and last day the event covers in the venue's zone (the end is exclusive)."""
        return local_days(self.start, self.end, self.time_zone)

    @property
    def last_local_day(self) -> date:
        """The last day of the event in the venue's zone: an end at 00:00 is the day before."""
        return self.local_days[1]

    def occurrences(self, first: date, last: date) -> list[tuple[datetime, datetime]]:
        """Each (start, end) in the venue's zone whose local days overlap [first, last]; a
        yearly event once a year, exactly as its feed's RRULE expands (timezones.occurrences)."""
        return occurrences(
            self.start,
            self.end,
            self.time_zone,
            yearly=self.recurrence == Recurrence.YEARLY,
            first=first,
            last=last,
        )

    def local_months(self, first: date, last: date) -> set[date]:
        """The months (first days) within [first, last] the event takes place in, in the
        venue's zone: what every month page, tile, menu and filter counts it in."""
        return local_months(
            self.start,
            self.end,
            self.time_zone,
            yearly=self.recurrence == Recurrence.YEARLY,
            first=first,
            last=last,
        )

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
        """Over: its next occurrence (its own dates, or a yearly event's next anniversary, see
        `next_occurrence`) has ended. A yearly series is never past. Every page, tile, badge
        and email that says "took place" or "upcoming" reads this (`past_at` for a given now);
        `EventQuerySet.upcoming()`/`past()` are the same rule in SQL."""
        return self.past_at(timezone.now())

    @property
    def listed_is_past(self) -> bool:
        """Over as a list shows it: the occurrence the list placed the event under has ended
        (`listed_occurrence`, (start, end) aware, set by the program's month: a yearly series'
        June 2025 on a list of past months), else `is_past`. A card's past styling and badge
        read this, so a past June of a series never reads "to be confirmed"."""
        listed = getattr(self, "listed_occurrence", None)
        if listed is not None:
            return listed[1] < timezone.now()
        return self.is_past

    def past_at(self, now: datetime) -> bool:
        """`is_past` at the instant `now` (aware)."""
        return self.next_occurrence(now)[1] < now

    @property
    def is_undated(self) -> bool:
        """Known only by its month or year: a plan, not yet a day in anyone's calendar."""
        return self.date_precision in (DatePrecision.MONTH, DatePrecision.YEAR)

    @property
    def date_to_be_announced(self) -> bool:
        """Known only by its month or year, and that month or year not over yet: the one case
        in which a page, feed or mail says "date to be announced" and "registration opens once
        the date is fixed". Once over (the 1986 protocol, a plan of last June) the record reads
        as past at the precision it is known ("1986", "June 2025"), and a cancelled plan
        announces nothing."""
        return self.is_undated and not self.is_cancelled and self.end > timezone.now()

    @property
    def date_never_fixed(self) -> bool:
        """An undated plan whose month or year is over without a day, never marked held or
        cancelled: it did not "take place", and its date is no longer "to be announced"."""
        return (
            self.is_undated
            and not self.is_milestone
            and self.status in (EventStatus.IDEA, EventStatus.PLANNED, EventStatus.CONFIRMED)
            and self.recurrence != Recurrence.YEARLY  # a yearly plan comes round again
            and self.end <= timezone.now()
        )

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    # --- seats ---------------------------------------------------------------------------
    @property
    def fill_percent(self) -> int | None:
        """Seats held (pending and confirmed) as a whole percentage of the capacity, capped at
        100: a waitlist or a capacity lowered below the seats taken still reads "full".

        None when there is no limit; 100 for a capacity of 0 (every registrant waits). Reads
        `seats_held` from `with_seat_counts()` when the row has it, else counts (one query).
        """
        if self.capacity is None:
            return None
        if self.capacity == 0:
            return 100
        held = getattr(self, "seats_held", None)
        if held is None:
            held = self.registrations.holding_seat().count()
        return min(100, round(100 * held / self.capacity))

    def next_occurrence(self, now: datetime | None = None) -> tuple[datetime, datetime]:
        """For a yearly event, the first (start, end) in the future; else its own dates."""
        now = now or timezone.now()
        if self.recurrence != Recurrence.YEARLY or self.end >= now:
            return self.start, self.end
        today = localize(now, self.time_zone).date()
        # Within five years there is always one (29 February included: every fourth year).
        for start, end in self.occurrences(today, today.replace(year=today.year + 5, day=28)):
            if end >= now:
                return start, end
        return self.start, self.end  # unreachable: a yearly event always comes round again


# What people edit on an event, shared by the board's forms and the admin's, so that a new field
# is added in one place. The schedule is apart: once an event exists, its date and status change
# only through events.services.scheduling, which raises the SEQUENCE and tells the registrants.
def per_language(field: str) -> tuple[str, ...]:
    """The columns of a field stored per language (events/translation.py): title_tr, title_az,
    title_en, Turkish first."""
    return tuple(f"{field}_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)


EVENT_DETAIL_FIELDS = (
    *per_language("title"),
    "kind",
    "venue",
    "capacity",
    "registration_opens",
    "registration_closes",
    "retention_months",
    "is_public",
    "is_milestone",
    *per_language("description"),
    "internal_notes",
    "responsible",
    "speakers",
    "organizers",
    "delegation_visit",
)
EVENT_SCHEDULE_FIELDS = ("status", "date_precision", "start", "end")


# What the <slug:slug> converter accepts: nothing in it is quoted in an address.
_URL_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_SLUG_MARK = "0slug0"


def _detail_path(language: str | None, prefix: str, urlconf) -> tuple[str, str]:
    """The public event page's address around its slug, for this language, script prefix
    and URLconf (one reverse() each, then remembered; a new URLconf, as tests set, is a new
    resolver and so a new entry)."""
    return _detail_paths(language, prefix, get_resolver(urlconf))


@lru_cache(maxsize=64)
def _detail_paths(language, prefix, resolver) -> tuple[str, str]:
    before, after = reverse("events:detail", kwargs={"slug": _SLUG_MARK}).split(_SLUG_MARK)
    return before, after
