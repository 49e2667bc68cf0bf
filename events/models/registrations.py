"""Registrations: a delegate's seat, waitlist place, and check-in."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from contacts.emails import CleanCharField, CleanTextField, NormalizedEmailField, validate_one_line
from contacts.enums import Language
from contacts.text import folded, search_key

from ..enums import (
    RegistrationStatus,
)
from ..timezones import (
    IZMIR,
    validate_time_zone,
)
from .events import Event


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

    def waitlist(self):
        """The waitlist, first come first served. A registration whose seat hold ran out before
        it was confirmed (expires_at still set) is not in line until it is confirmed: else
        unconfirmed throw-away addresses would take the seats back at once."""
        return self.waitlisted().filter(expires_at__isnull=True).order_by("created_at", "pk")

    def awaiting_confirmation(self):
        """Pending, or waitlisted after its seat hold ran out (Registration.awaits_confirmation):
        the ones whose confirm link still works."""
        return self.filter(
            Q(status=RegistrationStatus.PENDING)
            | Q(status=RegistrationStatus.WAITLISTED, expires_at__isnull=False)
        )

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
    # Clean*Field: NFC, no bidi overrides, no controls, not invisible, on every path (admin too).
    full_name = CleanCharField(_("full name"), max_length=200, validators=[validate_one_line])
    # Stored normalised on every write (contacts.emails), so that the uniqueness rule below
    # compares mailboxes, whichever path (form, admin, import, service) wrote the address.
    email = NormalizedEmailField(_("email"))
    organization = CleanCharField(
        _("organization"), max_length=200, blank=True, validators=[validate_one_line]
    )
    country = CountryField(_("country"))
    phone = CleanCharField(_("phone"), max_length=40, blank=True, validators=[validate_one_line])
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.TURKISH
    )
    needs = CleanTextField(_("accessibility or dietary needs"), blank=True)
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
    # An unconfirmed registration holds its seat until then (REGISTRATION_PENDING_HOLD_MINUTES),
    # shorter than the confirm window: seats cannot be hoarded with addresses nobody reads.
    seat_held_until = models.DateTimeField(_("seat held until"), null=True, blank=True)
    # The client's network (IPv4 /24, IPv6 /64), to cap unconfirmed registrations from one place;
    # never a full address. Erased with the other personal data.
    client_network = models.CharField(_("client network"), max_length=50, blank=True)
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
    # Set when the delegate's personal data was erased (retention or request); the row stays
    # for the counts and check-in facts of the reports.
    erased_at = models.DateTimeField(
        _("personal data erased"), null=True, blank=True, editable=False
    )

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
                violation_error_code="duplicate",
                violation_error_message=_(
                    "This email address already has an active registration for this event."
                ),
            ),
        ]

    def __str__(self):
        # No name: the audit log keeps this text (object_repr) longer than the personal data.
        return _("Registration #%(pk)s — %(event)s") % {"pk": self.pk, "event": self.event}

    @property
    def shows_personal_data(self) -> bool:
        """The self-service page shows the delegate's details only while the registration is
        live: not once it is cancelled or expired, the event is over, or the data was erased."""
        return (
            self.erased_at is None
            and self.status in RegistrationStatus.active()
            and not self.event.is_past
        )

    @property
    def held_until(self):
        """Until when (aware, UTC) the seat is kept unconfirmed: the hold, shorter than the
        confirm window; a promotion from the waitlist has only its confirm deadline."""
        return self.seat_held_until or self.expires_at

    @property
    def can_be_cancelled(self) -> bool:
        """Holding a seat or a place in line for an event still to come and not cancelled:
        the only registrations whose page and emails offer "cancel"."""
        return (
            self.status in RegistrationStatus.active()
            and not self.event.is_past
            and not self.event.is_cancelled
        )

    @property
    def offers_calendar(self) -> bool:
        """Its page and emails offer the event's .ics only while the registration is live and
        the event is not cancelled: a cancelled seat is nothing to add to a calendar."""
        return self.status in RegistrationStatus.active() and not self.event.is_cancelled

    @property
    def awaits_confirmation(self) -> bool:
        """Pending, or waitlisted after its seat hold ran out: the confirm link still works."""
        return self.status == RegistrationStatus.PENDING or (
            self.status == RegistrationStatus.WAITLISTED and self.expires_at is not None
        )

    @property
    def is_attended(self) -> bool:
        return self.attended_at is not None
