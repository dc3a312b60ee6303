"""What one run of an exercise carries from screen to screen, and how it is kept.

A flow is plain data: its screens fill it in, and the practice layer saves it once
(``Practice.keep``) when the run ends or stops.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from datetime import datetime

    from durf.core.affirm import AffirmSession, Item, Plan
    from durf.core.breathing import BreathingSession
    from durf.core.library import BreathingPattern
    from durf.core.patterns import QuickPattern
    from durf.core.quadrant.answers import QuadrantAnswers
    from durf.core.quadrant.exercise_file import Quadrant
    from durf.core.state import State


class Flow(Protocol):
    """What every exercise run offers its screens and the practice layer."""

    saved: bool

    @property
    def worth_keeping(self) -> bool:
        """Whether stopping now should keep a (not completed) session."""
        ...

    def record(self, state: State, ended: datetime, completed: bool) -> State:
        """The state with this session added."""
        ...


@dataclass
class BreatheFlow:
    """Breathing before speaking: the check-in, the breaths, the sentence, the check-out."""

    session: BreathingSession
    pattern: BreathingPattern | QuickPattern | None = None
    breathed: bool = False
    """Whether any breathing happened: only then is a stopped session worth keeping."""
    saved: bool = False
    """Set once the session is in the state file, so it is never saved twice."""

    @property
    def worth_keeping(self) -> bool:
        """Whether stopping now should keep a (not completed) session."""
        return self.breathed

    def record(self, state: State, ended: datetime, completed: bool) -> State:
        """The state with this session added."""
        from durf.core.breathing import record_session

        self.session.completed = completed
        return record_session(state, self.session, ended)


@dataclass
class AffirmFlow:
    """One run of the affirmations exercise."""

    session: AffirmSession
    items: list[Item] = field(default_factory=list)
    plan: Plan | None = None
    started: bool = False
    """Whether any affirmation was shown: only then is a stopped session kept."""
    saved: bool = False

    @property
    def worth_keeping(self) -> bool:
        """A session is kept once practice began."""
        return self.started

    def record(self, state: State, ended: datetime, completed: bool) -> State:
        """The state with this session added."""
        from durf.core.affirm import record_affirm_session

        return record_affirm_session(state, self.session, ended, completed)


@dataclass
class QuadrantFlow:
    """One walk through a quadrant."""

    answers: QuadrantAnswers
    quadrant: Quadrant
    saved: bool = False

    def __post_init__(self) -> None:
        self._started_with = self.answers.words()

    @property
    def worth_keeping(self) -> bool:
        """Whether anything was ticked or written that is not in the history already.

        Carrying on, or redoing, and leaving without a change keeps no copy.
        """
        return self.answers.has_words and self.answers.words() != self._started_with

    def record(self, state: State, ended: datetime, completed: bool) -> State:
        """The state with this walk in its history."""
        from durf.core.quadrant.answers import record_quadrant

        return record_quadrant(state, self.answers, ended, completed)
