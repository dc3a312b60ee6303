"""Random keys from a flow's own keys, sent in one burst and one at a time: the same state.

The everyday burst suite plays each README flow as a user would. This longer variant
(``-m slow``) shuffles the keys those flows use into sequences no one wrote down, so
an order of keys that sends one to the wrong screen shows up even where no flow goes.
Only the flows without a clock are used: where breathing or an affirmation timer
runs, the slower run would rightly see more of it. Esc is left out (followed at once
by a key, no terminal tells it from Alt with that key; see ``bursts.py``).

A failure names its seed: ``-m slow -k "seed-17"`` plays the same keys again.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from tests.reliability.bursts import Burst, Flow, comparable, run_flow
from tests.reliability.test_bursts import FLOWS

WITHOUT_A_CLOCK = (
    "the guide with the step's details",
    "the board's look back",
    "a smaller step, carried over, let go and undone",
)
SEEDS = range(1, 9)
KEYS_PER_RUN = 40
_WORDS = re.compile(r"\S+\s*")


def vocabulary(flow: Flow) -> list[str]:
    """Every key the flow sends, its typed text cut into words, without Esc or quitting."""
    keys: list[str] = []
    for burst in flow.bursts:
        for key in burst.keys:
            if key in ("<ctrl+q>", "<escape>"):
                continue
            keys.extend([key] if key.startswith("<") else _WORDS.findall(key) or [key])
    return keys


def shuffled(flow: Flow, seed: int) -> Flow:
    """``flow`` with one burst of random keys from its vocabulary, then Ctrl+Q."""
    chance = random.Random(f"{flow.name}/{seed}")
    keys = tuple(chance.choice(vocabulary(flow)) for _ in range(KEYS_PER_RUN))
    first = flow.bursts[0]
    return Flow(
        f"{flow.name}, seed {seed}",
        flow.args,
        (Burst(first.ready, (*keys, "<ctrl+q>")),),
        lambda _state, _home: None,
        seed=flow.seed,
        size=flow.size,
        language=flow.language,
    )


CASES = [
    pytest.param(flow, seed, id=f"{flow.name}-seed-{seed}")
    for flow in FLOWS
    if flow.name in WITHOUT_A_CLOCK
    for seed in SEEDS
]


@pytest.mark.slow
@pytest.mark.parametrize(("flow", "seed"), CASES)
def test_random_keys_in_a_burst_save_what_they_save_one_at_a_time(
    flow: Flow, seed: int, tmp_path: Path
) -> None:
    played = shuffled(flow, seed)
    burst = run_flow(played, tmp_path / "burst", burst=True, must_save=False)
    slow = run_flow(played, tmp_path / "slow", burst=False, must_save=False)
    keys = played.bursts[0].keys
    assert comparable(burst) == comparable(slow), (
        f"{played.name}, keys {keys}:\nthe burst saved\n"
        f"{json.dumps(comparable(burst), indent=1)}\none at a time\n"
        f"{json.dumps(comparable(slow), indent=1)}"
    )
