"""The core quadrant as a part of a practice session, now and then in place of the question.

The pages are the quadrant's own; Ctrl+N goes on to the next part (keeping what
was ticked and written, as not finished), Esc ends the session. Once the sentence
is in, the quadrant is drawn, and Enter goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding

from durf.core.session import PartResult
from durf.practice.flows import QuadrantFlow
from durf.screens.quadrant.summary import QuadrantSummaryScreen
from durf.screens.quadrant.walk import QuadrantScreen
from durf.screens.session.part_base import END, NEXT_PART_TYPING, SessionPart, flow_result

if TYPE_CHECKING:
    from durf.core.session import Part
    from durf.practice import Practice

NEXT_PART_KEYS = [Binding("ctrl+n", "next_part", show=False, priority=True)]
"""Not ``n``: on these pages a letter is for ticking or writing."""


class SessionQuadrant(SessionPart, QuadrantScreen):
    """The four corners and the sentence, for the session."""

    BINDINGS: ClassVar = NEXT_PART_KEYS
    KEY_HINTS: ClassVar = [
        ("keyname.space", "quadrant.key_tick"),
        ("Tab", "keys.next_field"),
        ("PgDn", "keys.next"),
        NEXT_PART_TYPING,
        END,
    ]
    SENTENCE_HINTS: ClassVar = [
        ("Enter", "quadrant.key_finish"),
        ("PgUp", "keys.previous"),
        NEXT_PART_TYPING,
        END,
    ]

    def after_saved(self, completed: bool) -> None:
        """Finished: draw the quadrant before the next part. (Stopping is the hub's.)"""
        summary = SessionQuadrantSummary(self.flow.answers.id)
        self.carry_on_as(summary)

    def finish(self, completed: bool) -> None:
        """The sentence is in: keep the quadrant, then show it."""
        if not completed:
            self.hub.ask_to_end(self)
            return
        super().finish(completed)

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Kept as a quadrant of its own, tied to this session."""
        return flow_result(self, completed, quitting, barely=False)


class SessionQuadrantSummary(SessionPart, QuadrantSummaryScreen):
    """The quadrant just made; Enter (or n) goes on to the next part."""

    BINDINGS: ClassVar = [
        Binding("enter,n", "next_part", show=False),
        Binding("ctrl+n", "next_part", show=False, priority=True),
        Binding("r", "nothing", show=False),
    ]
    KEY_HINTS: ClassVar = [("Enter", "session.key_next_part"), ("↑↓", "keys.scroll"), END]

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Already saved when the sentence was in."""
        return PartResult("quadrant", "done")

    def action_next_part(self) -> None:
        """On to the next part."""
        self.hub.part_over(self.keep_part(completed=True))

    def action_nothing(self) -> None:
        """No redoing in the middle of a session: home and the history offer it."""


def session_quadrant_screen(practice: Practice, part: Part) -> SessionQuadrant | None:
    """The quadrant part's first page, or None when its file is gone."""
    quadrant = practice.quadrants.by_id(str(part.quadrant_id))
    if quadrant is None:
        return None
    answers = practice.quadrants.new_answers(quadrant.id)
    return SessionQuadrant(QuadrantFlow(answers, quadrant))
