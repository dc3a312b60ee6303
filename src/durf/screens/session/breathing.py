"""Breathing's parts of a session: the check-in, the paced breathing and the check-out.

The check-in and check-out are breathing's own screens; in a session they note
the tension in the session's record (before the first part and after the last),
and the check-out adds a line on each part.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import SelectionList, Static

from durf.core.session import PartResult
from durf.screens.breathe.breathing import BreatheScreen
from durf.screens.breathe.checkin import CheckInScreen
from durf.screens.breathe.checkout import CheckOutScreen
from durf.screens.session.part_base import (
    BARELY_SECONDS,
    END,
    NEXT_PART,
    SESSION_KEYS,
    SessionPart,
    flow_result,
)
from durf.widgets.scale import Scale


class SessionCheckIn(SessionPart, CheckInScreen):
    """Where is the tension, and how strong: the check-in of breathing, for the session."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.mark"),
        ("Tab", "keys.next_field"),
        ("Enter", "keys.next"),
        NEXT_PART,
        END,
    ]

    def _continue(self) -> None:
        self.hub.part_over(self.keep_part(completed=True))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """The answers go into the session, also when it goes on or ends from here."""
        self.remember()
        run = self.hub.run
        noted = run is not None and (run.tension_before is not None or bool(run.areas))
        return PartResult("checkin", "done" if noted else "skipped")

    def action_skip(self) -> None:
        """s, as in breathing: go on, noting nothing."""
        self.query_one("#tension", Scale).value = None
        self.query_one("#areas", SelectionList).deselect_all()
        self.action_next_part()


class SessionCheckOut(SessionPart, CheckOutScreen):
    """The tension now, before and after side by side, and what the session held."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [("← →", "keys.rate"), ("Enter", "keys.finish"), END]

    def compose_body(self) -> ComposeResult:
        """The check-out of breathing, and a line on each part."""
        yield from super().compose_body()
        yield Static(self._summary(), id="session-summary")

    def _summary(self) -> Content:
        run = self.hub.run
        assert run is not None
        lines: list[Content] = []
        for part, result in zip(run.plan.parts, run.results, strict=False):
            mark, style = ("✓", "$success") if result.status == "done" else ("·", "$text-muted")
            if result.status == "stopped":
                mark, style = ("◐", "$warning")
            lines.append(
                Content.assemble((f"{mark} ", style), (self.hub.part_name(part), "$text-muted"))
            )
        return Content("\n").join(lines)

    def _done_when_rated(self) -> None:
        if self.app.screen is self:
            self.hub.part_over(self.keep_part(completed=True))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """The rating goes into the session."""
        self.remember()
        run = self.hub.run
        rated = run is not None and run.tension_after is not None
        return PartResult("checkout", "done" if rated or completed else "skipped")


class SessionBreathe(SessionPart, BreatheScreen):
    """Paced breathing with the remembered rhythm; the part is over with the last breath."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [
        ("keyname.space", "keys.pause"),
        ("← →", "keys.slower_faster"),
        NEXT_PART,
        END,
    ]

    def _breathing_done(self, elapsed: float) -> None:
        self._note_progress(elapsed)
        self.hub.part_over(self.keep_part(completed=True))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Kept as a breathing session of its own, tied to this session."""
        if not quitting:
            self.remember()
        barely = self.flow.session.breathing_seconds < BARELY_SECONDS
        return flow_result(self, completed, quitting, barely)
