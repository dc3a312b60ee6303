"""``durf status``: one short line about this week's steps, for a shell prompt.

Only the standard library is used, and only the head of the state file is read:
the steps are written before the history, so a long history costs nothing here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from durf.core.i18n import t, tn
from durf.core.paths import state_file
from durf.core.text import SHOWN_TEXT_LENGTH, one_line
from durf.core.weeks import Week

CHUNK_BYTES = 64 * 1024
STATUS_ORDER = ("done", "planned", "smaller", "moved", "not_this_time")
"""The order in which the line counts steps: what went well first."""


class StatusUnreadable(Exception):
    """The state file is there but its head cannot be read as durf's JSON."""


@dataclass(frozen=True)
class StepsGlance:
    """What ``durf status`` needs from the state file."""

    steps: list[dict[str, Any]]
    draft_waiting: bool


def _top_level_values(text: str, wanted: set[str], stop_at: str) -> dict[str, Any] | None:
    """Walk the top-level object of ``text`` and decode the ``wanted`` values.

    Returns ``None`` when the text ends before the walk is done. Stops at
    ``stop_at`` without decoding it. Raises ``ValueError`` on text that is not a
    JSON object, or that was cut in the middle of a value (read more, then retry).
    """
    decoder = json.JSONDecoder()
    found: dict[str, Any] = {}
    position = _skip_space(text, 0)
    if text[position : position + 1] != "{":
        raise ValueError("not an object")
    position += 1
    while True:
        position = _skip_space(text, position)
        if position >= len(text):
            return None
        if text[position] == "}":
            return found
        key, position = decoder.raw_decode(text, position)
        position = _skip_space(text, position)
        if position >= len(text):
            return None
        if text[position] != ":":
            raise ValueError("expected a colon")
        if key == stop_at:
            return found
        value, position = decoder.raw_decode(text, _skip_space(text, position + 1))
        if key in wanted:
            found[key] = value
            if wanted <= found.keys():
                return found
        position = _skip_space(text, position)
        if position >= len(text):
            return None
        if text[position] == ",":
            position += 1
        elif text[position] != "}":
            raise ValueError("expected a comma between members")


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def glance(home: Path) -> StepsGlance:
    """Read the steps and whether a guide draft waits, without reading the history."""
    path = state_file(home)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return StepsGlance([], False)
    except OSError as error:
        raise StatusUnreadable(error.strerror or str(error)) from None
    with handle:
        data = b""
        while True:
            chunk = handle.read(max(CHUNK_BYTES, len(data)))
            data += chunk
            # utf-8-sig: an editor may put a byte order mark before the JSON,
            # which the full load accepts as well.
            text = data.decode("utf-8-sig", errors="ignore")
            try:
                values = _top_level_values(text, {"steps", "step_draft"}, stop_at="history")
            except RecursionError:
                raise StatusUnreadable("nested too deep") from None
            except ValueError as error:
                # Most often a value cut by the chunk's end: read on before judging.
                if chunk:
                    continue
                raise StatusUnreadable(str(error)) from None
            if values is not None:
                break
            if not chunk:
                raise StatusUnreadable("the file ends too early")
    steps = values.get("steps", [])
    if not isinstance(steps, list):
        raise StatusUnreadable("steps is not a list")
    return StepsGlance(
        [step for step in steps if isinstance(step, dict)], values.get("step_draft") is not None
    )


def _weekday(value: object) -> int | None:
    """A step's planned weekday read as the app reads it (a hand-edited ``"4"`` is Thursday)."""
    whole = (
        isinstance(value, int)  # also True and False, which pydantic reads as 1 and 0
        or (isinstance(value, float) and value.is_integer())
        or (isinstance(value, str) and value.strip().isascii() and value.strip().isdigit())
    )
    if not whole:
        return None
    number = int(value)  # type: ignore[arg-type]
    return number if 1 <= number <= 7 else None


def status_line(seen: StepsGlance, today: date) -> str:
    """This week's steps and their state, in the active language, on one line."""
    week = Week.of(today)
    label = str(week)
    steps = [step for step in seen.steps if step.get("week") == label]
    heading = t("status.week", number=week.number)
    if not steps:
        line = f"{heading}: {t('status.none')}"
        return line + (f" · {t('status.draft')}" if seen.draft_waiting else "")
    counts = [
        tn(f"status.count.{status}", count)
        for status in STATUS_ORDER
        if (count := sum(1 for step in steps if step.get("status", "planned") == status))
    ]
    line = f"{heading}: {' · '.join(counts)}"
    planned = [step for step in steps if step.get("status", "planned") == "planned"]
    if planned:
        upcoming = min(planned, key=lambda step: _weekday(step.get("day")) or 8)
        day = _weekday(upcoming.get("day"))
        when = f"{t(f'weekday.short.{day}')} " if day is not None else ""
        what = one_line(str(upcoming.get("what", "")), SHOWN_TEXT_LENGTH)
        line += f" · {t('status.next', when=when, what=what)}"
    if seen.draft_waiting:
        line += f" · {t('status.draft')}"
    return line
