"""Progress figures on small hand-made histories."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from durf.core.progress import home_summary, streak, week_start
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
