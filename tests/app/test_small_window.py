"""Every exercise done from the keyboard at 40x16 (a phone, a split pane), typing included.

At each step the field being typed in is on screen (not scrolled away, not under a
notice) and the key bar names the key that goes on. The flows are the ones a user
walks: breathing with a sentence, your own affirmation and a round of them, a small
step planned with the guide and looked back on, a practice session, the settings
and the export; breathing and the session in both languages, the others in one
(the snapshots show every screen in both at this size).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Input

from durf.core.i18n import set_language, t
from durf.screens.affirm.practise import AffirmSessionScreen
from durf.screens.base import DurfScreen
from durf.screens.breathe.breathing import BreatheScreen
from durf.screens.home import HomeScreen
from durf.screens.steps.board import StepBoardScreen
from durf.widgets.keybar import KeyBar
from tests.app.conftest import make_app, pass_time, saved, screen_text, settle
from tests.reliability.hostile import emulated_lines

PHONE = (40, 16)
LANGUAGES = ["nl", "en"]


def assert_usable(app, where: str, *, typed: str = "", key: str = "") -> None:  # type: ignore[no-untyped-def]
    """The focused field is in view and under no notice; ``typed`` shows; ``key`` is hinted."""
    screen = app.screen
    lines = emulated_lines(app)
    picture = "\n".join(lines)
    focused = screen.focused
    if focused is not None:
        top = focused.region
        keys = screen.query(KeyBar)
        bottom = keys.first().region.y if keys else screen.region.bottom
        in_view = top.height > 0 and 0 <= top.y < bottom
        assert in_view, f"{where}: {focused} is out of view\n{picture}"
        for toast in screen.query("Toast"):
            covered = toast.region.overlaps(top)
            assert not covered, f"{where}: a notice covers {focused}\n{picture}"
    if typed:
        words = " ".join(" ".join(lines).split())
        assert typed in words, f"{where}: {typed!r} is not shown\n{picture}"
    if key:
        bar = screen.query_one(KeyBar)
        assert key in str(bar.render()), f"{where}: the key bar has no {key}\n{picture}"
    if isinstance(screen, DurfScreen):
        assert lines[0].startswith(" durf ·"), f"{where}: the title bar is gone\n{picture}"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_breathing_with_a_sentence(durf_home: Path, language: str) -> None:
    set_language(language)
    app = make_app(durf_home)
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("2", "space", "down", "space")
        assert_usable(app, "check-in areas", key="Enter")
        await pilot.press("tab", "7")
        assert_usable(app, "check-in scale", typed="10")  # the scale's last number fits
        await pilot.press("enter")
        assert_usable(app, "setup", key="Enter")
        await pilot.press(*["left"] * 5, "enter")
        assert isinstance(app.screen, BreatheScreen)
        await pass_time(pilot, 2)
        assert_usable(app, "breathing in", typed=t("phase.in"))
        await pass_time(pilot, 8)
        await pilot.press(*"Dit vind ik [lastig]")
        assert_usable(app, "the sentence", typed="Dit vind ik [lastig]")
        await pilot.press("tab", *"Sam")
        assert_usable(app, "for whom", typed="Sam")
        await pilot.press("enter")
        assert_usable(app, "rehearse", typed="Dit vind ik [lastig]", key="Enter")
        await pilot.press("enter", "3")
        assert_usable(app, "check-out", key="Enter")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert_usable(app, "home with the sentence", key="y" if language == "en" else "j")
    [record] = saved(durf_home)["history"]
    assert record["details"]["sentence"] == "Dit vind ik [lastig]"
    assert (record["details"]["tension_before"], record["details"]["tension_after"]) == (7, 3)


@pytest.mark.parametrize("language", ["en"])
async def test_your_own_affirmation_and_a_round(durf_home: Path, language: str) -> None:
    set_language(language)
    app = make_app(durf_home)
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("3", "o", *"Ik mag twijfelen, ook hier.")
        assert_usable(app, "your own", typed="Ik mag twijfelen, ook hier.")
        await pilot.press("enter", "escape")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        assert_usable(app, "setup", key="Enter")
        await pilot.press("left", "left", "left", "enter", "3")
        assert_usable(app, "belief before", typed="10", key="Enter")
        await pilot.press("enter")
        assert isinstance(app.screen, AffirmSessionScreen)
        assert_usable(app, "the round")
        await pass_time(pilot, 45)
        await pilot.press("6")
        assert_usable(app, "belief after", typed="10", key="Enter")
        await pilot.press("enter")
        await pilot.pause()
    state = saved(durf_home)
    assert state["own_affirmations"][0]["text"] == "Ik mag twijfelen, ook hier."
    [record] = state["history"]
    belief = record["details"]["belief"]
    assert (belief["before"], belief["after"]) == (3, 6)


@pytest.mark.parametrize("language", ["nl"])
async def test_a_small_step_planned_and_looked_back_on(durf_home: Path, language: str) -> None:
    set_language(language)
    app = make_app(durf_home)
    answers = ["Traag?", "Zucht.", "Mag.", "Hulp"]
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("4", "n")
        for number, answer in enumerate(answers, start=1):
            await pilot.press(*answer)
            assert_usable(app, f"guide page {number}", typed=answer)
            await pilot.press("pagedown")
        await pilot.press(*"Sam iets vragen", "pagedown")
        await pilot.press(*"Sam")
        assert_usable(app, "with whom", typed="Sam")
        await pilot.press("tab", "tab", "left", "tab", "6")
        assert_usable(app, "how daunting", typed="10")
        await pilot.press("tab", *"Mag het?")
        assert_usable(app, "first sentence", typed="Mag het?")
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
        assert_usable(app, "board", typed="Sam iets vragen", key="Enter")
        await pilot.press("enter", *"Goed.")
        assert_usable(app, "what happened", typed="Goed.")
        await pilot.press("tab", *"Lief.", "tab", *"Eerder.")
        assert_usable(app, "what I learned", typed="Eerder.")
        await pilot.press("tab", "2")
        assert_usable(app, "daunting afterwards", typed="10")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [step] = saved(durf_home)["steps"]
    assert (step["what"], step["with_whom"], step["status"]) == (
        "Sam iets vragen",
        "Sam",
        "done",
    )
    assert step["reflection"]["what_happened"] == "Goed."
    assert step["reflection"]["learned"] == "Eerder."


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_practice_session_settings_and_the_export(durf_home: Path, language: str) -> None:
    set_language(language)
    app = make_app(durf_home)
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        assert_usable(app, "the plan", key="Enter")
        await pilot.press("enter", "down", "space", "tab", "6")
        assert_usable(app, "session check-in", typed="10", key="Enter")
        await pilot.press("enter", "n", "3")
        assert_usable(app, "session belief", typed="10", key="Enter")
        await pilot.press("enter", "n")  # on a fresh home the session plans a step
        await pilot.press(*"Mijn schouders gaan omhoog.")
        assert_usable(app, "the guide in the session", typed="Mijn schouders gaan omhoog.")
        await pilot.press("ctrl+n", "4")
        assert_usable(app, "session check-out", typed="10", key="Enter")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("6", "tab", "tab", "tab")
        assert_usable(app, "settings: a field further down")
        await pilot.press("escape", "5", "e", "ctrl+u", *"mijn durf.md")
        assert_usable(app, "export", typed="mijn durf.md")
        assert t("export.title") in screen_text(app)
        path = app.screen.query_one("#export-path", Input).value
        assert path == "mijn durf.md"
    state = saved(durf_home)
    session = next(r for r in state["history"] if r["exercise"] == "session")
    assert "Mijn schouders gaan omhoog." in state["step_draft"]["answers"].values()
    assert (session["details"]["tension_before"], session["details"]["tension_after"]) == (6, 4)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_choice_of_the_quadrant_and_the_check_in_is_shown_whole(
    durf_home: Path, language: str
) -> None:
    from textual.widgets import SelectionList

    set_language(language)
    app = make_app(durf_home)
    async with app.run_test(size=PHONE) as pilot:
        await settle(pilot)
        for key in ("9", "2"):  # the quadrant's first page, then the breathing check-in
            await pilot.press(key)
            await pilot.pause()
            choices = app.screen.query_one(SelectionList)
            assert app.screen.focused is choices
            for index in range(choices.option_count):
                if index:
                    await pilot.press("down")  # each choice in turn, as a user goes down
                await pilot.pause()
                assert choices.highlighted == index
                # The page's scroll bar is drawn with blocks in the rightmost columns.
                shown = re.sub("[▁▂▃▄▅▆▇█]", "", " ".join(emulated_lines(app)))
                words = " ".join(shown.split())
                prompt = str(choices.get_option_at_index(index).prompt)
                assert prompt in words, f"{prompt!r} is cut off at 40x16:\n{words}"
            await pilot.press("escape")
            await pilot.pause()
            if not isinstance(app.screen, HomeScreen):
                await pilot.press("y")  # leave the quadrant without keeping anything
                await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
