"""Keys as they arrive: a whole key sequence in one write, or one key at a time.

Over SSH, from a fast typist or in a paste, a terminal hands a program many keys
at once. A flow is driven twice in a real pseudo-terminal on a fresh home: once
with all its keys in ONE write, once a key per write at a typist's pace. The
saved states, with ids and clock readings put aside, must be the same: the
order keys arrive in, not their timing, decides what is saved.

The typist's pace is the input being modelled, not a way to wait: what a run
waits for is durf's own exit, and after it the state file.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.reliability.real_terminal import RealTerminal, durf_command, private_environment

KEY_BYTES = {
    "enter": b"\r",
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "space": b" ",
    "backspace": b"\x7f",
    "escape": b"\x1b",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "delete": b"\x1b[3~",
    **{f"ctrl+{letter}": bytes([ord(letter) - 96]) for letter in "abdefgknopqrsuvwxyz"},
}
"""Named keys as an xterm sends them; anything else in a flow is typed text."""

TYPIST_PACE = 0.06
"""Seconds between keys sent one at a time: a steady typist, slower than durf."""


def key_bytes(key: str) -> bytes:
    """The bytes a terminal sends for ``key``: a named key, or text as typed."""
    if key.startswith("<") and key.endswith(">"):
        return KEY_BYTES[key[1:-1]]
    return key.encode()


def one_at_a_time(keys: Sequence[str]) -> list[bytes]:
    """Every key of ``keys`` on its own (text split into its characters)."""
    pieces: list[bytes] = []
    for key in keys:
        if key.startswith("<") and key.endswith(">"):
            pieces.append(KEY_BYTES[key[1:-1]])
        else:
            pieces.extend(character.encode() for character in key)
    return pieces


@dataclass(frozen=True)
class Burst:
    """Keys sent together once ``ready`` is on the screen.

    ``keys`` are text to type and ``<name>`` keys. A flow is cut into bursts only
    where the user would wait for the app anyway (breathing that takes its time,
    a timer running out), or after Esc: a terminal cannot tell Esc followed at
    once by a key from Alt with that key, so no program can.
    """

    ready: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Flow:
    """A README flow: how it starts, its bursts of keys, and what it must save.

    The last burst should leave durf (``<ctrl+q>``). ``expect`` checks the saved
    state and the home as a user would (their words in the right fields), so a
    burst and a slow run that were both wrong cannot pass by agreeing.
    """

    name: str
    args: tuple[str, ...]
    bursts: tuple[Burst, ...]
    expect: Callable[[dict[str, Any], Path], None]
    seed: Callable[[Path], None] | None = None
    size: tuple[int, int] = (100, 30)
    language: str = "en"


def run_flow(flow: Flow, scratch: Path, *, burst: bool, must_save: bool = True) -> dict[str, Any]:
    """Run ``flow`` on a fresh home under ``scratch``; the state file durf left.

    With ``must_save`` false, a run that saved nothing gives an empty dict.
    """
    (scratch / "user").mkdir(parents=True, exist_ok=True)
    if flow.seed is not None:
        flow.seed(scratch / "durf")
    args = [*durf_command(*flow.args)]
    args[args.index("--lang") + 1] = flow.language
    columns, lines = flow.size
    with RealTerminal(args, private_environment(scratch), columns, lines) as terminal:
        for part in flow.bursts:
            terminal.wait_for(part.ready)
            if burst:
                os.write(terminal.master, b"".join(key_bytes(key) for key in part.keys))
            else:
                for piece in one_at_a_time(part.keys):
                    os.write(terminal.master, piece)
                    time.sleep(TYPIST_PACE)
        status = terminal.wait_exit(timeout=60)
        assert status == 0, f"durf exited with {status}:\n{terminal.screen_text()}"
    path = scratch / "durf" / "state.json"
    if not must_save and not path.exists():
        return {}
    assert path.exists(), "nothing was saved"
    return json.loads(path.read_text("utf-8"))


_ID = re.compile(r"\b[0-9a-f]{32}\b")
_CLOCK_READING = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_MEASURED = {"practice_seconds", "breathing_seconds"}
"""Durations the clock measured (a planned number of minutes is a choice, and stays)."""


def comparable(value: Any, ids: dict[str, str] | None = None, key: str = "") -> Any:
    """``value`` with what differs between two honest runs put aside.

    Ids become their order of appearance (so links between records still
    compare), clock readings and measured durations become a marker. Every word
    typed, every choice and every rating stays as it is.
    """
    ids = {} if ids is None else ids
    if isinstance(value, dict):
        return {name: comparable(item, ids, name) for name, item in value.items()}
    if isinstance(value, list):
        return [comparable(item, ids, key) for item in value]
    if isinstance(value, str):
        if _CLOCK_READING.match(value):
            return "<clock>"
        # Ids stand alone or inside keys (``own/<id>``).
        return _ID.sub(lambda found: ids.setdefault(found[0], f"id-{len(ids) + 1}"), value)
    if key in _MEASURED and isinstance(value, int | float) and not isinstance(value, bool):
        return "<measured>"
    return value


def burst_and_slow(flow: Flow, tmp_path: Path) -> dict[str, Any]:
    """Run ``flow`` both ways; assert they saved the same; the burst's state."""
    burst = run_flow(flow, tmp_path / "burst", burst=True)
    slow = run_flow(flow, tmp_path / "slow", burst=False)
    assert comparable(burst) == comparable(slow), (
        f"{flow.name}: the burst saved\n{json.dumps(comparable(burst), indent=1)}\n"
        f"the keys one at a time saved\n{json.dumps(comparable(slow), indent=1)}"
    )
    flow.expect(burst, tmp_path / "burst")
    return burst
