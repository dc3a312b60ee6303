"""Unreadable or strange state files, through the store and through the command line.

Whatever lies at ``state.json`` (cut short, not JSON, nested too deep, odd
values, a folder, a file from a newer durf) and whatever the disk does (read
only, full), durf says plainly what is wrong, keeps the file's bytes, and does
the sensible thing: start fresh or from the backup with the old file set
aside, refuse to save, or stop. ``tests/core/test_store.py`` has the simpler
cases (empty, binary, not an object); these extend them.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from durf.__main__ import main
from durf.core.affirm import add_own
from durf.core.state import SCHEMA_VERSION, Settings, State
from durf.core.store import NewerStateError, StateWriteError, Store, StoreError
from tests.core.data_story import everything as a_story
from tests.core.disk_trouble import no_space, no_space_for_copies, read_only
from tests.core.factories import state_with_sessions

DEEP = 50_000
UNREADABLE = {
    "cut-short": b'{\n "schema_version": 1,\n "settings": {\n  "language": null,\n  "the',
    "nested-too-deep": b'{"schema_version": 1, "x": ' + b"[" * DEEP + b"]" * DEEP + b"}",
    "nested-too-deep-hand-edited": b'{"x": '
    + b"[" * DEEP
    + b"]" * DEEP
    + b', "schema_version": 1}',
    "nested-settings": b'{"schema_version": 1, "settings": ' + b"[" * DEEP + b"]" * DEEP + b"}",
    "number-too-long": b'{"schema_version": 1' + b"0" * 5000 + b"}",
    "version-as-text": b'{"schema_version": "1"}',
    "no-version": b'{"settings": {"theme": "nord"}}',
    "version-below-one": b'{"schema_version": -1}',
    "wrong-type-setting": b'{"schema_version": 1, "settings": {"breath_count": "six"}}',
    "pace-zero": b'{"schema_version": 1, "settings": {"breath_pace": 0}}',
    "pace-not-a-number": b'{"settings": {"breath_pace": NaN}, "schema_version": 1}',
    "time-without-zone": (
        b'{"schema_version": 1, "history": [{"id": "a", "exercise": "breathe",'
        b' "started_at": "2026-01-01T08:00:00"}]}'
    ),
    "half-a-character": (
        b'{"schema_version": 1, "own_affirmations": [{"id": "a", "text": "\\ud800",'
        b' "created_at": "2026-01-01T08:00:00+01:00"}]}'
    ),
}
"""Files durf cannot use: each is set aside unchanged, and durf goes on without it."""


def write_state(home: Path, raw: bytes) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "state.json"
    path.write_bytes(raw)
    return path


def durf(*args: str) -> tuple[int, str, str]:
    """Run the ``durf`` command in this process: exit status, output, errors."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def files_in(home: Path) -> dict[str, bytes]:
    """Every file in ``home`` and its bytes, the lock file aside (it holds nothing)."""
    return {
        path.name: path.read_bytes()
        for path in sorted(home.iterdir())
        if path.is_file() and path.name != "state.json.lock"
    }


@pytest.fixture
def everything() -> Callable[[], State]:
    """Someone's whole story: the same state every time it is asked for in one test."""
    story = a_story()
    return lambda: story


# -- through the store ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unusable_file_is_set_aside_unchanged_and_named(durf_home: Path, raw: bytes) -> None:
    write_state(durf_home, raw)
    store = Store(durf_home)
    assert store.load() == State()
    [aside] = durf_home.glob("state.json.corrupt-*")
    assert aside.read_bytes() == raw
    [notice] = store.take_notices()
    assert str(aside) in notice
    # The next start finds nothing to complain about, and the copy is still there.
    again = Store(durf_home)
    again.update(
        lambda state: add_own(state, "Ik mag er zijn", state_with_sessions(1).history[0].started_at)
    )
    assert again.take_notices() == []
    assert aside.read_bytes() == raw


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_a_file_cut_short_goes_on_from_the_backup(
    everything: Callable[[], State], durf_home: Path, keep: float
) -> None:
    store = Store(durf_home)
    store.update(lambda _: everything())
    store.update(lambda state: state.model_copy(update={"favourite_affirmations": []}))
    full = (durf_home / "state.json").read_bytes()
    cut = full[: int(len(full) * keep)]
    (durf_home / "state.json").write_bytes(cut)
    again = Store(durf_home)
    assert again.load() == everything()
    [notice] = again.take_notices()
    assert "backup" in notice
    [aside] = durf_home.glob("state.json.corrupt-*")
    assert aside.read_bytes() == cut


def test_a_file_with_missing_fields_loads_with_defaults_and_is_left_alone(
    durf_home: Path,
) -> None:
    raw = b'{"schema_version": 1, "settings": {"language": "nl"}}'
    write_state(durf_home, raw)
    store = Store(durf_home)
    state = store.load()
    assert state.settings == Settings(language="nl")
    assert state.history == [] and state.steps == []
    assert store.take_notices() == []
    assert files_in(durf_home) == {"state.json": raw}


