"""Showing user text literally, without letting it steer the terminal.

A sentence pasted from elsewhere, or a hand-edited state file, can hold control
characters: ESC starts a terminal escape sequence (which could retitle the
window or worse), others move the cursor. durf keeps such text byte for byte
in the state file, and shows each control character as its visible picture
(``␛`` for ESC) instead of sending it to the terminal.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls have no pictures


def shown(text: str) -> str:
    """``text`` as it should appear on screen: control characters made visible.

    Newlines and tabs are kept; everything else is left exactly as typed.
    """
    return _CONTROL.sub(_picture, text)


def has_control_characters(text: str) -> bool:
    """Whether ``text`` holds a character that ``shown`` would replace."""
    return _CONTROL.search(text) is not None


SHOWN_TEXT_LENGTH = 40
"""How much of a user's text a one-line summary shows."""


def one_line(text: str, length: int = SHOWN_TEXT_LENGTH) -> str:
    """User text on one short line: shown literally, line breaks as spaces, cut with an ellipsis."""
    # Line breaks (also Windows' \r\n) become spaces before control characters are pictured.
    flat = shown(" ".join(text.split()))
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1]
    space = cut.rfind(" ")
    if space > length // 2:
        cut = cut[:space]  # end on a whole word when one is near
    return cut.rstrip() + "…"


def say(message: str = "", *, error: bool = False) -> None:
    """Print a message of the command line for the person reading it.

    Messages quote file names, paths and the user's own words; their control
    characters are shown as pictures, so none of them can steer the terminal
    (or a shell prompt that shows ``durf status``). Data meant for a pipe, like
    ``durf export``, is written as it is, not through here.
    """
    import sys

    print(shown(message), file=sys.stderr if error else sys.stdout)
