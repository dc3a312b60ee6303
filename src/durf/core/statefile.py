"""The state file's bytes: reading them into a ``State`` and writing a ``State`` out.

Kept apart from the store so that everything that reads a state file (the store,
``durf import``, the conflict copies a sync tool leaves) parses it the same way.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from durf.core.i18n import t
from durf.core.migrations import MigrationGapError, migrate
from durf.core.quicklook import VERSION_AT_START
from durf.core.state import SCHEMA_VERSION, State


class StoreError(Exception):
    """A problem with the state file that the user must read; ``str()`` is the message."""


class NewerStateError(StoreError):
    """The file was written by a newer durf: loading or saving it would lose data."""


class UnreadableState(ValueError):
    """The file's bytes are not a valid state; ``str()`` is a short reason."""


@contextlib.contextmanager
def _no_gc_pauses() -> Iterator[None]:
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


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(file)"
    return f"{where}: {first['msg']}"


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file only you can read (0600), and make sure it is on disk.

    ``path`` must not exist yet: this is the temporary half of an atomic replace.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def parse_state(raw: bytes) -> State:
    """Turn the bytes of a state file into a ``State``, migrating old versions.

    Raises ``NewerStateError`` for a file from a newer durf and ``ValueError``
    (with a short reason) for anything else that is not a valid state.
    """
    match = VERSION_AT_START.match(raw)
    if match and int(match.group(1)) == SCHEMA_VERSION:
        # The common case: our own file. Let pydantic parse the JSON in one pass.
        try:
            with _no_gc_pauses():
                return State.model_validate_json(raw)
        except ValidationError as error:
            raise UnreadableState(_first_error(error)) from None
    try:
        document = json.loads(raw)
    except RecursionError:
        # Brackets nested thousands deep: no durf wrote this, and Python's
        # reader gives up on it rather than failing as invalid JSON.
        raise UnreadableState(t("store.reason.too_deep")) from None
    except ValueError as error:
        # Also a whole number too long to convert (over 4300 digits), which
        # ``json`` reports as a plain ValueError, not a JSONDecodeError.
        raise UnreadableState(t("store.reason.not_json", detail=str(error))) from None
    if not isinstance(document, dict):
        raise UnreadableState(t("store.reason.not_object"))
    version = document.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise NewerStateError(t("store.newer", version=version, known=SCHEMA_VERSION))
    try:
        document = migrate(document, SCHEMA_VERSION)
        # Through pydantic's JSON parser, as a current file is: Python's reader takes a
        # lone surrogate ("\ud800") as text, which could never be written back as UTF-8.
        return State.model_validate_json(json.dumps(document))
    except MigrationGapError as error:
        raise UnreadableState(str(error)) from None
    except ValidationError as error:
        raise UnreadableState(_first_error(error)) from None


RecordCache = dict[int, tuple[object, bytes]]
"""Each history record's JSON by the record's ``id()``, with the record to check it is the same."""


def serialise_state(state: State, cache: RecordCache | None = None) -> bytes:
    """The state file's bytes: settings first, then one history record per line.

    This is the documented format, used for the state file and for ``durf export``.
    A record never changes once written (changes make new objects), so a ``cache``
    kept between calls reuses each record's JSON: a save with a long history only
    serialises what is new. The cache is updated in place to hold exactly the
    records of ``state``. Keeping the history last also keeps the settings within
    the first kilobytes, where the quick look finds them.
    """
    known = cache if cache is not None else {}
    with _no_gc_pauses():
        head = state.model_dump_json(indent=1, exclude={"history"}).encode("utf-8")
        fresh: RecordCache = {}
        lines = []
        for record in state.history:
            cached = known.get(id(record))
            if cached is not None and cached[0] is record:
                line = cached[1]
            else:
                line = record.model_dump_json().encode("utf-8")
            fresh[id(record)] = (record, line)
            lines.append(line)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    if not lines:
        return head[:-2] + b',\n "history": []\n}'
    return head[:-2] + b',\n "history": [\n  ' + b",\n  ".join(lines) + b"\n ]\n}"
