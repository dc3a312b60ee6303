"""One walk over the history: what each day and each exercise held, and the ratings given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from durf.core.progress.streaks import longest_streak, streak
from durf.core.session import is_part
from durf.core.state import SessionRecord
from durf.core.weeks import Week

EXERCISES = ("breathe", "affirm", "step", "session", "quadrant")
"""Every exercise kind, in the order the dashboard lists them."""


MAX_SESSION_MINUTES = 60.0
"""No session counts for more: a breathing session paused over lunch, or a guide left
open all afternoon, is practice, but not hours of it."""


def session_minutes(record: SessionRecord) -> float:
    """How long one session lasted, in minutes (0 when it has no end; at most an hour)."""
    if record.ended_at is None:
        return 0.0
    minutes = (record.ended_at - record.started_at).total_seconds() / 60
    return min(MAX_SESSION_MINUTES, max(0.0, minutes))


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
    return practice_of(history, today).summary()


@dataclass
class DayPractice:
    """What one day held: how many sessions, and how many minutes."""

    sessions: int = 0
    minutes: float = 0.0


@dataclass(frozen=True)
class ExerciseCount:
    """How often one exercise was practised, and for how long."""

    exercise: str
    sessions: int
    completed: int
    minutes: int


@dataclass(frozen=True)
class Averages:
    """A before and an after, averaged over the sessions that have both."""

    sessions: int
    before: float
    after: float


@dataclass(frozen=True)
class BeliefRating:
    """One affirmation session's belief, rated before its round and after it."""

    day: date
    before: int | None
    after: int | None


@dataclass(frozen=True)
class Practice:
    """Everything the history says, as seen on one day. Built by ``practice_of``."""

    today: date
    sessions: int
    days: dict[date, DayPractice]
    exercises: tuple[ExerciseCount, ...]
    tension: Averages | None
    belief_ratings: tuple[BeliefRating, ...]

    @property
    def streak(self) -> int:
        """Days practised in a row up to today (or yesterday, while today is still open)."""
        return streak(self.days, self.today)

    @property
    def longest_streak(self) -> int:
        """The longest run of days practised in a row."""
        return longest_streak(self.days)

    @property
    def last_day(self) -> date | None:
        """The last day practised, if any."""
        return max(self.days) if self.days else None

    def days_in_last(self, count: int) -> int:
        """On how many of the last ``count`` days (today included) the user practised."""
        first = self.today - timedelta(days=count - 1)
        return sum(1 for day in self.days if first <= day <= self.today)

    def week_minutes(self, week: Week) -> int:
        """Minutes practised in ``week``, rounded."""
        return round(
            sum(
                practice.minutes
                for day, practice in self.days.items()
                if week.monday <= day <= week.sunday
            )
        )

    def summary(self) -> HomeSummary:
        """The few figures the home screen's first line speaks of."""
        this_week = Week.of(self.today)
        return HomeSummary(
            sessions=self.sessions,
            days_this_week=sum(1 for day in self.days if this_week.monday <= day <= self.today),
            minutes_this_week=self.week_minutes(this_week),
            streak=self.streak,
            last_day=self.last_day,
        )


def practice_of(history: list[SessionRecord], today: date) -> Practice:
    """Walk the history once and gather what every figure needs."""
    days: dict[date, DayPractice] = {}
    counts: dict[str, list[float]] = {exercise: [0, 0, 0.0] for exercise in EXERCISES}
    paired = tension_before = tension_after = 0
    belief: list[BeliefRating] = []
    practice = DayPractice()
    parts = 0
    current_day: date | None = None
    # The history is kept in time order, so one day's sessions come together: the
    # day's totals are looked up once per day, not once per session.
    for record in history:
        started = record.started_at
        day = started.date()
        exercise = record.exercise
        if is_part(record):
            # A part of a session: its time and its count are the session's. The
            # ratings it holds still tell how the practice goes.
            if exercise == "affirm":
                rating = _belief_rating(day, record.details.get("belief"))
                if rating is not None:
                    belief.append(rating)
            parts += 1
            continue
        if day != current_day:
            current_day = day
            practice = days.get(day) or days.setdefault(day, DayPractice())
        ended = record.ended_at
        minutes = (
            0.0
            if ended is None
            else min(MAX_SESSION_MINUTES, max(0.0, (ended - started).total_seconds() / 60))
        )
        practice.sessions += 1
        practice.minutes += minutes
        count = counts.get(exercise) or counts.setdefault(exercise, [0, 0, 0.0])
        count[0] += 1
        count[1] += record.completed
        count[2] += minutes
        if exercise in ("breathe", "session"):
            details = record.details
            before, after = details.get("tension_before"), details.get("tension_after")
            if _rating(before) and _rating(after):
                paired += 1
                tension_before += before
                tension_after += after
        elif exercise == "affirm":
            rating = _belief_rating(day, record.details.get("belief"))
            if rating is not None:
                belief.append(rating)
    exercises = tuple(
        ExerciseCount(exercise, int(sessions), int(completed), round(minutes))
        for exercise, (sessions, completed, minutes) in counts.items()
        if sessions or exercise in EXERCISES[:3]
    )
    tension = Averages(paired, tension_before / paired, tension_after / paired) if paired else None
    return Practice(
        today=today,
        sessions=len(history) - parts,
        days=days,
        exercises=exercises,
        tension=tension,
        belief_ratings=tuple(belief),
    )


def _rating(value: object) -> bool:
    """A 0-10 rating as the exercises write it (hand edits may hold anything)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10


def _belief_rating(day: date, belief: object) -> BeliefRating | None:
    """A session's belief before and after its round, when it has either."""
    if not isinstance(belief, dict):
        return None
    before, after = belief.get("before"), belief.get("after")
    rating = BeliefRating(
        day, before if _rating(before) else None, after if _rating(after) else None
    )
    return None if rating.before is None and rating.after is None else rating
