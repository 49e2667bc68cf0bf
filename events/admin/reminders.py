"""Admin for reminder deliveries: what is due, sent or failed, and why; send now, retry, pause."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import Event, ReminderDelivery, per_language
from ..services import reminders


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(admin.ModelAdmin):
    list_display = (
        "due_at",
        "kind",
        "email",
        "event",
        "offset",
        "state",
        "attempts",
        "sent_at",
        "error",
    )
    list_filter = (
        "state",
        "kind",
        ("event", admin.RelatedOnlyFieldListFilter),
        "event__reminders_paused",
        "language",
    )
    search_fields = ("email", "subject_key", *per_language("event__title"))
    date_hierarchy = "due_at"
    list_select_related = ("event",)
    ordering = ("-due_at", "pk")
    actions = ("send_due_now", "retry_failed", "pause_event_reminders", "resume_event_reminders")
    change_list_template = "admin/events/reminderdelivery/change_list.html"
    fields = (
        "kind",
        "email",
        "registration",
        "person",
        "user",
        "event",
        "subject_key",
        "offset",
        "language",
        "due_at",
        "state",
        "attempts",
        "last_error",
        "claimed_at",
        "sent_at",
        "created_at",
    )
    # The record of what went out is not edited by hand; actions change it through services.
    readonly_fields = fields

    @admin.display(description=_("last error"))
    def error(self, obj):
        return Truncator(obj.last_error).chars(80)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view(self.send_due_view)
        return [
            path("send-due/", view, name="events_reminderdelivery_send_due"),
            *super().get_urls(),
        ]

    def _sweep(self, request) -> None:
        try:
            result = reminders.sweep()
        except reminders.TemporaryDeliveryError as exc:
            self.message_user(
                request,
                _("The mail server asked us to try later (%(error)s); the next sweep will.")
                % {"error": exc},
                messages.WARNING,
            )
            return
        self.message_user(
            request,
            _(
                "Sweep done: %(planned)d planned, %(claimed)d due and queued in %(batches)d "
                "batch(es), %(skipped)d skipped."
            )
            % result.as_dict(),
            messages.SUCCESS,
        )

    def send_due_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        self._sweep(request)
        return HttpResponseRedirect(reverse("admin:events_reminderdelivery_changelist"))

    @admin.action(
        description=_("Send due reminders now (sweeps all, not only the selection)"),
        permissions=("change",),
    )
    def send_due_now(self, request, queryset):
        self._sweep(request)

    @admin.action(description=_("Retry the selected failed deliveries"), permissions=("change",))
    def retry_failed(self, request, queryset):
        count = reminders.retry_failed(deliveries=queryset)
        if count:
            reminders.dispatch_due()
        self.message_user(
            request,
            ngettext(
                "%(count)d failed delivery is queued again.",
                "%(count)d failed deliveries are queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )

    def _pause(self, request, queryset, paused: bool):
        events = Event.objects.filter(pk__in=queryset.exclude(event=None).values("event"))
        count = reminders.pause_reminders(events=events, paused=paused)
        message = (
            ngettext(
                "Reminders paused for %(count)d event.",
                "Reminders paused for %(count)d events.",
                count,
            )
            if paused
            else ngettext(
                "Reminders resumed for %(count)d event.",
                "Reminders resumed for %(count)d events.",
                count,
            )
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(
        description=_("Pause reminders for the events of the selected deliveries"),
        permissions=("change",),
    )
    def pause_event_reminders(self, request, queryset):
        self._pause(request, queryset, True)

    @admin.action(
        description=_("Resume reminders for the events of the selected deliveries"),
        permissions=("change",),
    )
    def resume_event_reminders(self, request, queryset):
        self._pause(request, queryset, False)
