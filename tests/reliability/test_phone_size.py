"""Whole flows at 40x16 (a phone in portrait, a split pane) in a real pseudo-terminal.

The same README flows as the burst suite, in the smallest window durf lays out:
a practice session, an affirmation round, and a small step looked back on (breathing
with its sentence and planning a step run at 40x16 in the burst suite, in Dutch).
Each runs with its keys in one write and one at a time; both must save the same,
and what was typed must be where the user put it. In a window this small the key
hints, the scales and the fields are laid out anew, so this is where a key landing
on the wrong field would show.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.reliability.bursts import Burst, Flow, burst_and_slow
from tests.reliability.test_bursts import FLOWS

PHONE = (40, 16)

READY_AT_PHONE_SIZE = {
    "A mix of everything": "Affirmations grow stronger",
}
"""Words a flow waits for that are further down a list than 16 rows show, and the
words at the top of the same screen to wait for instead."""


def at_phone_size(name: str) -> Flow:
    """The burst suite's flow ``name`` in a 40x16 window."""
    flow = next(flow for flow in FLOWS if flow.name == name)
    bursts = tuple(
        Burst(READY_AT_PHONE_SIZE.get(part.ready, part.ready), part.keys) for part in flow.bursts
    )
    return replace(flow, name=f"{name} at 40x16", bursts=bursts, size=PHONE)


PHONE_FLOWS = [
    at_phone_size("a practice session"),
    at_phone_size("affirmations read aloud"),
    at_phone_size("the board's look back"),
]
"""Breathing with its sentence and planning a step with the guide run at 40x16 in
the burst suite itself, in Dutch (its flows "in the smallest window")."""


@pytest.mark.parametrize("flow", PHONE_FLOWS, ids=[flow.name for flow in PHONE_FLOWS])
def test_a_whole_flow_at_40x16(flow: Flow, tmp_path: Path) -> None:
    """Done end to end from the keyboard at 40x16; a burst saves what slow keys save."""
    burst_and_slow(flow, tmp_path)
