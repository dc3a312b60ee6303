"""The cross-process lock every save takes, beside the real state file."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from durf.core.i18n import t
from durf.core.store.disk import ensure_home
from durf.core.store.errors import StateWriteError

if TYPE_CHECKING:
    from filelock import BaseFileLock

LOCK_TIMEOUT_SECONDS = 10.0


class StateLock:
    """One store's lock: made on first use, re-entrant within this process.

    ``where`` tells the lock file's path; it is asked only when the lock is made
    and when a message names it, since it follows the state file's link.
    """

    def __init__(self, home: Path, where: Callable[[], Path]) -> None:
        self._home = home
        self._where = where
        self._lock: BaseFileLock | None = None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the ``with`` block; a plain ``StateWriteError`` when it cannot."""
        # Imported when a lock is first taken, so that importing the store costs nothing more.
        from filelock import FileLock, Timeout

        ensure_home(self._home)
        if self._lock is None:
            self._lock = FileLock(self._where(), timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        lock = self._lock
        try:
            lock.acquire()
        except Timeout:
            raise StateWriteError(t("store.locked")) from None
        except OSError as error:
            # The lock file cannot be made: a read-only home, or no space for it.
            # The same plain message as a failed save, not a crash.
            key = "store.disk_full" if error.errno == errno.ENOSPC else "store.cannot_write"
            raise StateWriteError(
                t(key, path=str(self._where()), reason=error.strerror or str(error))
            ) from None
        try:
            yield
        finally:
            lock.release()
