"""The scheduler's promises, for any participants, requests, closed slots and table counts."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from events.b2b.scheduler import (
    NO_COMMON_SLOT,
    NO_TABLE,
    PARTIES_BUSY,
    Placement,
    Request,
    Slot,
    first_fit,
    schedule,
)


@st.composite
def problems(draw):
    people = draw(st.integers(min_value=2, max_value=12))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, people - 1), st.integers(0, people - 1)).filter(
                lambda p: p[0] != p[1]
            ),
            max_size=30,
            unique_by=lambda p: (min(p), max(p)),
        )
    )
    requests = [Request(id=i + 1, a=a, b=b) for i, (a, b) in enumerate(pairs)]
    slots = [Slot(index=i, tables=draw(st.integers(1, 4))) for i in range(draw(st.integers(1, 6)))]
    closed = draw(st.sets(st.tuples(st.integers(0, people - 1), st.integers(0, len(slots) - 1))))
    # Locked meetings: a valid part of a first-fit plan of a few of the requests.
    locked_count = draw(st.integers(0, min(3, len(requests))))
    seed = first_fit(slots=slots, requests=requests[:locked_count], closed=closed)
    return slots, requests, closed, list(seed.placements.values())


def check_plan(plan, slots, requests, closed, fixed):
    by_id = {r.id: r for r in requests}
    placements = list(plan.placements.values())
    # Only the given (accepted) requests, each at most once, and every request accounted for.
    assert set(plan.placements) | set(plan.unplaced) == set(by_id)
    assert set(plan.placements) & set(plan.unplaced) == set()
    # No table used twice in a slot, and only tables that exist.
    tables = Counter((p.slot, p.table) for p in placements)
    assert all(count == 1 for count in tables.values())
    assert all(1 <= p.table <= slots[p.slot].tables for p in placements)
    # Nobody in two meetings at once, nobody in a slot they closed.
    seats = Counter()
    for p in placements:
        request = by_id[p.request]
        seats[(request.a, p.slot)] += 1
        seats[(request.b, p.slot)] += 1
        assert (request.a, p.slot) not in closed
        assert (request.b, p.slot) not in closed
    assert all(count == 1 for count in seats.values())
    # Locked meetings stay where they were.
    assert all(plan.placements[f.request] == f for f in fixed)


@settings(max_examples=300, deadline=None)
@given(problems())
def test_schedule_keeps_every_rule_and_places_at_least_the_baseline(problem):
    slots, requests, closed, fixed = problem

    plan = schedule(slots=slots, requests=requests, closed=closed, fixed=fixed)

    check_plan(plan, slots, requests, closed, fixed)
    baseline = first_fit(slots=slots, requests=requests, closed=closed, fixed=fixed)
    assert plan.placed >= baseline.placed


@settings(max_examples=100, deadline=None)
@given(problems())
def test_schedule_is_deterministic(problem):
    slots, requests, closed, fixed = problem

    first = schedule(slots=slots, requests=requests, closed=closed, fixed=fixed)
    second = schedule(slots=slots, requests=list(reversed(requests)), closed=closed, fixed=fixed)

    assert (first.placements, first.unplaced) == (second.placements, second.unplaced)


def test_schedule_says_why_a_request_stays_unplaced():
    slots = [Slot(index=0, tables=1), Slot(index=1, tables=5)]
    requests = [
        Request(id=1, a=1, b=2),  # 1 closed slot 0, 2 closed slot 1: never both open
        Request(id=2, a=3, b=4),
        Request(id=3, a=3, b=5),
        Request(id=4, a=6, b=7),
        Request(id=5, a=8, b=9),
    ]
    closed = {(1, 0), (2, 1), (3, 0), (5, 0), (6, 1), (8, 1)}

    plan = schedule(slots=slots, requests=requests, closed=closed)

    assert plan.unplaced == {1: NO_COMMON_SLOT, 3: PARTIES_BUSY, 5: NO_TABLE}
    assert {p.request for p in plan.placements.values()} == {2, 4}


def test_schedule_packs_meetings_into_the_earliest_slots():
    slots = [Slot(index=i, tables=2) for i in range(4)]
    requests = [Request(id=1, a=1, b=2), Request(id=2, a=1, b=3), Request(id=3, a=2, b=3)]

    plan = schedule(slots=slots, requests=requests)

    assert sorted(p.slot for p in plan.placements.values()) == [0, 1, 2]


def test_schedule_keeps_a_locked_meeting_and_works_around_it():
    slots = [Slot(index=0, tables=1), Slot(index=1, tables=1)]
    requests = [Request(id=1, a=1, b=2), Request(id=2, a=3, b=4)]
    locked = Placement(request=1, slot=1, table=1)

    plan = schedule(slots=slots, requests=requests, fixed=[locked])

    assert plan.placements == {1: locked, 2: Placement(request=2, slot=0, table=1)}
