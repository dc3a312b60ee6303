"""Loading and saving the state file: atomic, locked, and kind to broken files.

The contract (see the README, "Your data"):

* Save writes a temporary file (0600) in the same folder, flushes and fsyncs it,
  keeps the previous good file as ``state.json.bak`` and moves the new file into
  place with ``os.replace``, then fsyncs the folder. A crash at any moment leaves
  either the old or the new file, never a mix.
* An unreadable file is moved aside to ``state.json.corrupt-<timestamp>``, never
  overwritten; durf continues from the backup or from nothing and says so.
* A file from a newer durf is neither loaded nor overwritten.
* Two processes on one home: every change runs under a file lock and starts from
  what is on disk, so neither process loses the other's updates.
* Two computers through a sync tool: before every save, the conflict copies the
  tool left beside the state file are merged in by id, and once the merged state
  is on disk each copy is kept in ``merged/`` (``core/sync_merge.py``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from durf.core.clock import Clock, SystemClock
from durf.core.conflicts import conflict_copies, keep_merged
from durf.core.i18n import t
from durf.core.paths import merged_dir, state_file
from durf.core.state import State
from durf.core.state_codec import Written, no_gc_pauses, plan_save, serialise_state, write_plan
from durf.core.statefile import (
    NewerStateError,
    StoreError,
    UnreadableState,
    parse_state,
    write_private,
)
from durf.core.sync_merge import (
    Merged,
    describe_merged,
    describe_not_moved,
    take_in,
)

__all__ = [
    "NewerStateError",
    "StateWriteError",
    "Store",
    "StoreError",
    "UnreadableState",
    "parse_state",
    "serialise_state",
    "write_private",
]

LOCK_TIMEOUT_SECONDS = 10.0


class StateWriteError(StoreError):
    """A change could not be saved; the file on disk is still the previous one."""


@dataclass(frozen=True)
class _DiskSignature:
    inode: int
    size: int
    mtime_ns: int


def _signature(path: Path) -> _DiskSignature | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return _DiskSignature(st.st_ino, st.st_size, st.st_mtime_ns)


def _backup_of(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


class Store:
    """The one way into the state file. Thread-safe; safe across processes."""

    def __init__(self, home: Path, *, clock: Clock | None = None) -> None:
        self.home = home
        self.path = state_file(home)
        self._clock = clock or SystemClock()
        self._state: State | None = None
        self._signature: _DiskSignature | None = None
        self._mutex = threading.RLock()
        self._lock: Any = None
        self._written: Written | None = None
        """Where the last save put the history, so the next one copies it."""
        self._notices: list[str] = []
        self._told_copies: set[tuple[str, int]] = set()

    @property
    def target(self) -> Path:
        """Where the state really is: the state file, or the file it links to.

        People keep state.json as a link into a synced or dotfiles folder. A save
        replaces the link's target in its own folder (temporary file, backup and
        lock beside it), so the link stays a link and the target keeps its updates.
        """
        if self.path.is_symlink():
            return Path(os.path.realpath(self.path))
        return self.path

    @property
    def backup_path(self) -> Path:
        """The state as it was before the last save, beside the real state file."""
        return _backup_of(self.target)

    @property
    def lock_path(self) -> Path:
        """The lock every save takes, beside the real state file."""
        target = self.target
        return target.with_name(target.name + ".lock")

    # -- reading ---------------------------------------------------------------

    @property
    def state(self) -> State:
        """The current state, loaded from disk on first use."""
        with self._mutex:
            if self._state is None:
                self._state = self._load_from_disk()
            return self._state

    @property
    def loaded(self) -> bool:
        """Whether the state has been read from disk yet."""
        return self._state is not None

    def load(self) -> State:
        """Load the state now (idempotent) and return it."""
        return self.state

    def refresh(self) -> bool:
        """Read the file again if another durf saved it since; whether the state changed.

        One look at the file's size and times when nothing changed, so a screen can ask
        before it acts on what it shows.
        """
        with self._mutex:
            if self._state is None or _signature(self.path) == self._signature:
                return False
            self._state = self._load_from_disk(in_memory=self._unless_forgotten(self._state))
            return True

    def take_notices(self) -> list[str]:
        """Return and forget the messages the user should see (moved files, backups)."""
        with self._mutex:
            notices, self._notices = self._notices, []
            return notices

    def _load_from_disk(self, in_memory: State | None = None) -> State:
        """Read the file; an unreadable one is moved aside, never overwritten.

        ``in_memory`` is what this process already has (during a change): it is
        newer than the backup, so it is what durf continues from.
        """
        if self.path.is_dir():
            raise StoreError(t("store.folder_in_the_way", path=str(self.path)))
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._signature = None
            return in_memory or State()
        except OSError as error:
            raise StoreError(
                t("store.cannot_read", path=str(self.path), reason=error.strerror)
            ) from None
        signature = _signature(self.path)
        try:
            state = parse_state(raw)
        except UnreadableState as problem:
            return self._recover(str(problem), in_memory)
        self._signature = signature
        return state

    def _recover(self, reason: str, in_memory: State | None) -> State:
        """Move the unreadable file aside, then continue from memory, the backup or nothing."""
        with self._file_lock():
            # Another durf may have replaced the file since it was read: look again,
            # under the lock, before calling anything corrupt.
            try:
                state = parse_state(self.path.read_bytes())
            except (OSError, UnreadableState):
                state = None
            if state is not None:
                self._signature = _signature(self.path)
                return state
            aside = self._move_aside(self.target)
            self._signature = None
            if in_memory is not None:
                self._notices.append(t("store.quarantined_memory", reason=reason, aside=str(aside)))
                return in_memory
            backup = self._read_backup()
            if backup is None:
                message = t("store.quarantined_fresh", reason=reason, aside=str(aside))
                if self.backup_path.exists():
                    # An unusable backup would be overwritten by the next save: keep it too.
                    bad_backup = self._move_aside(self.backup_path)
                    message += "\n" + t("store.backup_aside", aside=str(bad_backup))
                self._notices.append(message)
                return State()
            self._notices.append(t("store.quarantined_backup", reason=reason, aside=str(aside)))
            # Without this the next start would find no state file and begin empty.
            self._write(backup)
            return backup

    def _move_aside(self, path: Path) -> Path:
        stamp = self._clock.now().strftime("%Y%m%d-%H%M%S")
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

    def _read_backup(self) -> State | None:
        try:
            return parse_state(self.backup_path.read_bytes())
        except (OSError, UnreadableState, NewerStateError):
            return None

    # -- writing ---------------------------------------------------------------

    def update(self, change: Callable[[State], State]) -> State:
        """Apply ``change`` to the newest state on disk, save it atomically, return it.

        ``change`` must be a pure function of the state it is given: when another
        durf process saved in the meantime, it runs on that newer state, which is
        how neither process loses the other's work.
        """
        with self._mutex, self._file_lock():
            current = self.state
            if _signature(self.path) != self._signature:
                current = self._load_from_disk(in_memory=self._unless_forgotten(current))
                # What is on disk is now what this process shows, also when the change
                # refuses it (a step another window closed): the signature just read
                # belongs to it, so the memory must too.
                self._state = current
            taken = take_in(current, conflict_copies(self.target), self._told_copies)
            self._notices.extend(taken.notices)
            current = taken.state
            new_state = change(current)
            self._write(new_state)
            self._state = new_state
            self._put_away(taken.merged)
            return new_state

    def take_in_conflict_copies(self) -> bool:
        """Merge the conflict copies a sync tool left beside the state file; whether to tell.

        Every save does this too; the app also does it at start, so what the other
        computer did is shown at once. A copy durf cannot read (or that a newer durf
        wrote) stays where it is and is named in a notice, once.
        """
        with self._mutex:
            if not conflict_copies(self.target):
                return False
            before = len(self._notices)
            try:
                self.update(lambda state: state)
            except StateWriteError as error:
                # Not saved: the copies stay where they are, to be merged at the next save.
                self._notices.append(str(error))
            return len(self._notices) > before

    def _put_away(self, merged: list[Merged]) -> None:
        """Move merged copies into ``merged/``, now that the state holding them is on disk."""
        for item in merged:
            try:
                keep_merged(item.copy.path, item.data, self.home)
            except OSError as error:
                # Merged all the same; named once, not at every save that merges it again.
                key = (f"not moved: {item.copy.path}", len(item.data))
                if key not in self._told_copies:
                    self._told_copies.add(key)
                    reason = error.strerror or str(error)
                    self._notices.append(describe_not_moved(item.copy, reason))
                continue
            self._notices.append(describe_merged(item.copy, item.report, merged_dir(self.home)))

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the lock every save takes, in this process and across processes.

        For work on the files beside the state (forgetting everything) that no
        save may interleave with.
        """
        with self._mutex, self._file_lock():
            yield

    def start_empty(self) -> None:
        """Forget what was loaded: the files are gone, the state is empty again."""
        with self._mutex:
            self._state = State()
            self._signature = None
            self._written = None
            self._notices = []

    def _unless_forgotten(self, in_memory: State) -> State | None:
        """What this process still has, unless ``durf forget`` deleted the data meanwhile.

        A file this store had read, gone now together with its backup, was deleted on
        purpose: writing back what is in memory would bring back everything the user
        asked to forget. The change then starts from nothing.
        """
        if self._signature is None or self.path.exists() or self.backup_path.exists():
            return in_memory
        self._written = None
        self._notices.append(t("store.forgotten_elsewhere", home=str(self.home)))
        return None

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        """Hold the cross-process lock; re-entrant within this process."""
        from filelock import FileLock, Timeout

        self._ensure_home()
        if self._lock is None:
            self._lock = FileLock(self.lock_path, timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        try:
            self._lock.acquire()
        except Timeout:
            raise StateWriteError(t("store.locked")) from None
        except OSError as error:
            # The lock file cannot be made: a read-only home, or no space for it.
            # The same plain message as a failed save, not a crash.
            key = "store.disk_full" if error.errno == errno.ENOSPC else "store.cannot_write"
            raise StateWriteError(
                t(key, path=str(self.lock_path), reason=error.strerror or str(error))
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    def _ensure_home(self) -> None:
        try:
            if not self.home.is_dir():
                self.home.mkdir(mode=0o700, parents=True)
        except OSError as error:
            raise StateWriteError(
                t("store.cannot_write", path=str(self.home), reason=error.strerror)
            ) from None

    def _write(self, state: State) -> None:
        """Atomically replace the file with ``state``, keeping the old one as ``.bak``."""
        self._ensure_home()
        target = self.target
        try:
            with no_gc_pauses():
                plan = plan_save(state, self._written, target)
        except ValueError:
            # Text that UTF-8 cannot hold (lone surrogates from undecodable input)
            # must cost this one change, not the app: the file on disk stays as it was.
            reason = t("store.reason.not_encodable")
            raise StateWriteError(
                t("store.cannot_write", path=str(self.path), reason=reason)
            ) from None
        self._remove_orphaned_temporaries(target)
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            written = write_plan(tmp, plan, self._written, target)
            if target.exists():
                self._keep_backup(target)
            os.replace(tmp, target)
            self._fsync_folder(target.parent)
        except OSError as error:
            with contextlib.suppress(OSError):
                tmp.unlink()
            key = "store.disk_full" if error.errno == errno.ENOSPC else "store.cannot_write"
            raise StateWriteError(t(key, path=str(self.path), reason=error.strerror)) from None
        # A failed save leaves the previous file and its record as they were: the
        # copy checks the file's signature before it trusts either.
        self._written = written
        self._signature = _signature(self.path)

    def _remove_orphaned_temporaries(self, target: Path) -> None:
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

    def _keep_backup(self, target: Path) -> None:
        # A hard link keeps the old bytes without copying them; the rename makes
        # the new backup appear whole. Filesystems without links get a copy.
        backup_path = _backup_of(target)
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

    def _fsync_folder(self, folder: Path) -> None:
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
