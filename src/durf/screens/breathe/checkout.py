"""Step 6: how strong is the tension now? Before and after, side by side; then save."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from durf.core.i18n import t
from durf.screens.flow import FlowScreen
from durf.widgets.scale import Scale


def compare_text(before: int | None, after: int | None) -> str:
    """ "Before 7 → now 4", with a dash for a value not given."""
    return t(
        "checkout.compare",
        before="–" if before is None else before,
        after="–" if after is None else after,
    )


class CheckOutScreen(FlowScreen):
    """The last step: rate the tension again, see the change, and finish."""

    TITLE_KEY = "breathe.title"
    CSS_PATH = Path(__file__).with_name("breathe.tcss")
    KEY_HINTS: ClassVar = [("← →", "keys.rate"), ("Enter", "keys.finish"), ("Esc", "keys.stop")]
    BINDINGS: ClassVar = [Binding("enter", "done", show=False, priority=True)]

    def compose_body(self) -> ComposeResult:
        """The scale and the comparison."""
        yield Static(t("checkout.how_strong"), classes="question", markup=False)
        yield Scale(
            self.flow.session.tension_after, "scale.tension_low", "scale.tension_high", id="tension"
        )
        yield Static(
            compare_text(self.flow.session.tension_before, self.flow.session.tension_after),
            id="compare",
            markup=False,
        )
        yield Static(t("checkout.kind_word"), classes="intro", markup=False)

    @on(Scale.Changed, "#tension")
    def _rated(self, event: Scale.Changed) -> None:
        self.flow.session.tension_after = event.value
        self.query_one("#compare", Static).update(
            compare_text(self.flow.session.tension_before, event.value)
        )

    def remember(self) -> None:
        """The rating goes into the session."""
        self.flow.session.tension_after = self.query_one("#tension", Scale).value

    def action_done(self) -> None:
        """Save the whole session as completed and return home (with a digit typed just
        before on the scale)."""
        self._done_when_rated()

    def _done_when_rated(self) -> None:
        if self.app.screen is self:
            self.finish(completed=True)
