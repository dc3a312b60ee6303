"""What breathing before speaking looks like, step by step, at a frozen clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from durf.app import DurfApp
from durf.core.clock import FixedClock
from durf.core.i18n import set_language
from tests.app.conftest import FROZEN_NOW, breathing_moment, seen_the_safety_line, settle
from tests.snapshots.conftest import keys

SIZE = (80, 24)


def app_on(home: Path) -> DurfApp:
    seen_the_safety_line(home)
    return DurfApp(home, clock=FixedClock(FROZEN_NOW))


def breathing_at(seconds: float, *, calm: bool = False):
    """Start a six-breath session of the default pattern and stop the clock at ``seconds``."""

    async def run_before(pilot) -> None:
        await breathing_moment(pilot, seconds, calm=calm)

    return run_before


@pytest.mark.parametrize("language", ["en", "nl"])
class TestBreathe:
    """Check-in, mid in-breath, mid out-breath, the sentence, rehearsing and check-out."""

    def test_check_in(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        run = keys("2", "space", "down", "down", "space", "tab", "7")
        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=run)

    def test_setup(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        run = keys("2", "s")
        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=run)

    def test_mid_in_breath(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=breathing_at(2.0))

    def test_mid_out_breath(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=breathing_at(7.0))

    def test_sentence(self, snap_compare, durf_home, language) -> None:
        set_language(language)

        async def run_before(pilot) -> None:
            await breathing_at(60.0)(pilot)
            await pilot.press("down", "down", "down", "enter")
            await pilot.pause()

        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=run_before)

    def test_rehearse(self, snap_compare, durf_home, language) -> None:
        set_language(language)

        async def run_before(pilot) -> None:
            await breathing_at(60.0)(pilot)
            await pilot.press("down", "enter", "enter", *"Sam", "enter")
            await pilot.pause()

        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=run_before)

    def test_check_out(self, snap_compare, durf_home, language) -> None:
        set_language(language)

        async def run_before(pilot) -> None:
            await pilot.app.workers.wait_for_complete()
            await settle(pilot)
            await pilot.press("2", "tab", "7", "enter", *["left"] * 5, "enter")
            pilot.app.clock.advance(10)
            pilot.app.screen.catch_up()
            await pilot.pause()
            await pilot.press("down", "enter", "enter", "enter", "enter", "4")
            await pilot.pause()

        assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=run_before)


def test_reduced_motion_breathing(snap_compare, durf_home) -> None:
    assert snap_compare(
        app_on(durf_home), terminal_size=SIZE, run_before=breathing_at(2.0, calm=True)
    )


def test_home_with_an_open_sentence(snap_compare, durf_home) -> None:
    set_language("nl")

    async def run_before(pilot) -> None:
        await breathing_at(60.0)(pilot)
        await pilot.press("down", "enter", "enter", *"Sam, maandag", "enter", "enter", "enter")
        await pilot.pause()

    assert snap_compare(app_on(durf_home), terminal_size=SIZE, run_before=run_before)
