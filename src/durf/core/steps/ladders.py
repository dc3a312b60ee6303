"""Ladders: the steps towards one desire, from the first to the one planned now."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from durf.core.state import Ladder, State, Step

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
