"""How exactly ``durf breathe`` keeps time: ``pacer_max_error_ms`` and ``pacer_drift_ms``.

One run of ``durf breathe --pattern calm-long-exhale`` is watched for 60 s on the
emulated screen. Each time the phase line (``↑  Breathe in  4`` /
``↓  Breathe out slowly  6``) changes phase, the time of the pty read that made
the change visible is noted. Time zero is the first frame that shows
``Breathe in``. durf's stopwatch starts when the screen mounts, a few ms before
that first paint, so the true zero is a little earlier than ours: every change
looks early by that much, which makes |error| slightly conservative (too large);
the drift (last minus first error) does not depend on the anchor.

The schedule is written out here from the pattern (in 4 s, out 6 s) rather than
taken from ``durf.core.pacer``, so a bug in durf's maths shows up as an error.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from typing import Any

from tests.bench.pty_runner import WatchResult

PATTERN_ID = "calm-long-exhale"
PATTERN: tuple[tuple[str, float], ...] = (("in", 4.0), ("out", 6.0))
"""calm-long-exhale as the brief defines it: breathe in 4 s, out 6 s."""
PHASE_LINE = re.compile(r"([↑↓·])\s+(Breathe in|Breathe out slowly|Hold)\s+(\d+)")
PHASE_WORDS = {"Breathe in": "in", "Breathe out slowly": "out", "Hold": "hold"}
MATCH_WINDOW_S = 2.0
"""An observed change belongs to a scheduled one if within this many seconds
(half the shortest phase), so one missed change cannot shift all the others."""


def read_phase(lines: Sequence[str]) -> str | None:
    """The phase ("in", "hold", "out") the screen's phase line shows, or None."""
    for line in lines:
        found = PHASE_LINE.search(line)
        if found:
            return PHASE_WORDS[found.group(2)]
    return None


def schedule(duration: float) -> list[tuple[float, str]]:
    """(seconds, new phase) of every phase change in ``(0, duration]``: 4 out, 10 in, ..."""
    changes, elapsed, index = [], 0.0, 0
    while True:
        elapsed += PATTERN[index % len(PATTERN)][1]
        index += 1
        if elapsed > duration + 1e-9:
            return changes
        changes.append((elapsed, PATTERN[index % len(PATTERN)][0]))


def summarise(watch: WatchResult, duration: float) -> dict[str, Any]:
    """Match observed changes to the schedule; errors (observed - scheduled) in ms."""
    observed = list(watch.changes or [])
    unused = list(observed)
    rows, missed = [], []
    for scheduled, kind in schedule(duration):
        candidates = [
            change
            for change in unused
            if change[1] == kind and abs(change[0] - scheduled) <= MATCH_WINDOW_S
        ]
        if not candidates:
            missed.append(scheduled)
            continue
        best = min(candidates, key=lambda change: abs(change[0] - scheduled))
        unused.remove(best)
        rows.append((scheduled, best[0], (best[0] - scheduled) * 1000))
    errors = [error for _, _, error in rows]
    # Changes observed inside the window but matching nothing (a flicker, a wrong phase).
    extra = [change for change in unused if change[0] <= duration + MATCH_WINDOW_S]
    summary: dict[str, Any] = {
        "pattern": PATTERN_ID,
        "duration_s": duration,
        "watched_s": round(watch.watched_s or 0.0, 3),
        "anchor_ttff_ms": round(watch.ttff_ms or 0.0, 1),
        "scheduled_s": [scheduled for scheduled, _, _ in rows],
        "observed_s": [round(seen, 4) for _, seen, _ in rows],
        "errors_ms": [round(error, 1) for error in errors],
        "missed_s": missed,
        "unexpected": [[round(seen, 4), kind] for seen, kind in extra],
        "cpu_pct": round(watch.cpu_pct, 3) if watch.cpu_pct is not None else None,
        "out_bytes_per_s": round(watch.out_bytes_per_s or 0.0, 1),
        "out_frames_per_s": round(watch.out_frames_per_s or 0.0, 2),
        "max_emulator_backlog_ms": round(watch.max_backlog_ms or 0.0, 1),
    }
    if errors:
        summary["max_abs_error_ms"] = round(max(abs(error) for error in errors), 1)
        summary["median_error_ms"] = round(statistics.median(errors), 1)
        summary["spread_ms"] = round(max(errors) - min(errors), 1)
        summary["drift_ms"] = round(errors[-1] - errors[0], 1)
        if len(rows) >= 2:
            # Least-squares slope of error against time, per minute: a drift figure
            # that one jittery change cannot swing (not a target, a cross-check).
            slope = statistics.linear_regression([r[0] for r in rows], errors).slope
            summary["drift_fit_ms_per_min"] = round(slope * 60, 2)
    return summary
