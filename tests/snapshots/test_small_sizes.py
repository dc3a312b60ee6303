"""Every screen and dialog at 40x16 (a phone) and 60x20 (a split pane), in Dutch and English.

The screens are opened as the size suite opens them (``tests/reliability/test_sizes``),
on a home with eleven weeks of practice, so the pictures show lists, charts and long
words, not empty screens. 80x24 is pictured screen by screen in the other files.

The default suite compares 40x16 in Dutch (the longest words in the smallest window);
the other three pictures of each screen are behind ``-m slow`` (140 pictures take about
two minutes, and the default suite has to stay under ten).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import OptionList

from durf.app import DurfApp
from durf.core.clock import FixedClock
from durf.core.i18n import set_language
from durf.core.store import Store
from tests.app.conftest import FROZEN_NOW, settle, wait_until
from tests.core.factories import practice_story
from tests.reliability.test_sizes import _screens

SIZES = {"40x16": (40, 16), "60x20": (60, 20)}
SCREENS = [name for name in _screens() if name != "about"]
"""About shows the home's path, a temporary folder here: it is pictured on the
picture home below, the same at every run."""
LANGUAGES = ["en", "nl"]
EVERYDAY = ("40x16", "nl")


def _cases(screens: list[str]) -> list:  # type: ignore[type-arg]
    """Every screen at both sizes in both languages; all but ``EVERYDAY`` marked slow."""
    return [
        pytest.param(
            screen,
            size,
            language,
            id=f"{screen}-{size}-{language}",
            marks=() if (size, language) == EVERYDAY else pytest.mark.slow,
        )
        for screen in screens
        for size in SIZES
        for language in LANGUAGES
    ]


def _story_app(home: Path, language: str) -> DurfApp:
    """Eleven weeks of practice in ``language``, the safety line already seen (its timer
    runs on real time, so it would come and go with the machine's speed)."""

    def story(_state):  # type: ignore[no-untyped-def]
        state = practice_story(language, FROZEN_NOW)
        settings = state.settings.model_copy(update={"safety_seen": True})
        return state.model_copy(update={"settings": settings})

    Store(home).update(story)
    return DurfApp(home, clock=FixedClock(FROZEN_NOW))


def _lists_drawn(screen: Screen) -> bool:
    """Whether every list on ``screen`` is filled and shows its highlighted choice.

    The history fills its list once laid out and scrolls to the newest line a refresh
    later; a picture taken between the two shows the oldest lines (seen on a loaded CI).
    """
    for listing in screen.query(OptionList):
        if listing.id == "history-list" and listing.option_count == 0:
            return False
        highlighted = listing.highlighted
        if highlighted is None:
            continue
        first = listing._index_to_line.get(highlighted)
        if first is None:
            return False
        last = first + listing._heights[highlighted]
        top = round(listing.scroll_y)
        if first < top or last > top + listing.scrollable_content_region.height:
            return False
    return True


def _opening(name: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        home = pilot.app.screen
        _screens()[name](pilot.app)
        await wait_until(
            pilot,
            lambda: (
                (name == "home" or pilot.app.screen is not home) and _lists_drawn(pilot.app.screen)
            ),
            f"{name} to be shown",
        )
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(("screen", "size", "language"), _cases(SCREENS))
def test_every_screen(snap_compare, durf_home, screen: str, size: str, language: str) -> None:
    set_language(language)
    app = _story_app(durf_home, language)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_opening(screen))


@pytest.mark.parametrize(("screen", "size", "language"), _cases(["about"]))
def test_about(snap_compare, picture_app, screen: str, size: str, language: str) -> None:
    set_language(language)
    assert snap_compare(picture_app(), terminal_size=SIZES[size], run_before=_opening(screen))
