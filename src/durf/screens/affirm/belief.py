"""How much do you believe it, 0 to 10? Asked before and after a session."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from durf.core.i18n import t
from durf.core.text import shown
from durf.screens.flow import FlowScreen
from durf.widgets.scale import Scale


def rating_pair(before: int | None, after: int | None) -> str:
    """One session's ratings as "3 → 7"; a missing one as a dash, so none is shown twice."""
    return f"{'–' if before is None else before} → {'–' if after is None else after}"


class BeliefScreen(FlowScreen):
    """One affirmation, and the 0-10 scale; before, or after with the change shown."""

    TITLE_KEY = "affirm.title"
    CSS_PATH = Path(__file__).with_name("affirm.tcss")
    KEY_HINTS: ClassVar = [
        ("← →", "keys.rate"),
        ("Enter", "keys.next"),
        ("s", "keys.skip"),
        ("Esc", "keys.stop"),
    ]
    BINDINGS: ClassVar = [
        Binding("enter", "next", show=False, priority=True),
        Binding("s", "skip", show=False),
    ]

    def __init__(self, flow: object, stage: Literal["before", "after"]) -> None:
        super().__init__(flow)
        self.stage = stage

    def compose_body(self) -> ComposeResult:
        """The question, the affirmation, the scale."""
        session = self.flow.session
        if session.belief_key is None:
            item = self.flow.plan.items[0]
            session.belief_key, session.belief_text = item.key, item.text
        yield Static(t(f"belief.question_{self.stage}"), classes="question", markup=False)
        yield Static(shown(session.belief_text), id="belief-text", markup=False)
        value = session.belief_before if self.stage == "before" else session.belief_after
        yield Scale(value, "scale.low", "scale.high", id="belief")
        if self.stage == "after":
            yield Static(id="change", markup=False)
        earlier = [
            rating_pair(before, after)
            for before, after in self.practice.affirmations.belief_ratings(session.belief_key)
            if before is not None or after is not None
        ][-5:]
        if earlier and self.stage == "before":
            yield Static(t("belief.trend", trend="   ·   ".join(earlier)), id="trend", markup=False)

    def on_mount(self) -> None:
        """Keep the comparison up to date on the after screen."""
        super().on_mount()
        self.query_one("#belief", Scale).focus()

    def on_scale_changed(self, event: Scale.Changed) -> None:
        """Show before and after side by side as the user rates."""
        if self.stage == "after":
            before = self.flow.session.belief_before
            self.query_one("#change", Static).update(
                t(
                    "belief.compare",
                    before="–" if before is None else before,
                    after=event.value,
                )
            )

    def remember(self) -> None:
        """The rating goes into the session."""
        value = self.query_one("#belief", Scale).value
        if self.stage == "before":
            self.flow.session.belief_before = value
        else:
            self.flow.session.belief_after = value

    def action_skip(self) -> None:
        """Go on without rating."""
        self._next()

    def action_next(self) -> None:
        """Keep the rating and go on."""
        self._rated()

    def _rated(self) -> None:
        if self.app.screen is self:
            self.remember()
            self._next()

    def _next(self) -> None:
        if self.stage == "before":
            from durf.screens.affirm.practise import AffirmSessionScreen

            self.go_to(AffirmSessionScreen(self.flow))
            return
        if self.attempt(lambda: self.practice.keep(self.flow, completed=True)):
            if not self.offer_stepping_stone():
                self.app.notify(t("flow.saved"), timeout=4)
            self.app.pop_screen()

    def offer_stepping_stone(self) -> bool:
        """After a few sessions of low belief, offer the softer version; whether it was."""
        key = self.flow.session.belief_key
        stone = next((item.stepping_stone for item in self.flow.items if item.key == key), None)
        if not stone or not self.practice.affirmations.needs_stepping_stone(key):
            return False
        self.app.notify(t("belief.stepping_stone", stone=shown(stone)), timeout=20, markup=False)
        return True
