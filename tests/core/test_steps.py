"""Small steps as pure changes of the state: plan, done, smaller, move, let go, ladders."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from durf.core.state import State, StepDraft, StepReflection
from durf.core.steps import (
    StepError,
    desire_key,
    draft_has_words,
    drop_draft,
    earlier_desires,
    edit_step,
    find_step,
    keep_reflection,
    ladder_view,
    let_go,
    make_smaller,
    mark_done,
    merge_draft,
    move_target,
    move_to_next_week,
    plan_step,
    reopen,
    rung_of,
    save_draft,
    steps_in_week,
    weeks_with_steps,
)
from durf.core.weeks import Week
from tests.core.factories import AMSTERDAM_WINTER

NOW = datetime(2026, 11, 19, 20, 0, tzinfo=AMSTERDAM_WINTER)
THIS_WEEK = Week(2026, 47)


def draft(
    challenge: str = "Ask Sam one question about the report",
    desire: str = "Ask for help without shame",
    **fields: object,
) -> StepDraft:
    """A guide filled in as far as planning."""
    return StepDraft(
        started_at=NOW - timedelta(minutes=6),
        updated_at=NOW,
        page=5,
        answers={
            "thoughts": "They will think I can't do my job.",
            "fear": "That Sam goes quiet.",
            "accept": "It is scary, and allowed.",
            "desire": desire,
            "challenge": challenge,
        },
        **fields,  # type: ignore[arg-type]
    )


def planned(state: State | None = None, **fields: object) -> tuple[State, str]:
    """A state with one step planned this week through the guide."""
    return plan_step(state or State(), draft(**fields), THIS_WEEK, NOW, NOW - timedelta(minutes=6))


def reflection(felt: int | None = 3) -> StepReflection:
    return StepReflection(
        what_happened="I asked.",
        their_reaction="Kind.",
        learned="Asking is normal.",
        scariness_after=felt,
        written_at=NOW,
    )


# -- planning ------------------------------------------------------------------------


def test_planning_keeps_every_answer_as_typed_and_clears_the_draft() -> None:
    typed = "Tell Mia  [b]not[/b] everything\nonly that I'm tired 😶"
    state = save_draft(State(), draft(challenge=typed, with_whom="Mia", scariness=6))
    state, step_id = plan_step(state, state.step_draft, THIS_WEEK, NOW)
    step = find_step(state, step_id)
    assert step.what == typed
    assert step.with_whom == "Mia"
    assert step.scariness == 6
    assert step.week == "2026-W47"
    assert step.status == "planned"
    assert step.guide["fear"] == "That Sam goes quiet."
    assert "challenge" not in step.guide
    assert state.step_draft is None


def test_planning_counts_as_practice_in_the_history() -> None:
    state, step_id = planned()
    (record,) = state.history
    assert record.exercise == "step"
    assert record.details["step_id"] == step_id
    assert record.ended_at - record.started_at == timedelta(minutes=6)


def test_a_step_needs_words() -> None:
    with pytest.raises(StepError):
        plan_step(State(), draft(challenge="   \n"), THIS_WEEK, NOW)


def test_trust_is_only_kept_when_a_person_is_named() -> None:
    state, step_id = planned(trusted="no")
    assert find_step(state, step_id).trusted is None
    state, step_id = planned(with_whom="Sam", trusted="unsure")
    assert find_step(state, step_id).trusted == "unsure"


def test_the_same_desire_written_again_continues_its_ladder() -> None:
    state, first = planned(desire="Ask for help without shame.")
    state, second = planned(state, desire="  ask for HELP without   shame ")
    state, third = planned(state, desire="Say no to extra work")
    assert find_step(state, first).ladder_id == find_step(state, second).ladder_id
    assert find_step(state, third).ladder_id != find_step(state, first).ladder_id
    assert len(state.ladders) == 2
    assert state.ladders[0].desire == "Ask for help without shame."


def test_desires_compare_without_accents_case_or_end_punctuation() -> None:
    assert desire_key("Één keer NEE zeggen!") == desire_key("een keer nee zeggen")
    assert desire_key("Say no") != desire_key("Say yes")


def test_earlier_desires_come_most_recently_climbed_first() -> None:
    state, _ = planned(desire="First")
    state, _ = planned(state, desire="Second")
    later = NOW + timedelta(days=1)
    state, _ = plan_step(state, draft(desire="First"), THIS_WEEK, later)
    assert [ladder.desire for ladder in earlier_desires(state)] == ["First", "Second"]


def test_the_draft_can_be_kept_and_dropped() -> None:
    kept = save_draft(State(), draft())
    assert kept.step_draft.answers["fear"] == "That Sam goes quiet."
    assert drop_draft(kept).step_draft is None


# -- what becomes of a step ------------------------------------------------------------


def test_done_keeps_the_reflection_and_counts_as_practice() -> None:
    state, step_id = planned(scariness=7)
    state = mark_done(state, step_id, reflection(felt=3), NOW, NOW - timedelta(minutes=2))
    step = find_step(state, step_id)
    assert step.status == "done"
    assert step.reflection.learned == "Asking is normal."
    assert state.history[-1].details == {
        "part": "reflection",
        "step_id": step_id,
        "scariness": 7,
        "scariness_after": 3,
    }


def test_a_reflection_can_be_kept_without_marking_the_step_done() -> None:
    state, step_id = planned()
    state = keep_reflection(state, step_id, reflection())
    step = find_step(state, step_id)
    assert step.status == "planned"
    assert step.reflection.what_happened == "I asked."


def test_making_smaller_links_a_new_step_on_the_same_ladder() -> None:
    state, big = planned(with_whom="Sam", sentence="Can I ask you something?", scariness=9, day=4)
    state, small = make_smaller(state, big, "Send Sam one line", THIS_WEEK, NOW, scariness=4)
    original, smaller = find_step(state, big), find_step(state, small)
    assert original.status == "smaller"
    assert smaller.status == "planned"
    assert smaller.smaller_of == big
    assert smaller.ladder_id == original.ladder_id
    assert smaller.what == "Send Sam one line"
    assert smaller.scariness == 4
    assert smaller.day is None
    assert smaller.with_whom == "Sam"
    assert smaller.sentence == "Can I ask you something?"
    assert [step.id for step in steps_in_week(state, THIS_WEEK)] == [big, small]


def test_a_smaller_step_needs_words_and_only_known_details() -> None:
    state, big = planned()
    with pytest.raises(StepError):
        make_smaller(state, big, " ", THIS_WEEK, NOW)
    with pytest.raises(StepError):
        make_smaller(state, big, "Smaller", THIS_WEEK, NOW, status="done")
    assert find_step(state, big).status == "planned"


def test_moving_carries_the_step_to_next_week() -> None:
    state, step_id = planned(day=3)
    state, moved = move_to_next_week(state, step_id, THIS_WEEK, NOW)
    assert find_step(state, step_id).status == "moved"
    carried = find_step(state, moved)
    assert carried.week == "2026-W48"
    assert carried.moved_from == step_id
    assert carried.status == "planned"
    assert carried.day is None
    assert steps_in_week(state, THIS_WEEK.shifted(1)) == [carried]


def test_an_old_step_moves_to_this_week_not_into_the_past() -> None:
    state, step_id = plan_step(State(), draft(), Week(2026, 40), NOW)
    assert move_target(find_step(state, step_id), THIS_WEEK) == THIS_WEEK
    state, moved = move_to_next_week(state, step_id, THIS_WEEK, NOW)
    assert find_step(state, moved).week == "2026-W47"


def test_a_step_moved_at_the_end_of_the_year_lands_in_week_one() -> None:
    last = Week(2026, 53)
    state, step_id = plan_step(State(), draft(), last, NOW)
    state, moved = move_to_next_week(state, step_id, last, NOW)
    assert find_step(state, moved).week == "2027-W01"


def test_let_go_and_reopen() -> None:
    state, step_id = planned()
    state = let_go(state, step_id, NOW)
    assert find_step(state, step_id).status == "not_this_time"
    state = reopen(state, step_id, NOW)
    assert find_step(state, step_id).status == "planned"


def test_reopening_a_done_step_keeps_its_reflection() -> None:
    state, step_id = planned()
    state = mark_done(state, step_id, reflection(), NOW, NOW)
    state = reopen(state, step_id, NOW)
    step = find_step(state, step_id)
    assert step.status == "planned"
    assert step.reflection.learned == "Asking is normal."


@pytest.mark.parametrize("status_change", ["done", "smaller", "moved", "let_go"])
def test_only_a_planned_step_changes_status(status_change: str) -> None:
    state, step_id = planned()
    state = let_go(state, step_id, NOW)
    changes = {
        "done": lambda s: mark_done(s, step_id, reflection(), NOW, NOW),
        "smaller": lambda s: make_smaller(s, step_id, "Less", THIS_WEEK, NOW),
        "moved": lambda s: move_to_next_week(s, step_id, THIS_WEEK, NOW),
        "let_go": lambda s: let_go(s, step_id, NOW),
    }
    with pytest.raises(StepError):
        changes[status_change](state)


def test_moved_and_smaller_steps_cannot_be_reopened() -> None:
    state, step_id = planned()
    state, _ = move_to_next_week(state, step_id, THIS_WEEK, NOW)
    with pytest.raises(StepError):
        reopen(state, step_id, NOW)


def test_editing_changes_only_what_a_step_says() -> None:
    state, step_id = planned()
    state = edit_step(state, step_id, what="Ask Sam two questions", day=5)
    step = find_step(state, step_id)
    assert (step.what, step.day, step.status) == ("Ask Sam two questions", 5, "planned")
    with pytest.raises(StepError):
        edit_step(state, step_id, status="done")
    with pytest.raises(StepError):
        edit_step(state, step_id, what="")


def test_weeks_with_steps_in_order() -> None:
    state, _ = plan_step(State(), draft(), Week(2027, 1), NOW)
    state, _ = plan_step(state, draft(), Week(2026, 52), NOW)
    assert weeks_with_steps(state) == [Week(2026, 52), Week(2027, 1)]


# -- the ladder --------------------------------------------------------------------------


def test_the_ladder_shows_done_current_and_expected_against_felt() -> None:
    state, first = planned(scariness=8)
    state, smaller = make_smaller(state, first, "Smaller", THIS_WEEK, NOW, scariness=5)
    state = mark_done(state, smaller, reflection(felt=2), NOW, NOW)
    state, moved = planned(state, challenge="Next rung", scariness=6)
    state, carried = move_to_next_week(state, moved, THIS_WEEK, NOW)
    view = ladder_view(state, find_step(state, first).ladder_id)
    assert [rung.step.id for rung in view.rungs] == [first, smaller, carried]
    assert view.done == 1
    assert view.current.id == carried
    assert [(rung.predicted, rung.felt) for rung in view.rungs] == [(8, None), (5, 2), (6, None)]


def test_a_step_moved_twice_stands_on_the_ladder_where_it_ended_up() -> None:
    state, first = planned()
    state, second = move_to_next_week(state, first, THIS_WEEK, NOW)
    state, third = move_to_next_week(state, second, THIS_WEEK, NOW)
    assert rung_of(state, first) == third
    assert rung_of(state, third) == third
    view = ladder_view(state, find_step(state, first).ladder_id)
    assert [rung.step.id for rung in view.rungs] == [third]


def test_a_reopened_step_shows_no_felt_scariness() -> None:
    state, step_id = planned(scariness=6)
    state = mark_done(state, step_id, reflection(felt=2), NOW, NOW)
    state = reopen(state, step_id, NOW)
    view = ladder_view(state, find_step(state, step_id).ladder_id)
    assert view.rungs[0].felt is None
    assert view.done == 0


# -- any sequence of changes keeps the board consistent --------------------------------------

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["plan", "done", "smaller", "move", "let_go", "reopen"]), st.integers(0, 20)
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(ACTIONS)
def test_any_sequence_of_changes_keeps_links_and_statuses_consistent(actions) -> None:  # type: ignore[no-untyped-def]
    state = State()
    this_week = THIS_WEEK
    for action, pick in actions:
        if action == "plan" or not state.steps:
            state, _ = plan_step(state, draft(desire=f"desire {pick % 3}"), this_week, NOW)
            continue
        step = state.steps[pick % len(state.steps)]
        change = {
            "done": lambda s, i=step.id: mark_done(s, i, reflection(), NOW, NOW),
            "smaller": lambda s, i=step.id: make_smaller(s, i, "less", this_week, NOW)[0],
            "move": lambda s, i=step.id: move_to_next_week(s, i, this_week, NOW)[0],
            "let_go": lambda s, i=step.id: let_go(s, i, NOW),
            "reopen": lambda s, i=step.id: reopen(s, i, NOW),
        }[action]
        with contextlib.suppress(StepError):
            state = change(state)
    ids = {step.id for step in state.steps}
    ladders = {ladder.id for ladder in state.ladders}
    assert len(ids) == len(state.steps)
    for step in state.steps:
        assert step.ladder_id in ladders
        for link in (step.smaller_of, step.moved_from):
            if link is not None:
                assert link in ids
                assert find_step(state, link).status in ("smaller", "moved")
        if step.status in ("smaller", "moved"):
            # Every step that gave way has exactly one follow-up carrying it on.
            followers = [s for s in state.steps if step.id in (s.smaller_of, s.moved_from)]
            assert len(followers) == 1
    # What was typed in the guide is never lost along the way.
    assert all(step.what for step in state.steps)


# -- two windows on one draft --------------------------------------------------------------


def test_merging_keeps_every_word_from_both_windows() -> None:
    base = draft()
    base.answers = {"thoughts": "written in A"}
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    mine.answers["thoughts"] = "written in A and B adds this"
    theirs.answers["thoughts"] = "written in A A adds more"
    theirs.answers["fear"] = "only in A"
    mine.with_whom = "Sam"
    theirs.scariness = 7
    merged = merge_draft(base, mine, theirs)
    assert merged.answers["thoughts"] == "written in A A adds more\n\nwritten in A and B adds this"
    assert merged.answers["fear"] == "only in A"
    assert merged.with_whom == "Sam"
    assert merged.scariness == 7


def test_merging_takes_the_side_that_changed() -> None:
    base = draft()
    mine = base.model_copy(deep=True)
    mine.answers["fear"] = base.answers["fear"] + " And that I cry."
    assert merge_draft(base, mine, base).answers["fear"] == mine.answers["fear"]
    assert merge_draft(base, base, mine).answers["fear"] == mine.answers["fear"]
    assert merge_draft(base, mine, None) is mine  # the other window planned or discarded it


def test_only_a_draft_with_words_is_worth_keeping() -> None:
    empty = draft(challenge="", desire="")
    empty.answers = {"thoughts": "  \n"}
    assert not draft_has_words(empty)
    assert not draft_has_words(None)
    assert draft_has_words(draft())


@pytest.mark.parametrize("week", ["2025-W53", "2026-W00", "2026-W54"])
def test_a_week_that_does_not_exist_is_refused_when_the_file_is_read(week: str) -> None:
    from pydantic import ValidationError

    state, _ = planned()
    document = state.model_dump(mode="json")
    document["steps"][0]["week"] = week
    with pytest.raises(ValidationError, match="no ISO week"):
        State.model_validate(document)
