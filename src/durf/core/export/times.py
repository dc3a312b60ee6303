"""When a session happened, as an export tells it: on its own wall clock, in minutes."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from durf.core.state import SessionRecord


def local_time(moment: datetime, zone: tzinfo | None) -> datetime:
    """``moment`` on the wall clock of ``zone``; by default, as it was recorded.

    A session is kept with the UTC offset of where it was practised, and the
    dashboard and history show it on that wall clock: an export does the same,
    so an evening practised while travelling stays on that evening and in its week.
    """
    return moment if zone is None else moment.astimezone(zone)


def minutes_taken(record: SessionRecord) -> float | None:
    """How long a session lasted in minutes, to a tenth; None when it has no end."""
    if record.ended_at is None:
        return None
    return round((record.ended_at - record.started_at).total_seconds() / 60, 1)
