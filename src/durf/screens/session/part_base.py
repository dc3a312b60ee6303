"""What every part of a session shares: its place in the title, n for the next part, Esc to end.

In a session, ``n`` goes on to the next part (Ctrl+N where a text field has
the keys) and Esc ends the session. Where an exercise would go on to its own
next step (breathing to the honest sentence, the guide to the board), the part
is over instead and the session shows the next one. Each part's screen is the
exercise's own with ``SessionPart`` put before it; ``session_parts`` says which
screen begins which part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from durf.core.i18n import t
from durf.core.session import PartResult

if TYPE_CHECKING:
    from durf.core.session import Part, PartStatus
    from durf.screens.session.hub import SessionScreen

NEXT_PART: tuple[str, str] = ("n", "session.key_next_part")
NEXT_PART_TYPING: tuple[str, str] = ("Ctrl+N", "session.key_next_part")
END: tuple[str, str] = ("Esc", "session.key_end")
BARELY_SECONDS = 3.0
"""A timed part left within this many seconds was passed by, not practised: it is not kept."""


SESSION_KEYS = [
    Binding("n", "next_part", show=False),
    Binding("ctrl+n", "next_part", show=False, priority=True),
]
"""Every part's own keys, besides the exercise's."""


class SessionPart:
    """What every part shares: its place in the title, n for the next part, Esc to end.

    A mixin put before the exercise's screen class, which stays the first screen
    base so that the exercise's styles (``CheckInScreen #areas``) still apply.
    Textual merges only screen classes' bindings: each part lists ``SESSION_KEYS``.
    """

    IN_SESSION: ClassVar[bool] = True
    hub: SessionScreen
    part: Part
    app: Any
    durf: Any

    def title_text(self) -> str:
        """Where in the session this part is."""
        return t("app.title", screen=self.hub.title_of(self.part))

    def action_next_part(self) -> None:
        """On to the next part; what this one did so far is kept."""
        self.hub.part_over(self.keep_part(completed=False))

    def action_back(self) -> None:
        """Esc ends the whole session (after asking)."""
        self.hub.ask_to_end(self)

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Save what this part did and say what became of it."""
        return PartResult(self.part.kind, "done" if completed else "skipped")

    def carry_on_as(self, screen: SessionPart) -> None:
        """Go on to the next screen of the same part (it belongs to the same session)."""
        screen.hub, screen.part = self.hub, self.part
        self.go_to(screen)  # type: ignore[attr-defined]


def flow_result(screen: Any, completed: bool, quitting: bool, barely: bool) -> PartResult:
    """Keep an exercise's flow (finished, or stopped part way) and say how it went.

    ``barely``: so little was done that the part counts as passed by, and is not kept.
    """
    kind = screen.part.kind
    if quitting and screen.flow.saved:
        # Kept on the way out (``keep_everything``), however little it held.
        return PartResult(kind, "stopped")
    if not completed and (barely or not screen.flow.worth_keeping):
        return PartResult(kind, "skipped")
    if not quitting:
        screen.remember()
        if not screen.attempt(lambda: screen.practice.keep(screen.flow, completed)):
            return PartResult(kind, "stopped")
    status: PartStatus = "done" if completed else "stopped"
    return PartResult(kind, status)


def gone_elsewhere(screen: SessionPart, result: PartResult) -> ComposeResult:
    """What a part shows when another durf closed its step or sentence meanwhile: a
    word on it, and then the next part."""
    yield Static(t("session.changed_elsewhere"), classes="question", markup=False)
    screen.call_after_refresh(screen.hub.part_over, result)
