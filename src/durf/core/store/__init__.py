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
  is on disk each copy is kept in ``merged/`` (``core/sync/merging.py``).

Where each part lives: ``store`` (the ``Store`` class: reading, recovering and
every change), ``save`` (one atomic save), ``disk`` (backup, moving a file aside,
folder fsync, leftovers of killed saves), ``lock`` (the cross-process lock) and
``errors``.
"""

from durf.core.state_codec import serialise_state
from durf.core.statefile import (
    NewerStateError,
    StoreError,
    UnreadableState,
    parse_state,
    write_private,
)
from durf.core.store.errors import StateWriteError
from durf.core.store.lock import LOCK_TIMEOUT_SECONDS
from durf.core.store.store import Store

__all__ = [
    "LOCK_TIMEOUT_SECONDS",
    "NewerStateError",
    "StateWriteError",
    "Store",
    "StoreError",
    "UnreadableState",
    "parse_state",
    "serialise_state",
    "write_private",
]
