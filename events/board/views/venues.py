from django.contrib import messages
from django.db.models import Count
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, ListView, UpdateView

from contacts.content import ordered_by_shown_text
from events.board.forms import VenueForm
from events.board.views.base import BoardPermissionMixin
from events.models import Venue


class VenueListView(BoardPermissionMixin, ListView):
    permission_required = "events.view_venue"
    template_name = "board/venue_list.html"
    context_object_name = "venues"

    def get_queryset(self):
        return Venue.objects.annotate(event_count=Count("events")).order_by(
            "city", ordered_by_shown_text("name")
        )


class _VenueFormMixin:
    form_class = VenueForm
    template_name = "board/form.html"
    success_url = reverse_lazy("board:venue_list")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("“%(venue)s” was saved.") % {"venue": self.object})
        return response


class VenueCreateView(BoardPermissionMixin, _VenueFormMixin, CreateView):
    permission_required = "events.add_venue"
    extra_context = {
        "title": gettext_lazy("New venue"),
        "back_url": reverse_lazy("board:venue_list"),
    }


class VenueUpdateView(BoardPermissionMixin, _VenueFormMixin, UpdateView):
    permission_required = "events.change_venue"
    model = Venue
    extra_context = {"back_url": reverse_lazy("board:venue_list")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit “%(venue)s”") % {"venue": self.object}, **kwargs
        )
