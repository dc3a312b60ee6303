"""The breathing pacer: phases computed from time, never counted, so nothing drifts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from durf.core.clock import FixedClock
from durf.core.countdown import Stopwatch
from durf.core.library import load_library
from durf.core.pacer import PACE_MAX, PACE_MIN, Pacer, breaths_for_minutes, clamp_pace, ease
from durf.core.paths import bundled_exercises_dir

BUNDLED = load_library([bundled_exercises_dir()]).breathing


def phases_of(pattern):
    return [(phase.kind, phase.seconds) for phase in pattern.phases]


@pytest.mark.parametrize("pattern", BUNDLED, ids=[p.id for p in BUNDLED])
def test_every_bundled_pattern_runs_its_phases_in_order(pattern) -> None:
    pacer = Pacer(phases_of(pattern), breaths=3)
    assert pacer.total == pytest.approx(3 * pattern.cycle_seconds)
    start = 0.0
    for breath in range(3):
        for index, phase in enumerate(pattern.phases):
            middle = pacer.at(start + phase.seconds / 2)
            assert (middle.breath, middle.phase_index, middle.kind) == (breath, index, phase.kind)
            assert middle.progress == pytest.approx(0.5)
            assert middle.seconds_left == pytest.approx(phase.seconds / 2)
            start += phase.seconds
    assert pacer.at(pacer.total).finished


def test_the_lungs_fill_on_the_in_breath_and_empty_on_the_out_breath() -> None:
    pacer = Pacer([("in", 4), ("hold", 2), ("out", 6)], breaths=1)
    assert pacer.at(0).fullness == pytest.approx(0)
    assert pacer.at(2).fullness == pytest.approx(0.5)
    assert pacer.at(4.5).fullness == pytest.approx(1)
    assert pacer.at(9).fullness == pytest.approx(0.5)
    assert pacer.at(11.999).fullness == pytest.approx(0, abs=1e-3)


def test_a_double_inhale_rises_in_two_steps_to_full() -> None:
    pacer = Pacer([("in", 2), ("in", 1), ("out", 6)], breaths=1)
    after_first = pacer.at(1.999).fullness
    assert after_first == pytest.approx(2 / 3, abs=1e-3)
    assert pacer.at(2.999).fullness == pytest.approx(1, abs=1e-3)


def test_ten_minutes_later_the_phase_is_exactly_where_the_schedule_says() -> None:
    pacer = Pacer([("in", 4), ("out", 6)], breaths=60)
    # 600 s = 60 whole breaths: the very end; 599.5 s is the last out-breath.
    late = pacer.at(599.5)
    assert (late.breath, late.kind) == (59, "out")
    assert late.seconds_left == pytest.approx(0.5)
    # A million tiny steps would drift if time were counted; computed time cannot.
    assert pacer.at(sum([0.001] * 10_000) + 580).kind == "in"


def test_phase_changes_are_scheduled_on_the_grid() -> None:
    pacer = Pacer([("in", 4), ("out", 6)], breaths=2)
    assert pacer.phase_changes() == [4, 10, 14, 20]
    assert pacer.next_change(0) == 4
    assert pacer.next_change(12.5) == 14


def test_pause_and_resume_with_a_stopwatch_on_an_injected_clock() -> None:
    clock = FixedClock(datetime(2026, 11, 21, tzinfo=UTC))
    watch = Stopwatch(clock)
    pacer = Pacer([("in", 4), ("out", 6)], breaths=6)
    watch.start()
    clock.advance(3)
    watch.pause()
    clock.advance(120)  # a long pause does not count
    assert pacer.at(watch.elapsed()).kind == "in"
    watch.start()
    clock.advance(2)
    state = pacer.at(watch.elapsed())
    assert state.kind == "out"
    assert state.seconds_left == pytest.approx(5)


def test_a_ten_minute_session_with_pauses_lasts_exactly_its_planned_time() -> None:
    clock = FixedClock(datetime(2026, 11, 21, tzinfo=UTC))
    watch = Stopwatch(clock)
    pacer = Pacer([("in", 4), ("out", 6)], breaths=breaths_for_minutes(10, 10))
    watch.start()
    steps = 0
    while not pacer.at(watch.elapsed()).finished:
        clock.advance(0.033)  # a frame a thirtieth of a second, late or not
        steps += 1
        if steps % 1000 == 0:
            watch.pause()
            clock.advance(7)
            watch.start()
    assert watch.elapsed() == pytest.approx(600, abs=0.034)


def test_a_slower_pace_keeps_the_position_in_the_breath() -> None:
    pacer = Pacer([("in", 4), ("out", 6)], breaths=6)
    slower, elapsed = pacer.retimed(16.0, 1.5)  # breath 1, a third into the out-breath
    assert slower.cycle == pytest.approx(15)
    state = slower.at(elapsed)
    assert (state.breath, state.kind) == (1, "out")
    assert state.progress == pytest.approx(pacer.at(16.0).progress) == pytest.approx(1 / 3)


def test_pace_is_kept_within_calm_limits() -> None:
    assert clamp_pace(0.1) == PACE_MIN
    assert clamp_pace(9) == PACE_MAX
    assert clamp_pace(1.1000000001) == 1.1


def test_minutes_become_whole_breaths() -> None:
    assert breaths_for_minutes(1, 10) == 6
    assert breaths_for_minutes(1, 60) == 1
    assert breaths_for_minutes(1, 400) == 1


phase_strategy = st.lists(
    st.tuples(st.sampled_from(["in", "hold", "out"]), st.floats(1, 12)), min_size=1, max_size=6
).map(lambda rest: [("in", 3.0), *rest, ("out", 5.0)])


@settings(max_examples=200, deadline=None)
@given(
    phases=phase_strategy, breaths=st.integers(1, 20), t=st.floats(0, 1), pace=st.floats(0.6, 1.6)
)
def test_any_valid_pattern_is_well_behaved_at_any_time(phases, breaths, t, pace) -> None:
    pacer = Pacer(phases, breaths=breaths, pace=pace)
    elapsed = t * pacer.total
    state = pacer.at(elapsed)
    assert 0 <= state.fullness <= 1
    assert 0 <= state.progress <= 1 or state.finished
    assert 0 <= state.seconds_left <= max(s for _, s in pacer.phases) + 1e-9
    assert state.finished == (elapsed >= pacer.total - 1e-9)
    if not state.finished:
        assert elapsed < pacer.next_change(elapsed) <= pacer.total + 1e-9
        assert pacer.phases[state.phase_index][0] == state.kind
        assert 0 <= state.breath < breaths


def test_ease_is_slow_at_both_ends() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9
