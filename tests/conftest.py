"""Fixtures every test gets: a private durf home, English, no network, no real scheduler."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from durf.core.i18n import LOCALE_VARIABLES, set_language


@pytest.fixture(autouse=True)
def durf_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point durf's home, and HOME and XDG folders, at a temporary folder.

    No test may read or write the real user's data, so every path durf could
    derive (``DURF_HOME``, ``platformdirs`` via ``HOME``/``XDG_*``) is redirected.
    Locale variables are cleared so the language is English unless a test says so.
    """
    home = tmp_path / "durf-home"
    user_home = tmp_path / "user"
    monkeypatch.setenv("DURF_HOME", str(home))
    monkeypatch.setenv("HOME", str(user_home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(user_home / name.lower()))
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    set_language("en")
    yield home
    set_language("en")


SCHEDULER_COMMANDS = ("crontab", "systemctl", "launchctl", "notify-send", "osascript")


@pytest.fixture(autouse=True)
def no_real_scheduler(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Put commands that refuse in front of the real scheduler and notifier.

    ``durf status``, ``durf forget`` and ``durf remind`` look for reminders with
    ``crontab -l`` and friends; no test, nor any durf a test starts, may read or
    change the real user's crontab or systemd units, or show a notification.
    """
    # Beside tmp_path, not in it: tests that list their own folder must find only theirs.
    fake_bin = tmp_path_factory.mktemp("refusing-bin")
    for name in SCHEDULER_COMMANDS:
        script = fake_bin / name
        script.write_text("#!/bin/sh\necho 'not in tests' >&2\nexit 1\n", encoding="utf-8")
        script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return fake_bin


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach another machine.

    Local sockets (Unix, and the socketpairs asyncio makes) stay allowed.
    """
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise RuntimeError(f"a test tried to open a network connection to {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
