"""A real durf app, headless in its own process, saving again and again.

Run by ``tests/core/test_two_processes.py`` as ``python -m tests.app.busy_app HOME NAME``:
it starts the app on HOME, says ``ready``, then saves one numbered affirmation
of its own after another through ``app.practice.keeper.change`` (the way every screen
saves), until the file ``HOME/../stop-NAME`` appears. Last it prints how many
it saved.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from durf.app import DurfApp
from durf.core.affirm import add_own
from durf.core.clock import SystemClock
from tests.app.conftest import settle

PAUSE_SECONDS = 0.005


async def save_until_told_to_stop(home: Path, name: str) -> int:
    """Save affirmations named ``NAME #i`` until the stop file appears; return how many."""
    stop = home.parent / f"stop-{name}"
    app = DurfApp(home)
    saved = 0
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await settle(pilot)
        print("ready", flush=True)
        while not stop.exists():
            when = SystemClock().now()
            text = f"{name} #{saved}"
            if not app.practice.keeper.change(
                lambda state, text=text, when=when: add_own(state, text, when)
            ):
                raise SystemExit(f"{name}: save {saved} was refused")
            saved += 1
            await pilot.pause(PAUSE_SECONDS)
    return saved


if __name__ == "__main__":
    count = asyncio.run(save_until_told_to_stop(Path(sys.argv[1]), sys.argv[2]))
    print(count, flush=True)
