"""Snapshot apps: a fixed, never-created home so the pictures do not change per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from durf.app import DurfApp
from durf.core.clock import FixedClock
from tests.app.conftest import FROZEN_NOW, settle

PICTURE_HOME = Path("/home/you/.local/share/durf")
"""Shown on the about screen; nothing is ever written there (no test changes settings)."""


@pytest.fixture
def picture_app():
    """Build a durf app for a snapshot, refusing to run if the picture home is real."""
    if PICTURE_HOME.exists():
        pytest.skip(f"{PICTURE_HOME} exists on this machine; snapshots would read it")

    def build() -> DurfApp:
        return DurfApp(PICTURE_HOME, clock=FixedClock(FROZEN_NOW))

    return build


def keys(*pressed: str):
    """A snapshot's ``run_before``: wait for the load, press ``pressed``, let the screen settle."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        if pressed:
            await pilot.press(*pressed)
        await pilot.pause()

    return run_before
