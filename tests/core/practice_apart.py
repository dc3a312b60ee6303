"""Practice on two computers that do not hear from each other: random, but like a person's.

Each action is what the app would save for one thing a user does, built with the
same core functions the app uses.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import uuid4

from hypothesis import strategies as st

from durf.core.affirm import add_own, delete_own, edit_own, toggle_favourite
from durf.core.breathing import follow_up
from durf.core.state import HonestSentence, State, StepDraft, StepReflection
from durf.core.steps import StepError, mark_done, plan_step
from durf.core.sync.merging import stamp_settings
from durf.core.weeks import Week
from tests.core.factories import AMSTERDAM_WINTER, session

START = datetime(2026, 11, 30, 8, 0, tzinfo=AMSTERDAM_WINTER)

WORDS = st.text(
    alphabet=st.sampled_from("abc de’ ‘ij Éé 🌱[/]*\n"), min_size=1, max_size=12
).filter(lambda text: text.strip() != "")

ACTION = st.one_of(
    st.tuples(st.just("session")),
    st.tuples(st.just("own"), WORDS),
    st.tuples(st.just("edit_own"), st.integers(0, 5), WORDS),
    st.tuples(st.just("archive_own"), st.integers(0, 5)),
    st.tuples(st.just("delete_own"), st.integers(0, 5)),
    st.tuples(st.just("favourite"), st.sampled_from(["set/a", "set/b", "set/c", "own/x"])),
    st.tuples(st.just("sentence"), WORDS),
    st.tuples(st.just("said"), st.integers(0, 5)),
    st.tuples(st.just("step"), WORDS, WORDS),
    st.tuples(st.just("done"), st.integers(0, 5), WORDS),
    st.tuples(st.just("setting"), st.sampled_from(["nl", "en"]), st.integers(1, 20)),
)
"""One thing a user does; numbers pick among the things there are (modulo their count)."""

PRACTICE = st.lists(
    st.tuples(ACTION, st.integers(min_value=0, max_value=90)), min_size=0, max_size=12
)
"""A stretch of practice: actions, each some minutes (0 included: same-time ties) after the last."""


def practise(state: State, actions: list[tuple[tuple[object, ...], int]], start: datetime) -> State:
    """Apply ``actions`` to ``state`` from ``start``, as the app would save them."""
    when = start
    for action, minutes in actions:
        when += timedelta(minutes=minutes)
        state = _apply(state, action, when)
    return state


def _pick(items: list[object], number: object) -> object | None:
    return items[int(number) % len(items)] if items else None  # type: ignore[call-overload]


def _apply(state: State, action: tuple[object, ...], when: datetime) -> State:
    kind, *args = action
    if kind == "session":
        record = session(when, minutes=4, tension_before=6, tension_after=4)
        return state.model_copy(update={"history": [*state.history, record]})
    if kind == "own":
        return add_own(state, str(args[0]), when)
    own = _pick(list(state.own_affirmations), args[0]) if kind.endswith("_own") else None
    if kind == "edit_own":
        return edit_own(state, own.id, text=str(args[1])) if own else state  # type: ignore[attr-defined]
    if kind == "archive_own":
        return edit_own(state, own.id, archived=True) if own else state  # type: ignore[attr-defined]
    if kind == "delete_own":
        return delete_own(state, own.id) if own else state  # type: ignore[attr-defined]
    if kind == "favourite":
        return toggle_favourite(state, str(args[0]))
    if kind == "sentence":
        sentence = HonestSentence(id=uuid4().hex, text=str(args[0]), created_at=when)
        return state.model_copy(update={"sentences": [*state.sentences, sentence]})
    if kind == "said":
        sentence = _pick(list(state.sentences), args[0])
        return follow_up(state, sentence.id, "said", when) if sentence else state  # type: ignore[attr-defined]
    if kind == "step":
        draft = StepDraft(
            started_at=when,
            updated_at=when,
            answers={"desire": str(args[0]), "challenge": str(args[1])},
        )
        return plan_step(state, draft, Week.of(when.date()), when)[0]
    if kind == "done":
        step = _pick([s for s in state.steps if s.status == "planned"], args[0])
        if step is None:
            return state
        reflection = StepReflection(what_happened=str(args[1]), written_at=when)
        try:
            return mark_done(state, step.id, reflection, when, when)  # type: ignore[attr-defined]
        except StepError:
            return state
    if kind == "setting":
        language, count = args
        settings = state.settings.model_copy(update={"language": language, "breath_count": count})
        return stamp_settings(state, state.model_copy(update={"settings": settings}), when)
    raise AssertionError(f"unknown action {kind}")


def merged_parts(state: State) -> dict[str, object]:
    """What two computers must agree on after merging each other's copies."""
    return {
        "history": state.history,
        "steps": state.steps,
        "sentences": state.sentences,
        "ladders": state.ladders,
        "own_affirmations": state.own_affirmations,
        "favourite_affirmations": state.favourite_affirmations,
    }
