"""Placing accepted meeting requests into slot × table: pure, deterministic, database-free.

The plan is built slot by slot in time order. In each slot the requests that can still go there
(both parties free and available, the pair not yet placed) form a graph on the participants; a
matching of that graph is a set of meetings the slot can hold with nobody in two of them. The
graph is not bipartite in general (two İzmir companies may meet when the board allows it).

The matching is taken heaviest first and then enlarged by short augmenting paths. Weight: a
participant whose day has begun counts most (skipping them now is what makes people wait), then
how many meetings both still need. We measured the alternative, Edmonds' maximum matching per
slot (networkx.max_weight_matching): 3 s for 200 participants and 1,000 requests instead of
0.15 s, and days with more waiting, because a maximum matching spreads everyone's meetings out
(bench/b2b_scheduler.py, bench/RESULTS.md). When the slot has fewer free tables than
candidates, the heaviest meetings take the tables.

Filling the earliest slots first packs everyone's meetings at the start of the session, which is
what keeps waiting short. A final first-fit pass places whatever still fits anywhere, and the
plan is compared with plain first-fit in request order (the baseline): the better of the two is
returned, so the scheduler never places fewer meetings than the baseline does.

Locked meetings are given as fixed placements: they keep their slot and table, and block them.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Why a request stayed unplaced (shown to the board, translated in the service layer).
NO_COMMON_SLOT = "no_common_slot"  # no slot that both parties left open
PARTIES_BUSY = "parties_busy"  # in every slot both left open, one of them already meets someone
NO_TABLE = "no_table"  # the slots where both are free have no table left


@dataclass(frozen=True)
class Slot:
    """One slot. `index` is its position in time order; `overlaps` lists the indices of slots
    at the same time (itself included), so a participant in one of them is busy in all."""

    index: int
    tables: int
    overlaps: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Request:
    id: int
    a: int
    b: int


@dataclass(frozen=True)
class Placement:
    request: int
    slot: int
    table: int


@dataclass
class Plan:
    placements: dict[int, Placement] = field(default_factory=dict)
    unplaced: dict[int, str] = field(default_factory=dict)

    @property
    def placed(self) -> int:
        return len(self.placements)


@dataclass
class _Board:
    """The state of a plan in the making: who is busy when, which tables are taken."""

    slots: Sequence[Slot]
    closed: frozenset[tuple[int, int]]
    busy: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    tables: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    placements: dict[int, Placement] = field(default_factory=dict)
    # Participants with at least one meeting placed: their day has begun.
    started: set[int] = field(default_factory=set)

    def overlaps(self, slot: int) -> Iterable[int]:
        return self.slots[slot].overlaps or (slot,)

    def is_open(self, participant: int, slot: int) -> bool:
        return (participant, slot) not in self.closed

    def is_free(self, participant: int, slot: int) -> bool:
        taken = self.busy.get(participant)
        return not taken or not any(other in taken for other in self.overlaps(slot))

    def can_meet(self, request: Request, slot: int) -> bool:
        return (
            self.is_open(request.a, slot)
            and self.is_open(request.b, slot)
            and self.is_free(request.a, slot)
            and self.is_free(request.b, slot)
        )

    def free_table(self, slot: int) -> int | None:
        taken = self.tables[slot]
        for table in range(1, self.slots[slot].tables + 1):
            if table not in taken:
                return table
        return None

    def place(self, request: Request, slot: int, table: int) -> None:
        self.busy[request.a].add(slot)
        self.busy[request.b].add(slot)
        self.tables[slot].add(table)
        self.placements[request.id] = Placement(request.id, slot, table)
        self.started.update((request.a, request.b))

    def first_fit(self, requests: Iterable[Request]) -> None:
        for request in requests:
            if request.id in self.placements:
                continue
            for slot in range(len(self.slots)):
                if not self.can_meet(request, slot):
                    continue
                table = self.free_table(slot)
                if table is not None:
                    self.place(request, slot, table)
                    break


def _start(
    slots: Sequence[Slot],
    requests: Sequence[Request],
    closed: Iterable[tuple[int, int]],
    fixed: Iterable[Placement],
) -> tuple[_Board, list[Request]]:
    board = _Board(slots=slots, closed=frozenset(closed))
    by_id = {request.id: request for request in requests}
    for placement in fixed:
        request = by_id.get(placement.request)
        if request is not None:
            board.place(request, placement.slot, placement.table)
    todo = sorted((r for r in requests if r.id not in board.placements), key=lambda r: r.id)
    return board, todo


def first_fit(
    *,
    slots: Sequence[Slot],
    requests: Sequence[Request],
    closed: Iterable[tuple[int, int]] = (),
    fixed: Iterable[Placement] = (),
) -> Plan:
    """The baseline: each request in id order takes the first slot and table that fit."""
    board, todo = _start(slots, requests, closed, fixed)
    board.first_fit(todo)
    return _finish(board, requests)


def schedule(
    *,
    slots: Sequence[Slot],
    requests: Sequence[Request],
    closed: Iterable[tuple[int, int]] = (),
    fixed: Iterable[Placement] = (),
) -> Plan:
    """Place `requests` (accepted, one per pair) into `slots` (in time order).

    `closed` holds (participant, slot index) pairs a participant is unavailable for; `fixed`
    holds locked meetings, kept as they are. Returns the placements (fixed ones included) and,
    for each request left out, why. Same input, same plan.
    """
    closed = frozenset(closed)
    fixed = list(fixed)
    board, todo = _start(slots, requests, closed, fixed)
    remaining: dict[int, int] = defaultdict(int)
    for request in todo:
        remaining[request.a] += 1
        remaining[request.b] += 1
    for slot in slots:
        free_tables = slot.tables - len(board.tables[slot.index])
        if free_tables <= 0 or not todo:
            continue
        chosen = _best_meetings(board, todo, slot.index, remaining, free_tables)
        for request in sorted(chosen, key=lambda r: r.id):
            board.place(request, slot.index, board.free_table(slot.index))
            remaining[request.a] -= 1
            remaining[request.b] -= 1
        if chosen:
            placed = {request.id for request in chosen}
            todo = [request for request in todo if request.id not in placed]
    board.first_fit(todo)
    plan = _finish(board, requests)
    baseline = first_fit(slots=slots, requests=requests, closed=closed, fixed=fixed)
    return baseline if baseline.placed > plan.placed else plan


def _best_meetings(
    board: _Board,
    todo: list[Request],
    slot: int,
    remaining: dict[int, int],
    free_tables: int,
) -> list[Request]:
    """A heaviest-first matching of this slot's candidate meetings, then augmented.

    Weight: a participant whose day has begun and who still has meetings to place counts
    most (skipping them now is exactly what makes them wait); then how many meetings both
    still need. Greedy by weight gives a maximal matching; when tables are left over, short
    augmenting paths (swap one meeting for two) make it larger.
    """
    started = board.started
    candidates: list[tuple[int, int, Request]] = []
    seen: set[tuple[int, int]] = set()
    for request in todo:
        pair = (min(request.a, request.b), max(request.a, request.b))
        if pair in seen or not board.can_meet(request, slot):
            continue
        seen.add(pair)
        weight = 8 * ((request.a in started) + (request.b in started))
        weight += remaining[request.a] + remaining[request.b]
        candidates.append((-weight, request.id, request))
    candidates.sort(key=lambda item: (item[0], item[1]))
    partner: dict[int, Request] = {}
    chosen: list[Request] = []
    for _weight, _id, request in candidates:
        if len(chosen) >= free_tables:
            return chosen
        if request.a not in partner and request.b not in partner:
            partner[request.a] = partner[request.b] = request
            chosen.append(request)
    if len(chosen) < free_tables:
        chosen = _augment(chosen, partner, [item[2] for item in candidates], free_tables)
    return chosen


def _augment(
    chosen: list[Request],
    partner: dict[int, Request],
    candidates: list[Request],
    free_tables: int,
) -> list[Request]:
    """Replace a meeting (y, z) by (x, y) and (z, w) where x and w are free: one more meeting.

    These are the augmenting paths of length three, which lift a maximal matching to at least
    two thirds of a maximum one; enough here, because the first-fit pass and the baseline
    comparison follow.
    """
    neighbours: dict[int, list[Request]] = defaultdict(list)
    for request in candidates:
        neighbours[request.a].append(request)
        neighbours[request.b].append(request)
    improved = True
    while improved and len(chosen) < free_tables:
        improved = False
        for meeting in list(chosen):
            y, z = meeting.a, meeting.b
            left = _free_neighbour(neighbours[y], y, partner, exclude=z)
            if left is None:
                continue
            right = _free_neighbour(neighbours[z], z, partner, exclude=y, also=_other(left, y))
            if right is None:
                continue
            chosen.remove(meeting)
            for request in (left, right):
                partner[request.a] = partner[request.b] = request
                chosen.append(request)
            improved = True
            if len(chosen) >= free_tables:
                break
    return chosen


def _other(request: Request, participant: int) -> int:
    return request.b if request.a == participant else request.a


def _free_neighbour(
    requests: list[Request],
    participant: int,
    partner: dict[int, Request],
    *,
    exclude: int,
    also: int | None = None,
) -> Request | None:
    for request in requests:
        other = _other(request, participant)
        if other != exclude and other != also and other not in partner:
            return request
    return None


def _finish(board: _Board, requests: Sequence[Request]) -> Plan:
    plan = Plan(placements=dict(sorted(board.placements.items())))
    for request in sorted(requests, key=lambda r: r.id):
        if request.id not in board.placements:
            plan.unplaced[request.id] = _reason(board, request)
    return plan


def _reason(board: _Board, request: Request) -> str:
    common = [
        slot
        for slot in range(len(board.slots))
        if board.is_open(request.a, slot) and board.is_open(request.b, slot)
    ]
    if not common:
        return NO_COMMON_SLOT
    if any(board.is_free(request.a, s) and board.is_free(request.b, s) for s in common):
        return NO_TABLE
    return PARTIES_BUSY


def idle_slots(plan: Plan, requests: Sequence[Request]) -> int:
    """Slots spent waiting between a participant's first and last meeting, summed over all:
    the compactness figure (0 is perfectly compact)."""
    by_id = {request.id: request for request in requests}
    slots_of: dict[int, list[int]] = defaultdict(list)
    for placement in plan.placements.values():
        request = by_id[placement.request]
        slots_of[request.a].append(placement.slot)
        slots_of[request.b].append(placement.slot)
    return sum(max(taken) - min(taken) + 1 - len(taken) for taken in slots_of.values())
