from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from events.enums import EventKind, PlanningStatus
from events.models import ChecklistTemplate, PlanningItem
from events.services.planning import apply_checklist_template, set_planning_item_status
from tests.factories import BakuVenueFactory, EventFactory, PlanningItemFactory

pytestmark = pytest.mark.django_db

BAKU = ZoneInfo("Asia/Baku")


def _b2b_event():
    # 02:00 on 10 March in Bakü is still 9 March in UTC: due dates count from the local day.
    start = datetime(2027, 3, 10, 2, 0, tzinfo=BAKU)
    return EventFactory(
        kind=EventKind.B2B_MEETING,
        venue=BakuVenueFactory(),
        start=start,
        end=datetime(2027, 3, 10, 6, 0, tzinfo=BAKU),
    )


def test_apply_checklist_template_creates_the_kinds_items_with_due_dates():
    event = _b2b_event()

    added = apply_checklist_template(event=event)

    titles = [item.title for item in event.planning_items.order_by("position")]
    assert [item.pk for item in added] == list(
        event.planning_items.order_by("position").values_list("pk", flat=True)
    )
    assert titles[:2] == [
        "Invite companies from both cities",
        "Collect company profiles and what each is looking for",
    ]
    assert "Send each company its agenda of meetings" in titles
    first = event.planning_items.get(title="Invite companies from both cities")
    assert first.due_on == date(2027, 1, 24)  # 45 days before 10 March
    assert first.status == PlanningStatus.OPEN


def test_apply_checklist_template_twice_adds_nothing_the_second_time():
    event = _b2b_event()
    apply_checklist_template(event=event)
    item = event.planning_items.order_by("position").first()
    item.title = "Invite the chambers first"
    item.save()
    count = event.planning_items.count()

    added = apply_checklist_template(event=event)

    assert added == []
    assert event.planning_items.count() == count
    assert event.planning_items.filter(title="Invite the chambers first").count() == 1


def test_apply_checklist_template_adds_only_new_template_lines_after_manual_items():
    event = _b2b_event()
    PlanningItemFactory(event=event, title="Ask the consulate", position=1)
    apply_checklist_template(event=event)
    template = ChecklistTemplate.objects.get(kind=EventKind.B2B_MEETING)
    template.items.create(title="Print name badges", days_before=2, position=99)

    added = apply_checklist_template(event=event)

    assert [item.title for item in added] == ["Print name badges"]
    assert event.planning_items.filter(title="Ask the consulate").count() == 1
    assert event.planning_items.order_by("position").first().title == "Ask the consulate"


def test_apply_checklist_template_for_kind_without_template_adds_nothing():
    ChecklistTemplate.objects.filter(kind=EventKind.OTHER).delete()
    event = EventFactory(kind=EventKind.OTHER)

    assert apply_checklist_template(event=event) == []
    assert PlanningItem.objects.count() == 0


def test_every_event_kind_with_a_plan_has_a_starting_template():
    kinds = set(ChecklistTemplate.objects.values_list("kind", flat=True))

    assert kinds == set(EventKind.values)


def test_official_visit_template_covers_the_protocol_basics():
    titles = " ".join(
        ChecklistTemplate.objects.get(kind=EventKind.OFFICIAL_VISIT)
        .items.values_list("title", flat=True)
        .order_by()
    ).lower()

    for word in ("invitations", "visa", "hotel", "interpreter", "protocol gifts"):
        assert word in titles


def test_set_planning_item_status_marks_done():
    item = PlanningItemFactory()

    set_planning_item_status(item=item, status=PlanningStatus.DONE)

    item.refresh_from_db()
    assert item.status == PlanningStatus.DONE
