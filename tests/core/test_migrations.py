"""Old files are upgraded one version at a time by plain functions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from durf.core.migrations import MIGRATIONS, MigrationGapError, migrate
from durf.core.state import SCHEMA_VERSION
from durf.core.store import parse_state, serialise_state


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


FIXTURES = Path(__file__).parent / "fixtures"


def test_a_version_1_file_loads_as_version_2_with_every_record() -> None:
    raw = (FIXTURES / "state-v1.json").read_bytes()
    before = json.loads(raw)
    assert before["schema_version"] == 1
    state = parse_state(raw)
    assert state.schema_version == 2
    assert [record.id for record in state.history] == [r["id"] for r in before["history"]]
    assert [step.what for step in state.steps] == [s["what"] for s in before["steps"]]
    assert [s.text for s in state.sentences] == [s["text"] for s in before["sentences"]]
    # Saved again, the file says version 2 first, which an older durf refuses plainly.
    assert serialise_state(state).startswith(b'{\n "schema_version": 2,')


def test_the_v1_to_v2_migration_changes_no_data() -> None:
    document = json.loads((FIXTURES / "state-v1.json").read_bytes())
    migrated = migrate(json.loads(json.dumps(document)), 2)
    assert migrated == {**document, "schema_version": 2}


def test_a_durf_of_version_1_refuses_a_file_with_a_quadrant(monkeypatch: Any) -> None:
    # What today's durf does with the file is what the old one would: say it is newer.
    import durf.core.statefile as statefile

    raw = (
        (FIXTURES / "state-v1.json")
        .read_bytes()
        .replace(b'"schema_version": 1', b'"schema_version": 2', 1)
    )
    monkeypatch.setattr(statefile, "SCHEMA_VERSION", 1)
    with pytest.raises(statefile.NewerStateError, match="2"):
        statefile.parse_state(raw)
