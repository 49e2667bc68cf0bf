"""The board's list of delegation registrations across every event. Needs
events.view_delegationgroup; changes stay with the head's link and the staff's admin."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_safe

from anniversary.permissions import board_permission

from .board_forms import STATES, DelegationFilterForm
from .models import DelegationGroup

PER_PAGE = 50
# A group status and the board's word for it (board_forms.STATES).
STATE_OF = {status: key for key, (_label, statuses) in STATES.items() for status in statuses}


@board_permission("events.view_delegationgroup")
@require_safe
def delegation_list(request):
    """Every delegation: event, head, size, state and its delegation visit, filterable by
    event and state, newest event first."""
    form = DelegationFilterForm(request.GET or None)
    groups = form.filter(
        DelegationGroup.objects.select_related("event", "delegation_visit")
        .annotate(member_count=Count("members"))
        .order_by("-event__start", "event_id", "created_at", "pk")
    )
    page = Paginator(groups, PER_PAGE).get_page(request.GET.get("page"))
    rows = [(group, STATE_OF[group.status], STATES[STATE_OF[group.status]][0]) for group in page]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "delegations/board_list.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )
