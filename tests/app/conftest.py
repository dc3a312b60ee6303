"""Helpers for driving the real app headless with Textual's Pilot."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.pilot import Pilot

from durf.app import DurfApp
from durf.core.clock import FixedClock
from tests.core.factories import AMSTERDAM_WINTER

FROZEN_NOW = datetime(2026, 11, 21, 9, 30, tzinfo=AMSTERDAM_WINTER)


def make_app(home: Path, **options: object) -> DurfApp:
    """A durf app on ``home`` with a frozen clock."""
    return DurfApp(home, clock=FixedClock(FROZEN_NOW), **options)  # type: ignore[arg-type]


WAIT_SECONDS = 30.0
"""How long a test waits for something the app does by itself (a load, a save, a search)
before it fails: far longer than it ever takes, so a failure means it did not happen,
not that the machine was busy."""
POLL_SECONDS = 0.005


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], what: str, *, timeout: float = WAIT_SECONDS
) -> None:
    """Let the app run until ``condition()`` holds, then let it handle what that started.

    Fails naming ``what`` after ``timeout`` seconds. Use it instead of a fixed pause:
    a pause long enough on a busy machine is a waste on an idle one, and a pause short
    enough on an idle one makes the test fail on a busy one.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}, in vain")
        await asyncio.sleep(POLL_SECONDS)
    await pilot.pause()


def loaded(app: DurfApp) -> bool:
    """Whether the background load is over: the state read and handed to the screens.

    The state is read in the loader thread, which then waits for the interface to take
    it (``call_from_thread``): once the loader is gone, the screens have it. (The
    library alone says nothing: showing a breathing pattern can read it early.)
    """
    loading = any(worker.group == "load" and not worker.is_finished for worker in app.workers)
    return app.practice.state is not None and not loading


async def settle(pilot: Pilot) -> None:
    """Wait until the background load has finished and the screen has caught up."""
    app = pilot.app
    await wait_until(
        pilot, lambda: not app.is_running or loaded(app), "durf to read its state file"
    )


def palette_offers(app: DurfApp, words: str) -> bool:
    """Whether the command palette's search is done far enough that Enter picks ``words``."""
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    if not found:
        return False
    choices = found.first()
    # Enter runs the highlighted choice once the list of what was found is showing.
    if not choices.has_class("--visible") or choices.highlighted is None:
        return False
    return words.lower() in str(choices.get_option_at_index(choices.highlighted).prompt).lower()


def palette_shows(app: DurfApp, words: str) -> bool:
    """Whether any choice in the command palette's list holds ``words``."""
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    if not found:
        return False
    choices = found.first()
    return any(
        words in str(choices.get_option_at_index(index).prompt)
        for index in range(choices.option_count)
    )


def saved_draft(home: Path) -> dict | None:
    """The guide's draft as it is in the state file on disk, if there is one yet."""
    import json

    path = home / "state.json"
    if not path.exists():
        return None
    return json.loads(path.read_text("utf-8")).get("step_draft")


def seen_the_safety_line(home: Path) -> None:
    """Start ``home`` as someone who has breathed before: the one-time safety notice
    (a real-time timer) would otherwise appear in pictures depending on the machine's speed."""
    import json

    home.mkdir(parents=True, exist_ok=True)
    document = {"schema_version": 1, "settings": {"safety_seen": True}}
    (home / "state.json").write_text(json.dumps(document), "utf-8")


def saved(home: Path) -> dict:
    """The state file as JSON, as durf left it on disk."""
    import json

    return json.loads((home / "state.json").read_text("utf-8"))


def screen_text(app: DurfApp) -> str:
    """Every visible piece of text on the current screen, for plain assertions."""
    from textual.widgets import OptionList, Static

    parts = []
    for widget in app.screen.query("*"):
        if not widget.display:
            continue
        if isinstance(widget, Static):
            parts.append(str(widget.render()))
        elif isinstance(widget, OptionList):
            parts.extend(
                str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)
            )
    return "\n".join(parts)


async def start_breathing(pilot: Pilot, breaths: int) -> None:
    """Once loaded, breathe the default pattern at once, as ``durf breathe --breaths`` does.

    As someone who has breathed before: the first-time safety line comes on a real-time
    timer and takes the next key for itself, so on a busy machine it would land in the
    middle of a test's keys (the line has tests of its own).
    """
    app = pilot.app
    await settle(pilot)
    if not app.practice.setting("safety_seen", bool, False):
        assert app.attempt(lambda: app.practice.data.change_settings(safety_seen=True))
    app.start_breathing_now(app.practice.breathing.current_pattern(), breaths)
    await pilot.pause()


async def breathing_moment(
    pilot: Pilot, seconds: float, *, calm: bool = False, then: tuple[str, ...] = ()
) -> None:
    """Start six breaths of the default pattern and hold the clock ``seconds`` in."""
    from durf.screens.breathe.breathing import BreatheScreen

    app = pilot.app
    if calm:
        await settle(pilot)
        app.change_reduced_motion(True)
    await start_breathing(pilot, 6)
    app.clock.advance(seconds)
    if isinstance(app.screen, BreatheScreen):
        app.screen.catch_up()
    await pilot.pause()
    if then:
        await pilot.press(*then)
        await pilot.pause()


async def pass_time(pilot: Pilot, seconds: float) -> None:
    """Let ``seconds`` pass on the app's clock in frame-sized steps, as a user would wait:
    breathing and affirmations on screen catch up with each step.

    Each step waits until the screen has handled what the step started, not for a
    stretch of real time (nor for the process to go idle: a moving orb never does).
    """
    from durf.screens.affirm.practise import AffirmSessionScreen
    from durf.screens.breathe.breathing import BreatheScreen

    steps = max(1, int(seconds / 0.5))
    for _ in range(steps):
        pilot.app.clock.advance(seconds / steps)
        screen = pilot.app.screen
        if isinstance(screen, BreatheScreen):
            screen.catch_up()
        elif isinstance(screen, AffirmSessionScreen):
            screen._stop_timer()
            screen._tick()
        await pilot.pause(0)
    # Once more for a screen the last step brought up: its own first messages.
    await pilot.pause(0)
