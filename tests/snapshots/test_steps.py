"""What small steps look like: every page of the guide, the weekly board, a ladder, looking back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.query import NoMatches

from durf.app import DurfApp
from durf.core.clock import FixedClock
from durf.core.i18n import set_language
from durf.core.store import Store
from durf.screens.steps.guide import GuideScreen
from tests.app.conftest import FROZEN_NOW, settle, wait_until
from tests.core.factories import step_story

SIZE = (80, 24)
GUIDE_WORDS = {
    "en": [
        "If I ask, they will see that I don't know everything.",
        "That Sam sighs and thinks I should have known.",
        "It is scary, and that is allowed.",
        "Ask for help at work without shame",
        "Ask Sam one question after the meeting",
    ],
    "nl": [
        "Als ik het vraag, zien ze dat ik niet alles weet.",
        "Dat Sam zucht en denkt dat ik het had moeten weten.",
        "Het is spannend, en dat mag.",
        "Op mijn werk om hulp vragen zonder schaamte",
        "Sam na het overleg één vraag stellen",
    ],
}


def app_with_story(home: Path, language: str) -> DurfApp:
    """A home with three weeks of steps, written in ``language``."""
    Store(home).update(lambda _: step_story(language, FROZEN_NOW))
    return DurfApp(home, clock=FixedClock(FROZEN_NOW))


def guide_at(page: int, language: str):
    """Open the guide and fill its pages up to ``page`` (0-4 the questions, 5 the details)."""

    async def run_before(pilot) -> None:
        def on_page(number: int):  # type: ignore[no-untyped-def]
            def shown() -> bool:
                """The guide shows page ``number``, its field taking the keys."""
                screen = pilot.app.screen
                if not isinstance(screen, GuideScreen) or screen.page != number:
                    return False
                if number == 5:
                    return screen.focused is not None
                try:
                    return screen.focused is screen.answer_box()
                except NoMatches:  # the pages are still being mounted
                    return False

            return shown

        await settle(pilot)
        pilot.app.action_new_step()
        await wait_until(pilot, on_page(0), "the guide's first page")
        for number, words in enumerate(GUIDE_WORDS[language][: page + 1]):
            if number == 5:
                break
            pilot.app.screen.answer_box().insert(words)
            if number < page:
                await pilot.press("pagedown")
                await wait_until(pilot, on_page(number + 1), f"the guide's page {number + 1}")
        await pilot.pause()

    return run_before


def board(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("4", *keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("page", range(6))
def test_guide_page(snap_compare, durf_home, language, page) -> None:
    set_language(language)
    app = DurfApp(durf_home, clock=FixedClock(FROZEN_NOW))
    assert snap_compare(app, terminal_size=SIZE, run_before=guide_at(page, language))


@pytest.mark.parametrize("language", ["en", "nl"])
class TestBoard:
    """This week with every status, a ladder with expected against felt, looking back."""

    def test_this_week(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_story(durf_home, language)
        assert snap_compare(app, terminal_size=SIZE, run_before=board())

    def test_ladder_last_week(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_story(durf_home, language)
        assert snap_compare(app, terminal_size=SIZE, run_before=board("left", "down"))

    def test_looking_back(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_story(durf_home, language)
        run = board("left", "down", "enter")
        assert snap_compare(app, terminal_size=SIZE, run_before=run)

    def test_make_it_smaller(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_story(durf_home, language)
        assert snap_compare(app, terminal_size=SIZE, run_before=board("s"))
