"""Hostile text, a state full of it, and what a terminal would receive from a screen.

Text reaches durf from many doors: typed, pasted, ``durf affirm add "$(...)"``,
an imported file, a state file edited by hand. Whatever it holds, durf keeps it
byte for byte and shows it literally: markup stays brackets, and a control
character appears as its picture (``␛``) instead of reaching the terminal.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyte
import pytest


@dataclass(frozen=True)
class Probe:
    """One hostile text, and what of it must be visible wherever it is shown.

    ``visible`` is short and at the start, so a line cut to a dozen cells still shows it.
    """

    text: str
    visible: str | None


ALL_CONTROLS = "".join(chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)])

PROBES = {
    "markup": Probe("[b]Ik[/b] [link=x]ja[/link] [@click=app.quit]q[/] [/", "[b]Ik[/b]"),
    "unclosed markup": Probe("[/ [red] [on x] [$accent] $t", "[/ [red]"),
    "escape sequences": Probe("\x1b[2J\x1b]0;owned\x07\x1b[31mred\x1b[0m", "␛[2J␛]0;"),
    "control characters": Probe("\x00\x01\x07\x08\x7f\x9b\x9c" + ALL_CONTROLS + "end", "␀␁␇␈␡"),
    "carriage return": Probe("first\rsecond\r\nthird", "first"),
    "emoji, CJK, right to left": Probe("你好 👩‍👩‍👧‍👦 🏳️‍🌈 שלום مرحبا \u202eevil\u202c end", "你好"),
    "right-to-left override first": Probe("\u202etxt.exe\u202c and more", "txt.exe"),
    "one long word": Probe("x" * 10_000, "xxxxxxxxx"),
    "long text": Probe("word " * 2_000, "word word"),
    "empty": Probe("", None),
    "blank": Probe(" \t  ", None),
}

EVERYDAY_PROBES = ("markup", "escape sequences", "emoji, CJK, right to left")
"""Probes for the default run: between them, every trap. The rest run with ``-m slow``."""


def probe_params() -> list:
    """Every probe as a pytest parameter, those outside the everyday set marked slow."""
    return [
        pytest.param(name, id=name, marks=() if name in EVERYDAY_PROBES else (pytest.mark.slow,))
        for name in PROBES
    ]


# -- a state where every piece of user text is the probe -----------------------------------

_PLACEHOLDER = "\ue000user-{}\ue000"
"""Private-use markers for each user text field, swapped for the probe afterwards, so
the state is built by durf's own functions and only then "edited by hand"."""


def _field(name: str) -> str:
    return _PLACEHOLDER.format(name)


