"""A state file a sync tool replaced while durf was open (issue 20)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from durf.core.affirm import add_own
from durf.core.state import State
from durf.core.store import Store, serialise_state
from tests.core.factories import session
from tests.core.practice_apart import START


def replace_as_a_sync_tool_does(path: Path, state: State) -> None:
    """A temporary file in the same folder, renamed over the real one (Syncthing, Nextcloud)."""
    tmp = path.with_name(".syncthing.state.json.tmp")
    tmp.write_bytes(serialise_state(state))
    os.replace(tmp, path)


def test_a_replaced_file_is_shown_and_the_next_save_starts_from_it(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(lambda s: add_own(s, "I may ask.", START))
    other = store.state.model_copy(update={"history": [session(START + timedelta(hours=1))]})
    replace_as_a_sync_tool_does(store.path, other)
    # A screen shown again asks; the answer is what is on disk now.
    assert store.refresh()
    assert store.state.history == other.history
    assert not store.refresh()
    saved = store.update(lambda s: add_own(s, "I am enough.", START))
    assert saved.history == other.history
    assert [a.text for a in Store(durf_home).load().own_affirmations] == [
        "I may ask.",
        "I am enough.",
    ]


def test_a_save_right_after_the_sync_tool_replaced_the_file_keeps_its_contents(
    durf_home: Path,
) -> None:
    """No refresh in between: the save itself looks at the file first."""
    store = Store(durf_home)
    store.update(lambda s: add_own(s, "I may ask.", START))
    other = store.state.model_copy(update={"history": [session(START + timedelta(hours=2))]})
    replace_as_a_sync_tool_does(store.path, other)
    saved = store.update(lambda s: add_own(s, "Doubting is allowed.", START))
    assert [record.id for record in saved.history] == [other.history[0].id]
    assert len(saved.own_affirmations) == 2


def test_a_linked_target_replaced_by_the_sync_tool_is_noticed(
    tmp_path: Path, durf_home: Path
) -> None:
    synced = tmp_path / "Dropbox" / "durf"
    synced.mkdir(parents=True)
    durf_home.mkdir()
    (durf_home / "state.json").symlink_to(synced / "state.json")
    store = Store(durf_home)
    store.update(lambda s: add_own(s, "I may ask.", START))
    other = store.state.model_copy(update={"history": [session(START)]})
    replace_as_a_sync_tool_does(synced / "state.json", other)
    assert store.refresh()
    assert store.state.history == other.history
    store.update(lambda s: add_own(s, "One more.", START))
    assert (durf_home / "state.json").is_symlink()
    assert len(Store(durf_home).load().history) == 1
