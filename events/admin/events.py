"""Admin for venues and events: the event form, its list, filters and scheduling actions.

Times are entered and shown in the venue's own zone (see widgets.py). Status and date changes go
through `events.services.scheduling`, so the notices other areas attach there fire from the
admin too.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.admin import TranslationAdmin

from contacts.admin import (
    CountryMenuAdminMixin,
    DemoFilter,
    FoldedSearchMixin,
    city_filter,
    demo_badge,
)
from contacts.cities import city_name

# The private helpers are the rule itself; reusing them keeps the list and the change page in
# agreement with the dashboard (see conflicts_for_events below).
from ..conflicts import conflicts_for, conflicts_for_events
from ..enums import EventStatus
from ..exceptions import messages_of
from ..models import EVENT_DETAIL_FIELDS, EVENT_SCHEDULE_FIELDS, Event, Venue, per_language
from ..services.program import duplicate_event
from ..services.registration import promote_from_waitlist
from ..services.scheduling import (
    SchedulingError,
    cancel_event,
    confirm_event,
    reschedule_event,
    set_event_status,
)
from ..timezones import localize, zone_label
from .filters import EventMonthFilter, EventYearFilter, WhenFilter
from .offsets import ReminderOffsetsField
from .registrations import RegistrationInline
from .widgets import (
    ZONED_FIELDS,
    ZonedSplitDateTimeField,
    ZonedSplitDateTimeWidget,
    izmir_time_text,
    utc_offset,
    when_text,
)


class EventAdminForm(forms.ModelForm):
    reminder_offsets = ReminderOffsetsField(
        label=gettext_lazy("reminders to delegates"),
        help_text=gettext_lazy("Nothing ticked and nothing typed: the site's default times."),
    )

    class Meta:
        model = Event
        # The board's fields, plus what only staff set: the recurrence, the series of a dated
        # edition, the sources and the reminder settings. Here the schedule is a form field
        # too: save_model hands its changes to the scheduling services.
        fields = (
            "slug",
            *EVENT_DETAIL_FIELDS,
            *EVENT_SCHEDULE_FIELDS,
            "recurrence",
            "series",
            "sources",
            "reminders_paused",
            "reminder_offsets",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone = self._venue_zone()
        # The offset at the event's own date: 1986 in Türkiye was UTC+2, not today's UTC+3.
        moment = localize(self.instance.start or timezone.now(), self.time_zone)
        venue = self.instance.venue if self.instance.venue_id else None
        hint = _("In the venue's time zone: %(zone)s (%(name)s, %(offset)s).") % {
            "zone": city_name(venue.city)
            if venue and venue.time_zone == self.time_zone
            else zone_label(self.time_zone),
            "name": self.time_zone,
            "offset": utc_offset(moment),
        }
        for name in ZONED_FIELDS:
            field = self.fields.get(name)
            if isinstance(field, ZonedSplitDateTimeField):
                field.zone = field.widget.zone = self.time_zone
                field.help_text = hint

    def _venue_zone(self) -> str:
        """The zone the times on this form are in: the chosen venue's, else the site's."""
        if self.is_bound and self.add_prefix("venue") in self.data:
            raw = self.data.get(self.add_prefix("venue"))
        elif self.instance.venue_id:
            return self.instance.venue.time_zone
        else:
            raw = self.initial.get("venue")
        try:
            venue_pk = int(raw)
        except (TypeError, ValueError):
            return settings.TIME_ZONE
        found = Venue.objects.filter(pk=venue_pk).values_list("time_zone", flat=True).first()
        return found or settings.TIME_ZONE

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        stored = (
            Event.objects.filter(pk=self.instance.pk)
            .values("status", "start", "end", "recurrence")
            .first()
        )
        if stored and stored["status"] == EventStatus.CANCELLED:
            # The scheduling services refuse both; say so next to the field instead of failing.
            if cleaned.get("status") not in (None, EventStatus.CANCELLED):
                self.add_error(
                    "status", _("A cancelled event cannot be reopened; duplicate it instead.")
                )
            if (cleaned.get("start"), cleaned.get("end")) != (stored["start"], stored["end"]):
                self.add_error("start", _("A cancelled event cannot be moved."))
            if cleaned.get("recurrence", stored["recurrence"]) != stored["recurrence"]:
                self.add_error("recurrence", _("A cancelled event cannot be moved."))
        return cleaned


class EventChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        self.result_list = list(self.result_list)
        found = conflicts_for_events(self.result_list)
        for event in self.result_list:
            event.admin_conflicts = found.get(event.pk, [])


# --- model admins -----------------------------------------------------------------------------


@admin.register(Venue)
class VenueAdmin(CountryMenuAdminMixin, FoldedSearchMixin, TranslationAdmin):
    # Explicit: the count annotations below add a GROUP BY, which drops the model's default
    # ordering, and the autocomplete widgets paginate these results.
    ordering = ("city", "name")
    list_display = ("name", "city_label", "zone", "capacity", "event_count", demo_badge)
    list_filter = (city_filter("city"), "time_zone", DemoFilter)
    search_fields = (*per_language("name"), "city", *per_language("address"))
    readonly_fields = (demo_badge, "seed_key")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_events=Count("events"))

    @admin.display(description=gettext_lazy("city"), ordering="city")
    def city_label(self, obj) -> str:
        """The city in the admin's language, as every page prints it (contacts.cities)."""
        return city_name(obj.city)

    @admin.display(description=gettext_lazy("time zone"), ordering="time_zone")
    def zone(self, obj) -> str:
        return (
            f"{zone_label(obj.time_zone)} ({utc_offset(localize(timezone.now(), obj.time_zone))})"
        )

    @admin.display(description=gettext_lazy("events"), ordering="_events")
    def event_count(self, obj) -> int:
        return obj._events


