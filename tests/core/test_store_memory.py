"""A store and what it loaded are freed when nobody holds them, long histories too."""

from __future__ import annotations

import ast
import gc
import subprocess
import sys
import weakref
from pathlib import Path

from durf.core.state_codec import LONG_HISTORY
from durf.core.store import Store
from tests.core.factories import state_with_sessions


def test_a_store_nobody_holds_is_freed_at_once(durf_home: Path) -> None:
    """Freed by its reference count, not left for the collector: a long history is
    kept out of the collector's sight, and a store in a cycle would keep it for good."""
    Store(durf_home).update(lambda state: state_with_sessions(3))
    store = Store(durf_home)
    store.load()
    with store._lock.held():  # the lock is made on first use: it must not tie the knot
        pass
    gone = weakref.ref(store)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del store
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()


READ_AGAIN = f"""
import gc, sys, weakref
from pathlib import Path
from durf.core.store import Store

class Knot:  # garbage only the collector can free: it refers to itself
    def __init__(self):
        self.me = self


home = Path(sys.argv[1])
counts = []
knots = []
for _ in range(3):
    before, during = Knot(), Knot()
    knots += [weakref.ref(before), weakref.ref(during)]
    del before  # garbage made between two reads of the file
    state = Store(home).load()
    assert len(state.history) == {LONG_HISTORY}
    del state, during  # alive during the read, garbage after it
    counts.append(gc.get_freeze_count())
gc.collect()
print([counts, [knot() is None for knot in knots]])
"""


def test_reading_a_long_history_again_keeps_no_earlier_copy(durf_home: Path) -> None:
    """Each read of a long history (the app reads the file again when another durf
    saved it) leaves only the newest copy alive, and garbage made before or during
    a later read is freed: only the first long read is kept out of the collector's
    passes, with what was alive then. In a process of its
    own, since freezing is for good."""
    Store(durf_home).update(lambda state: state_with_sessions(LONG_HISTORY))
    done = subprocess.run(
        [sys.executable, "-c", READ_AGAIN, str(durf_home)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    counts, freed = ast.literal_eval(done.stdout)
    assert counts[0] > 0, "the first long load is kept out of the collector's passes"
    # A copy kept would hold a frozen object or more per record.
    assert max(counts) - min(counts) < LONG_HISTORY
    # What was alive at the first long read may be kept; nothing of a later read is.
    assert freed[2:] == [True, True, True, True]
