"""Before practising: read or recall, seconds per affirmation, rounds. Remembered."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from durf.core.affirm import ROUNDS_MAX, SECONDS_MAX, SECONDS_MIN, plan_session
from durf.core.i18n import t, tn
from durf.screens.flow import FlowScreen

SECONDS_STEP = 2


class AffirmSetupScreen(FlowScreen):
    """Three choices, each one key, and what they add up to."""

    TITLE_KEY = "affirm.title"
    CSS_PATH = Path(__file__).with_name("affirm.tcss")
    KEY_HINTS: ClassVar = [
        ("r", "keys.mode"),
        ("← →", "keys.seconds"),
        ("- +", "keys.rounds"),
        ("Enter", "keys.start"),
        ("Esc", "keys.back"),
    ]
    BINDINGS: ClassVar = [
        Binding("r", "mode", show=False),
        Binding("left", "seconds(-1)", show=False),
        Binding("right", "seconds(1)", show=False),
        Binding("minus", "rounds(-1)", show=False),
        Binding("plus,equals_sign", "rounds(1)", show=False),
        Binding("enter", "start", show=False, priority=True),
    ]

    def compose_body(self) -> ComposeResult:
        """The choices as plain lines."""
        yield Static(id="summary", markup=False)
        yield Static(t("affirm.setup_help"), classes="intro", markup=False)

    def on_mount(self) -> None:
        """Start from the choices made last time."""
        super().on_mount()
        self.rounds = self.practice.settings.affirm_rounds
        self._show()

    def _show(self) -> None:
        session = self.flow.session
        count = len(self.flow.items)
        minutes = count * self.rounds * session.seconds_each / 60
        lines = [
            t("affirm.mode_line", mode=t(f"affirm.mode_{session.mode}")),
            t("affirm.mode_explain_" + session.mode),
            "",
            t("affirm.seconds_line", seconds=int(session.seconds_each)),
            t("affirm.rounds_line", rounds=self.rounds),
            "",
            tn("affirm.total_line", count * self.rounds, minutes=max(1, round(minutes))),
        ]
        self.query_one("#summary", Static).update("\n".join(lines))

    def action_mode(self) -> None:
        """Switch between reading aloud and recalling from memory."""
        session = self.flow.session
        session.mode = "recall" if session.mode == "read" else "read"
        self._show()

    def action_seconds(self, direction: int) -> None:
        """Show each affirmation a little longer or shorter."""
        session = self.flow.session
        seconds = session.seconds_each + direction * SECONDS_STEP
        session.seconds_each = float(max(SECONDS_MIN, min(SECONDS_MAX, seconds)))
        self._show()

    def action_rounds(self, direction: int) -> None:
        """One round more or fewer."""
        self.rounds = max(1, min(ROUNDS_MAX, self.rounds + direction))
        self._show()

    def action_start(self) -> None:
        """Remember the choices, then rate how much you believe one affirmation."""
        session = self.flow.session
        self.change_settings(
            affirm_mode=session.mode,
            affirm_seconds=int(session.seconds_each),
            affirm_rounds=self.rounds,
        )
        self.flow.plan = plan_session(self.flow.items, session.seconds_each, rounds=self.rounds)
        from durf.screens.affirm.belief import BeliefScreen

        self.go_to(BeliefScreen(self.flow, stage="before"))
