"""The breathing-before-speaking exercise as a sequence of screens sharing one session."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from durf.core.breathing import BreathingSession
from durf.core.i18n import t
from durf.screens.base import DurfScreen
from durf.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from durf.core.library import BreathingPattern
    from durf.core.patterns import QuickPattern


@dataclass
class BreatheFlow:
    """What the exercise carries from step to step."""

    session: BreathingSession
    pattern: BreathingPattern | QuickPattern | None = None
    breathed: bool = False
    """Whether any breathing happened: only then is a stopped session worth keeping."""
    saved: bool = False
    """Set once the session is in the state file, so it is never saved twice."""


class FlowScreen(DurfScreen):
    """One step of the exercise. Esc ends the exercise (asking first once work was done)."""

    KEY_HINTS: ClassVar = [("Enter", "keys.next"), ("Esc", "keys.stop"), ("?", "keys.help")]

    def __init__(self, flow: BreatheFlow) -> None:
        super().__init__()
        self.flow = flow

    def go_to(self, screen: FlowScreen) -> None:
        """Replace this step with the next one, so Esc never walks back into a done step."""
        if self.app.screen is self:
            self.app.switch_screen(screen)

    def remember(self) -> None:
        """Copy what the user entered on this step into the flow (before a rebuild)."""

    def after_relocalize(self) -> None:
        """Put back what a rebuild in another language cleared (focus, highlights)."""

    def action_back(self) -> None:
        """Stop the exercise; keep what was done, marked as not completed."""
        if not self.flow.breathed:
            self.app.pop_screen()
            return

        def answered(stop: bool | None) -> None:
            if stop:
                self.finish(completed=False)

        self.app.push_screen(
            ConfirmScreen(t("breathe.stop_question"), t("breathe.stop_detail")), answered
        )

    def finish(self, completed: bool) -> None:
        """Save the session and go back to the home screen.

        If the save fails, the user stays here with everything intact and can try
        again (the app has already said why).
        """
        self.remember()
        if not self.durf.save_flow(self.flow, completed):
            return
        key = "breathe.saved" if completed else "breathe.saved_stopped"
        self.app.notify(t(key), timeout=4)
        if self.app.screen is self:
            self.app.pop_screen()
