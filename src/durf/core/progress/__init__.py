"""Figures about practice, as pure functions of the state and a date.

Weeks are ISO weeks (Monday first). A day counts as practised when any session
started on it, finished or not: stopping early is practice too. The day of a
session is the date on the wall clock where it was practised, as recorded with
its UTC offset: an evening practised while travelling stays on that evening,
and a long history needs no time-zone conversions.
None of these figures is a score: a missed day or a step not taken is shown as
what it is, never as a loss.

Where each part lives: ``streaks`` (days in a row), ``practice`` (the one walk
over the history and the home screen's line) and ``dashboard_figures`` (every
figure of the progress dashboard).
"""

from durf.core.progress.dashboard_figures import (
    BELIEF_SAMPLE,
    CALENDAR_WEEKS,
    STEP_OUTCOMES,
    STEP_WEEKS,
    BeliefTrend,
    CalendarDay,
    Dashboard,
    StepWeek,
    belief_trend,
    dashboard,
    steps_by_week,
)
from durf.core.progress.practice import (
    EXERCISES,
    MAX_SESSION_MINUTES,
    Averages,
    BeliefRating,
    DayPractice,
    ExerciseCount,
    HomeSummary,
    Practice,
    home_summary,
    practice_of,
    session_minutes,
)
from durf.core.progress.streaks import longest_streak, streak, week_start

__all__ = [
    "BELIEF_SAMPLE",
    "CALENDAR_WEEKS",
    "EXERCISES",
    "MAX_SESSION_MINUTES",
    "STEP_OUTCOMES",
    "STEP_WEEKS",
    "Averages",
    "BeliefRating",
    "BeliefTrend",
    "CalendarDay",
    "Dashboard",
    "DayPractice",
    "ExerciseCount",
    "HomeSummary",
    "Practice",
    "StepWeek",
    "belief_trend",
    "dashboard",
    "home_summary",
    "longest_streak",
    "practice_of",
    "session_minutes",
    "steps_by_week",
    "streak",
    "week_start",
]
