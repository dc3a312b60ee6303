"""The affirmations as a part of a session: belief before, the affirmations, belief after."""

from __future__ import annotations

from typing import ClassVar

from durf.core.session import PartResult
from durf.screens.affirm.belief import BeliefScreen
from durf.screens.affirm.practise import AffirmSessionScreen
from durf.screens.session.part_base import (
    BARELY_SECONDS,
    END,
    NEXT_PART,
    NEXT_PART_TYPING,
    SESSION_KEYS,
    SessionPart,
    flow_result,
)


class SessionBelief(SessionPart, BeliefScreen):
    """How much do you believe it: before and after the affirmations of the session."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [("← →", "keys.rate"), ("Enter", "keys.next"), NEXT_PART, END]

    def _next(self) -> None:
        if self.stage == "before":
            self.carry_on_as(SessionAffirmPractice(self.flow))
            return
        result = self.keep_part(completed=True)
        if result.status == "done":
            self.offer_stepping_stone()
        self.hub.part_over(result)

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Kept as an affirmation session of its own, tied to this session."""
        return flow_result(self, completed, quitting, barely=False)


class SessionAffirmPractice(SessionPart, AffirmSessionScreen):
    """The affirmations on their timer, in the order the session chose."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.pause"),
        ("← →", "keys.back_forward"),
        ("*", "keys.favourite"),
        NEXT_PART,
        END,
    ]

    RECALL_HINTS: ClassVar = [
        ("Enter", "keys.check_then_next"),
        ("Ctrl+T", "keys.pause"),
        ("Ctrl+F", "keys.favourite"),
        NEXT_PART_TYPING,
        END,
    ]

    def _done(self) -> None:
        self.remember()
        self.carry_on_as(SessionBelief(self.flow, stage="after"))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Kept as an affirmation session of its own, tied to this session."""
        if not quitting:
            self.remember()
        session = self.flow.session
        # A rating is something the user gave: never passed by, however quick the part.
        barely = session.practice_seconds < BARELY_SECONDS and session.belief_before is None
        return flow_result(self, completed, quitting, barely)
