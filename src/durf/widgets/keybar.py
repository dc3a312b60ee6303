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

PHONE_WIDTH = 60
"""Narrower than this, screens stack what stands side by side (the app's -phone class)
and the key bar may take two lines."""

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


HELP_HINT: KeyHint = ("?", "keys.help")
"""Where the keys go that a narrow key bar has no room for: help lists every one."""


def hints_content(
    hints: Sequence[KeyHint], *, focus: bool = False, width: int | None = None, rows: int = 1
) -> Content:
    """Render key hints as ``key what  key what``; in focus mode only the ones needed now.

    With a ``width``, the hints that fit in ``rows`` lines are shown whole, in their
    order, and ``? help`` closes the bar when some had to be left out.
    """
    if focus:
        hints = [hint for hint in hints if hint[1] not in SECONDARY]
    if width is None:
        return _assembled(hints)
    lines = _packed(_fitting(list(hints), width, rows), width)
    return Content("\n").join(_assembled(line) for line in lines)


def _packed(hints: Sequence[KeyHint], width: int) -> list[list[KeyHint]]:
    """The hints in lines of at most ``width`` cells, never splitting a hint."""
    lines: list[list[KeyHint]] = [[]]
    for hint in hints:
        if lines[-1] and _assembled([*lines[-1], hint]).cell_length > width:
            lines.append([])
        lines[-1].append(hint)
    return lines


def _fitting(hints: list[KeyHint], width: int, rows: int) -> list[KeyHint]:
    """The hints that fit in ``rows`` lines of ``width``, then help if any were left out.

    The keys a user knows (``SECONDARY``) give way first; of the rest, the leading
    ones (the most important) stay, in their order.
    """

    def fits(candidate: list[KeyHint]) -> bool:
        return len(_packed(candidate, width)) <= rows

    if fits(hints):
        return hints
    kept: list[KeyHint] = []
    for hint in hints:
        if hint[1] not in SECONDARY:
            if not fits([*kept, hint, HELP_HINT]):
                break
            kept.append(hint)
    for hint in hints:
        known = hint[1] in SECONDARY and hint != HELP_HINT
        if known and fits([*[h for h in hints if h in kept or h == hint], HELP_HINT]):
            kept.append(hint)
    return [*[hint for hint in hints if hint in kept], HELP_HINT]


def _assembled(hints: Sequence[KeyHint]) -> Content:
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
        height: auto;
        max-height: 2;
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
        self.refresh(layout=True)  # other hints may take another number of lines

    def render(self) -> Content:
        """The hints that fit the bar's width now (it follows the window)."""
        focus = bool(getattr(self.app, "focus_mode", False))
        # A phone's width gives the keys two lines, so Enter never has to make way.
        rows = 2 if self.app.size.width < PHONE_WIDTH else 1
        width = self.content_size.width or None
        return hints_content(self.hints, focus=focus, width=width, rows=rows)

    def show_hints(self, hints: Sequence[KeyHint]) -> None:
        """Show other hints (the keys that matter change with what is on screen)."""
        if list(hints) != self.hints:
            self.hints = list(hints)
            self._show()
