"""The state file's bytes stay exactly what they were: the codec against the serialiser it replaced.

``reference`` below is the serialiser durf used before the codec (pydantic for the
head and for each record). Whatever path the codec takes (orjson for the whole
history, pydantic for what orjson might write differently, records copied from
the previous save's file), the bytes must be the same, or the file format changed.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from durf.core.state import SessionRecord, State
from durf.core.state_codec import serialise_state
from durf.core.store import StateWriteError, Store
from tests.core.factories import AMSTERDAM_WINTER

EXAMPLES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def reference(state: State) -> bytes:
    """The serialiser before the codec, kept here as the definition of the format."""
    head = state.model_dump_json(indent=1, exclude={"history"}).encode("utf-8")
    lines = [record.model_dump_json().encode("utf-8") for record in state.history]
    if not lines:
        return head[:-2] + b',\n "history": []\n}'
    return head[:-2] + b',\n "history": [\n  ' + b",\n  ".join(lines) + b"\n ]\n}"


def encoded(state: State) -> bytes | type[ValueError]:
    """The codec's bytes, or ValueError when the text cannot be written."""
    try:
        return serialise_state(state)
    except ValueError:
        return ValueError


def expected(state: State) -> bytes | type[ValueError]:
    try:
        return reference(state)
    except ValueError:
        return ValueError


json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(['},{"id":', '"\\', "\u2028\x7f\x00", "é café"])
)
json_value = st.recursive(
    json_leaf,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "a", "é", ""]) | st.text(max_size=4), children)
    ),
    max_leaves=8,
)
zones = st.sampled_from(
    [
        UTC,
        timezone(timedelta(hours=2)),
        timezone(timedelta(hours=-3, minutes=-30)),
        timezone(timedelta(seconds=90)),  # an offset pydantic writes without its seconds
        AMSTERDAM_WINTER,
        ZoneInfo("Europe/Amsterdam"),  # before 1892 its offset has seconds (+00:19:32)
    ]
)
moments = st.builds(
    lambda start, zone: start.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(1800, 1, 1), max_value=datetime(2100, 1, 1)),
    zones,
)


@st.composite
def records(draw: st.DrawFn) -> SessionRecord:
    started = draw(moments)
    fields: dict[str, Any] = {
        "id": draw(st.text(min_size=1, max_size=8)),
        "exercise": draw(st.sampled_from(["breathe", "affirm", "step", "session"])),
        "started_at": started,
        "ended_at": draw(st.none() | st.just(started + timedelta(minutes=5))),
        "completed": draw(st.booleans()),
        "details": draw(st.dictionaries(st.text(max_size=6), json_value, max_size=4)),
    }
    # Fields a later durf may write: kept, and written back after the known ones.
    fields.update(draw(st.dictionaries(st.sampled_from(["mood", "zz", "note"]), json_value)))
    record = SessionRecord.model_validate(fields)
    if draw(st.booleans()):
        # As read back from a file: pydantic's own time zones, and its own dicts.
        record = SessionRecord.model_validate_json(record.model_dump_json())
    return record


histories = st.lists(records(), max_size=6)


@EXAMPLES
@given(histories)
def test_the_bytes_are_those_of_the_serialiser_before(history: list[SessionRecord]) -> None:
    state = State(history=history)
    assert encoded(state) == expected(state)


def test_text_that_utf8_cannot_hold_is_refused_not_mangled() -> None:
    record = SessionRecord(
        id="a", exercise="breathe", started_at=datetime(2026, 1, 1, tzinfo=UTC), details={}
    )
    state = State(history=[record, record.model_copy(update={"details": {"s": "x\udc80"}})])
    with pytest.raises(ValueError):
        serialise_state(state)


def saved_bytes(home: Path) -> bytes:
    return (home / "state.json").read_bytes()


@EXAMPLES
@given(st.lists(histories, min_size=1, max_size=4))
def test_saves_that_add_records_write_the_same_file(
    durf_home: Path, batches: list[list[SessionRecord]]
) -> None:
    """Each save copies what the last one wrote and adds the new records: byte for byte."""
    for old in durf_home.glob("state.json*"):
        old.unlink()
    store = Store(durf_home)
    for batch in batches:
        try:
            state = store.update(lambda current, b=batch: State(history=[*current.history, *b]))
        except StateWriteError:
            assert expected(State(history=[*store.state.history, *batch])) is ValueError
            continue
        assert saved_bytes(durf_home) == reference(state)
    reread = Store(durf_home).load()
    assert [r.id for r in reread.history] == [r.id for r in store.state.history]


def test_a_change_made_by_another_durf_is_not_copied_over(durf_home: Path) -> None:
    first = SessionRecord(id="a", exercise="breathe", started_at=datetime(2026, 1, 1, tzinfo=UTC))
    mine, theirs = Store(durf_home), Store(durf_home)
    mine.update(lambda s: State(history=[first]))
    theirs.update(lambda s: State(history=[first.model_copy(update={"completed": True})]))
    added = first.model_copy(update={"id": "b"})
    state = mine.update(lambda s: s.model_copy(update={"history": [*s.history, added]}))
    assert [record.completed for record in state.history] == [True, False]
    assert saved_bytes(durf_home) == reference(state)


def test_a_hand_edited_file_is_written_back_in_the_format(durf_home: Path) -> None:
    first = SessionRecord(id="a", exercise="breathe", started_at=datetime(2026, 1, 1, tzinfo=UTC))
    store = Store(durf_home)
    store.update(lambda s: State(history=[first]))
    path = durf_home / "state.json"
    path.write_bytes(path.read_bytes().replace(b'"completed":false', b'"completed" : false'))
    state = store.update(lambda s: s.model_copy(update={"history": [*s.history, first]}))
    assert saved_bytes(durf_home) == reference(state)


def test_without_a_kernel_copy_the_records_are_copied_by_hand(
    durf_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> int:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    store = Store(durf_home)
    for number in range(3):
        record = SessionRecord(id=str(number), exercise="affirm", started_at=start)
        state = store.update(lambda s, r=record: State(history=[*s.history, r]))
        assert saved_bytes(durf_home) == reference(state)
