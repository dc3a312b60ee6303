"""The state file contract: atomic saves, backups, quarantine, newer files, two processes."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import stat
from datetime import UTC
from pathlib import Path

import pytest

from durf.core.quicklook import quick_look
from durf.core.state import SCHEMA_VERSION, Settings, State
from durf.core.store import (
    NewerStateError,
    StateWriteError,
    Store,
    StoreError,
    parse_state,
)
from tests.core.factories import session, state_with_sessions


def add_settings(**changes: object):
    """A pure change that updates settings."""
    return lambda state: state.model_copy(
        update={"settings": state.settings.model_copy(update=changes)}
    )


def test_a_new_home_starts_empty_and_writes_nothing(durf_home: Path) -> None:
    store = Store(durf_home)
    assert store.load() == State()
    assert not durf_home.exists()


def test_saved_state_loads_back_equal(durf_home: Path) -> None:
    state = state_with_sessions(3)
    Store(durf_home).update(lambda _: state)
    assert Store(durf_home).load() == state


def test_file_is_private_and_readable_json_with_version_first(durf_home: Path) -> None:
    Store(durf_home).update(add_settings(language="nl"))
    path = durf_home / "state.json"
    assert stat.S_IMODE(durf_home.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n "schema_version": 2,')
    assert json.loads(text)["settings"]["language"] == "nl"


def test_previous_good_file_is_kept_as_backup(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(add_settings(theme="nord"))
    first = (durf_home / "state.json").read_bytes()
    store.update(add_settings(theme="gruvbox"))
    assert (durf_home / "state.json.bak").read_bytes() == first
    assert store.state.settings.theme == "gruvbox"


def test_a_save_is_on_disk_before_and_after_the_rename(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new file's bytes are synced before it replaces the old one, the folder after.

    Without the folder's fsync a power cut just after a save can bring back the old
    file, or no file at all, on filesystems that keep the rename only in memory.
    """
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            home = os.stat(durf_home)
            same = (info.st_dev, info.st_ino) == (home.st_dev, home.st_ino)
            events.append(("fsync folder", "home" if same else "another folder"))
        else:
            events.append(("fsync file", str(info.st_ino)))
        real_fsync(fd)

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        events.append(("replace", Path(target).name))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store = Store(durf_home)
    for theme in ("nord", "dracula"):  # the first save, and one that keeps a backup
        events.clear()
        store.update(add_settings(theme=theme))
        saved_inode = str(os.stat(durf_home / "state.json").st_ino)
        at = events.index(("replace", "state.json"))
        assert ("fsync file", saved_inode) in events[:at], events
        assert ("fsync folder", "home") in events[at + 1 :], events
    assert Store(durf_home).load().settings.theme == "dracula"


def test_no_temporary_files_are_left_behind(durf_home: Path) -> None:
    store = Store(durf_home)
    for theme in ("nord", "gruvbox", "dracula"):
        store.update(add_settings(theme=theme))
    names = sorted(path.name for path in durf_home.iterdir())
    assert names == ["state.json", "state.json.bak", "state.json.lock"]


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"\x00\xff\xfe binary", b"[1, 2]", b'{"schema_version": 1, "history": 5}'],
    ids=["empty", "not-json", "binary", "not-an-object", "wrong-type"],
)
def test_unreadable_file_is_moved_aside_unchanged(durf_home: Path, content: bytes) -> None:
    durf_home.mkdir()
    (durf_home / "state.json").write_bytes(content)
    store = Store(durf_home)
    assert store.load() == State()
    [aside] = list(durf_home.glob("state.json.corrupt-*"))
    assert aside.read_bytes() == content
    [notice] = store.take_notices()
    assert str(aside) in notice
    assert "started fresh" in notice


