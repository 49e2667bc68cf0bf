"""One click from a meeting outcome "event announced" to the planned event, pre-filled."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from contacts.models import Outcome
from events.board.views.base import BoardPermissionMixin
from events.services.announcements import AnnouncementError, create_event_from_outcome
from events.web import flash_errors


class EventFromOutcomeView(BoardPermissionMixin, View):
    """POST only; the event opens in the edit form so the board completes what is known."""

    permission_required = ("events.add_event", "contacts.view_meeting")
    http_method_names = ["post"]

    def post(self, request, pk):
        outcome = get_object_or_404(Outcome.objects.select_related("meeting"), pk=pk)
        try:
            event = create_event_from_outcome(outcome=outcome)
        except AnnouncementError as error:
            flash_errors(request, error)
            meeting = outcome.meeting
            if meeting.visit_id:
                return redirect("contacts:visit", pk=meeting.visit_id)
            return redirect("contacts:meeting_edit", pk=meeting.pk)
        messages.success(
            request,
            _("“%(title)s” was created as a planned event; complete it and set its date.")
            % {"title": event.title},
        )
        return redirect("board:event_edit", slug=event.slug)
