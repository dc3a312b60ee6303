"""Every screen at window sizes from 20x8 to 250x70, and resized while breathing.

Below the minimum (``MIN_WIDTH`` x ``MIN_HEIGHT``) a full screen shows the calm
notice instead of a broken layout; from the minimum up it shows its title, and
a dialog fits the window whole. Nothing raises at any size.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.screen import ModalScreen

from durf.core.session import Part
from durf.core.store import Store
from durf.screens.base import MIN_HEIGHT, MIN_WIDTH, DurfScreen
from tests.app.conftest import FROZEN_NOW, make_app, settle
from tests.core.factories import practice_story
from tests.reliability.hostile import emulated_lines, frame_words

EVERYDAY_SIZES = [(20, 8), (40, 16), (60, 20), (250, 70)]
"""The smallest, exactly the minimum (a phone), the smallest desk split, and the largest
(80x24 is what every other test uses)."""
EVERY_SIZE = [
    *EVERYDAY_SIZES,
    (39, 15),
    (39, 16),
    (40, 15),
    (59, 19),
    (80, 24),
    (20, 70),
    (250, 8),
    (59, 40),
    (120, 19),
    (60, 19),
    (59, 20),
    (100, 30),
    (160, 45),
]
"""Also the other two corners, each side alone below the minimum, and some in between."""


def _open(screen_factory: Callable[[Any], Any]) -> Callable[[Any], None]:
    return lambda app: app.push_screen(screen_factory(app))


def _breathing_flow(app, sentence: str = ""):  # type: ignore[no-untyped-def]
    flow = app.practice.breathing.new_flow()
    flow.pattern = app.practice.breathing.current_pattern()
    flow.session.sentence = sentence
    flow.session.for_whom = "Sam" if sentence else ""
    return flow


def _planned_affirmations(app):  # type: ignore[no-untyped-def]
    from durf.core.affirm import plan_session

    flow = app.practice.affirmations.new_flow("mix")
    flow.plan = plan_session(flow.items, flow.session.seconds_each, rounds=1, minutes=None)
    return flow


def _step_id(app, status: str) -> str:  # type: ignore[no-untyped-def]
    from durf.core.steps import steps_in_week

    return next(
        s.id
        for s in steps_in_week(app.practice.keeper.store.state, app.practice.steps.this_week)
        if s.status == status
    )


def _entry(app):  # type: ignore[no-untyped-def]
    from durf.core.history import history_view

    return history_view(app.practice.keeper.store.state, limit=5).entries[-1]


def _session_at(kind: str, *extra_parts: Any) -> Callable[[Any], None]:
    """A practice session, begun, at its first part of ``kind`` (the earlier ones passed by).

    ``extra_parts`` are put in front of the plan, for parts today's plan does not hold.
    """

    def open_session(app: Any) -> None:
        from durf.core.session import PartResult, SessionPlan, SessionRun
        from durf.screens.session.hub import SessionScreen

        hub = SessionScreen()
        app.push_screen(hub)
        plan = app.practice.session.plan(10)
        hub.plan = SessionPlan(plan.minutes, (*extra_parts, *plan.parts))
        hub.run = SessionRun(hub.plan, app.clock.now())
        hub.flow.session = app.practice.keeper.session_run = hub.run
        for part in hub.plan.parts:
            if part.kind == kind:
                break
            hub.run.results.append(PartResult(part.kind, "skipped"))
        hub._show_current()

    return open_session


def _quadrant_drawn(app: Any) -> None:
    from durf.core.quadrant.answers import QuadrantAnswers, record_quadrant
    from durf.screens.quadrant.summary import QuadrantSummaryScreen

    answers = QuadrantAnswers(
        "vulnerability",
        app.clock.now(),
        ticked={"quality": ["not-knowing", "feeling"], "allergy": ["advice", "gossip"]},
        own={"pitfall": "Sharing it all at once, and then regretting it for days. " * 3},
        sentence="Once this week I say that I do not know yet.",
    )
    app.practice.keeper.change(lambda state: record_quadrant(state, answers, app.clock.now(), True))
    app.push_screen(QuadrantSummaryScreen(answers.id))


def _open_sentence(app: Any) -> Any:
    from durf.core.session import Part, sentence_to_follow_up

    sentence = sentence_to_follow_up(app.practice.keeper.store.state)
    return Part("sentence", 30, sentence_id=sentence.id)


def _screens() -> dict[str, Callable[[Any], None]]:
    from durf.screens.affirm.belief import BeliefScreen
    from durf.screens.affirm.choose import AffirmScreen
    from durf.screens.affirm.own import OwnScreen
    from durf.screens.affirm.setup import AffirmSetupScreen
    from durf.screens.breathe.checkout import CheckOutScreen
    from durf.screens.breathe.rehearse import RehearseScreen
    from durf.screens.breathe.sentence import SentenceScreen
    from durf.screens.breathe.setup import SetupScreen
    from durf.screens.confirm import CarefulConfirmScreen, ConfirmScreen
    from durf.screens.progress.entry import EntryScreen
    from durf.screens.steps.form import StepFormScreen
    from durf.screens.steps.reflect import ReflectScreen

    return {
        "home": lambda app: None,
        "session: the plan": lambda app: app.action_start_session(),
        "session: check-in": _session_at("checkin"),
        "session: breathing": _session_at("breathe"),
        "session: belief": _session_at("affirm"),
        "session: this week's step": _session_at("step"),
        "session: the question": _session_at("question"),
        "session: check-out": _session_at("checkout"),
        "session: the guide": _session_at("guide", Part("guide", 360)),
        "session: a sentence": lambda app: _session_at("sentence", _open_sentence(app))(app),
        "session: the core quadrant": _session_at(
            "quadrant", Part("quadrant", 300, quadrant_id="vulnerability")
        ),
        "breathing: check-in": lambda app: app.action_start_breathing(),
        "breathing: setup": _open(lambda app: SetupScreen(_breathing_flow(app))),
        "breathing: the orb": lambda app: app.start_breathing_now(
            app.practice.breathing.current_pattern(), 6
        ),
        "breathing: a sentence": _open(lambda app: SentenceScreen(_breathing_flow(app))),
        "breathing: rehearse": _open(
            lambda app: RehearseScreen(_breathing_flow(app, "I need a moment to think."))
        ),
        "breathing: check-out": _open(lambda app: CheckOutScreen(_breathing_flow(app))),
        "affirmations: choose": _open(lambda app: AffirmScreen()),
        "affirmations: setup": _open(
            lambda app: AffirmSetupScreen(app.practice.affirmations.new_flow("mix"))
        ),
        "affirmations: belief": _open(
            lambda app: BeliefScreen(_planned_affirmations(app), stage="before")
        ),
        "affirmations: practice": lambda app: app.start_affirmations_now(
            app.practice.affirmations.new_flow("mix"), 1, None
        ),
        "affirmations: your own": _open(lambda app: OwnScreen()),
        "steps: board": lambda app: app.action_open_steps(),
        "steps: guide": lambda app: app.action_new_step(),
        "steps: reflect": _open(lambda app: ReflectScreen(_step_id(app, "planned"))),
        "steps: edit": _open(lambda app: StepFormScreen(_step_id(app, "planned"), smaller=False)),
        "steps: smaller": _open(lambda app: StepFormScreen(_step_id(app, "planned"), smaller=True)),
        "core quadrant: a page": lambda app: app.action_open_quadrant(),
        "core quadrant: drawn": _quadrant_drawn,
        "dashboard": lambda app: app.action_open_progress(),
        "history": lambda app: app.action_open_history(),
        "history: an entry": _open(lambda app: EntryScreen(_entry(app))),
        "settings": lambda app: app.action_open_settings(),
        "help": lambda app: app.action_open_help(),
        "about": lambda app: app.action_open_about(),
        "export dialog": lambda app: app.action_export(),
        "confirm dialog": _open(lambda app: ConfirmScreen("Stop this exercise?", "Kept so far.")),
        "careful confirm dialog": _open(
            lambda app: CarefulConfirmScreen("Forget everything?", "All sessions and steps.")
        ),
    }


def _assert_fits(app, name: str, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    where = f"{name} at {width}x{height}"
    assert app.is_running, f"durf stopped: {where}"
    screen = app.screen
    words = frame_words(app)
    too_small = width < MIN_WIDTH or height < MIN_HEIGHT
    if isinstance(screen, DurfScreen):
        assert ("This window is a little small for durf." in words) == too_small, (
            f"{where}: the small-window notice {'is missing' if too_small else 'shows'}:\n"
            + "\n".join(emulated_lines(app))
        )
        if not too_small:
            assert words.startswith("durf ·"), f"{where}: no title bar"
    elif isinstance(screen, ModalScreen) and not too_small:
        box = screen.query_one("Vertical").region
        assert screen.region.contains_region(box), f"{where}: the dialog is cut off ({box})"


async def _every_screen_at(durf_home: Path, sizes: list[tuple[int, int]]) -> None:
    Store(durf_home).update(lambda _: practice_story("en", FROZEN_NOW))
    app = make_app(durf_home)
    async with app.run_test(size=sizes[0]) as pilot:
        await settle(pilot)
        for name, open_screen in _screens().items():
            while len(app.screen_stack) > 1:
                await app.pop_screen()
            open_screen(app)
            await pilot.pause()
            for width, height in sizes:
                await pilot.resize_terminal(width, height)
                await pilot.pause()
                _assert_fits(app, name, width, height)


async def test_every_screen_at_the_everyday_sizes(durf_home: Path) -> None:
    await _every_screen_at(durf_home, EVERYDAY_SIZES)


@pytest.mark.slow
async def test_every_screen_at_every_size(durf_home: Path) -> None:
    await _every_screen_at(durf_home, EVERY_SIZE)


@pytest.mark.parametrize("calm", [False, True], ids=["orb", "calm words"])
async def test_resizing_while_breathing_keeps_breathing(durf_home: Path, calm: bool) -> None:
    """The window dragged smaller and larger mid-breath: the breath goes on, the picture
    follows the window, and below the minimum the notice shows until it is big again."""
    from durf.screens.breathe.breathing import BreatheScreen

    Store(durf_home).update(lambda _: practice_story("en", FROZEN_NOW))
    app = make_app(durf_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.change_reduced_motion(calm)
        app.start_breathing_now(app.practice.breathing.current_pattern(), 6)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        for step, (width, height) in enumerate([*EVERY_SIZE, *reversed(EVERY_SIZE), (100, 30)]):
            app.clock.advance(0.7)
            screen.catch_up()
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert app.screen is screen, f"the breathing screen went away at step {step}"
            _assert_fits(app, "breathing", width, height)
        assert screen.stopwatch.running
        breath = int(screen.stopwatch.elapsed() // screen.pacer.cycle) + 1
        assert breath > 1, "the clock did not move the breath on: nothing was tested"
        assert f"breath {breath} of 6" in frame_words(app), "\n".join(emulated_lines(app))
