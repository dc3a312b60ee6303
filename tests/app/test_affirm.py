"""Affirmations, driven as a user would: your own ones, and a session in both modes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from durf.core.i18n import set_language
from durf.screens.affirm import AffirmScreen
from durf.screens.affirm_belief import BeliefScreen
from durf.screens.affirm_own import OwnScreen
from durf.screens.affirm_session import AffirmSessionScreen
from durf.screens.affirm_setup import AffirmSetupScreen
from durf.screens.confirm import ConfirmScreen
from tests.app.conftest import make_app, pass_time, saved, screen_text, settle


async def test_managing_your_own_affirmations(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "o")
        assert isinstance(app.screen, OwnScreen)
        await pilot.press(*"Ik mag [b]twijfelen[/b]", "enter")
        await pilot.press(*"Ik durf te vragen", "enter")
        await pilot.press("enter")  # empty: nothing is added
        assert "Ik mag [b]twijfelen[/b]" in screen_text(app)
        await pilot.press("tab")  # to the list
        await pilot.press("asterisk", "down", "a")  # favourite the first, archive the second
        await pilot.pause()
        state = saved(durf_home)
        first, second = state["own_affirmations"]
        assert state["favourite_affirmations"] == [f"own/{first['id']}"]
        assert second["archived"] is True
        await pilot.press("up", "e")
        line = app.screen.query_one("#text", Input)
        assert line.value == "Ik mag [b]twijfelen[/b]"
        await pilot.press(*" soms", "enter")
        assert saved(durf_home)["own_affirmations"][0]["text"] == "Ik mag [b]twijfelen[/b] soms"
        await pilot.press("tab", "down", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [a["text"] for a in saved(durf_home)["own_affirmations"]] == [
            "Ik mag [b]twijfelen[/b] soms"
        ]


async def test_a_timed_session_in_read_mode_with_belief_before_and_after(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        assert isinstance(app.screen, AffirmScreen)
        await pilot.press("down", "down", "enter")  # Daring to be seen
        assert isinstance(app.screen, AffirmSetupScreen)
        await pilot.press("left", "left", "left")  # 4 seconds each
        assert "Seconds for each: 4" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, BeliefScreen)
        await pilot.press("3", "enter")
        assert isinstance(app.screen, AffirmSessionScreen)
        genuine = "Showing what is really there makes me stronger and more genuine."
        assert genuine in screen_text(app)
        assert "1 of 10" in screen_text(app)
        await pass_time(pilot, 5)
        assert "2 of 10" in screen_text(app)
        await pilot.press("space")
        app.clock.advance(120)
        await pilot.pause()
        assert "Paused" in screen_text(app)
        await pilot.press("space", "left")  # back to the first
        assert "1 of 10" in screen_text(app)
        await pass_time(pilot, 40)
        assert isinstance(app.screen, BeliefScreen)
        await pilot.press("6")
        assert "Before 3   →   now 6" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AffirmScreen)
    [record] = saved(durf_home)["history"]
    details = record["details"]
    assert record["exercise"] == "affirm" and record["completed"] is True
    assert (details["mode"], details["seconds_each"], details["planned"]) == ("read", 4.0, 10)
    assert details["practice_seconds"] == 40.0  # the paused two minutes do not count
    assert details["belief"]["before"] == 3 and details["belief"]["after"] == 6
    assert saved(durf_home)["settings"]["affirm_seconds"] == 4


async def test_recall_mode_in_dutch_is_gentle_and_counts_what_was_remembered(
    durf_home: Path,
) -> None:
    set_language("nl")
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "down", "down", "down", "enter", "r", "enter", "s")
        assert isinstance(app.screen, AffirmSessionScreen)
        assert "Ik mag fouten maken en ervan leren." not in screen_text(app)
        assert "Ik …" in screen_text(app)
        await pilot.press(*"ik mag fouten maken en ervan leren", "enter")
        assert "Ja, precies." in screen_text(app)
        assert "Ik mag fouten maken en ervan leren." in screen_text(app)
        await pass_time(pilot, 10)
        await pilot.press(*"onvolmaakt zijn is menselijk!", "enter")
        await pass_time(pilot, 10)
        await pilot.press(*"iets heel anders", "enter")
        assert "Hier staat hij." in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
    [record] = saved(durf_home)["history"]
    assert record["completed"] is False
    assert (record["details"]["mode"], record["details"]["recalled"]) == ("recall", 2)


async def test_low_belief_three_times_offers_the_stepping_stone(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("3", "down", "down", "enter")
            await pilot.press(*["left"] * 4, "minus", "enter", "2", "enter")
            await pass_time(pilot, 30)
            assert isinstance(app.screen, BeliefScreen)
            await pilot.press("3", "enter")
            await pilot.pause()
            await pilot.press("escape")
        messages = [n.message for n in app._notifications]
        assert any("I can show a small piece of what is really there." in m for m in messages)


async def test_favourite_during_practice_and_see_the_trend_next_time(durf_home: Path) -> None:
    app = make_app(durf_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for rating in ("3", "5"):
            await pilot.press("3", "down", "down", "enter", *["left"] * 4, "enter", rating, "enter")
            if rating == "3":
                await pilot.press("asterisk")
            await pass_time(pilot, 30)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("escape")
        await pilot.press("3", "down", "down", "enter", "enter")
        assert isinstance(app.screen, BeliefScreen)
        assert "Your earlier ratings of this one: 3  →  5" in screen_text(app)
    assert saved(durf_home)["favourite_affirmations"] == ["dare-to-be-seen/openness-makes-me-real"]
