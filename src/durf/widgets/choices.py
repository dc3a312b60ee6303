"""A row of choices on one line: the arrow keys move the choice itself.

Used where a form needs one of a few short answers (a day of the week, yes or
no): quicker than a drop-down, and every option is visible at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from durf.widgets.keyed import ActsOnKeys

Value = TypeVar("Value")
GAP = 1


class Choices(ActsOnKeys, Widget, Generic[Value], can_focus=True):
    """Pick one of a few labelled values; ``None`` until the user picks (unless given)."""

    DEFAULT_CSS = """
    Choices {
        height: 1;
        width: auto;
        max-width: 100%;
        padding: 0 1;
    }
    Choices:focus {
        background: $boost;
    }
    """
    KEYS: ClassVar[dict[str, tuple[str, int]]] = {
        "left": ("move", -1),
        "right": ("move", 1),
        "home": ("pick", 0),
        "end": ("pick", -1),
    }
    """Acted on as the keys arrive (see ``durf.widgets.keyed``)."""

    index: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The user picked another value."""

        def __init__(self, choices: Choices, value: object) -> None:
            super().__init__()
            self.choices = choices
            self.value = value

        @property
        def control(self) -> Choices:
            """The row that changed, so ``@on(Choices.Changed, "#id")`` works."""
            return self.choices

    def __init__(
        self,
        options: Sequence[tuple[str, Value]],
        value: Value | None = None,
        *,
        narrow_labels: Sequence[str] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.options = list(options)
        self.narrow_labels = list(narrow_labels) if narrow_labels is not None else None
        """Shorter labels, used when the full ones do not fit the width."""
        values = [option_value for _, option_value in self.options]
        self.set_reactive(Choices.index, values.index(value) if value in values else None)

    @property
    def value(self) -> Value | None:
        """The chosen value, or ``None`` when nothing is chosen."""
        return None if self.index is None else self.options[self.index][1]

    @staticmethod
    def _width_of(labels: Sequence[str]) -> int:
        return sum(len(label) + 2 for label in labels) + GAP * (len(labels) - 1)

    def _labels(self) -> list[str]:
        labels = [label for label, _ in self.options]
        if self.narrow_labels is not None and self.size.width < self._width_of(labels):
            return self.narrow_labels
        return labels

    def get_content_width(self, container: object, viewport: object) -> int:
        """Every label with a space either side, and a gap between."""
        return self._width_of([label for label, _ in self.options])

    def render(self) -> Content:
        """The labels in a row; the chosen one stands out without needing colour."""
        parts: list[str | tuple[str, str]] = []
        for position, label in enumerate(self._labels()):
            if position:
                parts.append(" " * GAP)
            if position == self.index:
                parts.append((f"[{label}]", "reverse bold"))
            else:
                parts.append(f" {label} ")
        return Content.assemble(*parts)

    def action_move(self, delta: int) -> None:
        """Choose the neighbour; from nothing, start at the first or last."""
        if self.index is None:
            self.action_pick(0 if delta > 0 else -1)
        else:
            self.action_pick(max(0, min(len(self.options) - 1, self.index + delta)))

    def action_pick(self, position: int) -> None:
        """Choose the option at ``position`` (negative counts from the end)."""
        self.index = position % len(self.options)
        self.post_message(self.Changed(self, self.value))

    def on_click(self, event: events.Click) -> None:
        """Clicking a label chooses it."""
        column = event.x - self.styles.padding.left
        start = 0
        for position, label in enumerate(self._labels()):
            end = start + len(label) + 2
            if start <= column < end:
                self.action_pick(position)
                return
            start = end + GAP
