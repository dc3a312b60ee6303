"""Text fields keep odd text byte for byte: opening a form and leaving changes nothing.

Textual's TextArea rewrites line breaks as it loads a text (a form feed or
U+2028 becomes ``\\n``, mixed line ends become one kind). durf's fields give
the text back as it was given until the user changes it.
"""

from __future__ import annotations

from pathlib import Path

from durf.core.store import Store
from durf.screens.steps.board import StepBoardScreen
from durf.screens.steps.form import StepFormScreen
from tests.app.conftest import FROZEN_NOW, make_app, saved, settle
from tests.reliability.hostile import hostile_state

ODD_LINE_BREAKS = "one\x0ctwo\u2028three\x1cfour\r\nfive\nsix\x85seven"


async def test_opening_and_leaving_every_form_leaves_odd_text_as_it_was(durf_home: Path) -> None:
    Store(durf_home).update(lambda _: hostile_state(ODD_LINE_BREAKS, FROZEN_NOW))
    before = saved(durf_home)
    app = make_app(durf_home)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        app.action_open_steps()
        await pilot.pause()
        statuses = [step.status for step in app.screen._steps]
        steps = app.screen.query_one("#week-steps")
        steps.focus()
        steps.highlighted = statuses.index("planned")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, StepFormScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen), "leaving an untouched form asked a question"
        steps.highlighted = statuses.index("done")
        await pilot.press("d", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StepBoardScreen)
        app.action_new_step()
        await pilot.pause()
        await pilot.press("pageup", "pageup", "escape")
        await pilot.pause()
    after = saved(durf_home)
    assert after["steps"] == before["steps"]
    assert after["step_draft"]["answers"] == before["step_draft"]["answers"]
    assert after["step_draft"]["answers"]["thoughts"] == ODD_LINE_BREAKS


async def test_a_changed_field_saves_the_change(durf_home: Path) -> None:
    """The other half: once the user types, the field gives the edited text."""
    Store(durf_home).update(lambda _: hostile_state(ODD_LINE_BREAKS, FROZEN_NOW))
    app = make_app(durf_home)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        app.action_new_step()
        await pilot.pause()
        for _ in range(5):
            await pilot.press("pageup")
        await pilot.press("!", "escape")
        await pilot.pause()
    answer = saved(durf_home)["step_draft"]["answers"]["thoughts"]
    assert answer.endswith("seven!")
    assert answer.startswith("one") and "six" in answer
