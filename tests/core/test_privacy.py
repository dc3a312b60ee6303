"""Privacy: what durf keeps is readable by you alone, and durf never uses the network.

Checked with the most permissive umask (0), where any file made without an
explicit mode would be readable, even writable, by everyone.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from durf.__main__ import main
from durf.core.store import Store
from tests.core.data_story import everything
from tests.core.factories import state_with_sessions

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Let every file and folder be created as open as its creator asks."""
    before = os.umask(0)
    yield
    os.umask(before)


def modes(home: Path) -> dict[str, int]:
    """Each thing in ``home`` and its permission bits."""
    return {path.name: stat.S_IMODE(path.stat().st_mode) for path in sorted(home.iterdir())}


def assert_private(home: Path) -> None:
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    found = modes(home)
    assert found, "nothing was written"
    assert found == dict.fromkeys(found, 0o600)


@pytest.mark.usefixtures("open_umask")
def test_every_file_durf_writes_in_its_home_is_yours_alone(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary_modes: dict[str, int] = {}
    real_replace = os.replace

    def watched_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        # A temporary file is visible for a moment before its rename: it must be private too.
        temporary_modes[Path(source).name] = stat.S_IMODE(os.stat(source).st_mode)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", watched_replace)
    store = Store(durf_home)
    story = everything()
    store.update(lambda _: story)
    store.update(lambda state: state.model_copy(update={"favourite_affirmations": []}))
    assert main(["export", "--out", str(durf_home / "journal.md")]) == 0
    (durf_home / "journal.md").chmod(0o644)
    assert main(["export", "--force", "--out", str(durf_home / "journal.md")]) == 0
    (durf_home / "state.json").write_bytes(b"{broken")  # moved aside on the next load
    Store(durf_home).load()
    assert temporary_modes and set(temporary_modes.values()) == {0o600}, temporary_modes
    assert_private(durf_home)
    assert any(name.startswith("state.json.corrupt-") for name in modes(durf_home))


@pytest.mark.usefixtures("open_umask")
def test_a_file_you_made_readable_is_kept_aside_privately(durf_home: Path) -> None:
    durf_home.mkdir(mode=0o700)
    (durf_home / "state.json").write_bytes(b"not json")
    (durf_home / "state.json").chmod(0o644)
    Store(durf_home).load()
    assert_private(durf_home)


@pytest.mark.usefixtures("open_umask")
def test_a_state_file_you_copied_in_readable_keeps_its_backup_private(
    durf_home: Path, tmp_path: Path
) -> None:
    Store(tmp_path / "elsewhere").update(lambda _: state_with_sessions(2))
    durf_home.mkdir(mode=0o700)
    copied = durf_home / "state.json"
    copied.write_bytes((tmp_path / "elsewhere" / "state.json").read_bytes())
    copied.chmod(0o644)  # as ``cp`` leaves it
    Store(durf_home).update(lambda state: state.model_copy(update={"history": []}))
    assert stat.S_IMODE((durf_home / "state.json.bak").stat().st_mode) == 0o600
    assert stat.S_IMODE((durf_home / "state.json").stat().st_mode) == 0o600


def offline_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.app.offline_run", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        umask=0,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
    )


def test_a_full_run_of_app_and_commands_stays_offline_and_private(
    durf_home: Path, tmp_path: Path
) -> None:
    Store(tmp_path / "other").update(lambda _: state_with_sessions(3))
    export = tmp_path / "other" / "state.json"
    result = offline_run(str(durf_home), str(export))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "network:" not in result.stdout
    saved = Store(durf_home).load()
    assert saved.settings.theme == "nord" and len(saved.history) == 3
    assert {"journal.md", "journal.csv", "state.json", "state.json.bak"} <= set(modes(durf_home))
    assert_private(durf_home)


def test_the_offline_check_does_catch_network_use() -> None:
    result = offline_run("--control", "-")
    assert result.returncode == 1
    assert "network: socket.getaddrinfo('127.0.0.1', 9" in result.stdout
    assert "network: socket.getaddrinfo('example.org', 443" in result.stdout
