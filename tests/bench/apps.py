"""The commands being compared: durf, ``durf breathe``, and a bare Textual app.

The bare app is the yardstick: the least any Textual app can do (start Python,
import Textual, draw one Label, quit). Dividing durf's figures by it cancels out
the machine's speed, so the ratios mean the same on a laptop and on CI.

Every run gets a fresh, empty home folder (``DURF_HOME``, ``HOME``, ``XDG_*``),
so no run reads or writes the user's real data and no run warms the next one's
state. The bare app gets the same environment, to keep the comparison fair.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BARE_MARKER = "bare textual app ready"
BARE_APP_SOURCE = f'''\
"""A minimal Textual app, written by the durf benchmark runner as its yardstick."""

from textual.app import App, ComposeResult
from textual.widgets import Label


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("{BARE_MARKER}")


if __name__ == "__main__":
    BareApp().run()
'''

HOME_MARKER = "Ctrl+Q quit"
"""On durf's home key bar in the first frame (``--lang en``)."""

TERMINAL_ENV = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8"}
# Variables that would change how Textual or durf behave between runs or machines.
DROPPED_ENV_PREFIXES = ("TEXTUAL", "DURF_", "LC_", "XDG_")
DROPPED_ENV = {"LANGUAGE", "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Command:
    """One thing to measure: its name in the report, argv, and first-frame marker."""

    name: str
    argv: tuple[str, ...]
    marker: str
    keys: tuple[bytes, ...] = ()
    """Typed after the first frame, e.g. to start the breathing animation."""
    state_file: Path | None = None
    """Copied into the run's home before it starts (the large home); none: an empty home."""


def durf_argv(*args: str) -> tuple[str, ...]:
    """How a user starts durf: the console script next to this Python, if installed."""
    script = Path(sys.executable).with_name("durf")
    if script.is_file() and os.access(script, os.X_OK):
        return (str(script), "--lang", "en", *args)
    return (sys.executable, "-m", "durf", "--lang", "en", *args)


def write_bare_app(folder: Path) -> Path:
    """Write the bare app into ``folder`` and return its path."""
    path = folder / "bare_textual_app.py"
    path.write_text(BARE_APP_SOURCE, encoding="utf-8")
    return path


@contextlib.contextmanager
def private_env(scratch: Path) -> Iterator[dict[str, str]]:
    """An environment whose every home-like folder is a new, empty folder in ``scratch``.

    The folder is removed afterwards, whatever happened. Bytecode is cached in
    ``scratch/pycache`` for all runs: an installed durf has its ``.pyc`` files, and
    without a cache (``PYTHONDONTWRITEBYTECODE`` is common in containers) each run
    would compile durf's sources but not Textual's, which pip compiled at install.
    The prefix keeps the cache out of the source tree; the warm-up round fills it.
    """
    root = Path(tempfile.mkdtemp(prefix="run-", dir=scratch))
    try:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(DROPPED_ENV_PREFIXES) and key not in DROPPED_ENV
        }
        env.update(TERMINAL_ENV)
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
        env["HOME"] = str(root / "user")
        env["DURF_HOME"] = str(root / "durf-home")
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(root / "user" / name.lower())
        (root / "user").mkdir()
        yield env
    finally:
        shutil.rmtree(root, ignore_errors=True)


def breathe_exists(scratch: Path, timeout: float = 20.0) -> bool:
    """Whether this durf has a ``breathe`` command: ``durf breathe --help`` exits 0.

    argparse exits 2 ("invalid choice") for a command it does not know. A probe
    that hangs or crashes counts as "not there" rather than stopping the run.
    """
    with private_env(scratch) as env:
        try:
            done = subprocess.run(
                durf_argv("breathe", "--help"),
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return False
    return done.returncode == 0


BREATHE_BREATHS = 30
"""Enough breaths (10 s each) that no window reaches the sentence screen at the end."""
BREATHE_MARKER = "Breathe in"
"""On the phase line (``↑  Breathe in  4``) of the breathing screen's first frame."""


def breathe_argv(pattern: str, breaths: int = BREATHE_BREATHS) -> tuple[str, ...]:
    """``durf breathe`` straight into the animation (no check-in), in English."""
    return durf_argv("breathe", "--pattern", pattern, "--breaths", str(breaths))
