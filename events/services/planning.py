"""Planning checklists: turning a kind's template into an event's to-do list, and ticking items."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max

from ..enums import PlanningStatus
from ..models import ChecklistTemplate, ChecklistTemplateItem, Event, PlanningItem, per_language


@transaction.atomic
def apply_checklist_template(*, event: Event) -> list[PlanningItem]:
    """Add the event kind's template items the event does not have yet; return the new items.

    Idempotent: an item already created from a template line is never created twice, even if its
    title or due date was edited since. Each item takes the line's title in every language
    (title_tr, title_az, title_en; an empty one reads the Turkish). Due dates count back from the event's local start date.
    Side effects: PlanningItem rows inserted. The event row is locked so that two board members
    applying the template at once do not both add the same lines.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    template = ChecklistTemplate.objects.filter(kind=event.kind).first()
    if template is None:
        return []
    applied = set(
        event.planning_items.filter(template_item__isnull=False).values_list(
            "template_item_id", flat=True
        )
    )
    missing = [
        item
        for item in ChecklistTemplateItem.objects.filter(template=template).order_by(
            "position", "pk"
        )
        if item.pk not in applied
    ]
    if not missing:
        return []
    start_day = event.local_start.date()
    last = event.planning_items.aggregate(last=Max("position"))["last"] or 0
    new_items = [
        PlanningItem(
            event=event,
            # Every language the template line has, so each board member reads it in theirs.
            **{column: getattr(item, column) for column in per_language("title")},
            due_on=start_day - timedelta(days=item.days_before),
            position=last + offset,
            template_item=item,
        )
        for offset, item in enumerate(missing, start=1)
    ]
    # save() one by one rather than bulk_create: each item gets its audit log entry.
    for planning_item in new_items:
        planning_item.save()
    return new_items


@transaction.atomic
def set_planning_item_status(*, item: PlanningItem, status: str) -> PlanningItem:
    """Mark an item open, blocked or done. Side effects: the item row is updated (and audited)."""
    if status not in PlanningStatus.values:
        raise ValueError(f"unknown planning status {status!r}")
    if item.status != status:
        item.status = status
        item.save(update_fields=["status", "updated_at"])
    return item
