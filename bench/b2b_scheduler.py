"""Time the B2B scheduler against plain first-fit on the issue's scale, in the same run.

200 participants (half from each country), 1,000 accepted requests between random pairs, two
sessions of 12 slots, 40 tables, 5 % of each participant's slots closed. The scheduler is pure
Python over plain data (events/b2b/scheduler.py), so no database is involved: what is timed is
exactly what the board's "Run the scheduler" waits for, minus one read and one write of rows.

    .venv/bin/python bench/b2b_scheduler.py [--participants 200] [--requests 1000] [--runs 5]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.b2b.scheduler import Request, Slot, first_fit, idle_slots, schedule  # noqa: E402


def problem(*, participants: int, requests: int, slots: int, tables: int, seed: int):
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < requests:
        a, b = rng.sample(range(participants), 2)
        pairs.add((min(a, b), max(a, b)))
    reqs = [Request(id=i + 1, a=a, b=b) for i, (a, b) in enumerate(sorted(pairs))]
    rng.shuffle(reqs)
    slot_list = [Slot(index=i, tables=tables) for i in range(slots)]
    closed = {(p, s) for p in range(participants) for s in range(slots) if rng.random() < 0.05}
    return slot_list, reqs, closed


def timed(function, runs: int, **kwargs):
    durations, plan = [], None
    for _ in range(runs):
        started = time.perf_counter()
        plan = function(**kwargs)
        durations.append(time.perf_counter() - started)
    return plan, durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--slots", type=int, default=24)
    parser.add_argument("--tables", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=40)
    args = parser.parse_args()
    slots, requests, closed = problem(
        participants=args.participants,
        requests=args.requests,
        slots=args.slots,
        tables=args.tables,
        seed=args.seed,
    )
    data = {"slots": slots, "requests": requests, "closed": closed}
    plan, plan_times = timed(schedule, args.runs, **data)
    base, base_times = timed(first_fit, args.runs, **data)
    again = schedule(**data)
    print(
        f"{args.participants} participants, {len(requests)} accepted requests, "
        f"{len(slots)} slots × {args.tables} tables, {len(closed)} closed slots, "
        f"{args.runs} runs each"
    )
    print("| plan | median s | max s | placed | unplaced | idle slots (sum) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, result, durations in (
        ("scheduler (matching per slot)", plan, plan_times),
        ("baseline (first-fit, request order)", base, base_times),
    ):
        print(
            f"| {name} | {statistics.median(durations):.3f} | {max(durations):.3f} | "
            f"{result.placed} | {len(result.unplaced)} | {idle_slots(result, requests)} |"
        )
    print(f"deterministic: {again.placements == plan.placements}")


if __name__ == "__main__":
    main()
