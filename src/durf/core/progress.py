"""Figures about practice, as pure functions of the history and a date.

Weeks are ISO weeks (Monday first) in local time. A day counts as practised
when any session started on it, finished or not: stopping early is practice too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from durf.core.state import SessionRecord


def practice_days(history: Iterable[SessionRecord]) -> set[date]:
    """The local dates on which any session started."""
    return {record.started_at.astimezone().date() for record in history}


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def streak(days: set[date], today: date) -> int:
    """Days practised in a row, ending today, or yesterday if today is still open."""
    current = today if today in days else today - timedelta(days=1)
    count = 0
    while current in days:
        count += 1
        current -= timedelta(days=1)
    return count


def session_minutes(record: SessionRecord) -> float:
    """How long one session lasted, in minutes (0 when it has no end)."""
    if record.ended_at is None:
        return 0.0
    return max(0.0, (record.ended_at - record.started_at).total_seconds() / 60)


@dataclass(frozen=True)
class HomeSummary:
    """The short progress line on the home screen."""

    sessions: int
    days_this_week: int
    minutes_this_week: int
    streak: int
    last_day: date | None


def home_summary(history: list[SessionRecord], today: date) -> HomeSummary:
    """Summarise ``history`` as seen on ``today``."""
    monday = week_start(today)
    days = practice_days(history)
    minutes = sum(
        session_minutes(record)
        for record in history
        if monday <= record.started_at.astimezone().date() <= today
    )
    return HomeSummary(
        sessions=len(history),
        days_this_week=sum(1 for day in days if monday <= day <= today),
        minutes_this_week=round(minutes),
        streak=streak(days, today),
        last_day=max(days) if days else None,
    )