def hostile_state(text: str, now: datetime):  # type: ignore[no-untyped-def]
    """A state in which every place for user text holds ``text``.

    An open honest sentence (and for whom), an own favourite affirmation, an
    affirmation session with its belief text, a planned step this week (what, with
    whom, first sentence) and a done one with a reflection, both on a ladder whose
    desire is the text, a guide draft with every answer, open at its details, and a
    core quadrant with own words on every corner and the sentence.
    """
    from durf.core.affirm import AffirmSession, add_own, record_affirm_session, toggle_favourite
    from durf.core.breathing import BreathingSession, record_session
    from durf.core.quadrant.answers import QuadrantAnswers, record_quadrant
    from durf.core.quadrant.exercise_file import CORNERS
    from durf.core.state import State, StepDraft, StepReflection
    from durf.core.steps import GUIDE_PAGES, mark_done, plan_step
    from durf.core.weeks import Week

    week = Week.of(now.date())
    earlier = now - timedelta(hours=3)
    state = State()
    breathing = BreathingSession(
        started_at=earlier,
        sentence=_field("sentence"),
        for_whom=_field("for-whom"),
        rehearsed=True,
        completed=True,
        breaths_done=6,
        tension_before=6,
        tension_after=3,
    )
    state = record_session(state, breathing, earlier + timedelta(minutes=4))
    state = add_own(state, _field("own"), earlier)
    own = state.own_affirmations[-1]
    state = toggle_favourite(state, f"own/{own.id}")
    affirming = AffirmSession(
        started_at=earlier + timedelta(minutes=10),
        source="own",
        planned=1,
        shown=1,
        belief_key=f"own/{own.id}",
        belief_text=_field("belief"),
        belief_before=3,
        belief_after=5,
    )
    state = record_affirm_session(state, affirming, earlier + timedelta(minutes=12), True)

    def planned(name: str) -> StepDraft:
        return StepDraft(
            started_at=earlier,
            updated_at=earlier,
            answers={"desire": _field("desire"), "challenge": _field(f"{name}-what")},
            with_whom=_field(f"{name}-with-whom"),
            trusted="yes",
            scariness=4,
            day=now.isoweekday(),
            sentence=_field(f"{name}-sentence"),
        )

    state, done_id = plan_step(state, planned("done"), week, earlier, earlier)
    reflection = StepReflection(
        what_happened=_field("happened"),
        their_reaction=_field("reaction"),
        learned=_field("learned"),
        scariness_after=2,
        written_at=now,
    )
    state = mark_done(state, done_id, reflection, now - timedelta(hours=1), earlier)
    state, _ = plan_step(state, planned("planned"), week, earlier, earlier)
    draft = StepDraft(
        started_at=earlier,
        updated_at=earlier,
        page=len(GUIDE_PAGES),
        answers={page: _field(f"answer-{page}") for page in GUIDE_PAGES},
        with_whom=_field("draft-with-whom"),
        sentence=_field("draft-sentence"),
    )
    state = state.model_copy(update={"step_draft": draft})
    quadrant = QuadrantAnswers(
        "vulnerability",
        earlier,
        ticked={"quality": ["not-knowing"]},
        own={corner: _field(f"quadrant-{corner}") for corner in CORNERS},
        sentence=_field("quadrant-sentence"),
    )
    state = record_quadrant(state, quadrant, earlier + timedelta(minutes=20), True)
    return _with_text(state, text)


def _with_text(state, text: str):  # type: ignore[no-untyped-def]
    from durf.core.state import State

    def swap(value: object) -> object:
        if isinstance(value, str) and value.startswith("\ue000user-"):
            return text
        if isinstance(value, list):
            return [swap(item) for item in value]
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        return value

    document = swap(json.loads(state.model_dump_json()))
    assert "\ue000" not in json.dumps(document), "a placeholder was left in the state"
    return State.model_validate(document)


# -- what the terminal receives --------------------------------------------------------------

_TEXTUALS_OWN = re.compile(r"\x1b\[[0-9;]*m|\x1b\[[0-9]+;[0-9]+H")
"""The only sequences a durf frame needs: colours and styles, and cursor moves."""
_RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def terminal_frame(app) -> str:  # type: ignore[no-untyped-def]
    """The characters Textual would write to the terminal to draw the whole screen now."""
    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(console)


def frame_words(app) -> str:  # type: ignore[no-untyped-def]
    """The words on the screen in reading order, one space between them (no emulator needed)."""
    return " ".join(_TEXTUALS_OWN.sub(" ", terminal_frame(app)).split())


def raw_controls(frame: str) -> list[str]:
    """Control characters in ``frame`` that are not part of Textual's own drawing."""
    return _RAW_CONTROL.findall(_TEXTUALS_OWN.sub("", frame))


_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def emulated_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen as a terminal shows it after receiving ``terminal_frame``."""
    width, height = app.size
    screen = pyte.Screen(width, height)
    # pyte stops drawing a line at a zero-width direction mark; terminals draw on
    # (without bidi they ignore the mark), so the emulator is spared them.
    pyte.Stream(screen).feed(_BIDI_CONTROLS.sub("", terminal_frame(app)))
    return [line.rstrip() for line in screen.display]


def assert_shown_safely(app, probe: Probe, where: str) -> None:  # type: ignore[no-untyped-def]
    """Nothing of the probe steers the terminal, and (if it has any) its start is visible."""
    frame = terminal_frame(app)
    stray = raw_controls(frame)
    assert not stray, f"{where}: control characters sent raw to the terminal: {stray[:8]!r}"
    assert "\x1b]" not in frame, f"{where}: an OSC sequence (a link or a title) reached the frame"
    if probe.visible is not None:
        lines = emulated_lines(app)
        # A long path (a deep temporary folder) may wrap, so wrapped lines are joined.
        assert probe.visible in "".join(line.strip() for line in lines), (
            f"{where}: {probe.visible!r} is not on the screen:\n" + "\n".join(lines)
        )
