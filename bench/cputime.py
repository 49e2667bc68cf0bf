"""CPU time used by groups of processes between two readings, from /proc (Linux only).

On a 2-core machine the bench client, the web server, the Celery worker and PostgreSQL share
the cores, so latency alone does not say where the time goes. These readings do: CPU
milliseconds per request for each group, and how much of the two cores the run kept busy.
"""

import os
import time
from dataclasses import dataclass
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class _Proc:
    pid: int
    ppid: int
    name: str
    cpu: float  # seconds, user + system


def _processes() -> list[_Proc]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:  # exited while we looked
            continue
        # The name is in parentheses and may contain spaces; the fields after it are fixed.
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        found.append(
            _Proc(
                int(entry.name), int(fields[1]), name, (int(fields[11]) + int(fields[12])) / _TICKS
            )
        )
    return found


def _title(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""


def _machine_busy() -> float:
    """Seconds the whole machine's CPUs were not idle (nor waiting for I/O) since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle, iowait = fields[3], fields[4]
    return (sum(fields[:8]) - idle - iowait) / _TICKS


def _tree(processes: list[_Proc], root: int) -> set[int]:
    members, grew = {root}, True
    while grew:
        more = {p.pid for p in processes if p.ppid in members} - members
        members |= more
        grew = bool(more)
    return members


class CpuMeter:
    """Groups: process trees by root pid (server, worker), and processes by name (postgres).

    The bench client itself is measured with os.times(); a PostgreSQL backend that exits
    between readings takes its time with it (the server keeps its connections, so none do).
    """

    def __init__(
        self,
        trees: dict[str, int | None],
        names: dict[str, str],
        titles: dict[str, str] | None = None,
    ):
        self.trees = {label: pid for label, pid in trees.items() if pid}
        self.names = names
        # label -> text the process title must contain too: a PostgreSQL backend's title
        # names its database, so other databases' work on the same server is not counted.
        self.titles = titles or {}

    def read(self) -> dict[str, float]:
        processes = _processes()
        reading = {}
        for label, root in self.trees.items():
            members = _tree(processes, root)
            reading[label] = sum(p.cpu for p in processes if p.pid in members)
        for label, prefix in self.names.items():
            title = self.titles.get(label)
            reading[label] = sum(
                p.cpu
                for p in processes
                if p.name.startswith(prefix) and (title is None or title in _title(p.pid))
            )
        own = os.times()
        reading["bench client"] = own.user + own.system
        reading["_machine"] = _machine_busy()
        reading["_wall"] = time.perf_counter()
        return reading

    @staticmethod
    def report(
        before: dict[str, float], after: dict[str, float], requests: int, *, quiet: bool = False
    ) -> dict[str, float]:
        """Print CPU milliseconds per request by group (unless quiet); return the seconds by
        group."""
        wall = after["_wall"] - before["_wall"]
        machine = after["_machine"] - before["_machine"]
        used = {k: after[k] - before[k] for k in before if not k.startswith("_")}
        used["everything else"] = max(machine - sum(used.values()), 0.0)
        if quiet:
            return used
        print(
            f"  CPU          {machine:.2f} s over {wall:.2f} s wall "
            f"({machine / wall:.2f} of {os.cpu_count()} cores busy)"
        )
        for label, seconds in sorted(used.items(), key=lambda item: -item[1]):
            print(f"    {label:<15} {seconds * 1000 / requests:6.1f} ms per request")
        print(f"    {'all':<15} {machine * 1000 / requests:6.1f} ms per request")
        return used
