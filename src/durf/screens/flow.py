"""What every step of an exercise shares: the run it belongs to, and stopping it."""

from __future__ import annotations

from typing import Any, ClassVar

from durf.core.i18n import t
from durf.screens.base import DurfScreen

__all__ = ["FlowScreen"]


class FlowScreen(DurfScreen):
    """One step of an exercise. Esc ends the exercise (asking first once work was done)."""

    KEY_HINTS: ClassVar = [("Enter", "keys.next"), ("Esc", "keys.stop"), ("?", "keys.help")]
    STOP_QUESTION: ClassVar = ("breathe.stop_question", "breathe.stop_detail")

    def __init__(self, flow: Any) -> None:
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
        if not self.flow.worth_keeping:
            self.app.pop_screen()
            return

        def answered(stop: bool | None) -> None:
            if stop:
                self.finish(completed=False)

        # Imported when asked: an exercise's first frame need not wait for the dialog.
        from durf.screens.confirm import ConfirmScreen

        question, detail = self.STOP_QUESTION
        self.app.push_screen(ConfirmScreen(t(question), t(detail)), answered)

    def finish(self, completed: bool) -> None:
        """Save the session and go back to the home screen.

        If the save fails, the user stays here with everything intact and can try
        again (the app has already said why).
        """
        self.remember()
        if not self.attempt(lambda: self.practice.keep(self.flow, completed)):
            return
        key = "flow.saved" if completed else "flow.saved_stopped"
        self.app.notify(t(key), timeout=4)
        if self.app.screen is self:
            self.app.pop_screen()
