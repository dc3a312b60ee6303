"""Conflict copies a sync tool leaves beside state.json: found, merged, put away (issue 20)."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from durf.core.affirm import add_own
from durf.core.forget import forget
from durf.core.i18n import set_language
from durf.core.state import State
from durf.core.store import Store
from durf.core.sync.copies import conflict_copies, recognise
from tests.core.factories import session
from tests.core.practice_apart import START, practise

TOOL_NAMES = {
    "syncthing": "state.sync-conflict-20261203-114205-ABCDEF7.json",
    "syncthing-old": "state.sync-conflict-20261203-114205.json",
    "nextcloud": "state (conflicted copy 2026-12-03 114205).json",
    "nextcloud-user": "state (conflicted copy Jan de Vries 2026-12-03 114205).json",
    "owncloud-old": "state_conflict-20261203-114205.json",
    "dropbox": "state (Jan's conflicted copy 2026-12-03).json",
    "dropbox-again": "state (Jan’s conflicted copy 2026-12-03 (1)).json",
    "onedrive": "state-LAPTOP-JAN.json",
    "onedrive-linux": "state-werkplek-safeBackup-0001.json",
}


def practised_apart(tmp_path: Path, durf_home: Path) -> tuple[Store, Path, State, State]:
    """Two homes that shared a start, then practised on two computers before the sync."""
    shared = practise(State(), [(("own", "Ik mag twijfelen."), 0), (("session",), 5)], START)
    laptop_home = tmp_path / "laptop"
    Store(laptop_home).update(lambda _: shared)
    shutil.copytree(laptop_home, durf_home)
    later = START + timedelta(days=1)
    laptop = Store(laptop_home).update(
        lambda s: practise(
            s, [(("session",), 0), (("step", "Vraag om hulp", "Vraag Sam"), 3)], later
        )
    )
    desktop = Store(durf_home)
    mine = desktop.update(
        lambda s: practise(s, [(("own", "I am enough."), 1), (("session",), 2)], later)
    )
    return desktop, laptop_home / "state.json", laptop, mine


@pytest.mark.parametrize("name", TOOL_NAMES.values(), ids=TOOL_NAMES.keys())
def test_each_tools_copy_is_merged_and_kept_in_merged(
    name: str, tmp_path: Path, durf_home: Path
) -> None:
    _, laptop_file, laptop, mine = practised_apart(tmp_path, durf_home)
    assert recognise(name, "state.json") is not None
    shutil.copyfile(laptop_file, durf_home / name)
    after = Store(durf_home)
    assert after.take_in_conflict_copies()
    state = after.state
    ids = [record.id for record in state.history]
    assert sorted(ids) == sorted({r.id for r in laptop.history} | {r.id for r in mine.history})
    assert len(ids) == len(set(ids)) == 4
    assert [a.text for a in state.own_affirmations] == ["Ik mag twijfelen.", "I am enough."]
    assert [step.what for step in state.steps] == ["Vraag Sam"]
    # The copy is out of the way, kept whole and private in merged/.
    assert not (durf_home / name).exists()
    kept = durf_home / "merged" / name
    assert kept.read_bytes() == laptop_file.read_bytes()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    [notice] = after.take_notices()
    assert name in notice and "merged" in notice
    # Both histories stay whole on disk, too.
    assert len(json.loads((durf_home / "state.json").read_text("utf-8"))["history"]) == 4


def test_the_next_save_takes_a_copy_in_before_it_saves(tmp_path: Path, durf_home: Path) -> None:
    store, laptop_file, _, _ = practised_apart(tmp_path, durf_home)
    shutil.copyfile(laptop_file, durf_home / TOOL_NAMES["syncthing"])
    set_language("nl")
    try:
        saved = store.update(lambda s: add_own(s, "Twijfelen mag.", START))
    finally:
        set_language("en")
    assert len(saved.history) == 4
    assert [a.text for a in saved.own_affirmations][-1] == "Twijfelen mag."
    assert conflict_copies(store.target) == []
    [notice] = store.take_notices()
    assert "conflictkopie" in notice and "Syncthing (van ABCDEF7)" in notice
    # The session practised there, and the guide that planned the step (practice too).
    assert "Van de andere computer: 2 oefeningen, één klein stapje" in notice


def test_an_unreadable_copy_stays_and_is_named_once(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(lambda s: add_own(s, "I may ask.", START))
    copy = durf_home / TOOL_NAMES["dropbox"]
    copy.write_bytes(b'{"schema_version": 1, "history": [')
    store.update(lambda s: add_own(s, "One more.", START))
    [notice] = store.take_notices()
    assert str(copy) in notice and "cannot read" in notice
    store.update(lambda s: add_own(s, "And another.", START))
    assert store.take_notices() == []
    assert copy.read_bytes() == b'{"schema_version": 1, "history": ['
    assert not (durf_home / "merged").exists()


def test_a_copy_from_a_newer_durf_is_neither_merged_nor_moved(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(lambda s: add_own(s, "I may ask.", START))
    copy = durf_home / TOOL_NAMES["onedrive"]
    newer = {"schema_version": 99, "history": [session(START).model_dump(mode="json")]}
    copy.write_text(json.dumps(newer), "utf-8")
    assert store.take_in_conflict_copies()
    [notice] = store.take_notices()
    assert "newer durf" in notice and "99" in notice and str(copy) in notice
    assert json.loads(copy.read_text("utf-8")) == newer
    assert store.state.history == []


def test_a_copy_merged_twice_adds_nothing_the_second_time(tmp_path: Path, durf_home: Path) -> None:
    store, laptop_file, _, _ = practised_apart(tmp_path, durf_home)
    shutil.copyfile(laptop_file, durf_home / TOOL_NAMES["nextcloud"])
    store.take_in_conflict_copies()
    once = (durf_home / "state.json").read_bytes()
    store.take_notices()
    # The sync tool brings the same copy again (say, from the other computer).
    shutil.copyfile(laptop_file, durf_home / TOOL_NAMES["nextcloud"])
    store.take_in_conflict_copies()
    assert json.loads((durf_home / "state.json").read_bytes()) == json.loads(once)
    [notice] = store.take_notices()
    assert "nothing that was not here already" in notice
    # Kept beside the first, never over it.
    assert len(list((durf_home / "merged").iterdir())) == 2


def test_forget_removes_the_merged_folder_too(tmp_path: Path, durf_home: Path) -> None:
    store, laptop_file, _, _ = practised_apart(tmp_path, durf_home)
    shutil.copyfile(laptop_file, durf_home / TOOL_NAMES["syncthing"])
    store.take_in_conflict_copies()
    assert (durf_home / "merged").is_dir()
    forgotten = forget(Store(durf_home))
    assert durf_home / "merged" / TOOL_NAMES["syncthing"] in forgotten.removed
    assert forgotten.home_removed and not durf_home.exists()


def test_a_linked_state_file_finds_copies_beside_its_target_and_stays_a_link(
    tmp_path: Path, durf_home: Path
) -> None:
    """A whole day of practice in the synced set-up, with one conflict in the middle."""
    synced = tmp_path / "Sync" / "durf"
    synced.mkdir(parents=True)
    durf_home.mkdir()
    link = durf_home / "state.json"
    link.symlink_to(synced / "state.json")
    store = Store(durf_home)
    when = START
    for hour in range(12):
        when = START + timedelta(hours=hour)
        store.update(lambda s, w=when: practise(s, [(("session",), 0)], w))
        if hour == 6:
            other = store.state.model_copy(
                update={"history": [session(when + timedelta(minutes=9))]}
            )
            name = synced / "state.sync-conflict-20261130-140900-LAPTOP7.json"
            name.write_bytes(json.dumps(other.model_dump(mode="json")).encode("utf-8"))
        assert link.is_symlink() and link.resolve() == synced / "state.json"
    assert len(store.state.history) == 13
    assert (durf_home / "merged" / "state.sync-conflict-20261130-140900-LAPTOP7.json").is_file()
    assert sorted(os.listdir(durf_home)) == ["merged", "state.json"]
    assert conflict_copies(store.target) == []


def test_names_that_are_not_conflict_copies_are_left_alone() -> None:
    for name in (
        "state.json",
        "state.json.bak",
        "state.json.corrupt-20261203-114205",
        ".state.json.0a1b2c3d.tmp",
        "state.json.lock",
        "notes.json",
        "state-.json",
        "state (conflicted copy).txt",
        "other.sync-conflict-20261203-114205-ABCDEF7.json",
    ):
        assert recognise(name, "state.json") is None, name
    assert recognise("durf.sync-conflict-20261203-114205-AB.json", "durf.json") is not None


def test_a_copy_that_only_changed_a_setting_says_just_that(durf_home: Path) -> None:
    store = Store(durf_home)
    here = store.update(lambda s: add_own(s, "I may ask.", START))
    changed = here.settings.model_copy(
        update={"breath_count": 12, "changed_at": {"breath_count": START}}
    )
    copy = durf_home / TOOL_NAMES["onedrive"]
    copy.write_text(
        json.dumps(here.model_copy(update={"settings": changed}).model_dump(mode="json")), "utf-8"
    )
    assert store.take_in_conflict_copies()
    assert store.state.settings.breath_count == 12
    [notice] = store.take_notices()
    assert "so taken from there: number of breaths." in notice
    assert "nothing that was not here" not in notice
