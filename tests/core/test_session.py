"""The session planner and the session's record: pure functions over hand-made state."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest

from durf.core.affirm import Item
from durf.core.progress import BeliefRating, practice_of
from durf.core.session import (
    GUIDE_SECONDS,
    MAX_AFFIRMATIONS,
    MAX_BREATHS,
    MAX_MINUTES,
    MIN_MINUTES,
    PART_OF,
    PartResult,
    SessionPlan,
    SessionRun,
    keep_session,
    latest_beliefs,
    part_record,
    plan_session,
    practice_order,
    question_for_today,
    skip_rest,
    step_to_mark,
    within_session,
)
from durf.core.state import HonestSentence, State, Step, StepDraft
from tests.core.factories import AMSTERDAM_WINTER, session

NOW = datetime(2026, 11, 19, 8, 0, tzinfo=AMSTERDAM_WINTER)  # a Thursday, week 47
TODAY = NOW.date()
ITEMS = [Item(f"set/{name}", f"Affirmation {name}") for name in "abcdef"]
PROMPTS = ["reflection/one", "reflection/two", "reflection/three"]


def plan(state: State | None = None, minutes: int = 10, **options: object) -> SessionPlan:
    """A plan with the bundled defaults: 10-second breaths and affirmations."""
    arguments: dict[str, object] = {
        "minutes": minutes,
        "today": TODAY,
        "breath_cycle": 10.0,
        "pattern_id": "calm-long-exhale",
        "affirmations": ITEMS,
        "seconds_each": 10,
        "prompts": PROMPTS,
    }
    arguments.update(options)
    return plan_session(state or State(), **arguments)  # type: ignore[arg-type]


def step(week: str = "2026-W47", status: str = "planned", **fields: object) -> Step:
    return Step(
        id=fields.pop("id", f"step-{week}-{status}"),  # type: ignore[arg-type]
        ladder_id="ladder",
        week=week,
        what="Ask Sam one question after the meeting",
        status=status,  # type: ignore[arg-type]
        created_at=NOW - timedelta(days=3),
        **fields,  # type: ignore[arg-type]
    )


def sentence(text: str, *, days_ago: int, checked_days_ago: int | None = None) -> HonestSentence:
    return HonestSentence(
        id=text,
        text=text,
        created_at=NOW - timedelta(days=days_ago),
        checked_at=None if checked_days_ago is None else NOW - timedelta(days=checked_days_ago),
    )


def asked(day: date, key: str) -> object:
    """A session on ``day`` that asked the question ``key``."""
    started = datetime.combine(day, NOW.time(), AMSTERDAM_WINTER)
    return session(started, exercise="session", question={"key": key, "text": "", "answer": ""})


# -- the plan --------------------------------------------------------------------------


def test_a_first_session_plans_the_guide_and_no_question() -> None:
    first = plan()
    assert first.kinds == ("checkin", "breathe", "affirm", "guide", "checkout")
    guide = first.parts[3]
    assert guide.seconds == GUIDE_SECONDS and not guide.resume


@pytest.mark.parametrize("minutes", [3, 5, 10, 15, 20, 30])
@pytest.mark.parametrize("with_a_step", [True, False], ids=["a step to mark", "the guide"])
def test_the_plan_fits_the_minutes_asked(minutes: int, with_a_step: bool) -> None:
    state = State(steps=[step()] if with_a_step else [])
    planned = plan(state, minutes)
    assert planned.seconds <= minutes * 60 + 10
    # Up to half an hour at the bundled rhythm, the time asked is all used, or nearly.
    assert planned.seconds >= minutes * 60 - 150


def test_quick_rhythms_plan_less_than_a_long_session_asks() -> None:
    quick = plan(State(steps=[step()]), 30, breath_cycle=4.0, seconds_each=5)
    assert quick.parts[1].breaths == MAX_BREATHS
    assert len(quick.parts[2].affirmations) == MAX_AFFIRMATIONS
    assert quick.seconds < 25 * 60  # the plan screen says so, rather than promise 30


def test_more_minutes_give_more_breaths_and_affirmations() -> None:
    state = State(steps=[step()])
    short, long = plan(state, 5), plan(state, 20)
    assert long.parts[1].breaths > short.parts[1].breaths
    assert len(long.parts[2].affirmations) > len(short.parts[2].affirmations)


def test_minutes_outside_the_range_are_brought_within_it() -> None:
    assert plan(minutes=1).minutes == MIN_MINUTES
    assert plan(minutes=90).minutes == MAX_MINUTES


def test_three_minutes_still_breathe_and_affirm_a_little() -> None:
    tiny = plan(State(steps=[step()]), 3)
    assert tiny.kinds == ("checkin", "breathe", "affirm", "checkout")
    assert tiny.parts[1].breaths >= 3
    assert len(tiny.parts[2].affirmations) >= 2


def test_a_planned_step_this_week_is_looked_at_with_a_question() -> None:
    planned = plan(State(steps=[step()]))
    assert planned.kinds == ("checkin", "breathe", "affirm", "step", "question", "checkout")
    assert planned.parts[3].step_id == "step-2026-W47-planned"


def test_of_two_steps_this_week_the_earliest_day_comes_first() -> None:
    later = step(id="friday", day=5)
    sooner = step(id="tuesday", day=2)
    assert step_to_mark(State(steps=[later, sooner]), TODAY).id == "tuesday"


def test_a_step_left_open_from_an_earlier_week_is_looked_at() -> None:
    old = step("2026-W45")
    assert plan(State(steps=[old])).parts[3].step_id == old.id


def test_of_steps_left_open_from_earlier_weeks_the_latest_week_is_looked_at() -> None:
    long_ago = step("2026-W40", id="long-ago")
    last_week = step("2026-W46", id="last-week")
    older = step("2026-W44", id="older")
    state = State(steps=[long_ago, last_week, older])
    assert step_to_mark(state, TODAY).id == "last-week"
    assert plan(state).parts[3].step_id == "last-week"


def test_a_step_without_a_day_comes_after_the_steps_planned_for_a_day() -> None:
    # Created first, so only its missing day can put it last.
    any_day = step(id="any-day").model_copy(update={"created_at": NOW - timedelta(days=6)})
    saturday = step(id="saturday", day=6)
    state = State(steps=[any_day, saturday])
    assert step_to_mark(state, TODAY).id == "saturday"
    assert plan(state).parts[3].step_id == "saturday"
    assert step_to_mark(State(steps=[any_day]), TODAY).id == "any-day"


def test_a_step_planned_for_a_later_week_is_not_this_weeks() -> None:
    later = step("2026-W49")
    assert step_to_mark(State(steps=[later]), TODAY) is None


def test_a_draft_guide_is_carried_on_rather_than_started_anew() -> None:
    draft = StepDraft(started_at=NOW, updated_at=NOW, answers={"thoughts": "They will laugh"})
    guide = plan(State(step_draft=draft)).parts[3]
    assert guide.kind == "guide" and guide.resume


def test_an_empty_draft_starts_the_guide_afresh() -> None:
    draft = StepDraft(started_at=NOW, updated_at=NOW, answers={"thoughts": "  "})
    assert not plan(State(step_draft=draft)).parts[3].resume


def test_a_week_whose_step_is_done_plans_no_new_guide_but_a_sentence() -> None:
    state = State(steps=[step(status="done")], sentences=[sentence("I need help", days_ago=2)])
    planned = plan(state)
    assert "guide" not in planned.kinds
    assert planned.parts[3].kind == "sentence"
    assert planned.parts[3].sentence_id == "I need help"
    assert "question" in planned.kinds


def test_the_sentence_asked_about_longest_ago_comes_first() -> None:
    state = State(
        steps=[step(status="done")],
        sentences=[
            sentence("asked yesterday", days_ago=9, checked_days_ago=1),
            sentence("never asked", days_ago=4),
            sentence("said", days_ago=20),
        ],
    )
    state.sentences[2].status = "said"
    assert plan(state).parts[3].sentence_id == "never asked"


def test_when_the_guide_does_not_fit_an_open_sentence_is_followed_up() -> None:
    state = State(sentences=[sentence("I made a mistake", days_ago=1)])
    assert plan(state, 5).kinds == ("checkin", "breathe", "affirm", "sentence", "checkout")


def test_without_affirmations_the_time_goes_to_breathing() -> None:
    planned = plan(State(steps=[step()]), affirmations=[])
    assert "affirm" not in planned.kinds
    assert planned.parts[1].breaths > plan(State(steps=[step()])).parts[1].breaths


def test_without_a_breathing_pattern_there_is_no_breathing() -> None:
    planned = plan(State(steps=[step()]), pattern_id="")
    assert "breathe" not in planned.kinds
    assert planned.seconds >= 10 * 60 - 60


def test_a_long_first_session_has_room_for_the_guide_and_a_question() -> None:
    assert plan(minutes=20).kinds == (
        "checkin",
        "breathe",
        "affirm",
        "guide",
        "question",
        "checkout",
    )


@pytest.mark.parametrize("minutes", range(12, 18))
def test_a_session_under_eighteen_minutes_with_the_guide_asks_no_question(minutes: int) -> None:
    # The guide is reflection enough: the time goes to breathing and affirmations.
    planned = plan(minutes=minutes)
    assert planned.kinds == ("checkin", "breathe", "affirm", "guide", "checkout")
    assert planned.seconds >= minutes * 60 - 150
    assert "question" in plan(minutes=18).kinds


def test_without_questions_there_is_no_question_part() -> None:
    assert "question" not in plan(State(steps=[step()]), prompts=[]).kinds


# -- affirmations: the one believed least first, then favourites ----------------------


def rated(key: str, before: int | None, after: int | None, day: int = 0) -> object:
    return session(
        NOW - timedelta(days=10 - day),
        exercise="affirm",
        belief={"key": key, "before": before, "after": after},
    )


def test_the_affirmation_believed_least_comes_first_then_favourites() -> None:
    state = State(
        history=[rated("set/b", 6, 7), rated("set/d", 3, 2), rated("set/e", 5, None)],
        favourite_affirmations=["set/f", "set/c"],
    )
    order = practice_order(state, ITEMS)
    assert order[:3] == ["set/d", "set/c", "set/f"]
    assert sorted(order) == [item.key for item in ITEMS]


def test_favourites_come_first_when_nothing_was_rated() -> None:
    state = State(favourite_affirmations=["set/e"])
    assert practice_order(state, ITEMS)[0] == "set/e"
    assert plan(state).parts[2].affirmations[0] == "set/e"


def test_the_latest_rating_counts_and_odd_ratings_are_ignored() -> None:
    history = [
        rated("set/a", 2, 3, day=0),
        rated("set/a", 8, 9, day=1),
        session(NOW, exercise="affirm", belief={"key": "set/b", "before": "low", "after": 11}),
        session(NOW, exercise="affirm", belief="not a dict"),
    ]
    assert latest_beliefs(history) == {"set/a": 9}


def test_few_affirmations_come_round_again() -> None:
    two = ITEMS[:2]
    planned = plan(State(steps=[step()]), 15, affirmations=two)
    keys = planned.parts[2].affirmations
    assert len(keys) > 2 and set(keys) == {"set/a", "set/b"}


# -- the question: rotating, never the same two days running ---------------------------


def test_the_first_question_is_the_first_in_the_files() -> None:
    assert question_for_today([], PROMPTS, TODAY) == PROMPTS[0]


def test_the_next_day_brings_the_next_question_and_wraps_round() -> None:
    yesterday = TODAY - timedelta(days=1)
    assert question_for_today([asked(yesterday, PROMPTS[0])], PROMPTS, TODAY) == PROMPTS[1]
    assert question_for_today([asked(yesterday, PROMPTS[2])], PROMPTS, TODAY) == PROMPTS[0]


def test_a_second_session_on_the_same_day_asks_the_same_question() -> None:
    history = [asked(TODAY - timedelta(days=1), PROMPTS[0]), asked(TODAY, PROMPTS[1])]
    assert question_for_today(history, PROMPTS, TODAY) == PROMPTS[1]


def test_no_question_repeats_on_consecutive_days_over_a_month() -> None:
    history: list[object] = []
    day = TODAY
    asked_on: list[str] = []
    for offset in range(30):
        day = TODAY + timedelta(days=offset)
        key = question_for_today(history, PROMPTS, day)  # type: ignore[arg-type]
        asked_on.append(key)  # type: ignore[arg-type]
        if offset % 4 != 3:  # some days without a session
            history.append(asked(day, key))  # type: ignore[arg-type]
    practised = [asked_on[i] for i in range(30) if i % 4 != 3]
    assert all(a != b for a, b in pairwise(practised))
    assert set(practised) == set(PROMPTS)


def test_a_question_whose_file_is_gone_starts_the_round_again() -> None:
    history = [asked(TODAY - timedelta(days=1), "removed/question")]
    assert question_for_today(history, PROMPTS, TODAY) == PROMPTS[0]


# -- the session's record, and the figures that count it -------------------------------


def a_run(minutes: int = 10) -> SessionRun:
    return SessionRun(plan(State(steps=[step()]), minutes), started_at=NOW)


def breathing_part(run: SessionRun, started: datetime) -> object:
    return session(started, minutes=2, exercise="breathe", tension_before=None)


def test_a_part_saved_during_a_session_is_tied_to_it_and_the_session_kept() -> None:
    run = a_run()
    run.tension_before = 7
    run.results.append(PartResult("checkin", "done"))
    before = State()
    part = breathing_part(run, NOW + timedelta(minutes=1))
    after = before.model_copy(update={"history": [part]})
    state = within_session(before, after, run, NOW + timedelta(minutes=3))
    kept_part, record = state.history
    assert kept_part.details[PART_OF] == run.id
    assert record.id == run.id and record.exercise == "session" and not record.completed
    assert record.details["tension_before"] == 7
    assert part_record(state, run, "breathe") == kept_part.id


def test_a_change_with_nothing_done_keeps_no_empty_session() -> None:
    run = a_run()
    state = State()
    assert within_session(state, state, run, NOW) is state


def test_the_session_record_is_updated_in_place_not_added_twice() -> None:
    run = a_run()
    run.tension_before = 5
    state = keep_session(State(), run, NOW + timedelta(minutes=1))
    run.results.append(PartResult("checkin", "done"))
    run.tension_after = 2
    run.completed = True
    state = keep_session(state, run, NOW + timedelta(minutes=9))
    (record,) = state.history
    assert record.completed and record.details["tension_after"] == 2
    assert record.ended_at == NOW + timedelta(minutes=9)
    assert record.details["parts"] == [{"kind": "checkin", "status": "done"}]


def test_a_session_ended_early_lists_every_part_and_skips_the_rest() -> None:
    run = a_run()
    run.results += [PartResult("checkin", "done"), PartResult("breathe", "stopped")]
    skip_rest(run)
    statuses = [part["status"] for part in run.details()["parts"]]
    assert statuses == ["done", "stopped", "skipped", "skipped", "skipped", "skipped"]
    assert run.details()["planned"] == list(run.plan.kinds)


def test_the_figures_count_a_session_once_with_its_parts_inside() -> None:
    run = a_run()
    run.tension_before, run.tension_after = 8, 3
    part = session(NOW + timedelta(minutes=1), minutes=2, exercise="breathe")
    part.details[PART_OF] = run.id
    affirmations = session(
        NOW + timedelta(minutes=3),
        minutes=2,
        exercise="affirm",
        belief={"key": "set/a", "before": 4, "after": 6},
    )
    affirmations.details[PART_OF] = run.id
    state = keep_session(State(history=[part, affirmations]), run, NOW + timedelta(minutes=10))
    practice = practice_of(state.history, TODAY)
    assert practice.sessions == 1  # a session with its parts is one
    counts = {count.exercise: count for count in practice.exercises}
    assert counts["session"].sessions == 1 and counts["session"].minutes == 10
    assert counts["breathe"].sessions == 0 and counts["affirm"].sessions == 0
    assert practice.days[TODAY].minutes == pytest.approx(10)
    assert (practice.tension.before, practice.tension.after) == (8, 3)
    assert practice.belief_ratings == (BeliefRating(TODAY, 4, 6),)
