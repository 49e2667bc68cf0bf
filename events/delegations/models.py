"""A delegation registered as one group, and its members.

Imported at the end of events/models.py so that the models belong to the events app.
Members hold seats through ordinary Registration rows, created only when the whole group has
seats; a waiting group has member rows and no registrations, so the single delegates' waitlist
never sees (and never splits) it.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from contacts.emails import CleanCharField, NormalizedEmailField
from contacts.enums import Language
from contacts.models import DelegationVisit

from ..models import Event, Registration


class GroupStatus(models.TextChoices):
    HELD = "held", _("Seats held, waiting for the head's confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist as a group")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


def _new_secret() -> str:
    return secrets.token_urlsafe(24)


class DelegationGroupQuerySet(models.QuerySet):
    def waitlist(self):
        return self.filter(status=GroupStatus.WAITLISTED).order_by("created_at", "pk")


class DelegationGroup(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="delegation_groups", verbose_name=_("event")
    )
    name = CleanCharField(_("delegation"), max_length=200)
    head_name = CleanCharField(_("head of delegation"), max_length=200)
    head_email = NormalizedEmailField(_("head's email"))
    head_language = models.CharField(
        _("head's language"), max_length=2, choices=Language.choices, default=Language.TURKISH
    )
    country = CountryField(_("country"))
    status = models.CharField(
        _("status"), max_length=12, choices=GroupStatus.choices, default=GroupStatus.HELD
    )
    delegation_visit = models.ForeignKey(
        DelegationVisit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegation_groups",
        verbose_name=_("delegation visit"),
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    expires_at = models.DateTimeField(_("confirm by"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    consent_at = models.DateTimeField(_("privacy consent given"))
    # Seats given to people behind the group while it waited (delegations/seats.py): once it
    # reaches the group's size, the seats that free up are kept for the group.
    seats_passed = models.PositiveIntegerField(_("seats passed on while waiting"), default=0)
    # Part of the head's signed link; rotating it revokes the link.
    secret = models.CharField(max_length=64, default=_new_secret, editable=False)

    objects = DelegationGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation registration")
        verbose_name_plural = _("delegation registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} — {self.event}"

    @property
    def size(self) -> int:
        return len(self.members.all())


class DelegationMember(models.Model):
    group = models.ForeignKey(
        DelegationGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("group")
    )
    full_name = CleanCharField(_("full name"), max_length=200)
    email = NormalizedEmailField(_("email"))
    role = CleanCharField(_("role"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.TURKISH
    )
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegation_member",
        verbose_name=_("registration"),
    )

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["group", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "email"], name="delegation_member_once_per_group"
            ),
        ]

    def __str__(self):
        return self.full_name


__all__ = ["DelegationGroup", "DelegationMember"]
