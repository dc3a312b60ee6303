"""What can happen to a planned step: done, made smaller, moved, let go, reopened, edited.

A step that did not happen is never a failure: each of these keeps it, linked to
what carries on.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from durf.core.ids import new_id
from durf.core.steps.status import OPEN_STATUSES, StepConflict, StepError, find_step
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.state import SessionRecord, State, Step, StepReflection


def _replace(
    state: State, changed: Step, *added: Step, history: list[SessionRecord] | None = None
) -> State:
    steps = [changed if step.id == changed.id else step for step in state.steps]
    update: dict[str, object] = {"steps": [*steps, *added]}
    if history is not None:
        update["history"] = history
    return state.model_copy(update=update)


def _open(state: State, step_id: str) -> Step:
    step = find_step(state, step_id)
    if step.status not in OPEN_STATUSES:
        raise StepConflict(f"step {step_id} is {step.status}, not planned")
    return step


def keep_reflection(state: State, step_id: str, reflection: StepReflection) -> State:
    """Keep a reflection written so far, without marking the step done."""
    step = find_step(state, step_id)
    return _replace(state, step.model_copy(update={"reflection": reflection}))


def mark_done(
    state: State, step_id: str, reflection: StepReflection, when: datetime, started_at: datetime
) -> State:
    """The step is done, with the user's look back; the reflection counts as practice."""
    from durf.core.state import SessionRecord

    step = _open(state, step_id)
    done = step.model_copy(update={"status": "done", "reflection": reflection, "changed_at": when})
    record = SessionRecord(
        id=new_id(),
        exercise="step",
        started_at=min(started_at, when),
        ended_at=when,
        completed=True,
        details={
            "part": "reflection",
            "step_id": step.id,
            "scariness": step.scariness,
            "scariness_after": reflection.scariness_after,
        },
    )
    return _replace(state, done, history=[*state.history, record])


SMALLER_DETAILS = frozenset({"scariness", "day", "with_whom", "trusted", "sentence"})
"""What the smaller step may say differently from the big one, besides its words."""


def make_smaller(
    state: State, step_id: str, what: str, week: Week, when: datetime, **details: object
) -> tuple[State, str]:
    """Replace a step by a smaller one on the same ladder; return the state and the new id.

    The smaller step starts from the big one's person and sentence, with its own
    words, and no day or scariness unless given in ``details``. The original stays
    on the board as "made smaller": it was a step too, just a big one.
    """
    if not what.strip():
        raise StepError("a smaller step needs words")
    unknown = set(details) - SMALLER_DETAILS
    if unknown:
        raise StepError(f"cannot set {', '.join(sorted(unknown))}")
    step = _open(state, step_id)
    smaller = step.model_copy(
        update={
            "id": new_id(),
            "week": str(week),
            "what": what,
            "scariness": None,
            "day": None,
            "guide": {},
            "status": "planned",
            "smaller_of": step.id,
            "moved_from": None,
            "created_at": when,
            "changed_at": None,
            "reflection": None,
            **details,
        }
    )
    original = step.model_copy(update={"status": "smaller", "changed_at": when})
    return _replace(state, original, smaller), smaller.id


def move_target(step: Step, this_week: Week) -> Week:
    """Where "next week" is for a step: the week after its own, but never in the past."""
    return max(Week.parse(step.week).shifted(1), this_week)


def move_to_next_week(
    state: State, step_id: str, this_week: Week, when: datetime
) -> tuple[State, str]:
    """Carry an unfinished step on to the next week; return the state and the new id."""
    step = _open(state, step_id)
    target = move_target(step, this_week)
    carried = step.model_copy(
        update={
            "id": new_id(),
            "week": str(target),
            "day": None,
            "status": "planned",
            "moved_from": step.id,
            "smaller_of": None,
            "created_at": when,
            "changed_at": None,
            # The look back belongs to the week it was written in; next week's try
            # gets a fresh one.
            "reflection": None,
        }
    )
    original = step.model_copy(update={"status": "moved", "changed_at": when})
    return _replace(state, original, carried), carried.id


def let_go(state: State, step_id: str, when: datetime) -> State:
    """Not this time: the step is closed without judgement."""
    step = _open(state, step_id)
    return _replace(state, step.model_copy(update={"status": "not_this_time", "changed_at": when}))


def reopen(state: State, step_id: str, when: datetime) -> State:
    """Undo "done" or "not this time"; a reflection already written is kept.

    Made smaller and moved steps have a linked step that carries on instead.
    """
    step = find_step(state, step_id)
    if step.status not in ("done", "not_this_time"):
        raise StepConflict(f"step {step_id} is {step.status}")
    return _replace(state, step.model_copy(update={"status": "planned", "changed_at": when}))


def edit_step(state: State, step_id: str, **changes: object) -> State:
    """Change what a planned step says (its words, person, day, scariness, sentence)."""
    step = _open(state, step_id)
    allowed = {"what", "with_whom", "trusted", "day", "scariness", "sentence"}
    unknown = set(changes) - allowed
    if unknown:
        raise StepError(f"cannot change {', '.join(sorted(unknown))}")
    if "what" in changes and not str(changes["what"]).strip():
        raise StepError("a step needs words")
    return _replace(state, step.model_copy(update=changes))
