"""Merging a sync tool's conflict copy: symmetric, idempotent, nothing lost (issue 20)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings

from durf.core.state import Settings, State
from durf.core.sync.merging import merge_copy, merge_settings, stamp_settings
from tests.core.practice_apart import PRACTICE, START, merged_parts, practise

QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
THOROUGH = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def two_computers(before: list, laptop: list, desktop: list) -> tuple[State, State]:
    """One home practised together, then apart on two computers."""
    shared = practise(State(), before, START)
    apart = START + timedelta(days=2)
    return practise(shared, laptop, apart), practise(shared, desktop, apart)


def check_symmetric_and_idempotent(before: list, laptop: list, desktop: list) -> None:
    a, b = two_computers(before, laptop, desktop)
    a_then_b, _ = merge_copy(a, b)
    b_then_a, _ = merge_copy(b, a)
    assert merged_parts(a_then_b) == merged_parts(b_then_a)
    # Nothing lost: every id either side had is there once.
    for kind in ("history", "steps", "sentences", "ladders", "own_affirmations"):
        ids = [record.id for record in getattr(a_then_b, kind)]
        assert len(ids) == len(set(ids))
        assert set(ids) == {r.id for r in getattr(a, kind)} | {r.id for r in getattr(b, kind)}
    assert set(a_then_b.favourite_affirmations) == set(a.favourite_affirmations) | set(
        b.favourite_affirmations
    )
    # The same copy merged again (the other computer's, or the merged result) changes nothing.
    again, report = merge_copy(a_then_b, b)
    assert again == a_then_b
    assert not report.changes_anything
    assert merge_copy(a_then_b, b_then_a)[0] == a_then_b


@QUICK
@given(PRACTICE, PRACTICE, PRACTICE)
def test_two_computers_merging_each_others_copies_hold_the_same(
    before: list, laptop: list, desktop: list
) -> None:
    check_symmetric_and_idempotent(before, laptop, desktop)


@pytest.mark.slow
@THOROUGH
@given(PRACTICE, PRACTICE, PRACTICE)
def test_two_computers_merging_each_others_copies_hold_the_same_thoroughly(
    before: list, laptop: list, desktop: list
) -> None:
    check_symmetric_and_idempotent(before, laptop, desktop)


def test_a_step_done_on_both_computers_keeps_the_later_look_back() -> None:
    before = [(("step", "Ask for help", "Ask Sam one question"), 0)]
    a, b = two_computers(
        before,
        [(("done", 0, "Sam helped at once."), 10)],
        [(("done", 0, "I asked on Friday."), 30)],
    )
    merged, report = merge_copy(a, b)
    [step] = merged.steps
    assert step.status == "done"
    assert step.reflection is not None and step.reflection.what_happened == "I asked on Friday."
    assert report.merge.taken == 1
    # Both look-backs were practice: both sessions stay in the history.
    assert len([r for r in merged.history if r.exercise == "step"]) == 3


def test_each_setting_takes_the_later_change_and_says_which() -> None:
    base = State()
    here = stamp_settings(
        base,
        base.model_copy(update={"settings": Settings(language="nl")}),
        START + timedelta(hours=2),
    )
    there = stamp_settings(
        base,
        base.model_copy(update={"settings": Settings(language="en", breath_count=9)}),
        START + timedelta(hours=1),
    )
    settings_here, taken = merge_settings(here.settings, there.settings)
    # The language was changed later here; the breaths only there.
    assert settings_here.language == "nl"
    assert settings_here.breath_count == 9
    assert taken == ("breath_count",)
    _, report = merge_copy(here, there)
    assert report.settings_taken == ("breath_count",)


def test_settings_without_times_keep_the_ones_here() -> None:
    """Files from before the times were kept: nothing says which is newer, so nothing moves."""
    here = State(settings=Settings(language="nl"), history=[])
    there = State(settings=Settings(language="en"))
    merged, report = merge_copy(here.model_copy(update={"own_affirmations": []}), there)
    assert merged.settings.language == "nl"
    assert report.settings_taken == ()


def test_a_setting_restored_with_its_time_keeps_that_time() -> None:
    stamped = stamp_settings(State(), State(settings=Settings(language="nl")), START)
    later = START + timedelta(days=3)
    # An import brings the settings with their times: they were changed then, not now.
    again = stamp_settings(State(), stamped, later)
    assert again.settings.changed_at == {"language": START}
