"""A step's status, the mark that shows it, and finding a step another window may have changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from durf.core.state import State, Step

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


def find_step(state: State, step_id: str) -> Step:
    """The step with this id."""
    for step in state.steps:
        if step.id == step_id:
            return step
    raise StepConflict(f"no step {step_id}")
