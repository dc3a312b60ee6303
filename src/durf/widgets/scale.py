"""A 0-10 scale: how strong, how much. Arrow keys, number keys or the mouse."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from durf.core.i18n import t
from durf.widgets.keyed import ActsOnKeys

HIGHEST = 10
CELL = 4
"""Columns per number on the scale, where the window has room for them."""
NARROW_CELL = 3
"""Columns per number in a narrow window (a phone, a split pane): 33 columns in all."""


class Scale(ActsOnKeys, Widget, can_focus=True):
    """Pick a whole number from 0 to 10; ``None`` until the user picks."""

    DEFAULT_CSS = """
    Scale {
        height: auto;
        width: auto;
        max-width: 100%;
        padding: 0 1;
    }
    Scale:focus {
        background: $boost;
    }
    """
    KEYS: ClassVar[dict[str, tuple[str, int]]] = {
        "left": ("step", -1),
        "down": ("step", -1),
        "right": ("step", 1),
        "up": ("step", 1),
        "home": ("set", 0),
        "end": ("set", 10),
        **{str(n): ("set", n) for n in range(10)},
    }
    """Acted on as the keys arrive (see ``durf.widgets.keyed``)."""

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The user moved the scale."""

        def __init__(self, scale: Scale, value: int) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> Scale:
            """The scale that changed, so ``@on(Scale.Changed, "#id")`` works."""
            return self.scale

    def __init__(
        self,
        value: int | None = None,
        low_key: str = "scale.low",
        high_key: str = "scale.high",
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.set_reactive(Scale.value, value)
        self._low_key, self._high_key = low_key, high_key

    def get_content_width(self, container: object, viewport: object) -> int:
        """Eleven numbers, each in its own cell."""
        return (HIGHEST + 1) * CELL

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """Numbers, track and words; the words take two rows when one cannot hold both."""
        return 3 if self._words_fit(self._cell(width)) else 4

    def _cell(self, width: int | None = None) -> int:
        """Columns per number: the wide cell where it fits, else the narrow one."""
        room = self.content_size.width if width is None else width
        return CELL if room >= CELL * (HIGHEST + 1) else NARROW_CELL

    def _words_fit(self, cell: int) -> bool:
        low, high = t(self._low_key), t(self._high_key)
        return len(low) + 1 + len(high) <= cell * (HIGHEST + 1)

    def render(self) -> Content:
        """Numbers, a marker under the chosen one, and the words at both ends."""
        cell = self._cell()
        numbers = []
        for n in range(HIGHEST + 1):
            label = str(n).center(cell)
            numbers.append((label, "reverse bold") if n == self.value else (label, ""))
        # A track under the numbers, filled up to the chosen one, like a slider.
        track_width = cell * (HIGHEST + 1)
        if self.value is None:
            track: list[str | tuple[str, str]] = [("─" * track_width, "$text-muted")]
        else:
            point = cell * self.value + cell // 2
            track = [
                ("━" * point, "$accent"),
                ("●", "bold $accent"),
                ("─" * (track_width - point - 1), "$text-muted"),
            ]
        low, high = t(self._low_key), t(self._high_key)
        if self._words_fit(cell):
            words = low + high.rjust(track_width - len(low))
        else:
            words = low + "\n" + high.rjust(track_width)
        return Content.assemble(*numbers, "\n", *track, "\n", (words, "$text-muted"))

    def action_step(self, delta: int) -> None:
        """Move one step; from unrated, start in the middle."""
        start = 5 if self.value is None else self.value + delta
        self.action_set(start if self.value is None else max(0, min(HIGHEST, start)))

    def action_set(self, value: int) -> None:
        """Choose ``value``."""
        self.value = value
        self.post_message(self.Changed(self, value))

    def on_click(self, event: events.Click) -> None:
        """Clicking a number chooses it."""
        column = event.x - self.styles.padding.left
        cell = self._cell()
        if 0 <= column < cell * (HIGHEST + 1):
            self.action_set(column // cell)
