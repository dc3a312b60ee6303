"""One injectable clock: monotonic seconds for pacing, wall time for records.

Everything that keeps time asks a ``Clock`` instead of calling ``time`` directly,
so tests and snapshots can freeze or fast-forward it.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What durf needs to know about time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps; only differences mean anything."""
        ...

    def now(self) -> datetime:
        """The current local wall time, timezone-aware."""
        ...


class SystemClock:
    """The real clock of this machine."""

    def monotonic(self) -> float:
        """Return ``time.monotonic()``."""
        return time.monotonic()

    def now(self) -> datetime:
        """Return the aware local time."""
        return datetime.now().astimezone()


class FixedClock:
    """A clock that only moves when told to: for tests, snapshots and screenshots."""

    def __init__(self, now: datetime, monotonic: float = 1000.0) -> None:
        if now.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = now
        self._monotonic = monotonic

    def monotonic(self) -> float:
        """Return the frozen monotonic reading."""
        return self._monotonic

    def now(self) -> datetime:
        """Return the frozen wall time."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move both clocks forward by ``seconds``."""
        self._monotonic += seconds
        self._now += timedelta(seconds=seconds)


def today(clock: Clock) -> date:
    """The local calendar date according to ``clock``."""
    return clock.now().date()
