"""The board's list of delegations across every event: event, head, size, state and visit,
filtered by event and state, with a query count that does not grow with the list."""

import pytest
from django.urls import reverse

from events.delegations.models import DelegationGroup, GroupStatus
from events.delegations.services import MemberData, cancel_group, register_group
from tests.factories import DelegationVisitFactory, EventFactory

pytestmark = pytest.mark.django_db

URL = reverse("board:delegation_list")


def _group(event, size, prefix):
    return register_group(
        event=event,
        name=f"Delegation {prefix}",
        head_name=f"Head {prefix}",
        head_email=f"head-{prefix}@example.az",
        head_language="az",
        country="AZ",
        members=[MemberData(f"M {prefix}{i}", f"{prefix}{i}@example.az") for i in range(size)],
        consent=True,
    )


def _names(response):
    return [row[0].name for row in response.context["rows"]]


@pytest.fixture
def groups():
    forum, festival = EventFactory(capacity=6, title="Forum"), EventFactory(title="Festival")
    held = _group(forum, 4, "held")
    waiting = _group(forum, 3, "wait")
    cancelled = _group(festival, 2, "gone")
    cancel_group(group=cancelled)
    confirmed = _group(festival, 2, "ok")
    DelegationGroup.objects.filter(pk=confirmed.pk).update(
        status=GroupStatus.CONFIRMED, delegation_visit=DelegationVisitFactory(title="Bakü trade")
    )
    return {"held": held, "wait": waiting, "gone": cancelled, "ok": confirmed}


def test_list_shows_every_delegation_with_its_event_head_size_state_and_visit(board_client, groups):
    response = board_client.get(URL)

    page = response.content.decode()
    rows = {
        g.name: (g.event.title, g.head_name, g.member_count, state)
        for g, state, _l in (response.context["rows"])
    }
    assert rows == {
        "Delegation held": ("Forum", "Head held", 4, "pending"),
        "Delegation wait": ("Forum", "Head wait", 3, "waitlisted"),
        "Delegation gone": ("Festival", "Head gone", 2, "cancelled"),
        "Delegation ok": ("Festival", "Head ok", 2, "confirmed"),
    }
    confirmed = DelegationGroup.objects.get(pk=groups["ok"].pk)
    assert reverse("contacts:visit", args=[confirmed.delegation_visit_id]) in page
    assert "Bakü trade" in page and groups["held"].event.get_board_url() in page
    assert reverse("board:delegation_list") in page  # the workspace navigation links it


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": "pending"}, ["Delegation held"]),
        ({"state": "waitlisted"}, ["Delegation wait"]),
        ({"state": "confirmed"}, ["Delegation ok"]),
        ({"state": "cancelled"}, ["Delegation gone"]),
    ],
)
def test_list_filters_by_state(board_client, groups, query, expected):
    response = board_client.get(URL, query)

    assert _names(response) == expected


def test_list_filters_by_event_and_state_together(board_client, groups):
    festival = groups["ok"].event

    response = board_client.get(URL, {"event": festival.slug, "state": "confirmed"})
    everything = board_client.get(URL, {"event": festival.slug})

    assert _names(response) == ["Delegation ok"]
    assert sorted(_names(everything)) == ["Delegation gone", "Delegation ok"]


def test_a_filter_not_understood_is_ignored_and_said(board_client, groups):
    response = board_client.get(URL, {"event": "no-such-event", "state": "lost"})

    assert response.status_code == 200
    assert len(_names(response)) == 4
    assert "A filter was not understood and is ignored." in response.content.decode()


def test_list_is_in_the_board_members_language(board_client, groups):
    board_client.cookies["django_language"] = "az"

    response = board_client.get(URL, headers={"accept-language": "az"})

    assert "Nümayəndə heyətləri" in response.content.decode()


def test_list_is_refused_to_a_user_outside_the_board(client, django_user_model, groups):
    client.force_login(django_user_model.objects.create_user("outsider", password="x" * 12))

    response = client.get(URL)

    assert response.status_code == 403


def _many(count):
    for index in range(count):
        event = EventFactory()
        group = _group(event, 2, f"n{index}-")
        DelegationGroup.objects.filter(pk=group.pk).update(
            delegation_visit=DelegationVisitFactory()
        )


@pytest.mark.parametrize("count", [1, 12])
def test_list_query_count_does_not_grow_with_the_delegations(
    board_client, django_assert_num_queries, count
):
    _many(count)
    board_client.get(URL)  # the session and permissions are cached after the first request

    with django_assert_num_queries(_LIST_QUERIES):
        board_client.get(URL)


# Session, user, permissions, the filter's events, the count and the page of rows: the same
# for one delegation and for many.
_LIST_QUERIES = 8
