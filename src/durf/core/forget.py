"""Deleting everything durf keeps about you, and nothing of yours it does not own.

What goes: the state file, its backup, every copy moved aside as unreadable,
the sync tools' conflict copies durf merged (``merged/``), the lock file, and
temporary files a crash may have left; then durf's home folder itself, once it
is empty. What stays: ``exercises/``, where you keep
exercise files you wrote yourself, and any file durf did not make.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from durf.core.i18n import t
from durf.core.paths import STATE_FILE_NAME, merged_dir, user_exercises_dir
from durf.core.store import Store, StoreError

_NAME = re.escape(STATE_FILE_NAME)
DATA_FILE_NAMES = re.compile(
    rf"\A(?:"
    rf"{_NAME}(?:\.bak)?"  # the state and its backup
    rf"|{_NAME}(?:\.bak)?\.corrupt-[0-9]{{8}}-[0-9]{{6}}(?:-[0-9]+)?"  # moved aside
    rf"|\.{_NAME}\.[0-9a-f]+\.tmp"  # a save interrupted before its rename
    rf"|\.{_NAME}\.bak\.tmp"  # a backup interrupted before its rename
    rf")\Z"
)
"""The files durf writes next to the state file (the lock file is handled on its own)."""


@dataclass(frozen=True)
class Forgotten:
    """What ``forget`` removed, and what it left on purpose."""

    removed: list[Path]
    home_removed: bool
    """The home folder was empty afterwards, so it is gone too."""
    kept_exercises: Path | None
    """Your own exercise folder, left alone."""
    kept_other: list[Path]
    """Files in the home that durf did not make, left alone."""


def data_files(home: Path) -> list[Path]:
    """Every file ``forget`` would remove from ``home``, state file first, lock file last."""
    if not home.is_dir():
        return []
    found = sorted(
        (
            path
            for path in home.iterdir()
            if DATA_FILE_NAMES.match(path.name) and (path.is_symlink() or not path.is_dir())
        ),
        key=lambda path: (path.name != STATE_FILE_NAME, path.name),
    )
    merged = merged_dir(home)
    if merged.is_dir() and not merged.is_symlink():
        # Every file in it is a conflict copy whose contents durf merged into the state.
        found += sorted(path for path in merged.iterdir() if path.is_file())
    lock = home / f"{STATE_FILE_NAME}.lock"
    return [*found, lock] if lock.exists() else found


def forget(store: Store) -> Forgotten:
    """Remove every file durf keeps in the store's home, and empty the store's memory.

    The store's lock is held throughout, so a save from another durf waits and
    can never leave half a file behind. Raises ``StoreError`` (a message for the
    user) when the lock cannot be had or a file cannot be removed.
    """
    home = store.home
    if not home.is_dir():
        store.start_empty()
        return Forgotten([], home_removed=False, kept_exercises=None, kept_other=[])
    removed: list[Path] = []
    with store.exclusive():
        target, lock_path = store.target, store.lock_path
        if target != store.path:
            # state.json is a link into another folder: what it points to is the
            # state itself, and its backup lives beside it. Both are durf's.
            for path in (target, store.backup_path):
                if _remove(path):
                    removed.append(path)
        for path in data_files(home):
            if path == lock_path:
                continue  # held right now; it goes last, below
            if _remove(path):
                removed.append(path)
        with contextlib.suppress(OSError):
            merged_dir(home).rmdir()  # empty now, unless the user put something else there
        store.start_empty()
        # Removed while still held: a durf waiting for the lock finds the state
        # gone when it gets its turn, never a half-deleted one.
        if _remove(lock_path):
            removed.append(lock_path)
    exercises = user_exercises_dir(home)
    kept_exercises = exercises if exercises.exists() else None
    kept_other = sorted(path for path in home.iterdir() if path != exercises)
    home_removed = False
    if kept_exercises is None and not kept_other:
        with contextlib.suppress(OSError):
            home.rmdir()
            home_removed = True
    return Forgotten(removed, home_removed, kept_exercises, kept_other)


def _remove(path: Path) -> bool:
    """Remove one file; False if it was already gone."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise StoreError(t("forget.cannot_remove", path=str(path), reason=error.strerror)) from None
    return True
