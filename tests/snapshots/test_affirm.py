"""What the affirmations look like: the library, a running session, the belief rating."""

from __future__ import annotations

from pathlib import Path

import pytest

from durf.app import DurfApp
from durf.core.clock import FixedClock
from durf.core.i18n import set_language
from tests.app.conftest import FROZEN_NOW, seen_the_safety_line, settle

SIZE = (80, 24)


def app_on(home: Path) -> DurfApp:
    seen_the_safety_line(home)
    return DurfApp(home, clock=FixedClock(FROZEN_NOW))


def keys(*pressed: str, seconds: float = 0):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*pressed)
        if seconds:
            pilot.app.clock.advance(seconds)
            pilot.app.screen._stop_timer()
            pilot.app.screen._tick()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("language", ["en", "nl"])
class TestAffirm:
    """The library of sets, a running session, and rating belief."""

    def test_library(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=keys("3"))

    def test_running_session(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        run = keys("3", "down", "down", "enter", "enter", "s", seconds=13)
        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=run)

    def test_belief_rating(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        run = keys("3", "down", "down", "enter", "enter", "4")
        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=run)