@admin.register(Event)
class EventAdmin(FoldedSearchMixin, TranslationAdmin):
    class Media:
        css = {"all": ("css/admin-events.css",)}

    # Explicit: the count annotations below add a GROUP BY, which drops the model's default
    # ordering, and the autocomplete widgets paginate these results.
    ordering = ("start", "title")
    form = EventAdminForm
    formfield_overrides = {
        models.DateTimeField: {
            "form_class": ZonedSplitDateTimeField,
            "widget": ZonedSplitDateTimeWidget,
        }
    }
    list_display = (
        "title",
        "kind",
        "status",
        "when",
        "izmir_time",
        "venue",
        "seats",
        "clashes",
        demo_badge,
    )
    list_select_related = ("venue", "responsible")
    list_filter = (
        WhenFilter,
        "status",
        "kind",
        city_filter("venue__city"),
        EventYearFilter,
        EventMonthFilter,
        "date_precision",
        "is_milestone",
        DemoFilter,
    )
    search_fields = (*per_language("title"), "slug", *per_language("venue__name"), "venue__city")
    # No date_hierarchy: it files by İzmir's calendar; the year and month filters use the venue's.
    prepopulated_fields = {"slug": ("title_tr",)}
    autocomplete_fields = (
        "venue",
        "responsible",
        "delegation_visit",
        "series",
        "organizers",
        "speakers",
        "sources",
    )
    readonly_fields = (
        "when_local",
        "when_izmir",
        "sequence",
        demo_badge,
        "seed_key",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("slug", "kind", "status", "internal_notes")}),
        # One group per language (no tabs: modeltranslation's tabs load jQuery UI from a CDN,
        # which the offline site and its Content-Security-Policy do not allow).
        *(
            (name, {"fields": (f"title_{code}", f"description_{code}")})
            for code, name in settings.LANGUAGES
        ),
        (
            gettext_lazy("When and where"),
            {
                "fields": (
                    "venue",
                    "start",
                    "end",
                    "date_precision",
                    "recurrence",
                    "when_local",
                    "when_izmir",
                )
            },
        ),
        (
            gettext_lazy("Registration"),
            {
                "fields": (
                    "is_public",
                    "capacity",
                    "registration_opens",
                    "registration_closes",
                    "retention_months",
                )
            },
        ),
        (
            gettext_lazy("People, organizations and sources"),
            {
                "fields": (
                    "responsible",
                    "speakers",
                    "organizers",
                    "delegation_visit",
                    "sources",
                    "is_milestone",
                    "series",
                )
            },
        ),
        (gettext_lazy("Reminders"), {"fields": ("reminders_paused", "reminder_offsets")}),
        (
            gettext_lazy("Record"),
            {
                "classes": ("collapse",),
                "fields": ("sequence", demo_badge, "seed_key", "created_at", "updated_at"),
            },
        ),
    )
    inlines = [RegistrationInline]
    actions = ["duplicate_events", "confirm_events", "cancel_events"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("venue", "responsible")
            .prefetch_related("speakers")
            .with_seat_counts()
        )

    def get_changelist(self, request, **kwargs):
        return EventChangeList

    # --- columns and read-only fields ---------------------------------------------------------

    @admin.display(description=gettext_lazy("when (venue time)"), ordering="start")
    def when(self, obj) -> str:
        return when_text(obj, obj.time_zone)

    @admin.display(description=gettext_lazy("İzmir time"))
    def izmir_time(self, obj) -> str:
        return izmir_time_text(obj)

    @admin.display(description=gettext_lazy("when (venue time)"))
    def when_local(self, obj) -> str:
        return when_text(obj, obj.time_zone) if obj and obj.pk else "—"

    @admin.display(description=gettext_lazy("İzmir time"))
    def when_izmir(self, obj) -> str:
        return izmir_time_text(obj) if obj and obj.pk else "—"

    @admin.display(description=gettext_lazy("seats taken"), ordering="seats_held")
    def seats(self, obj) -> str:
        taken = (
            f"{obj.seats_held}/{obj.capacity}" if obj.capacity is not None else str(obj.seats_held)
        )
        if obj.waitlist_count:
            return _("%(taken)s, %(waiting)d waiting") % {
                "taken": taken,
                "waiting": obj.waitlist_count,
            }
        return taken

    @admin.display(description=gettext_lazy("clashes"))
    def clashes(self, obj) -> str:
        found = getattr(obj, "admin_conflicts", [])
        if not found:
            return ""
        return format_html(
            '<span class="kardes-clash" title="{}" style="color:#b45309;font-weight:bold">'
            "⚠ {}</span>",
            "\n".join(conflict.message for conflict in found),
            len(found),
        )

    # --- the change page ----------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            event = self.get_object(request, unquote(object_id))
            if event is not None:
                for conflict in conflicts_for(event):
                    messages.warning(request, conflict.message)
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        # Render in the venue's zone, so the admin's "Now" button and its "you are N hours
        # ahead of server time" note speak the same zone as the fields.
        with timezone.override(context["adminform"].form.time_zone):
            return response.render()

    def save_model(self, request, obj, form, change):
        """New events are saved as entered; changes of time or status go through the services."""
        if not change:
            obj.save()
            return
        stored = Event.objects.get(pk=obj.pk)
        wanted = (obj.start, obj.end, obj.date_precision, obj.recurrence, obj.status)
        # What calendars must apply (RFC 5546 §2.1.4) is saved by the services, which raise
        # the SEQUENCE; everything else is saved here as entered.
        obj.start, obj.end, obj.date_precision, obj.recurrence, obj.status = (
            stored.start,
            stored.end,
            stored.date_precision,
            stored.recurrence,
            stored.status,
        )
        obj.sequence = stored.sequence
        obj.save()
        start, end, precision, recurrence, status = wanted
        if (start, end, precision, recurrence) != (
            stored.start,
            stored.end,
            stored.date_precision,
            stored.recurrence,
        ):
            updated = reschedule_event(
                event=obj, start=start, end=end, date_precision=precision, recurrence=recurrence
            )
            obj.start, obj.end, obj.sequence = updated.start, updated.end, updated.sequence
            obj.date_precision, obj.recurrence = updated.date_precision, updated.recurrence
        if status != stored.status:
            updated = set_event_status(event=obj, status=status)
            obj.status, obj.sequence = updated.status, updated.sequence
        if obj.capacity != stored.capacity:
            # More seats (or none limited): the first in line get them, with the email.
            promote_from_waitlist(event=obj)

    def _warn_after_save(self, request, obj):
        # "Save and continue" lands on the change page, which shows the warnings itself.
        if "_continue" in request.POST or "_saveasnew" in request.POST:
            return
        for conflict in conflicts_for(obj):
            messages.warning(request, conflict.message)

    def response_add(self, request, obj, post_url_continue=None):
        self._warn_after_save(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._warn_after_save(request, obj)
        return super().response_change(request, obj)

    # --- actions ------------------------------------------------------------------------------

    @admin.action(description=gettext_lazy("Duplicate selected events"), permissions=["add"])
    def duplicate_events(self, request, queryset):
        for event in queryset.order_by("start", "pk"):
            copy = duplicate_event(event=event)
            url = reverse("admin:events_event_change", args=[copy.pk])
            self.message_user(
                request,
                format_html(
                    _('“{}” duplicated as <a href="{}">{}</a> (planned).'),
                    event.title,
                    url,
                    copy.slug,
                ),
                messages.SUCCESS,
            )

    def _change_status(self, request, queryset, service, done_text, failed_text):
        done = []
        for event in queryset.order_by("start", "pk"):
            try:
                service(event=event)
            except SchedulingError as error:
                self.message_user(
                    request,
                    failed_text % {"event": event.title, "reason": " ".join(messages_of(error))},
                    messages.ERROR,
                )
            else:
                done.append(f"“{event.title}”")
        if done:
            self.message_user(
                request,
                done_text(len(done)) % {"count": len(done), "events": ", ".join(done)},
                messages.SUCCESS,
            )

    @admin.action(description=gettext_lazy("Mark selected events as confirmed"))
    def confirm_events(self, request, queryset):
        self._change_status(
            request,
            queryset,
            confirm_event,
            lambda n: ngettext(
                "%(count)d event confirmed: %(events)s.",
                "%(count)d events confirmed: %(events)s.",
                n,
            ),
            _("“%(event)s” was not confirmed: %(reason)s"),
        )

    confirm_events.allowed_permissions = ("change",)

    @admin.action(description=gettext_lazy("Mark selected events as cancelled"))
    def cancel_events(self, request, queryset):
        if request.POST.get("post") != "yes":
            events = queryset.order_by("start", "pk")
            context = {
                **self.admin_site.each_context(request),
                "title": _("Cancel these events?"),
                "rows": [(event, event.seats_held) for event in events],
                "queryset": events,
                "opts": self.opts,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "media": self.media,
            }
            request.current_app = self.admin_site.name
            return TemplateResponse(request, "admin/events/event/cancel_confirmation.html", context)
        self._change_status(
            request,
            queryset,
            cancel_event,
            lambda n: ngettext(
                "%(count)d event cancelled: %(events)s.",
                "%(count)d events cancelled: %(events)s.",
                n,
            ),
            _("“%(event)s” was not cancelled: %(reason)s"),
        )

    cancel_events.allowed_permissions = ("change",)
