"""The core quadrant in a real terminal: all its keys in one write, and one at a time.

Opening it from home pushes a screen, each PgDn and Enter turns a page, Tab moves
from the ticks to the words and ``r`` replaces the summary with the pages again:
every one of them moves the focus while the keys behind it are already waiting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.reliability.bursts import Burst, Flow, burst_and_slow

WALK = (
    "9",
    "<space>",
    "<down>",
    "<down>",
    "<space>",
    "<tab>",
    "my “own” [b]words",
    "<enter>",
    "<space>",
    "<pagedown>",
    "<down>",
    "<space>",
    "<pagedown>",
    "<space>",
    "<tab>",
    "they laugh",
    "<enter>",
    "I say “I don't know” once",
    "<enter>",
)
REDO = ("r", "<down>", "<space>", *["<pagedown>"] * 4, "<end>", ", again", "<enter>", "<ctrl+q>")


def walks(state: dict[str, Any]) -> list[dict[str, Any]]:
    return [record for record in state["history"] if record["exercise"] == "quadrant"]


def walked_and_redone(state: dict[str, Any], _home: Path) -> None:
    first, again = walks(state)
    assert first["completed"] and again["completed"]
    assert first["details"]["ticked"] == {
        "quality": ["not-knowing", "feeling"],
        "pitfall": ["careless"],
        "challenge": ["confidence"],
        "allergy": ["judging"],
    }
    assert first["details"]["own"]["quality"] == "my “own” [b]words"
    assert first["details"]["own"]["allergy"] == "they laugh"
    assert first["details"]["sentence"] == "I say “I don't know” once"
    assert again["details"]["ticked"]["quality"] == ["not-knowing", "doubt", "feeling"]
    assert again["details"]["sentence"] == "I say “I don't know” once, again"


def left_half_way(state: dict[str, Any], _home: Path) -> None:
    [left] = walks(state)
    assert not left["completed"]
    assert left["details"]["own"]["quality"] == "eigen woorden"
    assert left["details"]["ticked"]["quality"] == ["not-knowing"]
    assert left["details"]["ticked"]["pitfall"] == ["careless"]


FLOWS = [
    Flow(
        "the core quadrant walked through and redone",
        (),
        (Burst("A practice session", (*WALK, *REDO)),),
        walked_and_redone,
    ),
    Flow(
        "het kernkwadrant halverwege gestopt",
        (),
        (
            Burst(
                "Een oefensessie",
                ("9", "<space>", "<tab>", "eigen woorden", "<enter>", "<space>", "<escape>"),
            ),
            Burst("Stoppen met het kernkwadrant?", ("y", "<ctrl+q>")),
        ),
        left_half_way,
        size=(60, 20),
        language="nl",
    ),
]


@pytest.mark.parametrize("flow", FLOWS, ids=[flow.name for flow in FLOWS])
def test_a_burst_saves_what_the_same_keys_one_at_a_time_save(flow: Flow, tmp_path: Path) -> None:
    burst_and_slow(flow, tmp_path)