def test_unreadable_file_falls_back_to_the_backup(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(add_settings(theme="nord"))
    store.update(add_settings(theme="gruvbox"))
    (durf_home / "state.json").write_text('{"schema_version": 1, "settings": {"theme": 3', "utf-8")
    again = Store(durf_home)
    assert again.load().settings.theme == "nord"
    [notice] = again.take_notices()
    assert "backup" in notice
    # The restored state is on disk again, so the next start does not begin empty.
    assert Store(durf_home).load().settings.theme == "nord"


def test_a_file_from_a_newer_durf_is_refused_and_left_alone(durf_home: Path) -> None:
    durf_home.mkdir()
    newer = json.dumps({"schema_version": SCHEMA_VERSION + 1, "future": True}).encode()
    (durf_home / "state.json").write_bytes(newer)
    store = Store(durf_home)
    with pytest.raises(NewerStateError, match="newer durf"):
        store.load()
    with pytest.raises(NewerStateError):
        store.update(add_settings(theme="nord"))
    assert (durf_home / "state.json").read_bytes() == newer
    assert sorted(p.name for p in durf_home.iterdir() if p.name != "state.json.lock") == [
        "state.json"
    ]


def test_a_folder_where_the_file_should_be_stops_with_a_clear_message(durf_home: Path) -> None:
    (durf_home / "state.json").mkdir(parents=True)
    with pytest.raises(StoreError, match="folder"):
        Store(durf_home).load()


def test_unknown_fields_survive_a_round_trip(durf_home: Path) -> None:
    durf_home.mkdir()
    document = {
        "schema_version": 1,
        "settings": {"theme": "nord", "font": "big"},
        "history": [],
        "journal": ["kept"],
    }
    (durf_home / "state.json").write_text(json.dumps(document), "utf-8")
    Store(durf_home).update(add_settings(sound_cue=True))
    saved = json.loads((durf_home / "state.json").read_text("utf-8"))
    assert saved["journal"] == ["kept"]
    assert saved["settings"]["font"] == "big"
    assert saved["settings"]["sound_cue"] is True


def test_a_failed_save_keeps_the_last_good_file(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(durf_home)
    store.update(add_settings(theme="nord"))
    before = (durf_home / "state.json").read_bytes()

    def disk_full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(StateWriteError, match="disk is full"):
        store.update(add_settings(theme="gruvbox"))
    monkeypatch.undo()
    assert (durf_home / "state.json").read_bytes() == before
    assert store.state.settings.theme == "nord"
    assert not list(durf_home.glob(".*.tmp"))


def test_changes_start_from_what_another_process_saved(durf_home: Path) -> None:
    mine = Store(durf_home)
    theirs = Store(durf_home)
    mine.load()
    theirs.update(add_settings(theme="nord"))
    mine.update(add_settings(sound_cue=True))
    result = Store(durf_home).load().settings
    assert (result.theme, result.sound_cue) == ("nord", True)


def _append_sessions(home: str, count: int) -> None:
    store = Store(Path(home))
    for _ in range(count):
        record = state_with_sessions(1).history[0]
        store.update(
            lambda state, r=record: state.model_copy(update={"history": [*state.history, r]})
        )


def test_two_processes_saving_at_once_lose_nothing(durf_home: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_append_sessions, args=(str(durf_home), 25)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    history = Store(durf_home).load().history
    assert len(history) == 50
    assert len({record.id for record in history}) == 50


def test_quick_look_reads_settings_from_the_head_of_a_large_file(durf_home: Path) -> None:
    state = state_with_sessions(2000).model_copy(update={"settings": Settings(language="nl")})
    Store(durf_home).update(lambda _: state)
    assert (durf_home / "state.json").stat().st_size > 100_000
    look = quick_look(durf_home)
    assert look.schema_version == SCHEMA_VERSION
    assert look.settings == Settings(language="nl").model_dump()
    assert look.setting("language", str) == "nl"
    assert look.setting("reduced_motion", bool) is False
    assert look.setting("breath_count", str) is None


def test_quick_look_on_a_missing_or_broken_file_knows_nothing(durf_home: Path) -> None:
    assert quick_look(durf_home).settings == {}
    durf_home.mkdir()
    (durf_home / "state.json").write_bytes(b"\x00garbage")
    assert quick_look(durf_home).settings == {}


def test_user_text_is_kept_byte_for_byte(durf_home: Path) -> None:
    text = "[b]Ik[/b] \x1b[31m durf 😬 \u202eتست\n  twee regels  "
    record = session(state_with_sessions(1).history[0].started_at, sentence=text)
    Store(durf_home).update(lambda s: s.model_copy(update={"history": [record]}))
    assert Store(durf_home).load().history[0].details["sentence"] == text


def test_parse_state_accepts_a_hand_edited_file_with_other_spacing() -> None:
    raw = b'  {  "history": [], "schema_version" : 1 }'
    assert parse_state(raw) == State()


def test_history_is_written_one_record_per_line_after_the_settings(durf_home: Path) -> None:
    Store(durf_home).update(lambda _: state_with_sessions(3))
    lines = (durf_home / "state.json").read_text("utf-8").splitlines()
    start = lines.index(' "history": [')
    assert all(line.startswith('  {"id":') for line in lines[start + 1 : start + 4])
    assert lines.index('  "language": null,') < start


def test_a_changed_record_is_written_anew_not_from_an_old_copy(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(lambda _: state_with_sessions(3))
    first = store.state.history[1]
    edited = first.model_copy(update={"details": {"sentence": "anders"}})
    store.update(lambda s: s.model_copy(update={"history": [s.history[0], edited, s.history[2]]}))
    assert Store(durf_home).load().history[1].details == {"sentence": "anders"}


def test_a_file_broken_while_running_is_moved_aside_and_memory_wins(durf_home: Path) -> None:
    store = Store(durf_home)
    store.update(add_settings(theme="nord"))
    store.update(add_settings(theme="gruvbox"))  # the backup now says nord
    (durf_home / "state.json").write_bytes(b"{broken")
    store.update(add_settings(sound_cue=True))
    [aside] = durf_home.glob("state.json.corrupt-*")
    assert aside.read_bytes() == b"{broken"
    [notice] = store.take_notices()
    assert str(aside) in notice and "memory" in notice
    reloaded = Store(durf_home).load().settings
    assert (reloaded.theme, reloaded.sound_cue) == ("gruvbox", True)


def test_an_unusable_backup_is_kept_aside_not_overwritten_later(durf_home: Path) -> None:
    durf_home.mkdir()
    (durf_home / "state.json").write_bytes(b"nope")
    (durf_home / "state.json.bak").write_bytes(b"also nope")
    store = Store(durf_home)
    assert store.load() == State()
    [notice] = store.take_notices()
    [bad_backup] = durf_home.glob("state.json.bak.corrupt-*")
    assert bad_backup.read_bytes() == b"also nope"
    assert str(bad_backup) in notice
    store.update(add_settings(theme="nord"))
    assert bad_backup.read_bytes() == b"also nope"


def test_a_change_refused_on_a_newer_file_leaves_the_newer_state_in_memory(
    durf_home: Path,
) -> None:
    # Finding 8 of issue 15: window B refused a change because the step was changed
    # on disk, yet went on showing (and later saving from) its old picture.
    from datetime import datetime

    from durf.core.state import Step
    from durf.core.steps import StepConflict, let_go, reopen

    when = datetime(2026, 11, 21, 12, tzinfo=UTC)
    step = Step(
        id="s1", ladder_id="l1", week="2026-W47", what="Ask Sam", created_at=when, changed_at=when
    )
    Store(durf_home).update(lambda state: let_go(State(steps=[step]), "s1", when))
    window_b = Store(durf_home)
    assert window_b.state.steps[0].status == "not_this_time"
    Store(durf_home).update(lambda state: reopen(state, "s1", when))
    with pytest.raises(StepConflict):
        window_b.update(lambda state: reopen(state, "s1", when))
    assert window_b.state.steps[0].status == "planned"
    window_b.update(lambda state: let_go(state, "s1", when))
    assert Store(durf_home).state.steps[0].status == "not_this_time"


def test_refresh_reads_what_another_store_saved(durf_home: Path) -> None:
    from datetime import datetime

    from durf.core.affirm import add_own

    when = datetime(2026, 11, 21, 12, tzinfo=UTC)
    mine, other = Store(durf_home), Store(durf_home)
    assert not mine.refresh()  # nothing loaded yet: nothing to bring up to date
    assert mine.state.own_affirmations == []
    assert not mine.refresh()
    other.update(lambda state: add_own(state, "I may ask.", when))
    assert mine.refresh()
    assert [item.text for item in mine.state.own_affirmations] == ["I may ask."]
    assert not mine.refresh()
