"""Upgrades of old state files: plain functions from one schema version to the next.

Each function takes the parsed JSON of version N and returns the JSON of version
N + 1. They work on plain dicts, not models, so that the models only ever describe
the current version. Every migration has a fixture file of its old version under
``tests/core/fixtures``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 lets the history hold the exercise kind ``quadrant``.

    A version-1 file cannot hold one, and everything else it may hold means the
    same in version 2, so the data passes through unchanged. The version number
    moves on so that a durf that knows only version 1 refuses the file plainly
    (a newer durf wrote it) rather than taking a quadrant record for damage.
    """
    return document


MIGRATIONS: dict[int, Migration] = {1: v1_to_v2}
"""``MIGRATIONS[n]`` turns a version-``n`` document into version ``n + 1``."""


class MigrationGapError(ValueError):
    """An old file whose version no migration starts from."""


def migrate(
    document: dict[str, Any],
    target: int,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> dict[str, Any]:
    """Upgrade ``document`` step by step until its ``schema_version`` is ``target``."""
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise MigrationGapError(f"schema_version is {version!r}, not a whole number")
    while version < target:
        step = migrations.get(version)
        if step is None:
            raise MigrationGapError(f"no migration from schema_version {version}")
        document = step(dict(document))
        document["schema_version"] = version + 1
        version += 1
    return document
