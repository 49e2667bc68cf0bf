"""Create, edit, confirm, cancel and reschedule events. Dates and status change only through
events/services/scheduling.py, the same functions the admin and the reminders use, so that
registrants are told about every move or cancellation whoever makes it."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)

from contacts.models import Organization, Person
from events.board.forms import EventEditForm, EventForm, RescheduleForm
from events.board.views.base import BoardPermissionMixin
from events.conflicts import conflicts_for
from events.exceptions import messages_of
from events.models import ChecklistTemplate, Event, PlanningItem
from events.services.registration import promote_from_waitlist
from events.services.scheduling import (
    SchedulingError,
    cancel_event,
    confirm_event,
    reschedule_event,
)
from events.web import flash_errors


class EventListView(BoardPermissionMixin, ListView):
    """Every event by date; `?translations=missing`: the public ones whose title or text is
    not yet written in Azerbaijani or English (the dashboard counts them)."""

    permission_required = "events.view_event"
    template_name = "board/event_list.html"
    context_object_name = "events"
    paginate_by = 50

    @property
    def missing_only(self) -> bool:
        return self.request.GET.get("translations") == "missing"

    def get_queryset(self):
        events = Event.objects.select_related("venue").order_by("start", "pk")
        if self.missing_only:
            events = events.public().missing_translations()
        return events

    def get_context_data(self, **kwargs):
        return super().get_context_data(missing_only=self.missing_only, **kwargs)


class EventDetailView(BoardPermissionMixin, DetailView):
    permission_required = "events.view_event"
    template_name = "board/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return (
            Event.objects.select_related("venue", "responsible", "delegation_visit")
            .with_seat_counts()
            .prefetch_related(
                Prefetch("speakers", queryset=Person.objects.alphabetical()),
                Prefetch("organizers", queryset=Organization.objects.alphabetical()),
                Prefetch(
                    "planning_items",
                    queryset=PlanningItem.objects.select_related("owner").order_by(
                        "position", "due_on", "pk"
                    ),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        event = self.object
        return super().get_context_data(
            conflicts=conflicts_for(event),
            has_template=ChecklistTemplate.objects.filter(kind=event.kind).exists(),
            event_content_type=ContentType.objects.get_for_model(Event),
            **kwargs,
        )


class EventCreateView(BoardPermissionMixin, CreateView):
    permission_required = "events.add_event"
    form_class = EventForm
    template_name = "board/form.html"
    extra_context = {"title": gettext_lazy("New event")}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("“%(title)s” was created.") % {"title": self.object})
        return response

    def get_success_url(self):
        return self.object.get_board_url()


class EventUpdateView(BoardPermissionMixin, UpdateView):
    permission_required = "events.change_event"
    form_class = EventEditForm
    template_name = "board/form.html"
    queryset = Event.objects.select_related("venue")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit “%(title)s”") % {"title": self.object},
            back_url=self.object.get_board_url(),
            note=_(
                "Dates and status change with Reschedule, Confirm and Cancel, which notify registrants."
            ),
            **kwargs,
        )

    def form_valid(self, form):
        response = super().form_valid(form)
        if "capacity" in form.changed_data:
            # More seats (or none limited): the first in line get them, with the email.
            promote_from_waitlist(event=self.object)
        messages.success(
            self.request, _("Changes to “%(title)s” were saved.") % {"title": self.object}
        )
        return response

    def get_success_url(self):
        return self.object.get_board_url()


class _EventActionView(BoardPermissionMixin, View):
    permission_required = "events.change_event"

    def get_event(self) -> Event:
        return get_object_or_404(Event.objects.select_related("venue"), slug=self.kwargs["slug"])


class EventConfirmView(_EventActionView):
    """POST only: one button on the event page."""

    http_method_names = ["post"]

    def post(self, request, slug):
        event = self.get_event()
        try:
            confirm_event(event=event)
        except SchedulingError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("“%(title)s” is confirmed.") % {"title": event})
        return redirect(event.get_board_url())


class EventCancelView(_EventActionView, TemplateView):
    """GET asks "are you sure?"; POST cancels (idempotent) and registrants are told."""

    template_name = "board/event_cancel.html"

    def get_context_data(self, **kwargs):
        event = self.get_event()
        counts = Event.objects.filter(pk=event.pk).with_seat_counts().get()
        return super().get_context_data(event=counts, **kwargs)

    def post(self, request, slug):
        event = self.get_event()
        if event.is_cancelled:
            messages.info(request, _("“%(title)s” was already cancelled.") % {"title": event})
        else:
            cancel_event(event=event)
            messages.success(
                request,
                _("“%(title)s” is cancelled; its registrants are being told.") % {"title": event},
            )
        return redirect(event.get_board_url())


class EventRescheduleView(_EventActionView, FormView):
    template_name = "board/form.html"
    form_class = RescheduleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def get(self, request, *args, **kwargs):
        self.event = self.get_event()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.event = self.get_event()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Reschedule “%(title)s”") % {"title": self.event},
            back_url=self.event.get_board_url(),
            note=_("Registrants are told about the new time."),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            reschedule_event(
                event=self.event,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                date_precision=form.cleaned_data["date_precision"],
            )
        except SchedulingError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, messages_of(error))
            return self.form_invalid(form)
        messages.success(self.request, _("“%(title)s” was rescheduled.") % {"title": self.event})
        return redirect(self.event.get_board_url())
