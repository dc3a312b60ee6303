"""One atomic save of the state: a temporary file, the backup, the rename, the folder fsync."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from durf.core.i18n import t
from durf.core.state_codec import Written, no_gc_pauses, plan_save, write_plan
from durf.core.store.disk import fsync_folder, keep_backup, remove_orphaned_temporaries
from durf.core.store.errors import StateWriteError

if TYPE_CHECKING:
    from durf.core.state import State


def save_atomically(state: State, written: Written | None, target: Path, named: Path) -> Written:
    """Replace ``target`` with ``state`` whole, keeping the old file as ``.bak``.

    ``written`` is where the last save put the history, so that this one can copy
    it; the result is where this save put it. ``named`` is the path the user
    knows (the state file, not the file it links to), for the messages. Any
    failure is a ``StateWriteError`` and leaves the file on disk as it was.
    Call with the store's lock held and the home made.
    """
    try:
        with no_gc_pauses():
            plan = plan_save(state, written, target)
    except ValueError:
        # Text that UTF-8 cannot hold (lone surrogates from undecodable input)
        # must cost this one change, not the app: the file on disk stays as it was.
        reason = t("store.reason.not_encodable")
        raise StateWriteError(t("store.cannot_write", path=str(named), reason=reason)) from None
    remove_orphaned_temporaries(target)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        now_written = write_plan(tmp, plan, written, target)
        if target.exists():
            keep_backup(target)
        os.replace(tmp, target)
        fsync_folder(target.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        key = "store.disk_full" if error.errno == errno.ENOSPC else "store.cannot_write"
        raise StateWriteError(t(key, path=str(named), reason=error.strerror)) from None
    return now_written
