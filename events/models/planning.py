"""Planning an event: checklist templates and the board's planning items."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.emails import CleanCharField

from ..enums import (
    EventKind,
    PlanningStatus,
)
from .events import Event


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
    title = CleanCharField(_("title"), max_length=250)
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
    title = CleanCharField(_("title"), max_length=200)

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
    title = CleanCharField(_("title"), max_length=250)
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
