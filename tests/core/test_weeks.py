"""ISO weeks: year ends, 53-week years, and weeks on the wall calendar of any time zone."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from durf.core.weeks import Week, week_of, weeks_between, weeks_in_year

ZONES = (
    "UTC",
    "Europe/Amsterdam",
    "America/Sao_Paulo",
    "America/New_York",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
)
"""Zones with odd offsets, skipped days and DST changes at midnight or by half an hour."""

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
weeks = days.map(Week.of)
shifts = st.integers(min_value=-600, max_value=600)
utc_moments = st.datetimes(
    min_value=datetime(1901, 1, 1), max_value=datetime(2199, 12, 31), timezones=st.just(UTC)
)
zones = st.sampled_from(ZONES).map(ZoneInfo)
modest = settings(max_examples=200, deadline=None)


def local(zone: str, *fields: int) -> datetime:
    return datetime(*fields, tzinfo=ZoneInfo(zone))


# -- properties ------------------------------------------------------------------------


@modest
@given(days)
def test_a_day_lies_in_its_own_week_which_starts_on_a_monday_before_it(day: date) -> None:
    week = Week.of(day)
    assert week.contains(day)
    assert week.monday.isoweekday() == 1
    assert week.monday <= day <= week.sunday
    assert (week.sunday - week.monday).days == 6


@modest
@given(weeks)
def test_the_text_in_the_state_file_reads_back_as_the_same_week(week: Week) -> None:
    assert Week.parse(str(week)) == week


@modest
@given(weeks)
def test_the_next_week_starts_seven_days_later(week: Week) -> None:
    assert week.shifted(1).monday == week.monday + timedelta(days=7)
    assert week.shifted(-1).sunday == week.monday - timedelta(days=1)


@modest
@given(weeks, shifts)
def test_shifting_there_and_back_returns_to_the_same_week(week: Week, n: int) -> None:
    assert week.shifted(n).shifted(-n) == week
    assert weeks_between(week, week.shifted(n)) == n


@modest
@given(weeks, weeks)
def test_weeks_sort_as_their_mondays_do(first: Week, second: Week) -> None:
    assert (first < second) == (first.monday < second.monday)
    assert (first == second) == (first.monday == second.monday)
    assert (weeks_between(first, second) > 0) == (first < second)


# -- year ends -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2026, 12, 31), "2026-W53"),
        (date(2027, 1, 1), "2026-W53"),
        (date(2027, 1, 3), "2026-W53"),
        (date(2027, 1, 4), "2027-W01"),
        (date(2024, 12, 29), "2024-W52"),
        (date(2024, 12, 30), "2025-W01"),
        (date(2025, 1, 1), "2025-W01"),
        (date(2020, 12, 31), "2020-W53"),
        (date(2021, 1, 3), "2020-W53"),
        (date(2021, 1, 4), "2021-W01"),
    ],
)
def test_days_around_new_year_fall_in_the_iso_week(day: date, week: str) -> None:
    assert str(Week.of(day)) == week


def test_week_one_can_start_in_the_previous_calendar_year() -> None:
    first = Week(2025, 1)
    assert first.monday == date(2024, 12, 30)
    assert first.sunday == date(2025, 1, 5)
    assert Week(2024, 52).shifted(1) == first


@pytest.mark.parametrize(("year", "count"), [(2020, 53), (2026, 53), (2015, 53), (2025, 52)])
def test_some_years_have_53_weeks(year: int, count: int) -> None:
    assert weeks_in_year(year) == count
    assert Week(year, count).shifted(1) == Week(year + 1, 1)


def test_a_year_of_52_weeks_has_no_week_53() -> None:
    with pytest.raises(ValueError, match="2025 has no ISO week 53"):
        Week(2025, 53)
    with pytest.raises(ValueError):
        Week(2026, 0)
    with pytest.raises(ValueError):
        Week.parse("2025-W53")


@pytest.mark.parametrize(
    "text",
    [
        "2026-W7",
        "2026W47",
        "",
        "2026-W00",
        "2026-W54",
        "26-W47",
        "2026-w47",
        " 2026-W47",
        "2026-W47\n",
    ],
)
def test_parse_refuses_anything_but_the_written_form(text: str) -> None:
    with pytest.raises(ValueError):
        Week.parse(text)


@pytest.mark.parametrize("text", ["٢٠٢٦-W47", "２０２６-W４７"])
def test_parse_refuses_digits_that_are_not_ascii(text: str) -> None:
    with pytest.raises(ValueError):
        Week.parse(text)


# -- time zones and daylight saving ----------------------------------------------------


def test_monday_just_after_midnight_in_amsterdam_is_the_new_week_while_utc_is_sunday() -> None:
    # The clocks went back on Sunday 25 October 2026; Monday 00:30 CET is Sunday 23:30 UTC.
    moment = local("Europe/Amsterdam", 2026, 10, 26, 0, 30)
    assert moment.astimezone(UTC).date() == date(2026, 10, 25)
    assert week_of(moment, ZoneInfo("Europe/Amsterdam")) == Week(2026, 44)
    assert week_of(moment, UTC) == Week(2026, 43)


def test_sao_paulo_where_local_midnight_did_not_exist() -> None:
    # On 4 November 2018 the clocks in São Paulo jumped from 00:00 to 01:00.
    zone = ZoneInfo("America/Sao_Paulo")
    just_before = datetime(2018, 11, 4, 2, 59, tzinfo=UTC)
    just_after = datetime(2018, 11, 4, 3, 0, tzinfo=UTC)
    assert just_before.astimezone(zone).date() == date(2018, 11, 3)
    assert just_after.astimezone(zone).date() == date(2018, 11, 4)
    assert week_of(just_before, zone) == week_of(just_after, zone) == Week(2018, 44)
    # A week later, Sunday 23:30 and Monday 00:30 are in different weeks, as always.
    assert week_of(local("America/Sao_Paulo", 2018, 11, 11, 23, 30), zone) == Week(2018, 45)
    assert week_of(local("America/Sao_Paulo", 2018, 11, 12, 0, 30), zone) == Week(2018, 46)


def test_apia_skipped_friday_30_december_2011_and_the_week_still_has_seven_days() -> None:
    zone = ZoneInfo("Pacific/Apia")
    thursday_night = datetime(2011, 12, 30, 9, 59, tzinfo=UTC)
    saturday_morning = datetime(2011, 12, 30, 10, 0, tzinfo=UTC)
    assert thursday_night.astimezone(zone).date() == date(2011, 12, 29)
    assert saturday_morning.astimezone(zone).date() == date(2011, 12, 31)
    assert week_of(thursday_night, zone) == week_of(saturday_morning, zone) == Week(2011, 52)
    week = Week(2011, 52)
    assert week.contains(date(2011, 12, 30))
    assert week.shifted(1).monday == date(2012, 1, 2)
    # Monday 2 January starts at 10:00 UTC on Sunday 1 January.
    assert week_of(datetime(2012, 1, 1, 10, 0, tzinfo=UTC), zone) == Week(2012, 1)
    assert week_of(datetime(2012, 1, 1, 10, 0, tzinfo=UTC), UTC) == Week(2011, 52)


@pytest.mark.parametrize(
    ("utc", "week"),
    [
        # 4 October 2026: summer time (+11) began, Monday 00:15 local is 13:15 UTC.
        (datetime(2026, 10, 4, 13, 15, tzinfo=UTC), Week(2026, 41)),
        (datetime(2026, 10, 4, 12, 59, tzinfo=UTC), Week(2026, 40)),
        # 5 April 2026: back to +10:30, so 13:15 UTC is still Sunday 23:45 local.
        (datetime(2026, 4, 5, 13, 15, tzinfo=UTC), Week(2026, 14)),
        (datetime(2026, 4, 5, 13, 45, tzinfo=UTC), Week(2026, 15)),
    ],
)
def test_lord_howe_moves_its_clocks_by_half_an_hour(utc: datetime, week: Week) -> None:
    assert week_of(utc, ZoneInfo("Australia/Lord_Howe")) == week


@modest
@given(utc_moments, zones)
def test_the_week_of_a_moment_is_the_week_of_its_local_date(moment: datetime, zone: ZoneInfo):
    local_date = moment.astimezone(zone).date()
    week = week_of(moment, zone)
    assert week == Week.of(local_date)
    assert week.contains(local_date)
    # No zone is more than a day from UTC, so the week differs at most by one,
    # and only across the night from Sunday to Monday.
    difference = weeks_between(Week.of(moment.date()), week)
    assert difference in (-1, 0, 1)
    if difference:
        assert {moment.date().isoweekday(), local_date.isoweekday()} == {1, 7}


@modest
@given(st.integers(min_value=1971, max_value=2036), zones)
def test_a_week_spanning_a_dst_change_steps_to_the_next_monday(year: int, zone: ZoneInfo):
    # Find a week with a DST change (or any week, in zones without one).
    week = Week(year, 1)
    for _ in range(53):
        start = datetime.combine(week.monday, datetime.min.time(), tzinfo=zone)
        end = datetime.combine(week.sunday, datetime.max.time(), tzinfo=zone)
        if start.utcoffset() != end.utcoffset():
            break
        week = week.shifted(1)
    following = week.shifted(1)
    assert following.monday == week.monday + timedelta(days=7)
    assert following.monday.isoweekday() == 1
    # Noon on the next Monday, wherever the hour went, is in the next week.
    monday_noon = datetime.combine(following.monday, datetime.min.time(), tzinfo=zone)
    monday_noon += timedelta(hours=12)
    assert week_of(monday_noon, zone) == following


def test_adding_seven_times_24_hours_would_drift_but_shifting_does_not() -> None:
    zone = ZoneInfo("Europe/Amsterdam")
    week = Week(2026, 43)  # the clocks go back on its Sunday
    monday_midnight = datetime.combine(week.monday, datetime.min.time(), tzinfo=zone)
    naive_step = (monday_midnight.astimezone(UTC) + timedelta(hours=7 * 24)).astimezone(zone)
    assert naive_step.date() == date(2026, 10, 25)  # still Sunday: the wrong week
    assert week.shifted(1).monday == date(2026, 10, 26)
    assert week_of(naive_step, zone) == week


def test_without_a_zone_the_week_follows_the_local_time_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    moment = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # Sunday noon UTC
    try:
        with monkeypatch.context() as patch:
            patch.setenv("TZ", "Pacific/Kiritimati")  # +14: already Monday
            time.tzset()
            assert week_of(moment) == Week(2026, 48)
            patch.setenv("TZ", "America/New_York")
            time.tzset()
            assert week_of(moment) == Week(2026, 47)
    finally:
        time.tzset()
