"""What every durf screen shares: a title, the body, key hints, and a calm
notice instead of a broken layout when the window is too small."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from durf.core.i18n import t
from durf.widgets.keybar import PHONE_WIDTH, KeyBar, KeyHint

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "PHONE_WIDTH", "DurfScreen"]

if TYPE_CHECKING:
    from collections.abc import Callable

    from durf.practice import Practice
    from durf.shell.contract import Shell

Result = TypeVar("Result")

MIN_WIDTH = 40
MIN_HEIGHT = 16
"""Below this a screen shows the small-window notice: a phone in portrait still fits."""


class DurfScreen(Screen[None]):
    """A full screen with a title bar, a body and a key bar."""

    TITLE_KEY: ClassVar[str] = "app.name"
    KEY_HINTS: ClassVar[list[KeyHint]] = [("Esc", "keys.back"), ("?", "keys.help")]
    BINDINGS: ClassVar = [Binding("escape", "back", show=False)]
    IN_SESSION: ClassVar[bool] = False
    """Whether this screen is a part of a practice session (focus mode keeps its title)."""

    DEFAULT_CSS = """
    DurfScreen #title-bar {
        dock: top;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text;
        text-style: bold;
    }
    DurfScreen #body {
        padding: 1 2 0 2;
    }
    /* A phone or a split pane: every column and row goes to the content. */
    DurfScreen.-phone #body {
        padding: 1 1 0 1;
    }
    DurfScreen.-low #body {
        padding: 0 2 0 2;
    }
    DurfScreen.-low.-phone #body {
        padding: 0 1 0 1;
    }
    DurfScreen #too-small {
        display: none;
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
        color: $text-muted;
    }
    DurfScreen.-too-small > * {
        display: none;
    }
    DurfScreen.-too-small > #too-small {
        display: block;
    }
    """

    @property
    def durf(self) -> Shell:
        """The app, as far as durf's screens need it."""
        return self.app  # type: ignore[return-value]

    @property
    def practice(self) -> Practice:
        """The practice layer: every exercise's state and changes."""
        return self.durf.practice

    def attempt(self, action: Callable[[], Result]) -> Result | None:
        """Run a call into the practice layer; what goes wrong is told (and gives None)."""
        return self.durf.attempt(action)

    def change_settings(self, **changes: object) -> bool:
        """Save new values for some settings; whether they were saved (else it was told)."""
        return self.attempt(lambda: self.practice.data.change_settings(**changes)) is not None

    def compose(self) -> ComposeResult:
        """Title, body and key bar; subclasses fill the body."""
        yield Static(self.title_text(), id="title-bar", markup=False)
        with Vertical(id="body"):
            yield from self.compose_body()
        yield KeyBar(self.KEY_HINTS, id="key-bar")
        yield Static(
            t("screen.too_small", width=MIN_WIDTH, height=MIN_HEIGHT),
            id="too-small",
            markup=False,
        )

    def title_text(self) -> str:
        """The words in the title bar."""
        return t("app.title", screen=t(self.TITLE_KEY))

    def compose_body(self) -> ComposeResult:
        """The screen's own content."""
        yield from ()

    def on_mount(self) -> None:
        """Check the size once; later changes arrive as resize events."""
        self.set_class(self.IN_SESSION, "-in-session")
        self._fit(self.app.size.width, self.app.size.height)

    def on_screen_resume(self) -> None:
        """Shown again: with what another durf saved meanwhile, if it did."""
        self.durf.refresh_state()

    def on_resize(self, event: events.Resize) -> None:
        """Swap to the notice when the window gets too small, and back."""
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")

    def action_back(self) -> None:
        """Leave this screen."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
