"""A session's record in the history, and the records of its parts tied to it by id."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from durf.core.session.parts import PART_OF

if TYPE_CHECKING:
    from durf.core.session.run import SessionRun
    from durf.core.state import SessionRecord, State


def keep_session(state: State, run: SessionRun, ended: datetime) -> State:
    """The state with the session's record added, or brought up to date."""
    record = run.record(ended)
    history = list(state.history)
    for index in range(len(history) - 1, -1, -1):
        if history[index].id == run.id:
            history[index] = record
            break
    else:
        history.append(record)
    return state.model_copy(update={"history": history})


def within_session(before: State, after: State, run: SessionRun, ended: datetime) -> State:
    """``after``, a change made during ``run``, with the session kept in the same save.

    Records the change added (an exercise's own record of a part) are tied to
    the session by its id, so the figures count their time once, as the
    session's; the session's own record is added or brought up to date.
    """
    known = len(before.history)
    added = [
        record
        if record.id == run.id
        else record.model_copy(update={"details": {**record.details, PART_OF: run.id}})
        for record in after.history[known:]
    ]
    if not added and not run.kept and not run.worth_keeping:
        return after
    state = after.model_copy(update={"history": [*after.history[:known], *added]})
    return keep_session(state, run, ended)


def part_record(state: State, run: SessionRun, exercise: str) -> str | None:
    """The id of the latest record of ``exercise`` kept as a part of ``run``."""
    for record in reversed(state.history):
        if record.exercise == exercise and record.details.get(PART_OF) == run.id:
            return record.id
        if record.started_at < run.started_at:
            return None
    return None


def is_part(record: SessionRecord) -> bool:
    """Whether a record is a part of a session: its time and count are the session's.

    The session's record is written in the same save as its first part, so a
    part never exists without it (short of a hand edit).
    """
    return isinstance(record.details.get(PART_OF), str)


def practice_count(history: Sequence[SessionRecord]) -> int:
    """How many practice sessions the history holds: a session with its parts is one."""
    return sum(1 for record in history if not is_part(record))
