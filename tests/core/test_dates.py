"""Weeks and days in words, as the week board and the status line show them."""

from __future__ import annotations

from datetime import date

import pytest

from durf.core.dates import day_label, long_date, week_heading, week_range
from durf.core.i18n import Language, set_language
from durf.core.weeks import Week


@pytest.mark.parametrize(
    ("week", "language", "words"),
    [
        (Week(2026, 47), "en", "16–22 November 2026"),
        (Week(2026, 47), "nl", "16–22 november 2026"),
        (Week(2026, 44), "en", "26 October – 1 November 2026"),
        (Week(2026, 44), "nl", "26 oktober – 1 november 2026"),
        (Week(2026, 53), "en", "28 December 2026 – 3 January 2027"),
        (Week(2026, 53), "nl", "28 december 2026 – 3 januari 2027"),
        (Week(2025, 1), "en", "30 December 2024 – 5 January 2025"),
        (Week(2021, 1), "en", "4–10 January 2021"),
        (Week(2026, 9), "nl", "23 februari – 1 maart 2026"),
    ],
)
def test_week_range_names_only_what_differs(week: Week, language: Language, words: str) -> None:
    set_language(language)
    assert week_range(week) == words


def test_week_heading_says_where_a_week_is_from_this_one() -> None:
    this_week = Week(2026, 47)
    assert week_heading(this_week, this_week) == "Week 47 · 16–22 November 2026 · this week"
    assert week_heading(Week(2026, 46), this_week) == "Week 46 · 9–15 November 2026 · last week"
    assert week_heading(Week(2026, 48), this_week) == ("Week 48 · 23–29 November 2026 · next week")


def test_week_heading_says_nothing_more_two_weeks_away() -> None:
    this_week = Week(2026, 47)
    assert week_heading(Week(2026, 45), this_week) == "Week 45 · 2–8 November 2026"
    assert week_heading(Week(2026, 49), this_week) == "Week 49 · 30 November – 6 December 2026"
    # The same week number a year earlier is not "this week".
    assert week_heading(Week(2025, 47), this_week) == "Week 47 · 17–23 November 2025"


def test_week_heading_counts_across_a_year_with_53_weeks() -> None:
    assert week_heading(Week(2026, 53), Week(2027, 1)).endswith(" · last week")
    assert week_heading(Week(2027, 1), Week(2026, 53)) == ("Week 1 · 4–10 January 2027 · next week")
    assert week_heading(Week(2026, 52), Week(2027, 1)) == "Week 52 · 21–27 December 2026"


def test_week_heading_in_dutch() -> None:
    set_language("nl")
    this_week = Week(2026, 53)
    assert week_heading(this_week, this_week) == (
        "Week 53 · 28 december 2026 – 3 januari 2027 · deze week"
    )
    assert week_heading(Week(2026, 52), this_week).endswith(" · vorige week")
    assert week_heading(Week(2027, 1), this_week).endswith(" · volgende week")


@pytest.mark.parametrize(
    ("day", "language", "label"),
    [
        (date(2026, 11, 26), "en", "Thu 26"),
        (date(2026, 11, 26), "nl", "do 26"),
        (date(2026, 11, 16), "en", "Mon 16"),
        (date(2026, 11, 22), "nl", "zo 22"),
        (date(2027, 1, 1), "en", "Fri 1"),
    ],
)
def test_day_label_is_a_short_weekday_and_the_day(
    day: date, language: Language, label: str
) -> None:
    set_language(language)
    assert day_label(day) == label


def test_long_date_spells_out_weekday_and_month() -> None:
    assert long_date(date(2026, 11, 26)) == "Thursday 26 November"
    set_language("nl")
    assert long_date(date(2026, 11, 26)) == "donderdag 26 november"
