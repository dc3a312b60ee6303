"""Breathing maths: which phase, how far into it, and how full the lungs are, at time t.

Everything is computed from the elapsed (active) seconds, never counted from
ticks, so a late or skipped frame cannot make the rhythm drift.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

PhaseKind = Literal["in", "hold", "out"]

PACE_MIN = 0.6
PACE_MAX = 1.6
PACE_STEP = 0.1
PHASE_LIMITS: dict[str, tuple[float, float]] = {
    "in": (1.0, 12.0),
    "hold": (1.0, 10.0),
    "out": (2.0, 20.0),
}
"""Seconds each kind of phase may last: outside these a pattern is not a calm practice."""

EPSILON = 1e-9
"""Times closer than this are the same moment (float sums of phase seconds)."""
"""A pace is a factor on every phase's seconds: 1.2 is 20% slower."""


@dataclass(frozen=True)
class PaceState:
    """Where the breath is at one moment."""

    breath: int
    """Index of the current breath, from 0."""
    phase_index: int
    kind: PhaseKind
    progress: float
    """0 at the start of the phase, 1 at its end."""
    seconds_left: float
    """Seconds until the phase changes."""
    fullness: float
    """How full the lungs are, 0 to 1, eased like a real breath."""
    finished: bool


def ease(progress: float) -> float:
    """Slow at both ends, like air starting and stopping."""
    return (1 - math.cos(math.pi * min(1.0, max(0.0, progress)))) / 2


def ease_inverse(value: float) -> float:
    """The progress at which ``ease`` reaches ``value`` (0 to 1)."""
    return math.acos(1 - 2 * min(1.0, max(0.0, value))) / math.pi


def clamp_pace(pace: float) -> float:
    """Keep a pace within the range a calm practice allows, rounded to a step."""
    return round(min(PACE_MAX, max(PACE_MIN, pace)), 2)


class Pacer:
    """A breathing pattern laid out in time, for a fixed number of breaths."""

    def __init__(
        self,
        phases: Sequence[tuple[PhaseKind, float]],
        *,
        breaths: int,
        pace: float = 1.0,
    ) -> None:
        if breaths < 1:
            raise ValueError("a session has at least one breath")
        self.phases = [(kind, seconds * pace) for kind, seconds in phases]
        self.pace = pace
        self.breaths = breaths
        self.cycle = sum(seconds for _, seconds in self.phases)
        self.total = self.cycle * breaths
        self._starts: list[float] = []
        elapsed = 0.0
        for _, seconds in self.phases:
            self._starts.append(elapsed)
            elapsed += seconds
        self._levels = self._fullness_levels()

    def _fullness_levels(self) -> list[tuple[float, float]]:
        # Each in-phase fills its share of the lungs by its share of all in-seconds,
        # so a double inhale rises in two steps to full; out-phases empty likewise.
        total_in = sum(s for kind, s in self.phases if kind == "in")
        total_out = sum(s for kind, s in self.phases if kind == "out")
        level = 0.0
        levels = []
        for kind, seconds in self.phases:
            start = level
            if kind == "in":
                level = min(1.0, level + seconds / total_in)
            elif kind == "out":
                level = max(0.0, level - seconds / total_out)
            levels.append((start, level))
        return levels

    def at(self, elapsed: float) -> PaceState:
        """The state of the breath ``elapsed`` active seconds after the start."""
        if elapsed >= self.total - EPSILON:
            last = len(self.phases) - 1
            return PaceState(self.breaths - 1, last, self.phases[last][0], 1.0, 0.0, 0.0, True)
        elapsed = max(0.0, elapsed)
        breath, within = divmod(elapsed, self.cycle)
        if self.cycle - within < EPSILON:
            # Float division can leave a hair's breadth before a new breath: snap to it.
            breath, within = breath + 1, 0.0
        index = bisect.bisect_right(self._starts, within + EPSILON) - 1
        kind, seconds = self.phases[index]
        into = max(0.0, within - self._starts[index])
        progress = into / seconds
        start, end = self._levels[index]
        return PaceState(
            breath=int(breath),
            phase_index=index,
            kind=kind,
            progress=progress,
            seconds_left=seconds - into,
            fullness=start + (end - start) * ease(progress),
            finished=False,
        )

    def next_change(self, elapsed: float) -> float:
        """The elapsed time of the next phase change after ``elapsed`` (or the end)."""
        state = self.at(elapsed)
        return self.total if state.finished else min(self.total, elapsed + state.seconds_left)

    def when_fullness(self, elapsed: float, level: float) -> float | None:
        """When, within the current phase, the lungs reach ``level``; ``None`` if they don't.

        This lets a picture that changes in steps of fullness be redrawn exactly
        when the next step is reached, instead of being polled.
        """
        state = self.at(elapsed)
        if state.finished:
            return None
        start, end = self._levels[state.phase_index]
        if start == end or not min(start, end) <= level <= max(start, end):
            return None
        progress = ease_inverse((level - start) / (end - start))
        phase_start = elapsed - state.progress * self.phases[state.phase_index][1]
        return phase_start + progress * self.phases[state.phase_index][1]

    def phase_changes(self) -> list[float]:
        """Every scheduled phase change in the session, in elapsed seconds."""
        return [
            breath * self.cycle + start
            for breath in range(self.breaths)
            for start in self._starts
            if breath or start
        ] + [self.total]

    def retimed(self, elapsed: float, pace: float) -> tuple[Pacer, float]:
        """The same session at another pace, and where ``elapsed`` falls in it.

        The position within the breath is kept, so the shape does not jump.
        """
        phases = [(kind, seconds / self.pace) for kind, seconds in self.phases]
        other = Pacer(phases, breaths=self.breaths, pace=pace)
        breath, within = divmod(min(elapsed, self.total), self.cycle)
        index = bisect.bisect_right(self._starts, within) - 1
        fraction = (within - self._starts[index]) / self.phases[index][1]
        new_within = other._starts[index] + fraction * other.phases[index][1]
        return other, breath * other.cycle + new_within


def breaths_for_minutes(minutes: float, cycle_seconds: float) -> int:
    """Whole breaths that fit in ``minutes`` (at least one), ending on an out-breath."""
    return max(1, round(minutes * 60 / cycle_seconds))
