"""Make the screenshots in ``screenshots/`` from the real app.

Run from the repository root:  .venv/bin/python tests/make_screenshots.py

Each SVG is the real DurfApp, driven headless with the keys a user would press,
at a fixed date and clock. Screens that save nothing use a home folder that is
never created, so the about page shows a typical path; the exercise runs use a
throwaway folder. The PNGs of ``durf serve`` are the real server's page in
Debian's headless Chromium (see ``tests/serve/picture.py``).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from textual.pilot import Pilot  # noqa: E402

from durf.app import DurfApp  # noqa: E402
from durf.core.clock import FixedClock  # noqa: E402
from durf.core.i18n import get_language, set_language  # noqa: E402
from durf.core.store import Store  # noqa: E402
from tests.app.conftest import (  # noqa: E402
    FROZEN_NOW,
    breathing_moment,
    pass_time,
    seen_the_safety_line,
    settle,
)
from tests.core.factories import practice_story, step_story  # noqa: E402
from tests.serve.picture import take_browser_shots  # noqa: E402
from tests.snapshots.conftest import PICTURE_HOME  # noqa: E402
from tests.snapshots.test_quadrant import quadrant_at  # noqa: E402
from tests.snapshots.test_steps import guide_at  # noqa: E402

Steps = Callable[[Pilot], Awaitable[None]]
SIZE = (80, 24)


def press(*keys: str) -> Steps:
    """Press ``keys`` once the app has loaded."""

    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
        await pilot.pause()

    return run


def breathing(seconds: float, *, calm: bool = False, then: tuple[str, ...] = ()) -> Steps:
    """Start six breaths of the default pattern; show the moment ``seconds`` in."""

    async def run(pilot: Pilot) -> None:
        await breathing_moment(pilot, seconds, calm=calm, then=then)

    return run


def guide(page: int, *then: str) -> Steps:
    """The small-step guide filled in up to ``page`` (5 is the details), in the active language."""

    async def run(pilot: Pilot) -> None:
        await guide_at(page, get_language())(pilot)
        if then:
            await pilot.press(*then)
            await pilot.pause()

    return run


def quadrant_page(page: int) -> Steps:
    """The core quadrant filled in up to ``page`` (5 is the quadrant drawn)."""

    async def run(pilot: Pilot) -> None:
        await quadrant_at(page, get_language())(pilot)

    return run


def session(*actions: str | float, focus: bool = False) -> Steps:
    """A practice session: keys to press, and numbers of seconds to let pass on the clock."""

    async def run(pilot: Pilot) -> None:
        app = pilot.app
        await settle(pilot)
        app.attempt(lambda: app.practice.data.change_settings(safety_seen=True, focus_mode=focus))
        app.focus_mode = focus
        for action in actions:
            if action == ANSWER:
                await pilot.press(*ANSWERS[get_language()])
            elif isinstance(action, str):
                await pilot.press(action)
            else:
                await pass_time(pilot, action)
        await pilot.pause()

    return run


ANSWER = "<answer>"
"""In a session's actions: type the answer to the question, in the language of the shot."""
ANSWERS = {
    "en": "My shoulders go up, and I start talking faster.",
    "nl": "Mijn schouders gaan omhoog, en ik ga sneller praten.",
}

STORY = "story"
"""A home with three weeks of small steps (see ``tests.core.factories.step_story``)."""
PRACTICE = "practice"
"""A home with eleven weeks of practice (see ``tests.core.factories.practice_story``)."""
NARROW = (60, 20)
PHONE = (40, 16)
"""A phone in portrait (Termux, an SSH app) or a narrow split pane."""
SIZES = {
    "progress-3-dashboard-narrow": NARROW,
    "phone-1-home": PHONE,
    "phone-2-breathing": PHONE,
    "phone-3-board": PHONE,
}
"""Shots taken at another size than ``SIZE``."""

