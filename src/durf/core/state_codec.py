"""The bytes of the state file: settings first, then one history record per line.

This is the documented format, used for the state file and for ``durf export``.
Its bytes are exactly pydantic's: the head is ``model_dump_json(indent=1)`` of
the state without its history, each record is the record's ``model_dump_json()``.
Keeping the history last keeps the settings within the first kilobytes, where
the quick look finds them.

Two things keep a long history cheap without a copy of it in memory:

* all records are encoded by orjson in one call when that gives pydantic's bytes
  (checked, not assumed; anything unusual goes through pydantic);
* a save copies the records the previous save wrote from that file into the new
  one (``copy_file_range``, in the kernel) and encodes only the records added
  since. A record never changes once written: changes make new objects.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson
from pydantic_core import TzInfo

from durf.core.state import SessionRecord, State

OPEN = b',\n "history": [\n  '
SEPARATOR = b",\n  "
CLOSE = b"\n ]\n}"
EMPTY = b',\n "history": []\n}'
_BOUNDARY = b'},{"id":'
"""Between two records in orjson's compact list: every record's first field is ``id``."""
_LINE_BOUNDARY = b"}" + SEPARATOR + b'{"id":'
_COPY_CHUNK = 1 << 20


@contextlib.contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Hold off the cyclic garbage collector while building or dumping many objects.

    A long history creates tens of thousands of objects at once; the collector
    would walk them over and over (half the load time at 100k records), though
    none of them is garbage.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


LONG_HISTORY = 10_000
"""From this many records on, a loaded state is kept out of the collector's passes."""


_frozen_once = False


def keep_out_of_gc(state: State) -> None:
    """After the first long load, spare every later collection a walk over it.

    Holding the collector off during the load only postpones it: the first full
    pass afterwards walks every new object (a third of the load time at 100k
    records) and finds nothing, since records hold no cycles; they are freed by
    their reference counts, even when frozen. ``gc.freeze`` moves what exists
    now (the state, and whatever else is alive) out of the collector's sight.

    Once per process, and only for a long history: a frozen cycle that later
    becomes garbage (a screen closed after the load) is never freed. Freezing
    at every reload (the app reads the file again whenever another durf saved
    it) would keep such garbage again each time; freezing once keeps at most
    what was alive at the first long load. A reload's records are walked by the
    collector like any other objects, about a tenth of a second at 100k.
    """
    global _frozen_once
    if len(state.history) >= LONG_HISTORY and not _frozen_once:
        _frozen_once = True
        gc.freeze()


def encode_head(state: State) -> bytes:
    """Everything before the history: the state without it, less its closing ``\\n}``."""
    return state.model_dump_json(indent=1, exclude={"history"}).encode("utf-8")[:-2]


def encode_records(records: Sequence[SessionRecord]) -> bytes:
    """The records' lines joined as in the file; the same bytes as pydantic gives each one.

    Raises ``ValueError`` for text UTF-8 cannot hold (lone surrogates).
    """
    if not records:
        return b""
    with no_gc_pauses():
        fast = _orjson_records(records)
        if fast is not None:
            return fast
        return SEPARATOR.join([record.model_dump_json().encode("utf-8") for record in records])


def serialise_state(state: State) -> bytes:
    """The whole file's bytes for ``state``."""
    head = encode_head(state)
    if not state.history:
        return head + EMPTY
    return head + OPEN + encode_records(state.history) + CLOSE


def _whole_minutes(moment: datetime | None) -> bool:
    """Whether orjson writes this time as pydantic does: an offset of whole minutes.

    pydantic cuts an offset's seconds off, orjson rounds them; only an offset it
    parsed itself (it refuses finer ones) or UTC is known to be whole without a look.
    """
    if moment is None:
        return True
    zone = moment.tzinfo
    if type(zone) is TzInfo or zone is UTC:
        return True
    offset = moment.utcoffset()
    return offset is not None and not (offset.seconds % 60 or offset.microseconds)


