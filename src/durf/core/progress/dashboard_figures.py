"""Every figure of the progress dashboard: calendar, minutes, belief, steps and sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from durf.core.progress.practice import Averages, BeliefRating, ExerciseCount, Practice, practice_of
from durf.core.state import HonestSentence, State
from durf.core.weeks import Week

CALENDAR_WEEKS = 16
"""How many weeks the calendar and the minutes chart look back, this week included."""
STEP_WEEKS = 8
"""How many weeks the small-steps figure looks back, this week included."""
BELIEF_SAMPLE = 3
"""How many rated sessions make "where belief started" and "where it is now"."""
STEP_OUTCOMES = ("done", "smaller", "moved", "not_this_time", "planned")
"""Every step status, in the order the dashboard lists them."""


@dataclass(frozen=True)
class BeliefTrend:
    """How much the user believes their affirmations, from the first ratings to the latest."""

    ratings: int
    """Rated affirmation sessions."""
    first: float
    """The average of the first few ratings given before an affirmation round."""
    latest: float
    """The average of the latest few ratings given after a round."""


@dataclass(frozen=True)
class StepWeek:
    """The small steps of one week, counted by how they turned out."""

    week: Week
    outcomes: dict[str, int]

    @property
    def total(self) -> int:
        """Every step planned for this week, whatever became of it."""
        return sum(self.outcomes.values())


@dataclass(frozen=True)
class CalendarDay:
    """One cell of the calendar."""

    day: date
    sessions: int
    minutes: int
    to_come: bool
    """A day after today: neither practised nor missed yet."""


@dataclass(frozen=True)
class Dashboard:
    """Every figure of the progress dashboard, as seen on ``today``."""

    today: date
    sessions: int
    streak: int
    longest_streak: int
    days_practised: int
    days_in_last_fortnight: int
    last_day: date | None
    weeks: tuple[Week, ...]
    """The calendar's weeks, oldest first; the last is this week."""
    minutes_by_week: tuple[int, ...]
    calendar: tuple[tuple[CalendarDay, ...], ...]
    """One row per week, Monday first, matching ``weeks``."""
    exercises: tuple[ExerciseCount, ...]
    tension: Averages | None
    belief: BeliefTrend | None
    steps: tuple[StepWeek, ...]
    """The last few weeks' steps by outcome, oldest first; the last is this week."""
    open_sentences: tuple[HonestSentence, ...] = field(default=())
    """Honest sentences still waiting to be said, newest first."""

    @property
    def minutes_this_week(self) -> int:
        """Minutes practised so far this week."""
        return self.minutes_by_week[-1]

    @property
    def days_this_week(self) -> int:
        """Days practised so far this week."""
        return sum(1 for cell in self.calendar[-1] if cell.sessions)


def dashboard(
    state: State,
    today: date,
    *,
    practice: Practice | None = None,
) -> Dashboard:
    """Every dashboard figure for ``state`` on ``today``.

    ``practice`` is the walk over the history from ``practice_of``; pass one kept
    from earlier when only steps or sentences changed, since the walk is the only
    part whose cost grows with the history.
    """
    if practice is None or practice.today != today:
        practice = practice_of(state.history, today)
    this_week = Week.of(today)
    weeks = tuple(this_week.shifted(offset) for offset in range(1 - CALENDAR_WEEKS, 1))
    calendar = tuple(
        tuple(_calendar_day(week.day(weekday), practice, today) for weekday in range(1, 8))
        for week in weeks
    )
    minutes_by_week = tuple(round(sum(cell.minutes for cell in row)) for row in calendar)
    from durf.core.breathing import open_sentences

    return Dashboard(
        today=today,
        sessions=practice.sessions,
        streak=practice.streak,
        longest_streak=practice.longest_streak,
        days_practised=len(practice.days),
        days_in_last_fortnight=practice.days_in_last(14),
        last_day=practice.last_day,
        weeks=weeks,
        minutes_by_week=minutes_by_week,
        calendar=calendar,
        exercises=practice.exercises,
        tension=practice.tension,
        belief=belief_trend(practice.belief_ratings),
        steps=steps_by_week(state, weeks[-STEP_WEEKS:]),
        open_sentences=tuple(open_sentences(state)),
    )


def _calendar_day(day: date, practice: Practice, today: date) -> CalendarDay:
    held = practice.days.get(day)
    if held is None:
        return CalendarDay(day, 0, 0, to_come=day > today)
    return CalendarDay(day, held.sessions, round(held.minutes), to_come=day > today)


def belief_trend(ratings: tuple[BeliefRating, ...]) -> BeliefTrend | None:
    """Where belief started (the first few ratings before a round) and where it is now
    (the latest few after one).

    A session stopped before its rating after holds only a start, and a session whose
    rating before was skipped only an end: neither counts as both, so a single rating
    never shows as "3 → 3". Without at least one of each there is no trend yet.
    """
    befores = [rating.before for rating in ratings if rating.before is not None]
    afters = [rating.after for rating in ratings if rating.after is not None]
    if not befores or not afters:
        return None
    first = befores[:BELIEF_SAMPLE]
    latest = afters[-BELIEF_SAMPLE:]
    return BeliefTrend(
        ratings=len(ratings),
        first=sum(first) / len(first),
        latest=sum(latest) / len(latest),
    )


def steps_by_week(state: State, weeks: tuple[Week, ...]) -> tuple[StepWeek, ...]:
    """For each of ``weeks``, its steps counted by outcome (every outcome listed, zeros too)."""
    wanted = {str(week): week for week in weeks}
    counted = {week: dict.fromkeys(STEP_OUTCOMES, 0) for week in weeks}
    for step in state.steps:
        week = wanted.get(step.week)
        if week is not None and step.status in counted[week]:
            counted[week][step.status] += 1
    return tuple(StepWeek(week, counted[week]) for week in weeks)
