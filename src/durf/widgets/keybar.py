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


SECONDARY = frozenset(
    {"keys.help", "keys.quit", "keys.move", "keys.next_field", "keys.switch_list", "keys.choose"}
)
"""Hints focus mode leaves out: keys a user knows, or that are not needed now."""


def hints_content(hints: Sequence[KeyHint], *, focus: bool = False) -> Content:
    """Render key hints as ``key what  key what``; in focus mode only the ones needed now."""
    if focus:
        hints = [hint for hint in hints if hint[1] not in SECONDARY]
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
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.hints = list(hints)

    def on_mount(self) -> None:
        """Follow focus mode: it changes which hints are worth showing."""
        self.watch(self.app, "focus_mode", self._show, init=True)

    def _show(self, _focus: bool = False) -> None:
        focus = bool(getattr(self.app, "focus_mode", False))
        self.update(hints_content(self.hints, focus=focus), layout=False)

    def show_hints(self, hints: Sequence[KeyHint]) -> None:
        """Show other hints (the keys that matter change with what is on screen)."""
        if list(hints) != self.hints:
            self.hints = list(hints)
            self._show()
