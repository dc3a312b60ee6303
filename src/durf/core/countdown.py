"""Active time on the monotonic clock: paused time does not count.

Timers in durf keep a start point and an accumulated total instead of counting
ticks, so however late a frame is, the time shown is exact.
"""

from __future__ import annotations

from durf.core.clock import Clock


class Stopwatch:
    """Measures active seconds; starts paused until ``start()``."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._running_since: float | None = None
        self._banked = 0.0

    @property
    def running(self) -> bool:
        """Whether time is counting now."""
        return self._running_since is not None

    def start(self) -> None:
        """Start or resume counting."""
        if self._running_since is None:
            self._running_since = self._clock.monotonic()

    def pause(self) -> None:
        """Stop counting, keeping what was counted."""
        if self._running_since is not None:
            self._banked += self._clock.monotonic() - self._running_since
            self._running_since = None

    def toggle(self) -> bool:
        """Pause if running, resume if paused; return whether it runs now."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self.running

    def elapsed(self) -> float:
        """Active seconds so far."""
        if self._running_since is None:
            return self._banked
        return self._banked + self._clock.monotonic() - self._running_since

    def set_elapsed(self, seconds: float) -> None:
        """Jump to ``seconds`` of active time (after a change of pace)."""
        self._banked = seconds
        if self._running_since is not None:
            self._running_since = self._clock.monotonic()