def test_a_byte_order_mark_from_an_editor_is_read_like_any_file(durf_home: Path) -> None:
    write_state(durf_home, b'\xef\xbb\xbf{"schema_version": 1, "settings": {"theme": "nord"}}')
    assert Store(durf_home).load().settings.theme == "nord"
    status, out, err = durf("status")
    assert (status, err) == (0, "")
    assert "no small step" in out


def test_a_newer_file_is_refused_even_with_its_version_not_first(durf_home: Path) -> None:
    raw = json.dumps({"settings": {}, "schema_version": SCHEMA_VERSION + 1}).encode()
    write_state(durf_home, raw)
    store = Store(durf_home)
    with pytest.raises(NewerStateError, match="newer durf"):
        store.load()
    with pytest.raises(NewerStateError):
        store.update(lambda state: state)
    assert files_in(durf_home) == {"state.json": raw}


def test_a_file_that_cannot_be_read_is_named_and_left_alone(
    everything: Callable[[], State], durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: the tests may run as root, whom file permissions do not stop.
    Store(durf_home).update(lambda _: everything())
    before = files_in(durf_home)
    real_read_bytes = Path.read_bytes

    def denied(path: Path) -> bytes:
        if path.parent == durf_home:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(StoreError, match="cannot read its state file") as raised:
        Store(durf_home).load()
    assert str(durf_home / "state.json") in str(raised.value)
    assert "Permission denied" in str(raised.value)
    monkeypatch.undo()
    assert files_in(durf_home) == before


# -- a home that cannot be written ---------------------------------------------------------


def test_a_read_only_home_is_read_and_a_save_is_refused_plainly(
    everything: Callable[[], State], durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(durf_home).update(lambda _: everything())
    (durf_home / "state.json.lock").unlink()  # as after ``durf forget`` elsewhere
    before = files_in(durf_home)
    with read_only(durf_home, monkeypatch):
        store = Store(durf_home)
        assert store.load() == everything()
        with pytest.raises(StateWriteError) as refused:
            store.update(lambda state: state.model_copy(update={"favourite_affirmations": []}))
        assert str(durf_home) in str(refused.value)
        assert "Read-only file system" in str(refused.value)
        assert store.state == everything()
    assert files_in(durf_home) == before


def test_an_unusable_file_in_a_read_only_home_stops_with_a_message(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_state(durf_home, b"{not json")
    with read_only(durf_home, monkeypatch), pytest.raises(StoreError) as stopped:
        Store(durf_home).load()
    assert "Read-only file system" in str(stopped.value)
    assert files_in(durf_home) == {"state.json": b"{not json"}


def test_a_home_that_cannot_be_made_is_a_save_refused(
    everything: Callable[[], State], durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with read_only(durf_home, monkeypatch):
        store = Store(durf_home)
        assert store.load() == State()
        with pytest.raises(StateWriteError, match=str(durf_home)):
            store.update(lambda _: everything())
    assert not durf_home.exists()


# -- a full disk -----------------------------------------------------------------------------


FULL_DISK_MOMENTS = {
    "writing": ("write", no_space),
    "syncing": ("fsync", no_space),
    "keeping-the-backup": ("link", no_space_for_copies),
    "moving-into-place": ("replace", no_space_for_copies),
}
"""Where in a save the disk can run out: each name is the ``os`` function that fails."""


@pytest.mark.parametrize("moment", FULL_DISK_MOMENTS.values(), ids=FULL_DISK_MOMENTS.keys())
def test_a_full_disk_keeps_the_last_save_and_the_next_save_works(
    everything: Callable[[], State],
    durf_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    moment: tuple[str, Callable[..., object]],
) -> None:
    name, failure = moment
    store = Store(durf_home)
    store.update(lambda _: everything())
    before = files_in(durf_home)
    if name == "link":
        # Without links durf copies; on a full disk the copy fails too.
        monkeypatch.setattr(shutil, "copy2", no_space_for_copies)
    monkeypatch.setattr(os, name, failure)
    with pytest.raises(StateWriteError, match="disk is full"):
        store.update(lambda state: state.model_copy(update={"favourite_affirmations": []}))
    monkeypatch.undo()
    assert files_in(durf_home) == before
    assert store.state == everything()
    store.update(lambda state: state.model_copy(update={"favourite_affirmations": []}))
    assert Store(durf_home).load().favourite_affirmations == []


def test_a_full_disk_on_the_first_save_leaves_no_half_file(
    everything: Callable[[], State], durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "write", no_space)
    with pytest.raises(StateWriteError, match="disk is full"):
        Store(durf_home).update(lambda _: everything())
    monkeypatch.undo()
    assert files_in(durf_home) == {}


def test_text_that_utf8_cannot_hold_is_a_refused_save_not_a_crash(
    everything: Callable[[], State], durf_home: Path
) -> None:
    store = Store(durf_home)
    store.update(lambda _: everything())
    before = files_in(durf_home)
    when = state_with_sessions(1).history[0].started_at
    with pytest.raises(StateWriteError, match="UTF-8"):
        store.update(lambda state: add_own(state, "ik \udcff durf", when))
    assert files_in(durf_home) == before
    assert store.state == everything()


# -- through the command line ---------------------------------------------------------------


@pytest.mark.parametrize("raw", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_reading_commands_report_an_unusable_file_and_change_nothing(
    everything: Callable[[], State], durf_home: Path, tmp_path: Path, raw: bytes
) -> None:
    write_state(durf_home, raw)
    export = tmp_path / "export.json"
    Store(tmp_path / "other").update(lambda _: everything())
    (tmp_path / "other" / "state.json").rename(export)
    for command in (["export"], ["export", "--format", "md"], ["import", str(export)]):
        status, out, err = durf(*command)
        assert status == 1, (command, out, err)
        assert str(durf_home / "state.json") in err, (command, err)
        assert files_in(durf_home) == {"state.json": raw}, command
    status, out, err = durf("status")
    assert status in (0, 1)  # the glance reads only the steps; a broken head is reported
    if status == 1:
        assert str(durf_home / "state.json") in err
    assert files_in(durf_home) == {"state.json": raw}
    # Commands that do not need the state still work, forget too (asked, and told no).
    assert durf("where")[0] == 0
    with pytest.raises(SystemExit) as helped:
        durf("--help")
    assert helped.value.code == 0
    assert durf("forget")[0] == 2
    assert files_in(durf_home) == {"state.json": raw}


@pytest.mark.parametrize("raw", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_affirm_add_sets_an_unusable_file_aside_and_says_where(durf_home: Path, raw: bytes) -> None:
    write_state(durf_home, raw)
    status, _, err = durf("affirm", "add", "Ik mag fouten maken")
    assert status == 0, err
    [aside] = durf_home.glob("state.json.corrupt-*")
    assert aside.read_bytes() == raw
    assert str(aside) in err
    assert [own.text for own in Store(durf_home).load().own_affirmations] == ["Ik mag fouten maken"]


def test_a_folder_in_place_of_the_file_stops_every_command_plainly(durf_home: Path) -> None:
    (durf_home / "state.json").mkdir(parents=True)
    for command in (["status"], ["export"], ["affirm", "add", "Ja"]):
        status, _, err = durf(*command)
        assert status == 1, command
        assert str(durf_home / "state.json") in err, (command, err)
    assert (durf_home / "state.json").is_dir()
    assert {path.name for path in durf_home.iterdir()} <= {"state.json", "state.json.lock"}


def test_a_newer_file_stops_every_command_that_would_read_it(durf_home: Path) -> None:
    raw = json.dumps({"settings": {}, "schema_version": SCHEMA_VERSION + 1}).encode()
    write_state(durf_home, raw)
    for command in (["export"], ["affirm", "add", "Ja"]):
        status, _, err = durf(*command)
        assert status == 1, command
        assert "newer durf" in err, command
    assert files_in(durf_home) == {"state.json": raw}


def test_affirm_add_refuses_bytes_that_are_not_utf8_and_saves_nothing(durf_home: Path) -> None:
    # What Python makes of ``durf affirm add $'ik \xff durf'`` typed in a Latin-1 terminal.
    words = os.fsdecode(b"ik \xff durf")
    status, _, err = durf("affirm", "add", words)
    assert status == 2
    assert "not UTF-8" in err
    assert not durf_home.exists()


def test_affirm_add_shows_escape_codes_instead_of_obeying_them(durf_home: Path) -> None:
    status, out, _ = durf("affirm", "add", "ik durf \x1b]0;titel\x07")
    assert status == 0
    assert "\x1b" not in out and "␛]0;titel␇" in out
    [own] = Store(durf_home).load().own_affirmations
    assert own.text == "ik durf \x1b]0;titel\x07"


@pytest.mark.parametrize(
    "settings",
    [
        {"breath_pace": 0.0},
        {"breath_pace": -1.5},
        {"breath_pace": "fast"},
        {"breath_count": 0},
        {"breath_count": 10**9},
    ],
    ids=["pace-zero", "pace-negative", "pace-text", "no-breaths", "a-billion-breaths"],
)
def test_breathe_at_once_ignores_odd_hand_edited_settings(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch, settings: dict[str, object]
) -> None:
    """``durf breathe`` starts before the full load: it reads the settings unvalidated."""
    import durf.cli.start_app as cli
    from durf.core.pacer import Pacer

    write_state(durf_home, json.dumps({"schema_version": 1, "settings": settings}).encode())
    started: list[int] = []

    class FakeApp:
        def breathing_screen(self, pattern, breaths):  # type: ignore[no-untyped-def]
            started.append(breaths)

    def run_app(home, look, cli_language, start=None, first=None):  # type: ignore[no-untyped-def]
        first(FakeApp())
        return 0

    monkeypatch.setattr(cli, "run_app", run_app)
    for command in (["breathe", "--minutes", "2"], ["breathe", "--pattern", "box"]):
        assert durf(*command)[0] == 0
    assert all(1 <= breaths <= 60 for breaths in started), started
    Pacer([("in", 4), ("out", 4)], breaths=started[-1])
