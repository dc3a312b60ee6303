"""Text fields that show control characters as pictures, like every other place in durf.

Textual's ``Input`` and ``TextArea`` send their text to the terminal as it is:
an ESC in a sentence from an imported file, a hand-edited state file or
``durf affirm add "$(...)"`` would start a real escape sequence (clear the
screen, retitle the window) the moment the field shows it. These fields draw
each control character as its picture (``␛``) instead, one character for one,
so the cursor and selection stay where they were. The value itself is never
touched: what is saved is exactly what was there.

Textual's ``TextArea`` also rewrites line breaks as it loads a text: a form
feed, U+2028 or a lone ``\x1c`` becomes ``\n``, and mixed ``\n`` and ``\r\n``
become one kind. A field the user never changed must give back the text as it
was given, or merely opening a form would change the words (and ask whether to
leave "what you typed").
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Input, TextArea

from durf.core.text import shown


class ShownInput(Input):
    """An ``Input`` whose control characters are drawn as pictures."""

    @property
    def _value(self) -> Text:
        # Textual 8 draws the line (and measures it) from this property.
        if self.password:
            return super()._value
        text = Text(shown(self.value), no_wrap=True, overflow="ignore", end="")
        if self.highlighter is not None:
            text = self.highlighter(text)
        return text

    def _position_to_cell(self, position: int) -> int:
        # Measured on what is drawn: a picture takes a cell, the raw character none.
        return cell_len(expand_tabs_inline(shown(self.value[:position]), 4))


class ShownTextArea(TextArea):
    """A ``TextArea`` whose control characters are drawn as pictures, and whose
    ``text`` is exactly the text it was given until the user changes it."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(text, *args, **kwargs)
        self._given = (text, self.document.text)

    def load_text(self, text: str) -> None:
        """Replace the text, remembering it as given."""
        super().load_text(text)
        self._given = (text, self.document.text)

    @property
    def text(self) -> str:
        """The text: as given while the user has not changed it, else as edited."""
        given, as_loaded = getattr(self, "_given", (None, None))
        current = self.document.text
        return given if given is not None and current == as_loaded else current

    @text.setter
    def text(self, value: str) -> None:
        self.load_text(value)

    def get_line(self, line_index: int) -> Text:
        """The line as drawn: control characters as pictures, one for one."""
        return Text(shown(self.document.get_line(line_index)), end="", no_wrap=True)
