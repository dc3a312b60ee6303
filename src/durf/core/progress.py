"""Figures about practice, as pure functions of the state and a date.

Weeks are ISO weeks (Monday first). A day counts as practised when any session
started on it, finished or not: stopping early is practice too. The day of a
session is the date on the wall clock where it was practised, as recorded with
its UTC offset: an evening practised while travelling stays on that evening,
and a long history needs no time-zone conversions.
None of these figures is a score: a missed day or a step not taken is shown as
what it is, never as a loss.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from durf.core.session import is_part
from durf.core.state import HonestSentence, SessionRecord, State
from durf.core.weeks import Week

CALENDAR_WEEKS = 16
"""How many weeks the calendar and the minutes chart look back, this week included."""
STEP_WEEKS = 8
"""How many weeks the small-steps figure looks back, this week included."""
BELIEF_SAMPLE = 3
"""How many rated sessions make "where belief started" and "where it is now"."""
EXERCISES = ("breathe", "affirm", "step", "session", "quadrant")
"""Every exercise kind, in the order the dashboard lists them."""
STEP_OUTCOMES = ("done", "smaller", "moved", "not_this_time", "planned")
"""Every step status, in the order the dashboard lists them."""


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


# -- the whole picture --------------------------------------------------------------------


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
