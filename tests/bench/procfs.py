"""Reading CPU time and peak memory of a process tree from ``/proc`` (Linux only).

Two clocks for CPU time, because the idle target is tiny:

* ``utime + stime`` (``/proc/PID/stat``) is what ``top`` shows, but it counts in
  clock ticks of 10 ms. Over a 5 s window one tick is already 0.2 % of a core,
  exactly the idle target, so it cannot tell 0.05 % from 0.2 %.
* ``/proc/PID/task/TID/schedstat`` gives each thread's run time in nanoseconds.
  It only covers threads alive when read, which is fine for a steady window in
  which no worker threads start or stop.

The runner records both and uses the nanosecond one for ``*_cpu_pct``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of ``/proc/PID/stat`` after the command name, or None if gone.

    The name is in parentheses and may itself hold spaces or ')', so split after
    the last ')'. Index 0 is field 3 (state); field n of proc(5) is index n - 3.
    """
    try:
        data = Path(f"/proc/{pid}/stat").read_bytes().decode("latin-1")
    except OSError:
        return None
    return data[data.rindex(")") + 2 :].split()


def tree_pids(root: int) -> list[int]:
    """``root`` and its live descendants, found through the parent links in ``/proc``."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        fields = _stat_fields(int(entry))
        if fields is not None:
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def cpu_seconds_ticks(pids: Iterable[int]) -> float:
    """utime + stime (+ cutime + cstime) of ``pids``, in seconds, tick resolution.

    cutime/cstime hold the time of children that were reaped, so a helper process
    that ends inside the window is still counted, and counted once.
    """
    ticks = 0
    for pid in pids:
        fields = _stat_fields(pid)
        if fields is not None:
            ticks += sum(int(value) for value in fields[11:15])  # fields 14..17
    return ticks / CLOCK_TICKS


def cpu_seconds_precise(pids: Iterable[int]) -> float | None:
    """Run time of every live thread of ``pids``, in seconds, nanosecond resolution.

    None when the kernel has no schedstat (then only the tick clock is available).
    """
    total_ns = 0
    seen_any = False
    for pid in pids:
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in threads:
            try:
                line = Path(f"/proc/{pid}/task/{tid}/schedstat").read_text()
            except OSError:
                continue
            total_ns += int(line.split()[0])
            seen_any = True
    return total_ns / 1e9 if seen_any else None


def peak_rss_kb(pids: Iterable[int]) -> int:
    """Sum of VmHWM (the high-water mark of resident memory) over ``pids``, in KiB."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def cpu_model() -> str | None:
    """The CPU's marketing name from ``/proc/cpuinfo``, if it is readable."""
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith(("model name", "Hardware", "Model")):
                    return line.split(":", 1)[1].strip() or None
    except OSError:
        pass
    return None


def filesystem_of(path: Path) -> str | None:
    """The filesystem type holding ``path`` (e.g. ext4, tmpfs), from ``/proc/mounts``.

    It matters for the save benchmark: fsync on tmpfs costs nothing.
    """
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return None
    target = str(path.resolve())
    best, best_type = "", None
    for fields in mounts:
        if len(fields) < 3:
            continue
        mount_point = fields[1]
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fields[2]
    return best_type
