"""Killing durf politely, or closing its terminal, in the middle of an exercise.

The real ``durf`` runs in a pseudo-terminal. It gets SIGTERM (``kill``) or
SIGHUP (the terminal window closed) while breathing, during an affirmation
session, or with words typed in the step guide or a reflection. Afterwards:
the session is in the state file as not completed, every typed word is kept,
and the terminal is the user's again (alternate screen left, cursor shown,
mouse reporting off, echo and line editing back on).
"""

from __future__ import annotations

import json
import signal
import termios
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.reliability.real_terminal import (
    ENTER_ALT_SCREEN,
    HIDE_CURSOR,
    LEAVE_ALT_SCREEN,
    SHOW_CURSOR,
    RealTerminal,
    durf_command,
    private_environment,
)

TERMINAL_MODES_SWITCHED_OFF = {
    b"\x1b[?1000h": b"\x1b[?1000l",  # mouse clicks
    b"\x1b[?1003h": b"\x1b[?1003l",  # mouse movement
    b"\x1b[?1006h": b"\x1b[?1006l",  # SGR mouse coordinates
    b"\x1b[?2004h": b"\x1b[?2004l",  # bracketed paste
}


def saved_state(scratch: Path) -> dict:
    """The state file durf left behind in the private home under ``scratch``."""
    return json.loads((scratch / "durf" / "state.json").read_text("utf-8"))


def seed_state(scratch: Path, build: Callable) -> None:
    """Start the private home with the state ``build(State())`` returns, saved by the store."""
    from durf.core.state import State
    from durf.core.store import Store

    store = Store(scratch / "durf")
    store.load()
    store.update(lambda _state: build(State()))


def assert_terminal_given_back(terminal: RealTerminal) -> None:
    """What the user's shell needs after durf: the normal screen, a cursor, no raw mode."""
    after_start = terminal.bytes_after_last(ENTER_ALT_SCREEN)
    assert ENTER_ALT_SCREEN in terminal.output, "durf never took the screen: nothing was tested"
    assert LEAVE_ALT_SCREEN in after_start, "the alternate screen was never left"
    assert ENTER_ALT_SCREEN not in terminal.bytes_after_last(LEAVE_ALT_SCREEN)
    last_show = terminal.output.rfind(SHOW_CURSOR)
    assert last_show > terminal.output.rfind(HIDE_CURSOR), "the cursor was left hidden"
    for switched_on, switched_off in TERMINAL_MODES_SWITCHED_OFF.items():
        if switched_on in terminal.output:
            assert switched_off in terminal.bytes_after_last(switched_on), switched_on
    now = terminal.termios_now()
    local_flags = termios.ECHO | termios.ICANON | termios.ISIG | termios.IEXTEN
    assert now[3] & local_flags == terminal.cooked[3] & local_flags, "echo or line mode lost"
    assert now[0] & termios.ICRNL == terminal.cooked[0] & termios.ICRNL, (
        "Enter no longer ends lines"
    )
    assert now[1] & termios.OPOST == terminal.cooked[1] & termios.OPOST, "output processing off"


def planned_step_this_week(what: str) -> Callable:
    """A state change that plans one small step, through the guide's own rules."""
    from durf.core.state import StepDraft
    from durf.core.steps import plan_step
    from durf.core.weeks import Week

    def build(state):  # type: ignore[no-untyped-def]
        now = datetime.now().astimezone()
        draft = StepDraft(
            started_at=now - timedelta(minutes=5),
            updated_at=now,
            answers={"desire": "be seen at work", "challenge": what},
        )
        return plan_step(state, draft, Week.of(now.date()), now, now)[0]

    return build


@dataclass(frozen=True)
class Moment:
    """Where in durf the signal arrives, and what must be in the state file afterwards."""

    args: tuple[str, ...]
    get_there: Callable[[RealTerminal], None]
    check: Callable[[dict], None]
    seed: Callable | None = None


def breathing(terminal: RealTerminal) -> None:
    terminal.wait_for("breath 1 of 6")


def breathing_asked_to_stop(terminal: RealTerminal) -> None:
    terminal.wait_for("breath 1 of 6")
    terminal.press("escape")
    terminal.wait_for("Stop this exercise?")


def breathing_kept_unfinished(state: dict) -> None:
    [record] = state["history"]
    assert record["exercise"] == "breathe"
    assert record["completed"] is False
    assert record["details"]["breaths_planned"] == 6


def affirming(terminal: RealTerminal) -> None:
    terminal.wait_for("1 of ")
    terminal.wait_for("Esc stop")


def affirmations_kept_unfinished(state: dict) -> None:
    [record] = state["history"]
    assert record["exercise"] == "affirm"
    assert record["completed"] is False
    assert record["details"]["shown"] >= 1


THOUGHTS = "If I ask, they will think I can't do my job"
FEAR = "That Sam sighs and I feel stupid"


def typing_in_the_guide(terminal: RealTerminal) -> None:
    terminal.wait_for("1 of 5")
    terminal.type(THOUGHTS)
    terminal.wait_for(THOUGHTS)
    terminal.press("pagedown")
    terminal.wait_for("2 of 5")
    # Signalled as soon as the words are on screen: before the guide's own
    # save-after-a-pause, so it is the way out that must keep them.
    terminal.type(FEAR)
    terminal.wait_for(FEAR)


def guide_words_kept(state: dict) -> None:
    draft = state["step_draft"]
    assert draft is not None, "the guide's words were lost"
    assert draft["answers"]["thoughts"] == THOUGHTS
    assert draft["answers"]["fear"] == FEAR
    assert state["steps"] == [], "a draft is not a planned step"


