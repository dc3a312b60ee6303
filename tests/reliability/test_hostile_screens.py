"""Hostile text on every screen that shows user text, as the terminal would receive it.

One state holds the same hostile text in every place for user text (see
``hostile_state``); the test walks through every screen that shows any of it
and looks at the frame Textual would write: no control character from the text
reaches the terminal raw, markup is never interpreted, and the text's start is
on the emulated screen (so the test cannot pass by showing nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, OptionList, TextArea

from durf.core.store import Store
from tests.app.conftest import FROZEN_NOW, make_app, settle, wait_until
from tests.reliability.hostile import (
    PROBES,
    Probe,
    assert_shown_safely,
    frame_words,
    hostile_state,
    probe_params,
)


async def _look(pilot, probe, where: str, *keys: str) -> None:  # type: ignore[no-untyped-def]
    if keys:
        await pilot.press(*keys)
    await pilot.pause()
    assert pilot.app.is_running, f"durf stopped at {where}"
    assert_shown_safely(pilot.app, probe, where)


async def _back_home(app) -> None:  # type: ignore[no-untyped-def]
    # Popped, not stopped: stopping an exercise would ask first.
    while len(app.screen_stack) > 1:
        await app.pop_screen()


async def _each_option(pilot, probe, where: str, listing: OptionList) -> None:  # type: ignore[no-untyped-def]
    """Highlight every option of ``listing`` in turn (the detail below follows it)."""
    for index in range(listing.option_count):
        listing.highlighted = index
        await _look(pilot, probe, f"{where}, option {index}")


@pytest.mark.parametrize("probe_name", probe_params())
async def test_every_screen_shows_hostile_text_literally(durf_home: Path, probe_name: str) -> None:
    from durf.screens.affirm.belief import BeliefScreen
    from durf.screens.affirm.own import OwnScreen
    from durf.screens.breathe.rehearse import RehearseScreen
    from durf.screens.breathe.sentence import SentenceScreen
    from durf.screens.progress.entry import EntryScreen

    probe = PROBES[probe_name]
    Store(durf_home).update(lambda _: hostile_state(probe.text, FROZEN_NOW))
    app = make_app(durf_home)
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        await settle(pilot)
        await _look(pilot, probe, "home, open sentences")

        app.action_open_progress()
        await _look(pilot, probe, "dashboard")
        await _back_home(app)

        app.action_open_history()
        await _look(pilot, probe, "history list")
        listing = app.screen.query_one("#history-list", OptionList)
        for index in range(listing.option_count):
            listing.highlighted = index
            await _look(pilot, probe, f"history entry {index}", "enter")
            assert isinstance(app.screen, EntryScreen)
            await pilot.press("escape")
        await _back_home(app)

        app.action_open_steps()
        await _look(pilot, probe, "steps board")
        steps = app.screen.query_one("#week-steps", OptionList)
        await _each_option(pilot, probe, "steps board", steps)
        statuses = [step.status for step in app.screen._steps]
        steps.focus()
        steps.highlighted = statuses.index("planned")
        await _look(pilot, probe, "editing a step", "e")
        await _look(pilot, probe, "steps board again", "escape")
        await _look(pilot, probe, "making a step smaller", "s")
        await _look(pilot, probe, "steps board again", "escape")
        steps.highlighted = statuses.index("done")
        await _look(pilot, probe, "reflection of a done step", "d")
        await _back_home(app)

        app.action_new_step()
        await _look(pilot, probe, "guide, details and recap")
        for page in range(5):
            await _look(pilot, probe, f"guide, question {5 - page}", "pageup")
        await _back_home(app)

        app.action_open_quadrant()
        await _look(pilot, probe, "the core quadrant drawn")
        await _look(pilot, probe, "the core quadrant done again", "r")
        await _look(pilot, probe, "the core quadrant, the sentence", *["pagedown"] * 4)
        await _back_home(app)

        app.push_screen(OwnScreen())
        await _look(pilot, probe, "own affirmations")
        app.screen.query_one("#own", OptionList).focus()
        await _look(pilot, probe, "own affirmation being edited", "e")
        app.screen.query_one("#own", OptionList).focus()
        await _look(pilot, probe, "deleting an own affirmation", "d")
        await _back_home(app)

        flow = app.practice.breathing.new_flow()
        app.push_screen(SentenceScreen(flow))
        await _look(pilot, probe, "earlier sentences offered")
        await _look(pilot, probe, "an earlier sentence taken", "enter")
        await _back_home(app)

        flow = app.practice.breathing.new_flow()
        flow.session.sentence = flow.session.for_whom = probe.text
        app.push_screen(RehearseScreen(flow))
        await _look(pilot, probe, "rehearsing the sentence")
        await _back_home(app)

        affirming = app.practice.affirmations.new_flow("own")
        app.start_affirmations_now(affirming, 1, None)
        await _look(pilot, probe, "practising an own affirmation")
        affirming.session.belief_text = probe.text
        app.push_screen(BeliefScreen(affirming, stage="before"))
        await _look(pilot, probe, "belief in an affirmation")
        await _back_home(app)

        recalling = app.practice.affirmations.new_flow("own")
        recalling.session.mode = "recall"
        app.start_affirmations_now(recalling, 1, None)
        # Only the first word shows until it is recalled: nothing to look for but safety.
        await _look(pilot, replace(probe, visible=None), "recalling an own affirmation")
        app.screen.query_one("#recall", Input).post_message(events.Paste(probe.text))
        await _look(pilot, probe, "the affirmation pasted into the recall line")
        await _back_home(app)

        app.action_start_session()
        await _look(pilot, probe, "a session's plan")
        from durf.screens.breathe.breathing import BreatheScreen

        await pilot.press("enter", "s")  # past the check-in
        await _until(pilot, lambda: isinstance(app.screen, BreatheScreen), "the breathing")
        await pilot.press("n")  # and past the breathing
        await _until(pilot, lambda: not isinstance(app.screen, BreatheScreen), "the next part")
        await _look(pilot, probe, "a session: the affirmation believed least")
        await _look(pilot, probe, "a session: this week's step", "n")
        await pilot.press("n")
        await pilot.pause()
        answer = app.screen.query_one("#answer", TextArea)
        answer.post_message(events.Paste(probe.text))
        await _look(pilot, probe, "a session: the answer to the question")
        await pilot.press("ctrl+s")
        await _look(pilot, probe, "a session: the check-out", "enter")
        app.action_open_history()
        await pilot.pause()
        await _look(pilot, probe, "the session in the history", "enter")
        assert "Practice session" in frame_words(app), "the session's entry did not open"


async def _until(pilot, shown: Callable[[], bool], what: str) -> None:  # type: ignore[no-untyped-def]
    """Wait for ``what`` to be shown: a loaded machine takes its time to push a screen."""
    for _ in range(500):
        if shown():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"{what} was never shown")


async def test_notices_and_pages_that_name_a_hostile_path_show_it_literally(
    tmp_path: Path,
) -> None:
    """A home whose folder name holds an escape sequence and markup: the notice about
    a broken state file, the about page, an export's notice and the forget question."""
    from durf.screens.about import AboutScreen
    from durf.screens.data.settings import SettingsScreen

    home = tmp_path / "h\x1b]0;o\x07[b]"
    home.mkdir()
    (home / "state.json").write_text("{ not json", "utf-8")
    probe = Probe("h\x1b]0;o\x07[b]", "h␛]0;o␇[b]")
    app = make_app(home)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        await _look(pilot, probe, "notice: the state file was moved aside")
        app.clear_notifications()
        app.push_screen(AboutScreen())
        await _look(pilot, probe, "about page")
        await _back_home(app)
        app.action_export()
        await wait_until(pilot, lambda: app.screen.query("#export-path"), "the export dialog")
        # Typed into the dialog as the user would, the path with its escape and markup.
        app.screen.query_one("#export-path", Input).value = str(home / "export.md")
        app.screen.action_export()
        await _look(pilot, probe, "notice: export written")
        app.clear_notifications()
        app.push_screen(SettingsScreen())
        await pilot.pause()
        app.screen.query_one("#forget").press()
        await _look(pilot, probe, "question: forget everything")
