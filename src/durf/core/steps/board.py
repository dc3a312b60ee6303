"""The board: which steps a week holds, and which weeks hold steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.weeks import Week

if TYPE_CHECKING:
    from durf.core.state import State, Step


def steps_in_week(state: State, week: Week) -> list[Step]:
    """The week's steps, in the order they were planned."""
    label = str(week)
    return [step for step in state.steps if step.week == label]


def weeks_with_steps(state: State) -> list[Week]:
    """Every week that has a step, oldest first."""
    return sorted({Week.parse(step.week) for step in state.steps})
