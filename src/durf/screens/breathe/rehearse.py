"""Step 5: the sentence, large and calm, to say aloud."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from durf.core.i18n import t
from durf.core.text import shown
from durf.screens.flow import FlowScreen


class RehearseScreen(FlowScreen):
    """Nothing but the sentence and one line of encouragement."""

    TITLE_KEY = "breathe.title"
    CSS_PATH = Path(__file__).with_name("breathe.tcss")
    KEY_HINTS: ClassVar = [
        ("Enter", "keys.next"),
        ("b", "keys.change_sentence"),
        ("Esc", "keys.stop"),
    ]
    BINDINGS: ClassVar = [
        Binding("enter", "next", show=False),
        Binding("b", "change", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        """The user's sentence exactly as typed, never parsed as markup."""
        yield Static(shown(self.flow.session.sentence), id="sentence", markup=False)
        if self.flow.session.for_whom.strip():
            yield Static(
                t("rehearse.for_whom", who=shown(self.flow.session.for_whom)),
                id="for-whom",
                markup=False,
            )
        yield Static(t("rehearse.say_it"), id="say-it", markup=False)

    def on_mount(self) -> None:
        """Seeing it here is rehearsing it: from now on the sentence is followed up."""
        super().on_mount()
        self.flow.session.rehearsed = True

    def action_next(self) -> None:
        """On to the check-out."""
        from durf.screens.breathe.checkout import CheckOutScreen

        self.go_to(CheckOutScreen(self.flow))

    def action_change(self) -> None:
        """Back to the sentence, to reword it."""
        from durf.screens.breathe.sentence import SentenceScreen

        self.go_to(SentenceScreen(self.flow))
