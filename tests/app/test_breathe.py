"""Breathing before speaking, driven as a user would, with a fast-forwarded clock."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, SelectionList

from durf.core.i18n import set_language
from durf.screens.breathe.breathing import SAFETY_DELAY, BreatheScreen
from durf.screens.breathe.checkin import CheckInScreen
from durf.screens.breathe.checkout import CheckOutScreen
from durf.screens.breathe.rehearse import RehearseScreen
from durf.screens.breathe.sentence import SentenceScreen
from durf.screens.breathe.setup import SetupScreen
from durf.screens.confirm import ConfirmScreen
from durf.screens.home import HomeScreen
from tests.app.conftest import (
    make_app,
    pass_time,
    saved,
    screen_text,
    seen_the_safety_line,
    settle,
    start_breathing,
    wait_until,
)


@pytest.fixture(autouse=True)
def breathed_before(durf_home: Path) -> None:
    """Start every test as someone who has breathed before.

    The first-time safety line comes on a real-time timer and takes the next key for
    itself: on a busy machine it would come in the middle of a test's keys. The tests
    of the line itself use a home of their own.
    """
    seen_the_safety_line(durf_home)


async def test_the_whole_exercise_from_check_in_to_follow_up(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("space", "down", "space", "tab", "7", "enter")
        assert isinstance(app.screen, SetupScreen)
        assert "6 breaths" in screen_text(app)
        await pilot.press(*["left"] * 5, "enter")
        assert isinstance(app.screen, BreatheScreen)
        await pilot.pause()
        assert "Breathe in" in screen_text(app)
        await pass_time(pilot, 2)
        await pilot.press("space")  # pause
        assert "Paused" in screen_text(app)
        # Five minutes go by while paused: the screen looks at the clock, and stays.
        app.clock.advance(300)
        app.screen.catch_up()
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        assert "Paused" in screen_text(app)
        await pilot.press("space")
        await pass_time(pilot, 3)
        assert "Breathe out slowly" in screen_text(app)
        await pass_time(pilot, 5.5)
        assert isinstance(app.screen, SentenceScreen)

        # The first Down goes into the ideas, the second picks one for the line.
        await pilot.press("down", "down", "enter")
        sentence = app.screen.query_one("#sentence", Input)
        assert sentence.value == "This is hard for me to say."
        await pilot.press(*" [echt]", "enter", *"Sam [/b]", "enter")
        assert isinstance(app.screen, RehearseScreen)
        text = screen_text(app)
        assert "This is hard for me to say. [echt]" in text
        assert "for Sam [/b]" in text
        await pilot.press("enter")
        assert isinstance(app.screen, CheckOutScreen)
        await pilot.press("3")
        assert "Before 7   →   now 3" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "This is hard for me to say. [echt]" in screen_text(app)

        state = saved(durf_home)
        [record] = state["history"]
        details = record["details"]
        assert record["completed"] is True
        assert details["areas"] == ["breath", "throat"]
        assert (details["tension_before"], details["tension_after"]) == (7, 3)
        assert (details["breaths_planned"], details["breaths_done"]) == (1, 1)
        assert details["breathing_seconds"] == 10.0  # the paused five minutes do not count
        assert details["sentence"] == "This is hard for me to say. [echt]"
        assert state["settings"]["breath_count"] == 1

        await pilot.press("y")
        await pilot.pause()
        assert saved(durf_home)["sentences"][0]["status"] == "said"
        assert "Sentences waiting" not in screen_text(app)


async def test_stopping_early_asks_first_and_keeps_the_session_as_not_completed(
    durf_home: Path,
) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 6)
        await pass_time(pilot, 12)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # carry on
        assert isinstance(app.screen, BreatheScreen)
        await pass_time(pilot, 9)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [record] = saved(durf_home)["history"]
    assert record["completed"] is False
    assert record["details"]["breaths_done"] == 2
    assert record["details"]["breathing_seconds"] == 21.0


async def test_leaving_the_check_in_saves_nothing(durf_home: Path) -> None:
    before = (durf_home / "state.json").read_bytes()
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "escape")
        assert isinstance(app.screen, HomeScreen)
    assert (durf_home / "state.json").read_bytes() == before


async def test_a_slower_pace_is_used_at_once_and_remembered(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 6)
        await pilot.press("left", "left")
        await pilot.pause()
        assert "20% slower" in screen_text(app)
        await pass_time(pilot, 4.5)  # 4 s in-breath now lasts 4.8 s
        assert "Breathe in" in screen_text(app)
    assert saved(durf_home)["settings"]["breath_pace"] == 1.2


async def test_reduced_motion_shows_calm_words_and_a_count(durf_home: Path) -> None:
    set_language("nl")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.change_reduced_motion(True)
        app.start_breathing_now(app.practice.breathing.current_pattern(), 2)
        await pilot.pause()
        assert not app.screen.query("#orb")
        calm = str(app.screen.query_one("#calm-word").render())
        assert calm.split() == ["Adem", "in", "4"]
        await pass_time(pilot, 5)
        assert str(app.screen.query_one("#calm-word").render()).split() == [
            "Adem", "rustig", "uit", "5"
        ]  # fmt: skip


async def test_the_bell_rings_at_each_phase_change_only_when_asked(
    durf_home: Path, monkeypatch
) -> None:
    app = make_app(durf_home)
    rings: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app, "bell", lambda: rings.append(1))
        app.start_breathing_now(app.practice.breathing.current_pattern(), 3)
        await pilot.pause()
        await pass_time(pilot, 10.5)
        assert rings == []
        app.change_sound_cue(True)
        rings.clear()
        await pass_time(pilot, 10)
        assert len(rings) == 2


async def test_stopping_on_the_sentence_screen_keeps_what_was_typed(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 1)
        await pass_time(pilot, 10.5)
        assert isinstance(app.screen, SentenceScreen)
        line = app.screen.query_one("#sentence", Input)
        line.focus()
        await pilot.press(*"Ik twijfel ")
        line.insert_text_at_cursor("😬")  # Pilot has no key for an emoji; a paste does this
        await pilot.press(*" [x]", "escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    state = saved(durf_home)
    assert state["history"][0]["completed"] is False
    assert state["history"][0]["details"]["sentence"] == "Ik twijfel 😬 [x]"


async def test_words_for_someone_without_a_sentence_are_not_skipped_past(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 1)
        await pass_time(pilot, 10.5)
        app.screen.query_one("#for-whom", Input).focus()
        await pilot.press(*"Sam", "enter")
        assert isinstance(app.screen, SentenceScreen)
        assert app.focused is app.screen.query_one("#sentence", Input)
        assert app.screen.query_one("#for-whom", Input).value == "Sam"


async def test_breathing_waits_under_help_and_is_saved_only_once(durf_home: Path) -> None:
    from durf.screens.help import HelpScreen

    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 1)
        await pass_time(pilot, 3)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        app.clock.advance(60)  # reading the help does not use up the breath
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        assert "Breathe in" in screen_text(app)
        await pass_time(pilot, 8)
        assert isinstance(app.screen, SentenceScreen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [record] = saved(durf_home)["history"]
    assert record["details"]["breathing_seconds"] == 10.0  # the minute under help is not in it


async def test_a_failed_save_keeps_the_user_on_the_step_with_everything(
    durf_home: Path, monkeypatch
) -> None:
    from durf.core.store import StateWriteError, Store

    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 1)
        await pass_time(pilot, 10.5)
        # An idea into the sentence, past for whom, through rehearsing, to the check-out.
        await pilot.press("down", "enter", "enter", "enter", "enter", "6")
        assert isinstance(app.screen, CheckOutScreen)

        def disk_full(self, change):
            raise StateWriteError("The disk is full.")

        monkeypatch.setattr(Store, "update", disk_full)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckOutScreen)
        assert any("disk is full" in n.message for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [record] = saved(durf_home)["history"]
    assert record["details"]["tension_after"] == 6


async def test_quitting_mid_exercise_keeps_it_as_not_finished(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 6)
        await pass_time(pilot, 15)
        await pilot.press("ctrl+q")
        await pilot.pause()
    [record] = saved(durf_home)["history"]
    assert record["completed"] is False
    assert record["details"]["breaths_done"] == 1


async def test_home_from_the_palette_mid_exercise_asks_first(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 6)
        await pass_time(pilot, 2)
        await app.action_go_home()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")  # Dutch "ja" works in English too
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert saved(durf_home)["history"][0]["completed"] is False


async def test_changing_language_mid_exercise_keeps_what_was_entered(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 1)
        await pass_time(pilot, 10.5)
        line = app.screen.query_one("#sentence", Input)
        line.focus()
        await pilot.press(*"Ik durf")
        app.change_language("nl")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#sentence", Input).value == "Ik durf"
        assert "Je eerste eerlijke zin" in app.screen.query_one("#sentence", Input).placeholder


async def test_a_changed_pace_does_not_change_the_time_spent(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 6)
        await pass_time(pilot, 30)
        await pilot.press("right", "right", "right", "right")  # 40% faster
        await pilot.pause()
        await pass_time(pilot, 5)
        await pilot.press("escape", "y")
        await pilot.pause()
    assert saved(durf_home)["history"][0]["details"]["breathing_seconds"] == 35.0


async def test_escape_codes_in_a_sentence_are_shown_not_obeyed(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_breathing(pilot, 1)
        await pass_time(pilot, 10.5)
        app.screen.query_one("#sentence", Input).value = "Hoi\x1b]0;PWNED\x07 [b]x"
        await pilot.press("ctrl+r")
        await pilot.pause()
        text = screen_text(app)
        assert "Hoi␛]0;PWNED␇ [b]x" in text
        assert "\x1b" not in text


async def test_a_session_can_be_counted_in_minutes_and_that_is_remembered(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "s", "m", "right")
        assert "3 minutes  ·  18 breaths" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
        assert "breath 1 of 18" in screen_text(app)
    settings = saved(durf_home)["settings"]
    assert (settings["breath_unit"], settings["breath_minutes"]) == ("minutes", 3)


async def test_the_safety_line_is_shown_once_at_the_first_breathing(tmp_path: Path) -> None:
    first_time = tmp_path / "never-breathed"
    for expected in (True, False):
        app = make_app(first_time)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.start_breathing_now(app.practice.breathing.current_pattern(), 3)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BreatheScreen)
            if expected:
                # It comes a moment after the first frame.
                await wait_until(
                    pilot,
                    lambda screen=screen: screen.safety_notice_shown,
                    "the safety line to show",
                )
                assert "breathe normally again" in screen_text(app)
            else:
                # A timer set now fires after the one the screen would have set as it
                # opened: once it has, the line would be there by now.
                past_its_moment = asyncio.Event()
                screen.set_timer(SAFETY_DELAY, past_its_moment.set)
                await wait_until(pilot, past_its_moment.is_set, "the safety line's moment")
                assert not screen.safety_notice_shown
                assert "breathe normally again" not in screen_text(app)
    assert saved(first_time)["settings"]["safety_seen"] is True


async def test_the_safety_line_stays_until_a_key_puts_it_away(tmp_path: Path) -> None:
    app = make_app(tmp_path / "never-breathed")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.start_breathing_now(app.practice.breathing.current_pattern(), 6)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        await wait_until(
            pilot, lambda screen=screen: screen.safety_notice_shown, "the safety line to show"
        )
        await pass_time(pilot, 20)  # breaths go by; the line stays
        assert screen.safety_notice_shown
        await pilot.press("space")
        await pilot.pause()
        assert not screen.safety_notice_shown
        assert "breathe normally again" not in screen_text(app)
        # The key that put it away did nothing else: the breath did not pause.
        assert screen.stopwatch.running


async def test_nowhere_really_and_an_area_exclude_each_other(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        assert isinstance(app.screen, CheckInScreen)
        areas = app.screen.query_one("#areas", SelectionList)
        # Breath and throat, then "Nowhere, really" (the last of eight) unticks them.
        await pilot.press("space", "down", "space", *["down"] * 6, "space")
        await pilot.pause()
        assert areas.selected == ["nowhere"]
        # Ticking an area again unticks "Nowhere, really".
        await pilot.press(*["up"] * 7, "space")
        await pilot.pause()
        assert areas.selected == ["breath"]
        await pilot.press("tab", "4", "enter")
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen.query_one("#areas", SelectionList).selected == ["breath"]
