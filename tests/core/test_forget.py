"""Forgetting: every file durf made goes, your own exercise files and other files stay."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from durf.core.forget import data_files, forget
from durf.core.state import State
from durf.core.store import Store
from tests.core.data_story import everything


def a_home_after_a_while(home: Path) -> Store:
    """A home with a saved state, a backup, unreadable copies set aside, and crash leftovers."""
    store = Store(home)
    store.update(lambda _: everything())
    store.update(lambda state: state.model_copy(update={"favourite_affirmations": []}))
    for name in (
        "state.json.corrupt-20261120-081500",
        "state.json.corrupt-20261120-081500-2",
        "state.json.bak.corrupt-20261120-081500",
        ".state.json.1a2b3c4d.tmp",
        ".state.json.bak.tmp",
    ):
        (home / name).write_text("left behind", "utf-8")
    return store


def test_everything_durf_made_is_listed_and_removed(durf_home: Path) -> None:
    store = a_home_after_a_while(durf_home)
    listed = data_files(durf_home)
    assert {path.name for path in listed} == {
        "state.json",
        "state.json.bak",
        "state.json.lock",
        "state.json.corrupt-20261120-081500",
        "state.json.corrupt-20261120-081500-2",
        "state.json.bak.corrupt-20261120-081500",
        ".state.json.1a2b3c4d.tmp",
        ".state.json.bak.tmp",
    }
    assert listed[0].name == "state.json" and listed[-1].name == "state.json.lock"
    forgotten = forget(store)
    assert sorted(forgotten.removed) == sorted(listed)
    assert forgotten.home_removed
    assert not durf_home.exists()


def test_your_own_exercises_and_files_durf_did_not_make_stay(durf_home: Path) -> None:
    store = a_home_after_a_while(durf_home)
    exercises = durf_home / "exercises"
    exercises.mkdir()
    (exercises / "mine.toml").write_text('kind = "prompts"\n', "utf-8")
    (durf_home / "notes.txt").write_text("my own notes", "utf-8")
    forgotten = forget(store)
    assert sorted(path.name for path in durf_home.iterdir()) == ["exercises", "notes.txt"]
    assert (exercises / "mine.toml").read_text("utf-8") == 'kind = "prompts"\n'
    assert forgotten.kept_exercises == exercises
    assert forgotten.kept_other == [durf_home / "notes.txt"]
    assert not forgotten.home_removed


def test_after_forgetting_the_store_is_empty_and_saves_only_what_is_new(durf_home: Path) -> None:
    store = a_home_after_a_while(durf_home)
    forget(store)
    assert store.state == State()
    store.update(lambda state: state.model_copy(update={"favourite_affirmations": ["a/1"]}))
    assert Store(durf_home).load() == State(favourite_affirmations=["a/1"])
    assert not (durf_home / "state.json.bak").exists()


def test_nothing_to_forget_in_a_home_that_was_never_made(durf_home: Path) -> None:
    assert data_files(durf_home) == []
    forgotten = forget(Store(durf_home))
    assert forgotten.removed == [] and not durf_home.exists()


def test_forgetting_waits_for_a_save_in_progress(durf_home: Path) -> None:
    a_home_after_a_while(durf_home)
    other_durf = Store(durf_home)
    done = threading.Event()

    def forget_meanwhile() -> None:
        forget(Store(durf_home))
        done.set()

    with other_durf.exclusive():
        worker = threading.Thread(target=forget_meanwhile)
        worker.start()
        time.sleep(0.3)
        # The other durf still holds the lock: not a file may be gone yet.
        assert not done.is_set()
        assert (durf_home / "state.json").exists() and (durf_home / "state.json.bak").exists()
    worker.join(timeout=10)
    assert done.is_set()
    assert not durf_home.exists()


def test_a_durf_still_open_elsewhere_does_not_bring_the_data_back(durf_home: Path) -> None:
    still_open = Store(durf_home)
    still_open.update(lambda _: everything())
    assert still_open.state.history

    forget(Store(durf_home))  # `durf forget` in another terminal
    after = still_open.update(
        lambda state: state.model_copy(update={"favourite_affirmations": ["x"]})
    )

    assert after.history == [] and after.steps == [] and after.sentences == []
    assert after.favourite_affirmations == ["x"]  # the change made after forgetting is kept
    on_disk = Store(durf_home).load()
    assert on_disk.history == [] and on_disk.favourite_affirmations == ["x"]
    assert any("was deleted (with durf forget)" in notice for notice in still_open.take_notices())