def _orjson_records(records: Sequence[SessionRecord]) -> bytes | None:
    """All records encoded in one orjson call, or ``None`` where that could differ.

    A record's ``__dict__`` holds its fields in declared order (pydantic builds it
    so), and its unknown fields follow, as pydantic writes them.
    """
    values = []
    for record in records:
        if type(record) is not SessionRecord or not (
            _whole_minutes(record.started_at) and _whole_minutes(record.ended_at)
        ):
            return None
        extra = record.__pydantic_extra__
        values.append({**record.__dict__, **extra} if extra else record.__dict__)
    try:
        data = orjson.dumps(values, option=orjson.OPT_UTC_Z)
    except orjson.JSONEncodeError:
        # Numbers beyond 64 bits, keys that are not text, lone surrogates, objects
        # orjson does not know: pydantic decides (and raises what it raises).
        return None
    body = data[1:-1]
    # Each boundary holds one such sequence; any more means a value holds one too.
    if body.count(_BOUNDARY) != len(records) - 1:
        return None
    return body.replace(_BOUNDARY, _LINE_BOUNDARY)


@dataclass(frozen=True)
class Written:
    """Where the last save put the history in its file, to copy it into the next save."""

    records: list[SessionRecord]
    """The records written, in order: a list of references, not of their data."""
    start: int
    end: int
    """The history lines' bytes in the file: ``start`` to ``end``."""
    signature: tuple[int, int, int]
    """Inode, size and modification time of that file, to know it is still the one."""


def _signature_of(result: os.stat_result) -> tuple[int, int, int]:
    return (result.st_ino, result.st_size, result.st_mtime_ns)


def reusable(state: State, written: Written | None, source: Path) -> int:
    """How many of the state's first records can be copied from ``source`` as written."""
    if written is None or not written.records or len(state.history) < len(written.records):
        return 0
    try:
        if _signature_of(os.stat(source)) != written.signature:
            return 0
    except OSError:
        return 0
    kept = len(written.records)
    if any(map(_is_not, state.history[:kept], written.records)):
        return 0
    return kept


def _is_not(left: object, right: object) -> bool:
    return left is not right


@dataclass(frozen=True)
class SavePlan:
    """A save's new bytes, encoded before any file is made (encoding can fail)."""

    state: State
    head: bytes
    kept: int
    """How many records are copied from the previous file."""
    added: bytes
    """The lines of the records after those."""


def plan_save(state: State, written: Written | None, source: Path) -> SavePlan:
    """Encode what a save of ``state`` must write; raises ``ValueError`` for unencodable text."""
    kept = reusable(state, written, source)
    return SavePlan(state, encode_head(state), kept, encode_records(state.history[kept:]))


def write_plan(path: Path, plan: SavePlan, written: Written | None, source: Path) -> Written:
    """Write the planned file to the new ``path`` (0600), fsynced; what it holds where.

    ``path`` must not exist yet: this is the temporary half of an atomic replace.
    """
    history = plan.state.history
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        start = len(plan.head) + len(OPEN)
        if not history:
            _write_all(fd, plan.head + EMPTY)
            end = start
        elif plan.kept and written is not None:
            _write_all(fd, plan.head + OPEN)
            if not _copy_from(source, fd, written):
                # Replaced since the plan was made (a hand edit): encode what it held.
                _write_all(fd, encode_records(history[: plan.kept]))
            tail = SEPARATOR + plan.added if plan.added else b""
            _write_all(fd, tail + CLOSE)
            end = os.lseek(fd, 0, os.SEEK_CUR) - len(CLOSE)
        else:
            _write_all(fd, plan.head + OPEN + plan.added + CLOSE)
            end = start + len(plan.added)
        os.fsync(fd)
        signature = _signature_of(os.fstat(fd))
    finally:
        os.close(fd)
    return Written(list(history), start, end, signature)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _copy_from(source: Path, fd: int, written: Written) -> bool:
    """Copy the written history lines from ``source``; ``False`` if it is another file now."""
    try:
        src = os.open(source, os.O_RDONLY)
    except OSError:
        return False
    try:
        if _signature_of(os.fstat(src)) != written.signature:
            return False
        _copy_range(src, fd, written.start, written.end - written.start)
    finally:
        os.close(src)
    return True


def _copy_range(src: int, dst: int, offset: int, count: int) -> None:
    """Copy ``count`` bytes at ``offset`` of ``src`` to where ``dst`` stands (in the kernel)."""
    copy = getattr(os, "copy_file_range", None)
    while count:
        done = 0
        if copy is not None:
            try:
                done = copy(src, dst, count, offset)
            except OSError:
                # Not on this filesystem, or not across these two: copy it by hand.
                copy = None
                continue
        else:
            chunk = os.pread(src, min(count, _COPY_CHUNK), offset)
            _write_all(dst, chunk)
            done = len(chunk)
        if done == 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        offset += done
        count -= done
