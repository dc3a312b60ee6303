"""A small yes/no question over the current screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from durf.widgets.keybar import hints_content


class ConfirmScreen(ModalScreen[bool]):
    """Ask one question; ``y``/Enter answers yes, ``n``/Esc answers no."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
        background: $background 60%;
    }
    ConfirmScreen > Vertical {
        width: 56;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        padding: 1 2;
        border: round $accent;
        background: $surface;
    }
    ConfirmScreen #question {
        margin-bottom: 1;
    }
    ConfirmScreen.-phone > Vertical {
        padding: 1 1;
    }
    """
    BINDINGS: ClassVar = [
        Binding("y,j,enter", "answer(True)", show=False),
        Binding("n", "answer(False)", show=False),
        Binding("escape", "escape", show=False),
    ]

    def __init__(self, question: str, detail: str = "", *, escape_cancels: bool = False) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.escape_cancels = escape_cancels
        """When both answers do something, Esc answers neither (``None``): the user stays."""

    def compose(self) -> ComposeResult:
        """The question, an optional detail, and the two keys."""
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            if self.detail:
                yield Static(self.detail, id="detail", markup=False, classes="muted")
            yield Static(
                hints_content([("keyname.yes", "confirm.yes"), ("n", "confirm.no")]), id="answers"
            )

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)

    def action_escape(self) -> None:
        """No, or (with ``escape_cancels``) neither answer."""
        self.dismiss(None if self.escape_cancels else False)


class CarefulConfirmScreen(ConfirmScreen, inherit_bindings=False):
    """A question whose yes cannot be undone: only ``y`` (or ``j``) answers yes.

    Enter does not, because the Enter that opened the question may be pressed
    twice; Esc and ``n`` answer no.
    """

    BINDINGS: ClassVar = [
        Binding("y,j", "answer(True)", show=False),
        Binding("n", "answer(False)", show=False),
        Binding("escape", "escape", show=False),
    ]
