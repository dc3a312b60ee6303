"""Old files are upgraded one version at a time by plain functions."""

from __future__ import annotations

import pytest

from durf.core.migrations import MIGRATIONS, MigrationGapError, migrate
from durf.core.state import SCHEMA_VERSION


def test_every_version_below_the_current_one_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_a_chain_of_migrations_runs_in_order() -> None:
    steps = {
        1: lambda doc: {**doc, "history": [], "sessions_were_renamed": True},
        2: lambda doc: {**doc, "history": [*doc["history"], "added in 3"]},
    }
    result = migrate({"schema_version": 1}, 3, steps)
    assert result == {
        "schema_version": 3,
        "history": ["added in 3"],
        "sessions_were_renamed": True,
    }


def test_a_current_document_is_left_as_it_is() -> None:
    document = {"schema_version": SCHEMA_VERSION, "x": 1}
    assert migrate(document, SCHEMA_VERSION) == document


@pytest.mark.parametrize("version", [None, "1", True, 0])
def test_a_missing_or_odd_version_cannot_be_migrated(version: object) -> None:
    with pytest.raises(MigrationGapError):
        migrate({"schema_version": version}, 2, {1: dict})
