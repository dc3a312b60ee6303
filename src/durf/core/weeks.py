"""ISO weeks (Monday first) in local time, as plain values.

A step belongs to a week, not to a moment, so weeks are computed from the local
calendar date and moved with date arithmetic. Adding 7 × 24 hours to a moment
would drift by an hour across a daylight-saving change and land in the wrong
week around midnight; calendar dates never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

_WEEK_TEXT = re.compile(r"\A([0-9]{4})-W([0-9]{2})\Z")


@dataclass(frozen=True, order=True)
class Week:
    """One ISO week: the ISO year (which can differ from the calendar year) and its number."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= weeks_in_year(self.year):
            raise ValueError(f"{self.year} has no ISO week {self.number}")

    @classmethod
    def of(cls, day: date) -> Week:
        """The week ``day`` falls in (30 December can be week 1 of the next year)."""
        year, number, _ = day.isocalendar()
        return cls(year, number)

    @classmethod
    def parse(cls, text: str) -> Week:
        """Read ``2026-W47``, the form kept in the state file."""
        match = _WEEK_TEXT.match(text)
        if match is None:
            raise ValueError(f"not an ISO week: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.number:02d}"

    def day(self, weekday: int) -> date:
        """The date of ``weekday`` (1 is Monday, 7 is Sunday) in this week."""
        return date.fromisocalendar(self.year, self.number, weekday)

    @property
    def monday(self) -> date:
        """The first day of the week."""
        return self.day(1)

    @property
    def sunday(self) -> date:
        """The last day of the week."""
        return self.day(7)

    def shifted(self, weeks: int) -> Week:
        """The week ``weeks`` later (or earlier, when negative)."""
        return Week.of(self.monday + timedelta(weeks=weeks))

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in this week."""
        return self.monday <= day <= self.sunday


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December is always in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar()[1]


def week_of(moment: datetime, zone: tzinfo | None = None) -> Week:
    """The week of an aware ``moment`` on the wall calendar of ``zone`` (default: local)."""
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    return Week.of(local.date())


def weeks_between(earlier: Week, later: Week) -> int:
    """How many weeks ``later`` comes after ``earlier`` (negative when it is before)."""
    return (later.monday - earlier.monday).days // 7
