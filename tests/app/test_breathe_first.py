"""``durf breathe --pattern``: the breathing is the first screen, and home comes when it is left.

The command opens the breathing as the app's first screen, with no home composed under
it (issue 21: the first frame is the breath, at about the cost of a bare Textual app).
Whatever way the user leaves it, they arrive home, as when it was opened from home.
"""

from __future__ import annotations

from pathlib import Path

from durf.app import DurfApp
from durf.core.paths import bundled_exercises_dir
from durf.core.patterns import pattern_by_id
from durf.screens.breathe.breathing import BreatheScreen
from durf.screens.breathe.checkout import CheckOutScreen
from durf.screens.breathe.rehearse import RehearseScreen
from durf.screens.breathe.sentence import SentenceScreen
from durf.screens.confirm import ConfirmScreen
from durf.screens.help import HelpScreen
from durf.screens.home import HomeScreen
from tests.app.conftest import (
    make_app,
    pass_time,
    saved,
    screen_text,
    seen_the_safety_line,
    settle,
    wait_until,
)


def breathing_first(home: Path, breaths: int) -> DurfApp:
    """The app as ``durf breathe --pattern box --breaths N`` starts it."""
    pattern = pattern_by_id([bundled_exercises_dir()], "box")
    assert pattern is not None
    return make_app(home, first=lambda app: app.breathing_screen(pattern, breaths))


async def test_the_breathing_is_the_only_screen_and_escape_leads_home(durf_home: Path) -> None:
    seen_the_safety_line(durf_home)
    app = breathing_first(durf_home, 3)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BreatheScreen)
        assert app.screen_stack == [app.screen]  # no home composed underneath
        assert "Breathe in" in screen_text(app)
        await pass_time(pilot, 5)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # carry on: still breathing, nothing saved
        assert isinstance(app.screen, BreatheScreen)
        assert "history" not in saved(durf_home)
        await pilot.press("escape", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        assert len(app.screen_stack) == 1
        # Home is composed now, with the state already read: the session just kept.
        assert "This week you practised on one day" in screen_text(app)
        assert app.screen.query_one("#menu").has_focus
    [record] = saved(durf_home)["history"]
    assert record["exercise"] == "breathe"
    assert record["completed"] is False
    assert record["details"]["pattern"] == "box"


async def test_breathing_to_the_end_goes_through_every_step_and_then_home(
    durf_home: Path,
) -> None:
    seen_the_safety_line(durf_home)
    app = breathing_first(durf_home, 1)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pass_time(pilot, 16.5)  # one box breath: 4 + 4 + 4 + 4 seconds
        assert isinstance(app.screen, SentenceScreen)
        assert len(app.screen_stack) == 1
        await pilot.press(*"I need a hand.", "enter", "enter")
        assert isinstance(app.screen, RehearseScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, CheckOutScreen)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        assert "I need a hand." in screen_text(app)  # the sentence waits to be said
    [record] = saved(durf_home)["history"]
    assert record["completed"] is True
    assert record["details"]["sentence"] == "I need a hand."


async def test_help_over_the_first_screen_closes_back_to_the_breathing(durf_home: Path) -> None:
    seen_the_safety_line(durf_home)
    app = breathing_first(durf_home, 3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BreatheScreen)
        assert len(app.screen_stack) == 1


async def test_home_from_the_palette_asks_first_and_then_shows_home(durf_home: Path) -> None:
    seen_the_safety_line(durf_home)
    app = breathing_first(durf_home, 3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pass_time(pilot, 2)
        await app.action_go_home()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        assert len(app.screen_stack) == 1
    assert saved(durf_home)["history"][0]["completed"] is False


async def test_deleting_everything_mid_breath_leaves_home_and_keeps_nothing(
    durf_home: Path,
) -> None:
    seen_the_safety_line(durf_home)
    app = breathing_first(durf_home, 3)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pass_time(pilot, 2)
        app.action_open_settings()
        await pilot.pause()
        app.screen.query_one("#forget").focus()
        await pilot.press("enter", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        assert len(app.screen_stack) == 1
    # The breathing was closed, not stopped: nothing of it saved back after the delete.
    assert not (durf_home / "state.json").exists() or "history" not in saved(durf_home)


async def test_the_first_time_safety_line_comes_on_the_first_screen_too(tmp_path: Path) -> None:
    app = breathing_first(tmp_path / "new-home", 3)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        notice = app.screen.query_one("#safety-notice")
        await wait_until(pilot, lambda: notice.has_class("-shown"), "the safety line")
        assert "If you feel dizzy" in screen_text(app)
