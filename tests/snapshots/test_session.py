"""A practice session after eleven weeks of practice: its plan, and a part in focus mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from durf.app import DurfApp
from durf.core.clock import FixedClock
from durf.core.i18n import set_language
from durf.core.store import Store
from tests.app.conftest import FROZEN_NOW
from tests.core.factories import practice_story
from tests.snapshots.conftest import keys

SIZE = (80, 24)
ANSWER = {
    "en": "My shoulders go up, and I start talking faster.",
    "nl": "Mijn schouders gaan omhoog, en ik ga sneller praten.",
}


def app_with_practice(home: Path, language: str, *, focus: bool = False) -> DurfApp:
    """A home with about eleven weeks of practice, this week's step still planned."""
    story = practice_story(language, FROZEN_NOW)
    settings = story.settings.model_copy(update={"focus_mode": focus})
    Store(home).update(lambda _: story.model_copy(update={"settings": settings}))
    return DurfApp(home, clock=FixedClock(FROZEN_NOW))


@pytest.mark.parametrize("language", ["en", "nl"])
class TestSession:
    """What a session offers today, and how calm a part looks in focus mode."""

    def test_plan(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_practice(durf_home, language)
        assert snap_compare(app, terminal_size=SIZE, run_before=keys("1"))

    def test_question_in_focus_mode(self, snap_compare, durf_home, language) -> None:
        set_language(language)
        app = app_with_practice(durf_home, language, focus=True)
        # Check-in noted, then past the breathing, the affirmations and the step.
        run = keys("1", "enter", "tab", "5", "enter", "n", "n", "n", *ANSWER[language])
        assert snap_compare(app, terminal_size=SIZE, run_before=run)
