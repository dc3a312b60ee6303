"""Affirmation sessions: planning, timing with pauses, recall matching, belief, own ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from durf.core.affirm import (
    Item,
    add_own,
    closeness,
    delete_own,
    edit_own,
    mix,
    needs_stepping_stone,
    normalise,
    own_items,
    plan_session,
    position,
    recall_matches,
    start_of,
    toggle_favourite,
)
from durf.core.clock import FixedClock
from durf.core.countdown import Stopwatch
from durf.core.state import SessionRecord, State

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
ITEMS = [
    Item("set/a", "Ik mag fouten maken."),
    Item("set/b", "Twijfelen mag."),
    Item("own/c", "Ik durf."),
]


def test_rounds_repeat_the_items_in_order() -> None:
    plan = plan_session(ITEMS, 10, rounds=2)
    assert [item.key for item in plan.items] == ["set/a", "set/b", "own/c"] * 2
    assert plan.total_seconds == 60


def test_minutes_fill_the_time_with_whole_affirmations() -> None:
    plan = plan_session(ITEMS, 12, minutes=1)
    assert len(plan.items) == 5 and plan.total_seconds == 60


def test_seconds_are_kept_within_a_calm_range() -> None:
    assert plan_session(ITEMS, 0.5).seconds_each == 3
    assert plan_session(ITEMS, 900).seconds_each == 120
    with pytest.raises(ValueError):
        plan_session([], 10)


def test_position_counts_down_each_affirmation_and_ends_exactly() -> None:
    plan = plan_session(ITEMS, 10)
    assert position(plan, 0) == position(plan, 0.0)
    assert (position(plan, 14).index, position(plan, 14).seconds_left) == (1, 6)
    assert position(plan, 29.99).finished is False
    assert position(plan, 30).finished is True
    assert start_of(plan, 2) == 20 and start_of(plan, -1) == 0
    # On from the last one is the end.
    assert start_of(plan, 99) == 30 and position(plan, start_of(plan, 3)).finished


def test_a_ten_minute_session_with_pauses_lasts_exactly_ten_minutes_of_practice() -> None:
    clock = FixedClock(NOW)
    watch = Stopwatch(clock)
    plan = plan_session(ITEMS, 10, minutes=10)
    watch.start()
    steps = 0
    while not position(plan, watch.elapsed()).finished:
        clock.advance(0.05)
        steps += 1
        if steps % 500 == 0:
            watch.pause()
            clock.advance(30)
            watch.start()
    assert watch.elapsed() == pytest.approx(600, abs=0.051)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ik mag fouten maken", "Ik mag fouten maken."),
        ("  IK   MAG fouten maken!! ", "Ik mag fouten maken."),
        ("een ideeen-lijst", "Eén ideeën-lijst"),
        ("cafe, naive", "Café; naïve…"),
        ("ik ben het moe om de sterke te zijn", "Ik ben het moe om de sterke te zijn."),
    ],
)
def test_recall_ignores_case_punctuation_and_accents(typed: str, expected: str) -> None:
    assert recall_matches(typed, expected)


def test_recall_is_not_fooled_by_a_different_sentence_or_nothing() -> None:
    assert not recall_matches("ik mag geen fouten maken", "Ik mag fouten maken.")
    assert not recall_matches("", "...")
    assert 0.8 < closeness("ik mag fouten make", "Ik mag fouten maken.") < 1
    assert normalise("Één—twee") == "eentwee"


def test_mix_takes_turns_between_groups() -> None:
    a, b, c = ITEMS
    assert mix([a, b], [c]) == [a, c, b]


def rated(key: str, before: int, after: int | None, day: int) -> SessionRecord:
    return SessionRecord(
        id=f"r{day}",
        exercise="affirm",
        started_at=NOW + timedelta(days=day),
        details={"belief": {"key": key, "before": before, "after": after}},
    )


def test_low_belief_over_several_sessions_suggests_the_stepping_stone() -> None:
    low = State(
        history=[rated("set/a", 2, 3, 1), rated("set/a", 3, None, 2), rated("set/a", 4, 4, 3)]
    )
    assert needs_stepping_stone(low, "set/a")
    rising = State(history=[*low.history, rated("set/a", 4, 6, 4)])
    assert not needs_stepping_stone(rising, "set/a")
    assert not needs_stepping_stone(State(history=low.history[:2]), "set/a")


def test_own_affirmations_add_edit_favourite_archive_delete() -> None:
    state = add_own(State(), "Ik [mag] er zijn 🙂", NOW)
    [own] = state.own_affirmations
    assert own.text == "Ik [mag] er zijn 🙂"
    key = f"own/{own.id}"
    state = toggle_favourite(state, key)
    assert state.favourite_affirmations == [key]
    state = edit_own(state, own.id, text="Ik mag er zijn.")
    assert [item.text for item in own_items(state.own_affirmations)] == ["Ik mag er zijn."]
    state = edit_own(state, own.id, archived=True)
    assert own_items(state.own_affirmations) == []
    assert len(own_items(state.own_affirmations, archived=True)) == 1
    state = delete_own(state, own.id)
    assert state.own_affirmations == [] and state.favourite_affirmations == []
    with pytest.raises(ValueError):
        add_own(State(), "   ", NOW)
