"""Small builders of realistic state for tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import uuid4

from durf.core.state import SessionRecord, State

AMSTERDAM_WINTER = timezone(timedelta(hours=1))


def session(
    started: datetime,
    *,
    minutes: float = 5,
    exercise: str = "breathe",
    completed: bool = True,
    **details: object,
) -> SessionRecord:
    """One session starting at ``started`` and lasting ``minutes``."""
    return SessionRecord(
        id=uuid4().hex,
        exercise=exercise,  # type: ignore[arg-type]
        started_at=started,
        ended_at=started + timedelta(minutes=minutes),
        completed=completed,
        details=dict(details),
    )


def state_with_sessions(count: int, start: datetime | None = None) -> State:
    """A state with ``count`` sessions, one a day from ``start``."""
    first = start or datetime(2026, 1, 5, 8, 30, tzinfo=AMSTERDAM_WINTER)
    return State(
        history=[
            session(first + timedelta(days=day), tension_before=6, tension_after=3)
            for day in range(count)
        ]
    )
