"""Where durf keeps its files. Computed when asked, never at import time."""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "DURF_HOME"
STATE_FILE_NAME = "state.json"
USER_EXERCISES_DIR_NAME = "exercises"
MERGED_DIR_NAME = "merged"
"""Where a sync tool's conflict copy is kept once merged; only ``durf forget`` deletes it."""


def durf_home(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for durf's data: ``--home`` > ``$DURF_HOME`` > the platform's data dir."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(HOME_VARIABLE)
    if from_env:
        return Path(from_env).expanduser()
    # Imported here so that `durf --version` does not pay for it.
    from platformdirs import user_data_dir

    return Path(user_data_dir("durf", appauthor=False))


def state_file(home: Path) -> Path:
    """The one JSON file that holds settings, history and steps."""
    return home / STATE_FILE_NAME


def user_exercises_dir(home: Path) -> Path:
    """The folder where a user drops exercise files of their own."""
    return home / USER_EXERCISES_DIR_NAME


def merged_dir(home: Path) -> Path:
    """Where conflict copies go once their contents are in the state file."""
    return home / MERGED_DIR_NAME


def bundled_exercises_dir() -> Path:
    """The exercise files that ship with durf.

    In an installed wheel they sit inside the package; in a source checkout
    (editable install, tests) they are the top-level ``exercises/`` folder.
    """
    package_dir = Path(__file__).resolve().parent.parent
    inside = package_dir / "exercises"
    if inside.is_dir():
        return inside
    return package_dir.parent.parent / "exercises"
