"""Dates and weeks in words, in the active language."""

from __future__ import annotations

from datetime import date

from durf.core.i18n import t
from durf.core.weeks import Week


def day_label(day: date) -> str:
    """``Thu 26`` / ``do 26``: enough to pick a day within one week."""
    return t("date.day_short", weekday=t(f"weekday.short.{day.isoweekday()}"), day=day.day)


def long_date(day: date) -> str:
    """``Thursday 26 November`` / ``donderdag 26 november``."""
    return t(
        "date.long",
        weekday=t(f"weekday.long.{day.isoweekday()}"),
        day=day.day,
        month=t(f"month.{day.month}"),
    )


def week_range(week: Week) -> str:
    """The days of a week, shortest where months or years agree: ``16–22 November 2026``."""
    first, last = week.monday, week.sunday
    if first.year != last.year:
        return t(
            "date.range_years",
            first_day=first.day,
            first_month=t(f"month.{first.month}"),
            first_year=first.year,
            last_day=last.day,
            last_month=t(f"month.{last.month}"),
            last_year=last.year,
        )
    if first.month != last.month:
        return t(
            "date.range_months",
            first_day=first.day,
            first_month=t(f"month.{first.month}"),
            last_day=last.day,
            last_month=t(f"month.{last.month}"),
            year=last.year,
        )
    return t(
        "date.range_days",
        first_day=first.day,
        last_day=last.day,
        month=t(f"month.{last.month}"),
        year=last.year,
    )


def week_heading(week: Week, this_week: Week) -> str:
    """``Week 47 · 16–22 November 2026 · this week``."""
    heading = t("date.week_heading", number=week.number, days=week_range(week))
    relative = {0: "date.this_week", -1: "date.last_week", 1: "date.next_week"}.get(
        (week.monday - this_week.monday).days // 7
    )
    return f"{heading} · {t(relative)}" if relative else heading
