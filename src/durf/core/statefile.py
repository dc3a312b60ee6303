"""The state file's bytes read into a ``State`` (``state_codec`` writes them out).

Kept apart from the store so that everything that reads a state file (the store,
``durf import``, the conflict copies a sync tool leaves) parses it the same way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import ValidationError

from durf.core.i18n import t
from durf.core.migrations import MigrationGapError, migrate
from durf.core.quicklook import VERSION_AT_START
from durf.core.state import SCHEMA_VERSION, State
from durf.core.state_codec import keep_out_of_gc, no_gc_pauses


class StoreError(Exception):
    """A problem with the state file that the user must read; ``str()`` is the message."""


class NewerStateError(StoreError):
    """The file was written by a newer durf: loading or saving it would lose data."""


class UnreadableState(ValueError):
    """The file's bytes are not a valid state; ``str()`` is a short reason."""


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
            with no_gc_pauses():
                state = State.model_validate_json(raw)
                keep_out_of_gc(state)
                return state
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
