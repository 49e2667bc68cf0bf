from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.enums import EventKind, PlanningStatus
from tests.factories import (
    BoardMemberFactory,
    EventFactory,
    OutcomeFactory,
    PlanningItemFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_checklist_apply_adds_template_items_once(board_client):
    event = EventFactory(kind=EventKind.OFFICIAL_VISIT)
    url = reverse("board:checklist_apply", kwargs={"slug": event.slug})

    board_client.post(url)
    count = event.planning_items.count()
    response = board_client.post(url, follow=True)

    assert count == 7
    assert event.planning_items.count() == 7
    assert "The checklist already has every template item." in response.content.decode()


def test_planning_item_create_defaults_owner_and_appends(board_client, board_member):
    event = EventFactory()
    PlanningItemFactory(event=event, position=4)

    response = board_client.post(
        reverse("board:planning_item_create", kwargs={"slug": event.slug}),
        {
            "title_tr": "Tercüman ayarla",
            "title_az": "Tərcüməçi sifariş et",
            "title_en": "Book the interpreter",
            "owner": board_member.pk,
            "due_on": "2027-02-01",
            "status": PlanningStatus.OPEN,
            "notes": "",
        },
    )

    item = event.planning_items.get(title_tr="Tercüman ayarla")
    assert (item.title_az, item.title_en) == ("Tərcüməçi sifariş et", "Book the interpreter")
    assert response["Location"] == reverse("board:event_detail", kwargs={"slug": event.slug})
    assert (item.owner, item.position, item.due_on.isoformat()) == (board_member, 5, "2027-02-01")


def test_planning_item_create_without_title_shows_error(board_client):
    event = EventFactory()

    response = board_client.post(
        reverse("board:planning_item_create", kwargs={"slug": event.slug}),
        {"title_tr": "", "title_en": "Book the interpreter", "status": PlanningStatus.OPEN},
    )

    assert response.context["form"].errors["title_tr"] == ["This field is required."]
    assert event.planning_items.count() == 0


def test_planning_item_owner_must_be_a_board_member(board_client):

    outsider = UserFactory()
    item = PlanningItemFactory()

    response = board_client.post(
        reverse("board:planning_item_edit", kwargs={"pk": item.pk}),
        {"title_tr": item.title_tr, "owner": outsider.pk, "status": PlanningStatus.OPEN},
    )

    item.refresh_from_db()
    assert "owner" in response.context["form"].errors
    assert item.owner != outsider


def test_planning_item_status_post_marks_done_and_returns_to_next(board_client):
    item = PlanningItemFactory()

    response = board_client.post(
        reverse("board:planning_item_status", kwargs={"pk": item.pk}),
        {"status": "done", "next": reverse("board:my_items")},
    )

    item.refresh_from_db()
    assert item.status == PlanningStatus.DONE
    assert response["Location"] == reverse("board:my_items")


def test_planning_item_status_refuses_unknown_status_and_outside_next(board_client):
    item = PlanningItemFactory()

    response = board_client.post(
        reverse("board:planning_item_status", kwargs={"pk": item.pk}),
        {"status": "finished", "next": "https://evil.example/"},
    )

    item.refresh_from_db()
    assert item.status == PlanningStatus.OPEN
    assert response["Location"] == reverse("board:event_detail", kwargs={"slug": item.event.slug})


def test_my_items_sorted_by_due_date_with_overdue_highlighted(board_client, board_member):
    today = timezone.localdate()
    PlanningItemFactory(title="Later", owner=board_member, due_on=today + timedelta(days=9))
    PlanningItemFactory(title="Undated", owner=board_member, due_on=None)
    PlanningItemFactory(title="Late", owner=board_member, due_on=today - timedelta(days=2))
    PlanningItemFactory(title="Someone else's", due_on=today)
    PlanningItemFactory(
        title="Finished", owner=board_member, due_on=today, status=PlanningStatus.DONE
    )

    response = board_client.get(reverse("board:my_items"))

    assert [item.title for item in response.context["items"]] == ["Late", "Later", "Undated"]
    content = response.content.decode()
    assert content.count("list-group-item-danger") == 1
    assert "overdue since" in content


def test_my_items_with_done_shows_finished_items(board_client, board_member):
    PlanningItemFactory(title="Finished", owner=board_member, status=PlanningStatus.DONE)

    response = board_client.get(reverse("board:my_items"), {"done": "1"})

    assert [item.title for item in response.context["items"]] == ["Finished"]


# Session and user (2), permissions (2), the items with their events and venues, the open
# follow-ups of meetings with their meetings.
MY_ITEMS_QUERIES = 6


@pytest.mark.parametrize("count", [1, 25])
def test_my_items_query_count_does_not_grow(
    board_client, board_member, django_assert_num_queries, count
):
    PlanningItemFactory.create_batch(count, owner=board_member)
    OutcomeFactory.create_batch(count, owner=board_member)

    with django_assert_num_queries(MY_ITEMS_QUERIES):
        response = board_client.get(reverse("board:my_items"))

    assert len(response.context["items"]) == count


# Session and user (2), permissions (2), the event with counts, speakers, organizers, items,
# its conflicts (2), whether a template exists, the content type for the history link.
EVENT_DETAIL_QUERIES = 10


def test_event_detail_query_count_does_not_grow_with_items(board_client, django_assert_num_queries):
    small, big = EventFactory(), EventFactory()
    PlanningItemFactory(event=small)
    PlanningItemFactory.create_batch(20, event=big, owner=BoardMemberFactory())

    with django_assert_num_queries(EVENT_DETAIL_QUERIES):
        board_client.get(reverse("board:event_detail", kwargs={"slug": small.slug}))
    with django_assert_num_queries(EVENT_DETAIL_QUERIES):
        response = board_client.get(reverse("board:event_detail", kwargs={"slug": big.slug}))

    assert response.content.decode().count('name="status"') == 20