HAPPENED = "I asked Sam after the stand-up and it was fine"


def typing_a_reflection(terminal: RealTerminal) -> None:
    terminal.wait_for("Ask Sam one question")
    terminal.type("d")
    terminal.wait_for("What happened?")
    terminal.type(HAPPENED)
    terminal.wait_for(HAPPENED)


def reflection_kept_step_still_planned(state: dict) -> None:
    [step] = state["steps"]
    assert step["status"] == "planned", "stopping must not mark the step done"
    assert step["reflection"]["what_happened"] == HAPPENED


def breathing_in_a_session(terminal: RealTerminal) -> None:
    terminal.wait_for("A session of about 10 minutes")
    terminal.press("enter")
    terminal.wait_for("Session 1/")
    terminal.type("s")  # nothing to note at the check-in
    terminal.wait_for("breath 1 of")


def session_kept_with_its_breathing(state: dict) -> None:
    [session] = [r for r in state["history"] if r["exercise"] == "session"]
    [breathing] = [r for r in state["history"] if r["exercise"] == "breathe"]
    assert session["completed"] is False and breathing["completed"] is False
    assert breathing["details"]["session"] == session["id"]
    part = session["details"]["parts"][1]
    assert part == {"kind": "breathe", "status": "stopped", "record_id": breathing["id"]}
    assert all(p["status"] == "skipped" for p in session["details"]["parts"][2:])


ANSWER = "My shoulders go up before I say it"


def answering_the_question_in_a_session(terminal: RealTerminal) -> None:
    terminal.wait_for("One question")
    terminal.press("enter")
    terminal.wait_for("Session 1/")
    terminal.type("s")
    terminal.wait_for("breath 1 of")
    terminal.type("n")
    terminal.wait_for("How much do you believe")
    terminal.type("n")
    terminal.wait_for("Your step for this week")
    terminal.type("n")
    terminal.wait_for("Ctrl+S save and go on")
    terminal.type(ANSWER)
    terminal.wait_for(ANSWER)


def session_answer_kept(state: dict) -> None:
    [session] = [r for r in state["history"] if r["exercise"] == "session"]
    assert session["completed"] is False
    assert session["details"]["question"]["answer"] == ANSWER
    assert session["details"]["parts"][-2:] == [
        {"kind": "question", "status": "done"},
        {"kind": "checkout", "status": "skipped"},
    ]


MOMENTS = {
    "breathing": Moment(("breathe", "--breaths", "6"), breathing, breathing_kept_unfinished),
    "breathing, asked whether to stop": Moment(
        ("breathe", "--breaths", "6"), breathing_asked_to_stop, breathing_kept_unfinished
    ),
    "affirmations": Moment(
        ("affirm", "--rounds", "1", "--seconds", "60"), affirming, affirmations_kept_unfinished
    ),
    "step guide, words typed": Moment(("step", "new"), typing_in_the_guide, guide_words_kept),
    "reflection, words typed": Moment(
        ("step",),
        typing_a_reflection,
        reflection_kept_step_still_planned,
        seed=planned_step_this_week("Ask Sam one question"),
    ),
    "session, breathing": Moment(
        ("session",), breathing_in_a_session, session_kept_with_its_breathing
    ),
    "session, answer typed": Moment(
        ("session",),
        answering_the_question_in_a_session,
        session_answer_kept,
        seed=planned_step_this_week("Ask Sam one question"),
    ),
}


def _signal_cases() -> list:
    """Every moment with both signals; the default run takes SIGHUP everywhere and
    SIGTERM where words are typed, the rest runs with ``-m slow`` (each case starts
    a real durf, about two seconds)."""
    cases = []
    for name in MOMENTS:
        for number in (signal.SIGHUP, signal.SIGTERM):
            everyday = number == signal.SIGHUP or "typed" in name
            marks = () if everyday else (pytest.mark.slow,)
            cases.append(pytest.param(name, number, id=f"{number.name}-{name}", marks=marks))
    return cases


@pytest.mark.parametrize(("moment_name", "number"), _signal_cases())
def test_a_stop_signal_keeps_the_session_and_gives_the_terminal_back(
    tmp_path: Path, moment_name: str, number: int
) -> None:
    moment = MOMENTS[moment_name]
    if moment.seed is not None:
        seed_state(tmp_path, moment.seed)
    with RealTerminal(durf_command(*moment.args), private_environment(tmp_path)) as terminal:
        moment.get_there(terminal)
        terminal.send_signal(number)
        status = terminal.wait_exit()
        assert status == 0, terminal.screen_text()
        assert_terminal_given_back(terminal)
    moment.check(saved_state(tmp_path))


@pytest.mark.parametrize(
    "moment_name",
    [
        "step guide, words typed",
        pytest.param("breathing", marks=pytest.mark.slow),
        pytest.param("reflection, words typed", marks=pytest.mark.slow),
    ],
)
def test_closing_the_terminal_window_keeps_the_session_and_durf_exits(
    tmp_path: Path, moment_name: str
) -> None:
    """A real hang-up: the terminal side disappears, so durf can write nothing more
    and must still save and exit rather than linger or fail on the way out."""
    moment = MOMENTS[moment_name]
    if moment.seed is not None:
        seed_state(tmp_path, moment.seed)
    with RealTerminal(durf_command(*moment.args), private_environment(tmp_path)) as terminal:
        moment.get_there(terminal)
        terminal.hang_up()
        terminal.wait_exit()
    moment.check(saved_state(tmp_path))
