"""Breathing's screens take the keys where a user expects them (issue 15, findings 2 and 10)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import SelectionList

from durf.screens.breathe.checkin import CheckInScreen
from durf.screens.breathe.rehearse import RehearseScreen
from durf.screens.breathe.sentence import SentenceScreen
from durf.screens.breathe.setup import SetupScreen
from tests.app.conftest import make_app, pass_time, screen_text, settle, start_breathing


async def test_the_sentence_screen_takes_typing_in_its_sentence_line(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 1)
        await pass_time(pilot, 10.5)
        assert isinstance(app.screen, SentenceScreen)
        # Nothing focused by hand: the words go where the screen asks for them.
        await pilot.press(*"I need a hand with this.", "tab", *"Sam", "ctrl+r")
        assert isinstance(app.screen, RehearseScreen)
        assert "I need a hand with this." in screen_text(app)
        assert "Sam" in screen_text(app)


async def test_escape_on_choose_a_rhythm_goes_back_to_the_check_in_as_filled(
    durf_home: Path,
) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "space", "down", "space", "tab", "7", "enter")
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, CheckInScreen)
        checkin = app.screen
        assert checkin.query_one("#tension").value == 7
        assert len(checkin.query_one("#areas", SelectionList).selected) == 2
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
