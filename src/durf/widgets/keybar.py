"""The line of key hints at the foot of every screen, in the user's language.

Textual's own Footer shows binding descriptions fixed when a class is defined;
durf builds its hints when a screen is composed, so they follow a language
change at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from durf.core.i18n import t

KeyHint = tuple[str, str]
"""A key as shown (``"Enter"``, or a ``keyname.*`` catalog key for names that differ
per language, like Space) and the catalog key of what it does."""


def key_label(key: str) -> str:
    """How a key is named on screen, in the user's language."""
    return t(key) if key.startswith("keyname.") else key


def hints_content(hints: Sequence[KeyHint]) -> Content:
    """Render key hints as ``key what  key what``."""
    parts: list[str | tuple[str, str]] = []
    for index, (key, description_key) in enumerate(hints):
        if index:
            parts.append("  ")
        parts.append((key_label(key), "bold $accent"))
        parts.append(" " + t(description_key))
    return Content.assemble(*parts)


class KeyBar(Static):
    """Key hints for the current screen."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        padding: 0 1;
        color: $text-muted;
        background: $panel;
    }
    """

    def __init__(self, hints: Sequence[KeyHint], **kwargs: object) -> None:
        super().__init__(hints_content(hints), **kwargs)  # type: ignore[arg-type]
        self.hints = list(hints)

    def show_hints(self, hints: Sequence[KeyHint]) -> None:
        """Show other hints (the keys that matter change with what is on screen)."""
        if list(hints) != self.hints:
            self.hints = list(hints)
            self.update(hints_content(hints), layout=False)
