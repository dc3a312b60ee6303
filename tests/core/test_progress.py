"""Progress figures on small hand-made histories."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from durf.core.progress import home_summary, longest_streak, practice_of, streak, week_start
from tests.core.factories import AMSTERDAM_WINTER, session


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM_WINTER).astimezone()


def test_empty_history() -> None:
    summary = home_summary([], date(2026, 11, 21))
    assert (summary.sessions, summary.days_this_week, summary.streak, summary.last_day) == (
        0,
        0,
        0,
        None,
    )


def test_weeks_start_on_monday_across_a_year_end() -> None:
    assert week_start(date(2026, 11, 21)) == date(2026, 11, 16)
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)


def test_streak_counts_back_from_today_or_yesterday() -> None:
    today = date(2026, 11, 21)
    days = {today - timedelta(days=n) for n in (1, 2, 3, 5)}
    assert streak(days, today) == 3
    assert streak(days | {today}, today) == 4
    assert streak({today - timedelta(days=2)}, today) == 0


def test_the_longest_run_ends_at_each_missed_day() -> None:
    today = date(2026, 11, 21)
    # Back from today: two days, two days off, four days, one day off, three days.
    days = [today - timedelta(days=ago) for ago in (0, 1, 4, 5, 6, 7, 9, 10, 11)]
    assert longest_streak(days) == 4
    assert longest_streak(reversed(days)) == 4
    assert longest_streak([today, today - timedelta(days=2)]) == 1
    assert longest_streak([]) == 0

    # Two sessions on a day are one day of the run.
    history = [session(at(day, hour)) for day in sorted(days) for hour in (8, 20)]
    practice = practice_of(history, today)
    assert (practice.streak, practice.longest_streak) == (2, 4)


def test_this_week_counts_days_and_minutes_only_in_this_iso_week() -> None:
    today = date(2026, 11, 21)  # a Saturday
    history = [
        session(at(date(2026, 11, 15)), minutes=30),  # Sunday of last week
        session(at(date(2026, 11, 16)), minutes=4),
        session(at(date(2026, 11, 16), hour=20), minutes=6, completed=False),
        session(at(date(2026, 11, 20)), minutes=10),
    ]
    summary = home_summary(history, today)
    assert summary.days_this_week == 2
    assert summary.minutes_this_week == 20
    assert summary.streak == 1
    assert summary.last_day == date(2026, 11, 20)


def test_a_new_week_after_a_streak_says_welcome_back_not_zero_days() -> None:
    from durf.core.i18n import t
    from durf.screens.home import progress_text

    monday = date(2026, 11, 23)
    history = [session(at(monday - timedelta(days=n))) for n in (1, 2)]
    text = progress_text(home_summary(history, monday))
    assert text.startswith(t("home.welcome_back"))
    assert "0 days" not in text and "2 days in a row" in text


# -- the dashboard ---------------------------------------------------------------------

TODAY = date(2026, 11, 21)  # a Saturday in ISO week 47


def breathe(day: date, before: object = None, after: object = None, **kw: object):
    return session(at(day), tension_before=before, tension_after=after, **kw)


def affirm(day: date, before: object = None, after: object = None):
    return session(
        at(day, 20),
        exercise="affirm",
        belief={"key": "set/x", "text": "I may ask.", "before": before, "after": after},
    )


def test_an_empty_state_gives_a_calm_empty_dashboard() -> None:
    from durf.core.progress import CALENDAR_WEEKS, dashboard
    from durf.core.state import State

    board = dashboard(State(), TODAY)
    assert (board.sessions, board.streak, board.longest_streak, board.days_practised) == (0,) * 4
    assert board.minutes_by_week == (0,) * CALENDAR_WEEKS
    assert len(board.calendar) == CALENDAR_WEEKS
    assert all(len(week) == 7 for week in board.calendar)
    assert board.tension is None and board.belief is None
    assert sum(week.total for week in board.steps) == 0
    assert board.open_sentences == ()
    # Sunday 22 November is still to come: neither practised nor missed.
    assert [cell.to_come for cell in board.calendar[-1]] == [False] * 6 + [True]
    assert [count.exercise for count in board.exercises] == ["breathe", "affirm", "step"]


def test_one_day_of_practice() -> None:
    from durf.core.progress import dashboard
    from durf.core.state import State

    board = dashboard(State(history=[breathe(TODAY, 7, 4, minutes=5)]), TODAY)
    assert (board.streak, board.longest_streak, board.days_practised) == (1, 1, 1)
    assert board.minutes_this_week == 5 and board.days_this_week == 1
    today_cell = board.calendar[-1][5]
    assert (today_cell.day, today_cell.sessions, today_cell.minutes) == (TODAY, 1, 5)
    assert board.tension is not None
    assert (board.tension.sessions, board.tension.before, board.tension.after) == (1, 7, 4)


def test_the_turn_of_the_year_is_one_run_and_one_iso_week() -> None:
    from durf.core.progress import dashboard
    from durf.core.state import State
    from durf.core.weeks import Week

    days = [date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2)]
    today = date(2027, 1, 2)
    board = dashboard(State(history=[breathe(day, minutes=10) for day in days]), today)
    assert board.streak == 4
    assert board.weeks[-1] == Week(2026, 53)  # 28 Dec 2026 - 3 Jan 2027
    assert board.minutes_by_week[-1] == 40
    assert board.weeks[-2] == Week(2026, 52) and board.minutes_by_week[-2] == 0


def test_a_missed_day_keeps_the_longest_run_and_the_days_practised() -> None:
    from durf.core.progress import dashboard
    from durf.core.state import State
    from durf.screens.progress.dashboard import kind_words

    run = [TODAY - timedelta(days=n) for n in range(3, 9)]  # six days in a row, then a gap
    board = dashboard(State(history=[breathe(day) for day in run]), TODAY)
    assert (board.streak, board.longest_streak) == (0, 6)
    assert board.days_in_last_fortnight == 6
    words = kind_words(board)
    assert "6 of the last 14 days" in words and "Days off are part of practising" in words
    assert "streak" not in words.lower() and "0" not in words

    back = dashboard(State(history=[breathe(TODAY - timedelta(days=40))]), TODAY)
    assert kind_words(back).startswith("Good to see you again")

    going = dashboard(State(history=[breathe(TODAY - timedelta(days=n)) for n in (0, 1, 2)]), TODAY)
    assert kind_words(going).startswith("3 days in a row")


def test_tension_averages_only_sessions_with_both_ratings() -> None:
    from durf.core.progress import dashboard
    from durf.core.state import State

    history = [
        breathe(TODAY, 8, 4),
        breathe(TODAY, 6, 2),
        breathe(TODAY, 9, None),  # stopped before the check-out
        breathe(TODAY, True, 3),  # a hand-edited file: not a rating
        breathe(TODAY, "7", 3),
        breathe(TODAY, 12, 3),
    ]
    tension = dashboard(State(history=history), TODAY).tension
    assert tension is not None
    assert (tension.sessions, tension.before, tension.after) == (2, 7, 3)


def test_belief_goes_from_the_first_ratings_to_the_latest() -> None:
    from durf.core.progress import BELIEF_SAMPLE, dashboard
    from durf.core.state import State

    assert BELIEF_SAMPLE == 3
    days = [TODAY - timedelta(days=n) for n in range(7, -1, -1)]
    ratings = [(2, 3), (3, 3), (4, None), (None, None), (5, 6), (6, 7), (None, 8), (8, None)]
    history = [
        affirm(day, before, after) for day, (before, after) in zip(days, ratings, strict=True)
    ]
    history.append(affirm(TODAY, None, "9"))
    belief = dashboard(State(history=history), TODAY).belief
    assert belief is not None
    # Where it started: the ratings before a round; where it is now: the ratings after.
    # A session with only one of them counts once, on its own side; unrated sessions
    # and hand-edited values that are no rating are skipped.
    assert belief.ratings == 7
    assert belief.first == (2 + 3 + 4) / 3
    assert belief.latest == (6 + 7 + 8) / 3


def test_one_rating_before_and_one_after_show_as_they_were() -> None:
    from durf.core.progress import dashboard
    from durf.core.state import State

    belief = dashboard(State(history=[affirm(TODAY, 3, 7)]), TODAY).belief
    assert belief is not None and (belief.first, belief.latest) == (3, 7)


def test_a_rating_without_its_after_is_no_trend_yet() -> None:
    from durf.core.progress import dashboard
    from durf.core.state import State

    history = [affirm(TODAY - timedelta(days=1), 3), affirm(TODAY, 6)]
    assert dashboard(State(history=history), TODAY).belief is None


def test_sessions_by_exercise_count_finished_and_stopped_ones() -> None:
    from durf.core.progress import dashboard
    from durf.core.state import State

    history = [
        breathe(TODAY, minutes=4),
        breathe(TODAY, minutes=6, completed=False),
        affirm(TODAY),
        session(at(TODAY), exercise="session", minutes=10),
    ]
    counts = {c.exercise: c for c in dashboard(State(history=history), TODAY).exercises}
    assert (counts["breathe"].sessions, counts["breathe"].completed) == (2, 1)
    assert counts["breathe"].minutes == 10
    assert counts["step"].sessions == 0
    assert counts["session"].sessions == 1


def test_steps_per_week_by_outcome() -> None:
    from durf.core.progress import STEP_WEEKS, dashboard
    from tests.core.factories import step_story

    now = datetime(2026, 11, 21, 9, 30, tzinfo=AMSTERDAM_WINTER)
    board = dashboard(step_story("en", now), TODAY)
    assert len(board.steps) == STEP_WEEKS
    by_week = {week.week.number: week.outcomes for week in board.steps}
    assert by_week[47] == {"done": 1, "smaller": 0, "moved": 1, "not_this_time": 1, "planned": 1}
    assert by_week[46] == {"done": 1, "smaller": 1, "moved": 0, "not_this_time": 0, "planned": 0}
    assert by_week[45]["done"] == 1
    assert 48 not in by_week  # next week is not part of the look back


def test_open_sentences_newest_first() -> None:
    from durf.core.progress import dashboard
    from tests.core.factories import practice_story

    now = datetime(2026, 11, 21, 9, 30, tzinfo=AMSTERDAM_WINTER)
    board = dashboard(practice_story("en", now), TODAY)
    assert [s.text for s in board.open_sentences] == [
        "It feels scary to tell you this.",
        "I don't know yet, and that's all right.",
        "I find this hard to say, but I need your help.",
    ]


def test_a_session_counts_on_the_day_it_was_on_the_wall_clock_where_it_was_practised() -> None:
    from datetime import timezone

    from durf.core.progress import dashboard
    from durf.core.state import State

    new_york = timezone(timedelta(hours=-5))
    # Friday 22:30 in New York is already Saturday in Amsterdam: it stays on Friday.
    evening = datetime(2026, 11, 20, 22, 30, tzinfo=new_york)
    board = dashboard(State(history=[session(evening)]), TODAY)
    assert board.calendar[-1][4].sessions == 1  # Friday
    assert board.calendar[-1][5].sessions == 0


def test_a_kept_walk_over_the_history_gives_the_same_figures() -> None:
    from durf.core.progress import dashboard, practice_of
    from tests.core.factories import practice_story

    now = datetime(2026, 11, 21, 9, 30, tzinfo=AMSTERDAM_WINTER)
    state = practice_story("nl", now)
    kept = practice_of(state.history, TODAY)
    assert dashboard(state, TODAY, practice=kept) == dashboard(state, TODAY)
    # A walk from another day is not reused.
    yesterday = practice_of(state.history, TODAY - timedelta(days=1))
    assert dashboard(state, TODAY, practice=yesterday) == dashboard(state, TODAY)


def test_shades_and_step_marks_read_without_colour() -> None:
    from durf.core.progress import StepWeek
    from durf.core.weeks import Week
    from durf.widgets.charts import shade, step_strip

    assert [shade(m, s) for m, s in ((0, 0), (0, 1), (9, 1), (10, 1), (29, 2), (30, 1))] == [
        0,
        1,
        1,
        2,
        3,
        4,
    ]
    busy = StepWeek(
        Week(2026, 47), {"done": 3, "smaller": 1, "moved": 0, "not_this_time": 0, "planned": 1}
    )
    calm = StepWeek(
        Week(2026, 46), {"done": 1, "smaller": 0, "moved": 0, "not_this_time": 0, "planned": 0}
    )
    lines = step_strip([calm, busy]).plain.split("\n")
    assert lines[0] == "46  47"
    assert lines[1] == "✓   ✓✓+"
