"""Small steps: the guide's draft, planning a step, and what can happen to it.

Every function here takes a state and returns a new one. A step that did not
happen is never a failure: it can be made smaller (a new, linked step), moved
to the next week (a linked copy), or let go ("not this time").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from durf.core.ids import new_id
from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.state import Ladder, State, Step, StepDraft, StepReflection

SMALLER_OFFER_FROM = 8
"""A step rated this scary or more is offered to be made smaller before it is planned."""

GUIDE_PAGES = ("thoughts", "fear", "accept", "desire", "challenge")
"""The guide's questions in order; the answer to ``challenge`` is the step itself."""

STATUS_MARKS = {
    "planned": "○",
    "done": "✓",
    "smaller": "↓",
    "moved": "→",
    "not_this_time": "·",
}
"""Each status has its own shape, so a step's state reads without colour (board, export)."""

OPEN_STATUSES = frozenset({"planned"})
"""Only a planned step can be marked done, made smaller, moved or let go."""


class StepError(ValueError):
    """A change that cannot be made (say, a step without words)."""


class StepConflict(StepError):
    """The step is gone or no longer planned: changed meanwhile, by another durf window."""


# -- the draft ---------------------------------------------------------------------


def save_draft(state: State, draft: StepDraft) -> State:
    """The state with ``draft`` as the guide in progress."""
    return state.model_copy(update={"step_draft": draft})


def drop_draft(state: State) -> State:
    """The state without a guide in progress."""
    return state.model_copy(update={"step_draft": None})


def draft_has_words(draft: StepDraft | None) -> bool:
    """Whether a draft holds anything the user wrote (an empty one is not worth keeping)."""
    if draft is None:
        return False
    return any(text.strip() for text in draft.answers.values()) or bool(
        draft.with_whom.strip() or draft.sentence.strip()
    )


def _merge_text(base: str, mine: str, theirs: str) -> str:
    if mine == theirs or theirs == base or theirs in mine:
        return mine
    if mine == base or mine in theirs:
        return theirs
    # Both wrote something different: keep both, theirs first, rather than lose either.
    return f"{theirs}\n\n{mine}"


def merge_draft(base: StepDraft | None, mine: StepDraft, theirs: StepDraft | None) -> StepDraft:
    """Combine this window's draft with the one on disk, written meanwhile by another durf.

    ``base`` is the draft this window last read or saved. Where only one side
    changed a field, that change wins; where both changed a text differently,
    both texts are kept. No word written in either window is lost.
    """
    if theirs is None or base == theirs:
        return mine
    from durf.core.state import StepDraft

    start = base or StepDraft(started_at=mine.started_at, updated_at=mine.started_at)
    merged = mine.model_copy(deep=True)
    keys = [*theirs.answers, *(key for key in mine.answers if key not in theirs.answers)]
    merged.answers = {
        key: _merge_text(
            start.answers.get(key, ""), mine.answers.get(key, ""), theirs.answers.get(key, "")
        )
        for key in keys
    }
    for name in ("with_whom", "sentence"):
        setattr(
            merged,
            name,
            _merge_text(getattr(start, name), getattr(mine, name), getattr(theirs, name)),
        )
    for name in ("trusted", "day", "scariness"):
        if getattr(mine, name) == getattr(start, name):
            setattr(merged, name, getattr(theirs, name))
    merged.started_at = min(mine.started_at, theirs.started_at)
    return merged


# -- ladders -------------------------------------------------------------------------

_PUNCTUATION_AT_END = re.compile(r"[\s.!?…,;:]+$")


