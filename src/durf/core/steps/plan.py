"""Planning a step: the finished guide becomes a step on a ladder, for one week."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from durf.core.ids import new_id
from durf.core.steps.ladders import find_ladder
from durf.core.steps.status import StepError

if TYPE_CHECKING:
    from durf.core.state import State, StepDraft
    from durf.core.weeks import Week


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
