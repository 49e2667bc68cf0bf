"""The record of every reminder, notice and digest: one row per email."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from contacts.emails import NormalizedEmailField
from contacts.enums import Language
from contacts.models import Outcome, Person

from ..enums import (
    DeliveryKind,
    DeliveryState,
)
from .events import Event
from .registrations import Registration


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
    email = NormalizedEmailField(_("email"))
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
    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder_deliveries",
        verbose_name=_("meeting outcome"),
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