# name, steps, what the home folder holds: False (nothing, never written), True
# (a fresh folder the shot may write to), or STORY
SHOTS: list[tuple[str, Steps, bool | str]] = [
    ("home", press(), False),
    ("session-1-plan", press("1"), PRACTICE),
    ("session-2-first-plan", press("1"), True),
    (
        "session-3-breathing-focus",
        session("1", "enter", "tab", "6", "enter", 2.0, focus=True),
        PRACTICE,
    ),
    (
        "session-4-question-focus",
        session("1", "enter", "tab", "5", "enter", "n", "n", "n", ANSWER, focus=True),
        PRACTICE,
    ),
    ("session-5-this-weeks-step", session("1", "enter", "s", "n", "n"), PRACTICE),
    (
        "session-6-check-out",
        session(
            *("1", "enter", "tab", "6", "enter", 75.0, "4", "enter"),
            *(85.0, "6", "enter", "down", "enter", ANSWER, "ctrl+s", "3"),
        ),
        PRACTICE,
    ),
    ("settings", press("6"), False),
    ("help", press("question_mark"), False),
    ("about", press("8"), False),
    ("breathe-1-check-in", press("2", "space", "down", "down", "space", "tab", "7"), True),
    ("breathe-2-rhythm", press("2", "s"), True),
    ("breathe-3-in-breath", breathing(2.0), True),
    ("breathe-4-out-breath", breathing(7.0), True),
    ("breathe-5-calm-motion", breathing(2.0, calm=True), True),
    ("breathe-6-sentence", breathing(60.0, then=("down", "down", "enter")), True),
    ("breathe-7-rehearse", breathing(60.0, then=("enter", "enter", *"Sam", "enter")), True),
    (
        "breathe-8-home-follow-up",
        breathing(60.0, then=("enter", "enter", *"Sam", "enter", "enter", "3", "enter")),
        True,
    ),
    ("affirm-1-library", press("3"), True),
    ("affirm-2-your-own", press("3", "o", *"Ik mag vragen stellen", "enter"), True),
    ("affirm-3-choices", press("3", "down", "down", "enter"), True),
    ("affirm-4-belief", press("3", "down", "down", "enter", "enter", "4"), True),
    ("affirm-5-practice", press("3", "down", "down", "enter", "enter", "s"), True),
    ("affirm-6-recall", press("3", "down", "down", "enter", "r", "enter", "s", *"ik ben"), True),
    ("steps-1-guide-thoughts", guide(0), True),
    ("steps-2-guide-desire", guide(3), True),
    ("steps-3-guide-the-step", guide(4), True),
    ("steps-4-details", guide(5, "tab", "tab", "9"), True),
    ("steps-5-offer-smaller", guide(5, "tab", "tab", "9", "pagedown"), True),
    ("steps-6-board", press("4"), STORY),
    ("steps-7-ladder", press("4", "left", "down"), STORY),
    ("steps-8-looking-back", press("4", "left", "down", "enter"), STORY),
    ("steps-9-make-smaller", press("4", "s"), STORY),
    ("quadrant-1-allergy", quadrant_page(3), True),
    ("quadrant-2-summary", quadrant_page(5), True),
    ("progress-1-home", press(), PRACTICE),
    ("progress-2-dashboard", press("5"), PRACTICE),
    ("progress-3-dashboard-narrow", press("5"), PRACTICE),
    ("progress-4-history", press("5", "h", "left"), PRACTICE),
    ("progress-5-entry", press("5", "h", "tab", "tab", "tab", "up", "up", "up", "enter"), PRACTICE),
    ("data-1-export", press("5", "e"), PRACTICE),
    ("data-2-delete-everything", press("6", "tab", "tab", "tab", "tab", "enter"), PRACTICE),
    ("phone-1-home", press(), PRACTICE),
    ("phone-2-breathing", breathing(2.0), True),
    ("phone-3-board", press("4"), STORY),
]


async def take(name: str, steps: Steps, home: Path, folder: Path, language: str) -> Path:
    """Drive a fresh app through ``steps`` and save what the screen shows."""
    set_language(language)  # type: ignore[arg-type]
    app = DurfApp(home, clock=FixedClock(FROZEN_NOW))
    filename = f"{name}-{language}.svg"
    async with app.run_test(size=SIZES.get(name, SIZE)) as pilot:
        await steps(pilot)
        app.save_screenshot(filename=filename, path=str(folder))
    return folder / filename


def main() -> None:
    """Write every screenshot in both languages."""
    if PICTURE_HOME.exists():
        sys.exit(f"{PICTURE_HOME} exists here; screenshots would show its data. Stopping.")
    folder = REPO / "screenshots"
    folder.mkdir(exist_ok=True)
    for language in ("en", "nl"):
        for name, steps, writes in SHOTS:
            with tempfile.TemporaryDirectory() as scratch:
                home = Path(scratch) / "durf" if writes else PICTURE_HOME
                if writes:
                    seen_the_safety_line(home)
                if writes in (STORY, PRACTICE):
                    make = step_story if writes == STORY else practice_story
                    story = make(language, FROZEN_NOW)
                    Store(home).update(lambda state, story=story: story)
                path = asyncio.run(take(name, steps, home, folder, language))
            print(path.relative_to(REPO))
    for path in take_browser_shots(folder):
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
