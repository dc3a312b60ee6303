"""Two durfs on one home: stores in separate processes, two apps, and the command line
at the same time as the app. Every update each of them made is there at the end."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from durf.core.affirm import add_own
from durf.core.clock import SystemClock
from durf.core.state import State
from durf.core.store import Store
from tests.core.factories import state_with_sessions

REPO = Path(__file__).resolve().parents[2]


# -- stores in separate processes --------------------------------------------------------------


def _add_affirmations(home: str, name: str, count: int) -> None:
    store = Store(Path(home))
    for number in range(count):
        when = SystemClock().now()
        store.update(lambda state, n=number, w=when: add_own(state, f"{name} #{n}", w))


def _add_sessions(home: str, count: int) -> None:
    store = Store(Path(home))
    for _ in range(count):
        [record] = state_with_sessions(1).history
        store.update(
            lambda state, r=record: state.model_copy(update={"history": [*state.history, r]})
        )


def _count_up(home: str, count: int) -> None:
    """Read, add one, write: the change that loses updates when two saves overlap."""
    store = Store(Path(home))
    for _ in range(count):
        store.update(
            lambda state: state.model_copy(
                update={"favourite_affirmations": [*state.favourite_affirmations, "tick"]}
            )
        )


def run_stores_at_once(home: Path, rounds: int) -> State:
    """Four processes change one home in four ways at the same moment."""
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_add_affirmations, args=(str(home), "first", rounds)),
        context.Process(target=_add_affirmations, args=(str(home), "second", rounds)),
        context.Process(target=_add_sessions, args=(str(home), rounds)),
        context.Process(target=_count_up, args=(str(home), rounds)),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    return Store(home).load()


def assert_nothing_lost(state: State, rounds: int) -> None:
    texts = [own.text for own in state.own_affirmations]
    for name in ("first", "second"):
        # Each process's own changes arrive whole and in the order it made them.
        assert [text for text in texts if text.startswith(name)] == [
            f"{name} #{n}" for n in range(rounds)
        ]
    assert len({record.id for record in state.history}) == rounds
    assert state.favourite_affirmations == ["tick"] * rounds


def test_four_processes_changing_one_home_lose_nothing(durf_home: Path) -> None:
    assert_nothing_lost(run_stores_at_once(durf_home, rounds=30), rounds=30)


@pytest.mark.slow
def test_four_processes_changing_one_home_a_long_while_lose_nothing(durf_home: Path) -> None:
    assert_nothing_lost(run_stores_at_once(durf_home, rounds=400), rounds=400)


# -- apps and the command line --------------------------------------------------------------


def start_app(home: Path, name: str) -> subprocess.Popen[str]:
    """A real app saving in its own process; returns once it has loaded."""
    app = subprocess.Popen(
        [sys.executable, "-m", "tests.app.busy_app", str(home), name],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
    )
    assert app.stdout is not None
    assert app.stdout.readline().strip() == "ready", app.stderr.read() if app.stderr else ""
    return app


def stop_app(home: Path, name: str, app: subprocess.Popen[str]) -> int:
    """Ask the app to stop; return how many affirmations it saved."""
    (home.parent / f"stop-{name}").touch()
    out, err = app.communicate(timeout=120)
    assert app.returncode == 0, err
    return int(out.strip().splitlines()[-1])


def durf_command(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "durf", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_apps_and_commands(home: Path, tmp_path: Path, commands: int) -> None:
    """Two apps save without pause while ``durf affirm add`` and ``durf import`` run."""
    export = tmp_path / "from-another-computer.json"
    sessions = state_with_sessions(commands)
    Store(tmp_path / "other").update(lambda _: sessions)
    (tmp_path / "other" / "state.json").rename(export)

    apps = {name: start_app(home, name) for name in ("left", "right")}
    running = [durf_command("affirm", "add", f"command #{n}") for n in range(commands)]
    running.append(durf_command("import", str(export)))
    for command in running:
        _, err = command.communicate(timeout=120)
        assert command.returncode == 0, err
    # The apps were saving the whole time the commands ran: check they still are.
    assert all(app.poll() is None for app in apps.values())
    saved_by = {name: stop_app(home, name, app) for name, app in apps.items()}

    state = Store(home).load()
    texts = [own.text for own in state.own_affirmations]
    for name, count in saved_by.items():
        assert count > 0
        assert [text for text in texts if text.startswith(name)] == [
            f"{name} #{n}" for n in range(count)
        ]
    assert sorted(text for text in texts if text.startswith("command")) == sorted(
        f"command #{n}" for n in range(commands)
    )
    assert {record.id for record in state.history} == {record.id for record in sessions.history}


def test_two_apps_and_the_command_line_at_once_lose_nothing(
    durf_home: Path, tmp_path: Path
) -> None:
    run_apps_and_commands(durf_home, tmp_path, commands=6)


@pytest.mark.slow
def test_two_apps_and_many_commands_at_once_lose_nothing(durf_home: Path, tmp_path: Path) -> None:
    run_apps_and_commands(durf_home, tmp_path, commands=40)
