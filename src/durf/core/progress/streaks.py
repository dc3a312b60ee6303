"""Days practised in a row: the run up to today, and the longest ever."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from durf.core.weeks import Week


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return Week.of(day).monday


def streak(days: set[date] | dict[date, object], today: date) -> int:
    """Days practised in a row, ending today, or yesterday if today is still open."""
    current = today if today in days else today - timedelta(days=1)
    count = 0
    while current in days:
        count += 1
        current -= timedelta(days=1)
    return count


def longest_streak(days: Iterable[date]) -> int:
    """The most days practised in a row, ever."""
    longest = run = 0
    previous: date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    return longest
