"""The ``Store``: the one way into the state file, for reading and for every change.

How one save is made is in ``save``; the files beside the state are handled in
``disk``; the lock is ``lock``'s. The contract is in this package's docstring.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from durf.core.clock import Clock, SystemClock
from durf.core.i18n import t
from durf.core.paths import merged_dir, state_file
from durf.core.state import State
from durf.core.state_codec import Written
from durf.core.statefile import NewerStateError, StoreError, UnreadableState, parse_state
from durf.core.store.disk import (
    DiskSignature,
    backup_of,
    disk_signature,
    ensure_home,
    move_aside,
)
from durf.core.store.errors import StateWriteError
from durf.core.store.lock import StateLock
from durf.core.store.save import save_atomically
from durf.core.sync.copies import conflict_copies, keep_merged
from durf.core.sync.merging import Merged, describe_merged, describe_not_moved, take_in


def target_of(path: Path) -> Path:
    """The file a state file path really names: itself, or the file its link points to."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def lock_path_of(path: Path) -> Path:
    """The lock file beside the real state file that ``path`` names."""
    target = target_of(path)
    return target.with_name(target.name + ".lock")


class Store:
    """The one way into the state file. Thread-safe; safe across processes."""

    def __init__(self, home: Path, *, clock: Clock | None = None) -> None:
        self.home = home
        self.path = state_file(home)
        self._clock = clock or SystemClock()
        self._state: State | None = None
        self._signature: DiskSignature | None = None
        self._mutex = threading.RLock()
        # The path alone, not a method of this store: a lambda over ``self`` would
        # tie the store into a reference cycle that only the collector frees, and a
        # loaded long history is kept out of the collector's sight (``keep_out_of_gc``).
        self._lock = StateLock(home, functools.partial(lock_path_of, self.path))
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
        return target_of(self.path)

    @property
    def backup_path(self) -> Path:
        """The state as it was before the last save, beside the real state file."""
        return backup_of(self.target)

    @property
    def lock_path(self) -> Path:
        """The lock every save takes, beside the real state file."""
        return lock_path_of(self.path)

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
            if self._state is None or disk_signature(self.path) == self._signature:
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
        signature = disk_signature(self.path)
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
                self._signature = disk_signature(self.path)
                return state
            aside = move_aside(self.target, self._clock.now())
            self._signature = None
            if in_memory is not None:
                self._notices.append(t("store.quarantined_memory", reason=reason, aside=str(aside)))
                return in_memory
            backup = self._read_backup()
            if backup is None:
                message = t("store.quarantined_fresh", reason=reason, aside=str(aside))
                if self.backup_path.exists():
                    # An unusable backup would be overwritten by the next save: keep it too.
                    bad_backup = move_aside(self.backup_path, self._clock.now())
                    message += "\n" + t("store.backup_aside", aside=str(bad_backup))
                self._notices.append(message)
                return State()
            self._notices.append(t("store.quarantined_backup", reason=reason, aside=str(aside)))
            # Without this the next start would find no state file and begin empty.
            self._write(backup)
            return backup

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
            if disk_signature(self.path) != self._signature:
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

    def _file_lock(self) -> contextlib.AbstractContextManager[None]:
        """Hold the cross-process lock; re-entrant within this process."""
        return self._lock.held()

    def _write(self, state: State) -> None:
        """Atomically replace the file with ``state``, keeping the old one as ``.bak``."""
        ensure_home(self.home)
        written = save_atomically(state, self._written, self.target, self.path)
        # A failed save leaves the previous file and its record as they were: the
        # copy checks the file's signature before it trusts either.
        self._written = written
        self._signature = disk_signature(self.path)
