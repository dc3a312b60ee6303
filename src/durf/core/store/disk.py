"""The files beside the state: its backup, moving a broken file aside, and a save's leftovers.

Each is one careful step of a save or a recovery (``Store`` holds the lock around
them); a folder or a filesystem that refuses is met here, not by the caller.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from durf.core.i18n import t
from durf.core.statefile import StoreError
from durf.core.store.errors import StateWriteError


@dataclass(frozen=True)
class DiskSignature:
    """What tells whether the state file changed since it was read, without reading it."""

    inode: int
    size: int
    mtime_ns: int


def disk_signature(path: Path) -> DiskSignature | None:
    """The file's signature now, or None when there is no file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return DiskSignature(st.st_ino, st.st_size, st.st_mtime_ns)


def backup_of(target: Path) -> Path:
    """Where the previous good state is kept: ``state.json.bak`` beside it."""
    return target.with_name(target.name + ".bak")


def ensure_home(home: Path) -> None:
    """Make the home (0700) if it is not there; a plain ``StateWriteError`` if it cannot be."""
    try:
        if not home.is_dir():
            home.mkdir(mode=0o700, parents=True)
    except OSError as error:
        raise StateWriteError(
            t("store.cannot_write", path=str(home), reason=error.strerror)
        ) from None


def move_aside(path: Path, now: datetime) -> Path:
    """Rename an unreadable file to ``<name>.corrupt-<timestamp>``; return where it went."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    suffix = 1
    while aside.exists():
        suffix += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{suffix}")
    try:
        os.replace(path, aside)
    except OSError as error:
        raise StoreError(
            t("store.cannot_move_aside", path=str(path), reason=error.strerror)
        ) from None
    # A hand-edited file may have been readable by others; the kept copy is
    # your data all the same, so it is private like every file durf keeps.
    with contextlib.suppress(OSError):
        os.chmod(aside, 0o600)
    return aside


def remove_orphaned_temporaries(target: Path) -> None:
    """Delete the temporary files of saves that were killed before their rename.

    Called with the file lock held, so no other durf is writing one right now:
    each is a dead copy as large as the whole state, and without this every
    crash mid-save would leave one more behind in the home for good.
    """
    pattern = re.compile(rf"\A\.{re.escape(target.name)}\.(?:[0-9a-f]+|bak)\.tmp\Z")
    try:
        names = [entry.name for entry in os.scandir(target.parent)]
    except OSError:
        return
    for name in names:
        if pattern.match(name):
            with contextlib.suppress(OSError):
                (target.parent / name).unlink()


def keep_backup(target: Path) -> None:
    """Keep the file now at ``target`` as its backup, appearing whole (raises ``OSError``)."""
    # A hard link keeps the old bytes without copying them; the rename makes
    # the new backup appear whole. Filesystems without links get a copy.
    backup_path = backup_of(target)
    staging = backup_path.with_name(f".{backup_path.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    with contextlib.suppress(OSError):
        if os.path.samefile(target, backup_path):
            # A save cut off between this step and its rename left the backup as
            # a link to the state file: it holds these bytes already. (Renaming a
            # second link onto it would do nothing and leave the staging link.)
            return
    try:
        try:
            os.link(target, staging)
        except OSError:
            shutil.copy2(target, staging)
        # A state file copied in by hand may be readable by others; its backup
        # (the same bytes, through the link) is made yours alone, as a save would.
        with contextlib.suppress(OSError):
            os.chmod(staging, 0o600)
        os.replace(staging, backup_path)
    except OSError:
        # A full disk can stop the copy or the rename: leave no half backup behind.
        with contextlib.suppress(OSError):
            staging.unlink()
        raise


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable, where the filesystem allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        # Some filesystems refuse fsync on folders; the rename is still atomic.
        pass
    finally:
        os.close(fd)