def desire_key(text: str) -> str:
    """``text`` as compared between desires: case, accents, spacing and end punctuation aside."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return _PUNCTUATION_AT_END.sub("", " ".join(plain.split()))


def find_ladder(state: State, desire: str) -> Ladder | None:
    """The ladder for a desire written the same way before, if any."""
    key = desire_key(desire)
    if not key:
        return None
    return next((ladder for ladder in state.ladders if desire_key(ladder.desire) == key), None)


def ladder_of(state: State, step: Step) -> Ladder | None:
    """The ladder a step belongs to."""
    return next((ladder for ladder in state.ladders if ladder.id == step.ladder_id), None)


def earlier_desires(state: State) -> list[Ladder]:
    """Ladders to continue, the most recently climbed first."""
    last_used: dict[str, datetime] = {}
    for step in state.steps:
        last_used[step.ladder_id] = max(
            last_used.get(step.ladder_id, step.created_at), step.created_at
        )
    return sorted(
        state.ladders, key=lambda ladder: last_used.get(ladder.id, ladder.created_at), reverse=True
    )


# -- planning ----------------------------------------------------------------------


def plan_step(
    state: State, draft: StepDraft, week: Week, when: datetime, started_at: datetime | None = None
) -> tuple[State, str]:
    """Turn a finished guide into a planned step for ``week``; return the state and its id.

    The desire decides the ladder: one written the same way before continues that
    ladder, a new one starts a ladder. The draft is cleared and the guide is kept
    as a session in the history (it is practice too).
    """
    from durf.core.state import Ladder, SessionRecord, Step

    what = draft.answers.get("challenge", "")
    if not what.strip():
        raise StepError("a step needs words")
    desire = draft.answers.get("desire", "")
    ladders = list(state.ladders)
    ladder = find_ladder(state, desire) if desire.strip() else None
    if ladder is None:
        ladder = Ladder(id=new_id(), desire=desire, created_at=when)
        ladders.append(ladder)
    step = Step(
        id=new_id(),
        ladder_id=ladder.id,
        week=str(week),
        what=what,
        with_whom=draft.with_whom,
        trusted=draft.trusted if draft.with_whom.strip() else None,
        day=draft.day,
        scariness=draft.scariness,
        sentence=draft.sentence,
        guide={key: text for key, text in draft.answers.items() if key != "challenge"},
        created_at=when,
    )
    record = SessionRecord(
        id=new_id(),
        exercise="step",
        started_at=min(started_at or when, when),
        ended_at=when,
        completed=True,
        details={"part": "guide", "step_id": step.id, "scariness": step.scariness},
    )
    return (
        state.model_copy(
            update={
                "steps": [*state.steps, step],
                "ladders": ladders,
                "step_draft": None,
                "history": [*state.history, record],
            }
        ),
        step.id,
    )


def find_step(state: State, step_id: str) -> Step:
    """The step with this id."""
    for step in state.steps:
        if step.id == step_id:
            return step
    raise StepConflict(f"no step {step_id}")


def _replace(state: State, changed: Step, *added: Step, history: list[Any] | None = None) -> State:
    steps = [changed if step.id == changed.id else step for step in state.steps]
    update: dict[str, Any] = {"steps": [*steps, *added]}
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


# -- the board -----------------------------------------------------------------------


def steps_in_week(state: State, week: Week) -> list[Step]:
    """The week's steps, in the order they were planned."""
    label = str(week)
    return [step for step in state.steps if step.week == label]


def weeks_with_steps(state: State) -> list[Week]:
    """Every week that has a step, oldest first."""
    return sorted({Week.parse(step.week) for step in state.steps})


def rung_of(state: State, step_id: str) -> str:
    """The id of the rung that stands for a step: a moved step lives on where it moved to."""
    moved_to = {step.moved_from: step.id for step in state.steps if step.moved_from}
    current = step_id
    for _ in range(len(moved_to) + 1):  # a hand-edited loop of moves must not hang
        if current not in moved_to:
            break
        current = moved_to[current]
    return current


@dataclass(frozen=True)
class Rung:
    """One step on a ladder, as the ladder shows it."""

    step: Step
    predicted: int | None
    felt: int | None
    """How scary it was in the end, from the reflection."""


@dataclass(frozen=True)
class LadderView:
    """Where the user stands on one ladder."""

    ladder: Ladder
    rungs: list[Rung]
    done: int
    current: Step | None
    """The planned step furthest up the ladder, if any."""


def ladder_view(state: State, ladder_id: str) -> LadderView | None:
    """The rungs of a ladder in the order they were planned.

    A moved step is not a rung of its own: its continuation stands in its place.
    """
    ladder = next((item for item in state.ladders if item.id == ladder_id), None)
    if ladder is None:
        return None
    rungs = [
        Rung(
            step,
            step.scariness,
            step.reflection.scariness_after if step.reflection and step.status == "done" else None,
        )
        for step in state.steps
        if step.ladder_id == ladder_id and step.status != "moved"
    ]
    planned = [rung.step for rung in rungs if rung.step.status == "planned"]
    return LadderView(
        ladder=ladder,
        rungs=rungs,
        done=sum(1 for rung in rungs if rung.step.status == "done"),
        current=planned[-1] if planned else None,
    )
