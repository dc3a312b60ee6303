"""Every session and small step in time order, filtered by exercise and week.

A step planned in the guide already has a session record (the guide's), so it
appears once, through that record. Steps that came about without the guide
(made smaller, or moved on to another week) appear on their own, at the moment
they were made. The parts of a practice session appear once, through the
session they belong to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from durf.core.session import PART_OF, is_part
from durf.core.state import SessionRecord, State, Step
from durf.core.weeks import Week


@dataclass(frozen=True)
class Entry:
    """One line of the history: a session, or a step made without a session."""

    exercise: str
    at: datetime
    record: SessionRecord | None = None
    step: Step | None = None
    """The step a step session is about, or the step itself when there is no session."""

    @property
    def id(self) -> str:
        """The id of what this entry shows, unique in the history."""
        if self.record is not None:
            return self.record.id
        assert self.step is not None
        return self.step.id


@dataclass(frozen=True)
class HistoryView:
    """The entries a filter lets through (the latest ``limit`` of them) and how many there were."""

    entries: list[Entry]
    matching: int


def _started(record: SessionRecord) -> datetime:
    return record.started_at


def _step_of(record: SessionRecord, steps: dict[str, Step]) -> Step | None:
    step_id = record.details.get("step_id")
    return steps.get(step_id) if isinstance(step_id, str) else None


def history_view(
    state: State,
    *,
    exercise: str | None = None,
    week: Week | None = None,
    limit: int | None = None,
) -> HistoryView:
    """The history in time order, oldest first, keeping only ``exercise`` and ``week`` if given.

    With ``limit``, only the latest entries are built: a history of years needs
    no hundred thousand lines to show its last few weeks.
    """
    steps = {step.id: step for step in state.steps}
    first = week.monday if week is not None else None
    last = week.sunday if week is not None else None

    def wanted(kind: str, at: datetime) -> bool:
        if exercise is not None and kind != exercise:
            return False
        return first is None or first <= at.date() <= last  # type: ignore[operator]

    # A filter of nothing, or of an exercise alone, needs no look at each date: at
    # 100k records this keeps opening the history to a few milliseconds.
    if week is None:
        records = (
            [record for record in state.history if not is_part(record)]
            if exercise is None
            else [
                record
                for record in state.history
                if record.exercise == exercise and not is_part(record)
            ]
        )
    else:
        records = [r for r in state.history if wanted(r.exercise, r.started_at) and not is_part(r)]
    planned_in_guide = (
        {
            record.details.get("step_id")
            for record in state.history
            if record.exercise == "step" and record.details.get("part") == "guide"
        }
        if state.steps
        else set()
    )
    lone_steps = [
        step
        for step in state.steps
        if step.id not in planned_in_guide and wanted("step", step.created_at)
    ]
    matching = len(records) + len(lone_steps)
    # Saved in the order sessions ended (a guide session starts when the guide was
    # opened), and two windows can append out of turn: list them by their start.
    # Python's sort is close to linear on a list that is nearly in order.
    records = sorted(records, key=_started)
    if limit is not None:
        # The latest entries of the two lists together are among the latest of each.
        records = records[-limit:]
    entries = [Entry(r.exercise, r.started_at, r, _step_of(r, steps)) for r in records]
    if lone_steps:
        entries += [Entry("step", step.created_at, None, step) for step in lone_steps]
        entries.sort(key=lambda entry: entry.at)
        if limit is not None:
            entries = entries[-limit:]
    return HistoryView(entries, matching)


def weeks_with_history(state: State) -> list[Week]:
    """Every week that holds a session or a step, oldest first."""
    days = {record.started_at.date() for record in state.history}
    days |= {step.created_at.date() for step in state.steps}
    return sorted({Week.of(day) for day in days})


def session_parts(state: State, session: SessionRecord) -> list[SessionRecord]:
    """The records kept as parts of ``session``, in the order they were saved."""
    return [record for record in state.history if record.details.get(PART_OF) == session.id]
