"""A cheap first look at the state file, before the user interface starts.

Only the standard library is used here: the first frame must not wait for
pydantic or for a large history. The full, validated load comes right after.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from durf.core.paths import state_file

VERSION_AT_START = re.compile(rb'\A\s*\{\s*"schema_version"\s*:\s*(\d+)\s*,')
HEAD_BYTES = 8192


@dataclass(frozen=True)
class QuickLook:
    """What the first few kilobytes of the state file say."""

    schema_version: int | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    """The raw settings object, unvalidated; empty when it could not be read."""

    def setting(self, name: str, kind: type, default: Any = None) -> Any:
        """One setting if it has the expected type, else ``default``."""
        value = self.settings.get(name)
        if kind is bool:
            return value if isinstance(value, bool) else default
        return value if isinstance(value, kind) and not isinstance(value, bool) else default

    def number_within(self, name: str, low: float, high: float, default: float) -> float:
        """A numeric setting if it lies from ``low`` to ``high``, else ``default``.

        The quick look is unvalidated: a hand-edited ``0`` or ``NaN`` must not reach
        arithmetic that the full load would never have let it near.
        """
        value = self.settings.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return default
        return value if low <= value <= high else default


def quick_look(home: Path) -> QuickLook:
    """Read the version and the settings from the head of the state file.

    durf writes ``schema_version`` and ``settings`` before the history, so the
    first few kilobytes hold them even when the history is large. Anything
    unexpected gives an empty look; the full load deals with broken files.
    """
    try:
        with state_file(home).open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return QuickLook()
    match = VERSION_AT_START.match(head)
    version = int(match.group(1)) if match else None
    text = head.decode("utf-8", errors="ignore")
    key = text.find('"settings"')
    if key < 0:
        return QuickLook(version)
    try:
        start = text.index(":", key) + 1
        while text[start] in " \t\r\n":
            start += 1
        value, _ = json.JSONDecoder().raw_decode(text, start)
    except (ValueError, IndexError, RecursionError):
        # RecursionError: brackets nested too deep to decode. The full load
        # reports the file; this look must not stop every command, forget too.
        return QuickLook(version)
    return QuickLook(version, value if isinstance(value, dict) else {})
