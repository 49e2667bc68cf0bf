"""Planning items per event, the kind's starting checklist, and each owner's "my items"."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import CreateView, ListView, UpdateView

from events.board.forms import PlanningItemForm
from events.board.selectors import items_for, open_follow_ups
from events.board.views.base import BoardPermissionMixin, safe_next
from events.enums import PlanningStatus
from events.models import Event, PlanningItem
from events.services.planning import apply_checklist_template, set_planning_item_status


class ChecklistApplyView(BoardPermissionMixin, View):
    """POST only: add the kind's template items the event does not have yet."""

    permission_required = "events.add_planningitem"
    http_method_names = ["post"]

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        added = apply_checklist_template(event=event)
        if added:
            messages.success(
                request,
                ngettext(
                    "%(count)d item added from the checklist template.",
                    "%(count)d items added from the checklist template.",
                    len(added),
                )
                % {"count": len(added)},
            )
        else:
            messages.info(request, _("The checklist already has every template item."))
        return redirect(event.get_board_url())


class PlanningItemCreateView(BoardPermissionMixin, CreateView):
    permission_required = "events.add_planningitem"
    form_class = PlanningItemForm
    template_name = "board/form.html"

    @cached_property
    def event(self) -> Event:
        # Looked up after the permission check, so that strangers cannot probe for slugs.
        return get_object_or_404(Event, slug=self.kwargs["slug"])

    def get_initial(self):
        return {"owner": self.request.user.pk}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = PlanningItem(event=self.event)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("New planning item for “%(event)s”") % {"event": self.event},
            back_url=self.event.get_board_url(),
            **kwargs,
        )

    def form_valid(self, form):
        last = self.event.planning_items.order_by("-position").values_list("position", flat=True)
        form.instance.position = (last.first() or 0) + 1
        response = super().form_valid(form)
        messages.success(self.request, _("“%(title)s” was added.") % {"title": self.object})
        return response

    def get_success_url(self):
        return self.event.get_board_url()


class PlanningItemUpdateView(BoardPermissionMixin, UpdateView):
    permission_required = "events.change_planningitem"
    form_class = PlanningItemForm
    template_name = "board/form.html"
    queryset = PlanningItem.objects.select_related("event")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit “%(title)s”") % {"title": self.object},
            back_url=self.object.event.get_board_url(),
            **kwargs,
        )

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("“%(title)s” was saved.") % {"title": self.object})
        return response

    def get_success_url(self):
        return safe_next(self.request, self.object.event.get_board_url())


class PlanningItemStatusView(BoardPermissionMixin, View):
    """POST only: one tap to mark an item done, blocked or open again."""

    permission_required = "events.change_planningitem"
    http_method_names = ["post"]

    def post(self, request, pk):
        item = get_object_or_404(PlanningItem.objects.select_related("event"), pk=pk)
        status = request.POST.get("status", "")
        if status not in PlanningStatus.values:
            messages.error(request, _("Choose open, blocked or done."))
        else:
            set_planning_item_status(item=item, status=status)
            messages.success(
                request,
                _("“%(title)s” is now %(status)s.")
                % {"title": item, "status": item.get_status_display().lower()},
            )
        return redirect(safe_next(request, item.event.get_board_url()))


class MyItemsView(BoardPermissionMixin, ListView):
    """The logged-in member's items, soonest due first; finished ones only on request."""

    permission_required = "events.view_planningitem"
    template_name = "board/my_items.html"
    context_object_name = "items"

    def show_done(self) -> bool:
        return self.request.GET.get("done") == "1"

    def get_queryset(self):
        items = items_for(self.request.user)
        return items if self.show_done() else items.unfinished()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            today=timezone.localdate(),
            show_done=self.show_done(),
            follow_ups=open_follow_ups(owner=self.request.user),
            **kwargs,
        )
