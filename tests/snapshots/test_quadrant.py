"""What the core quadrant looks like: each of its five pages, and the quadrant drawn."""

from __future__ import annotations

import pytest

from durf.app import DurfApp
from durf.core.clock import FixedClock
from durf.core.i18n import set_language
from tests.app.conftest import FROZEN_NOW, settle

SIZE = (80, 24)
WORDS = {
    "en": (
        "I laugh about my own mistakes",
        "When they change the subject",
        "Once this week I say: I don't know yet.",
    ),
    "nl": (
        "Ik lach om mijn eigen fouten",
        "Als ze over iets anders beginnen",
        "Deze week zeg ik één keer: ik weet het nog niet.",
    ),
}
PAGE_KEYS = (
    ("space", "down", "down", "space", "tab"),
    ("space",),
    ("down", "space", "down", "down", "space"),
    ("space", "down", "down", "space", "tab"),
    (),
)
"""What is ticked on each page before it is pictured."""


def quadrant_at(page: int, language: str):
    """Open the quadrant and fill its pages up to ``page`` (5 is the summary)."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("9")
        await pilot.pause()
        quality, allergy, sentence = WORDS[language]
        for number in range(min(page, 4) + 1):
            await pilot.press(*PAGE_KEYS[number])
            screen = pilot.app.screen
            if number == 0:
                screen.query_one("#own-quality").insert_text_at_cursor(quality)
            elif number == 3:
                screen.query_one("#own-allergy").insert_text_at_cursor(allergy)
            elif number == 4:
                screen.query_one("#sentence").insert_text_at_cursor(sentence)
            if number < page:
                await pilot.press("pagedown" if number < 4 else "enter")
            await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    "page", range(6), ids=["quality", "pitfall", "challenge", "allergy", "sentence", "summary"]
)
def test_quadrant(snap_compare, durf_home, language, page) -> None:
    set_language(language)
    app = DurfApp(durf_home, clock=FixedClock(FROZEN_NOW))
    assert snap_compare(app, terminal_size=SIZE, run_before=quadrant_at(page, language))
