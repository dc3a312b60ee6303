"""Killed mid-save: whenever durf dies, the state file holds one whole save.

A child process saves through the real ``Store`` without a pause and is killed
with SIGKILL at a random moment, over and over. After every kill the file must
load without being set aside, and be exactly the state of the last save that
finished or of the one that was cut off; a save that finished is never undone.
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import random
import signal
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from durf.core.state import OwnAffirmation, SessionRecord, State
from durf.core.store import Store, parse_state
from tests.core.factories import AMSTERDAM_WINTER

FIRST_DAY = datetime(2026, 1, 5, 8, 30, tzinfo=AMSTERDAM_WINTER)
SESSIONS = 600
"""Enough history for a save to take a while (about 150 KB), so kills land inside it."""
START_WINDOW_SECONDS = 0.05
"""Half the kills come at a random moment this soon after the child was told to
start: during its start-up, its load or its first save (which writes every record)."""
SAVING_WINDOW_SECONDS = 0.01
"""The other half come this soon after its first save began: in the loop of
quick saves, several of which fit in this window."""


@functools.cache
def _history() -> tuple[SessionRecord, ...]:
    # The same record objects every time: the store then reuses their JSON, and a
    # save costs mostly writing and syncing, the part a kill should interrupt.
    return tuple(
        SessionRecord(
            id=f"{day:032x}",
            exercise="breathe",
            started_at=FIRST_DAY + timedelta(days=day),
            ended_at=FIRST_DAY + timedelta(days=day, minutes=5),
            completed=True,
            details={"sentence": f"Ik durf dag {day} te zeggen wat ik voel", "tension": 4},
        )
        for day in range(SESSIONS)
    )


def state_for(number: int) -> State:
    """The state the ``number``-th save writes; every save differs from the one before."""
    marker = OwnAffirmation(id=f"save-{number}", text=f"Save number {number}", created_at=FIRST_DAY)
    return State(history=list(_history()), own_affirmations=[marker])


def save_number(state: State) -> int:
    """Which save wrote ``state``."""
    [marker] = state.own_affirmations
    return int(marker.id.removeprefix("save-"))


def _save_forever(home: str, announced: ctypes.c_longlong) -> None:
    """Child process: save the next numbered state, again and again, until killed."""
    store = Store(Path(home))

    def next_save(state: State) -> State:
        number = save_number(state) + 1
        # Announced before the file is touched: after a kill the file holds this
        # number or the one before it, nothing else.
        announced.value = number
        return state_for(number)

    while True:
        store.update(next_save)


def _context() -> multiprocessing.context.BaseContext:
    # A fork server that has imported durf already starts each child in
    # milliseconds, without forking this (threaded) test process itself.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _wait_for_change(announced: ctypes.c_longlong, before: int) -> None:
    give_up = time.monotonic() + 30
    while announced.value == before:
        assert time.monotonic() < give_up, "the child never started saving"
        time.sleep(0.0005)


def kill_saves_repeatedly(home: Path, kills: int, seed: int) -> tuple[int, int]:
    """Kill a saving child ``kills`` times and check the home after each kill.

    Returns how many saves finished in all, and how many kills cut a save off
    between its start and its rename (the moments this test is about).
    """
    if not (home / "state.json").exists():
        Store(home).update(lambda _: state_for(0))
    last_seen = save_number(Store(home).load())
    context = _context()
    announced = context.RawValue("q", last_seen)
    rng = random.Random(seed)
    cut_off = 0
    for kill in range(kills):
        child = context.Process(target=_save_forever, args=(str(home), announced), daemon=True)
        before = announced.value
        child.start()
        if rng.random() < 0.5:
            time.sleep(rng.uniform(0, START_WINDOW_SECONDS))
        else:
            _wait_for_change(announced, before)
            time.sleep(rng.uniform(0, SAVING_WINDOW_SECONDS))
        os.kill(child.pid, signal.SIGKILL)
        child.join(timeout=30)
        assert child.exitcode == -signal.SIGKILL, f"kill {kill}: the child stopped by itself"

        store = Store(home)
        state = store.load()
        assert store.take_notices() == [], f"kill {kill}: the file was set aside"
        assert not list(home.glob("*.corrupt-*")), f"kill {kill}: a file was called corrupt"
        number = save_number(state)
        latest = announced.value
        assert number in (latest, latest - 1), f"kill {kill}: file holds save {number}"
        assert number >= last_seen, f"kill {kill}: save {last_seen} was undone"
        assert state == state_for(number), f"kill {kill}: save {number} is not whole"
        backup_path = home / "state.json.bak"
        if number > 0 or backup_path.exists():
            backup = parse_state(backup_path.read_bytes())
            assert backup == state_for(save_number(backup)), f"kill {kill}: broken backup"
            assert save_number(backup) <= number
        if number == latest - 1 and latest > last_seen:
            cut_off += 1
        last_seen = number
    return last_seen, cut_off


def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_state(durf_home: Path) -> None:
    saves, cut_off = kill_saves_repeatedly(durf_home, kills=200, seed=9)
    # Without these the kills all missed the saves and the test proved nothing.
    assert saves > 0
    assert cut_off > 0


def test_the_next_save_clears_what_killed_saves_left_behind(durf_home: Path) -> None:
    # Each save clears the leftovers before it, so kill until the last kill left one.
    for attempt in range(200):
        kill_saves_repeatedly(durf_home, kills=1, seed=attempt)
        if list(durf_home.glob(".state.json.*.tmp")):
            break
    else:
        pytest.fail("no kill landed while a temporary file existed")
    (durf_home / "notes.tmp").write_text("mine", "utf-8")
    Store(durf_home).update(lambda state: state_for(save_number(state) + 1))
    names = sorted(path.name for path in durf_home.iterdir())
    assert names == ["notes.tmp", "state.json", "state.json.bak", "state.json.lock"]


def test_a_save_cut_off_after_its_backup_step_leaves_no_link_behind(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(lambda _: state_for(1))
    store.update(lambda _: state_for(2))
    # What a kill between keeping the backup and the rename leaves: the backup is
    # another name for the state file itself.
    (durf_home / "state.json.bak").unlink()
    os.link(durf_home / "state.json", durf_home / "state.json.bak")
    Store(durf_home).update(lambda _: state_for(3))
    names = sorted(path.name for path in durf_home.iterdir())
    assert names == ["state.json", "state.json.bak", "state.json.lock"]
    assert parse_state((durf_home / "state.json.bak").read_bytes()) == state_for(2)


@pytest.mark.slow
def test_two_thousand_kills_never_lose_a_finished_save(durf_home: Path) -> None:
    saves, cut_off = kill_saves_repeatedly(durf_home, kills=2000, seed=2026)
    assert saves > 0
    assert cut_off > 0
