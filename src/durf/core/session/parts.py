"""What a session is made of: the kinds of part, one planned part, and the plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PartKind = Literal[
    "checkin", "breathe", "affirm", "step", "guide", "sentence", "question", "quadrant", "checkout"
]
PART_OF = "session"
"""The key in a part's own record that holds the id of its session."""
PartStatus = Literal["done", "stopped", "skipped"]
"""``stopped``: begun and left half way (what was done is kept); ``skipped``: passed by."""


@dataclass(frozen=True)
class Part:
    """One part of a planned session and what it needs to start."""

    kind: PartKind
    seconds: float
    """How long it is expected to take."""
    breaths: int = 0
    pattern_id: str = ""
    affirmations: tuple[str, ...] = ()
    """The keys of the affirmations to practise, in order."""
    seconds_each: int = 0
    step_id: str | None = None
    sentence_id: str | None = None
    prompt_key: str | None = None
    """``set-id/prompt-id`` of the reflection question."""
    resume: bool = False
    """For the guide: carry on with the draft left last time."""
    quadrant_id: str | None = None
    """For the core quadrant: which one."""


@dataclass(frozen=True)
class SessionPlan:
    """The parts of one session, in order, for the minutes asked."""

    minutes: int
    parts: tuple[Part, ...]

    @property
    def seconds(self) -> float:
        """The expected length of the whole session."""
        return sum(part.seconds for part in self.parts)

    @property
    def kinds(self) -> tuple[PartKind, ...]:
        """The kind of each part, in order."""
        return tuple(part.kind for part in self.parts)
