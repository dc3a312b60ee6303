"""The export as CSV: one row per session, for a spreadsheet or a script.

The user's words go through the ``csv`` module, which quotes instead of changing.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import tzinfo
from typing import TYPE_CHECKING

from durf.core.export.times import local_time, minutes_taken
from durf.core.session import PART_OF

if TYPE_CHECKING:
    from durf.core.state import State

CSV_COLUMNS = (
    "id",
    "exercise",
    "started_at",
    "ended_at",
    "minutes",
    "completed",
    "tension_before",
    "tension_after",
    "breaths",
    "sentence",
    "for_whom",
    "affirmation",
    "belief_before",
    "belief_after",
    "step_id",
    "step",
    "part_of",
    "details",
)
"""The field names of the state file, not words of one language, so that a formula or
script keeps working whichever language the export was made in."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def export_csv(state: State, zone: tzinfo | None = None) -> str:
    """One row per session, oldest first, with the main details in their own columns.

    The last column holds all of a session's details as JSON, so nothing is lost.
    Times are local, with their UTC offset.
    """
    steps = {step.id: step for step in state.steps}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in sorted(state.history, key=lambda record: record.started_at):
        details = record.details
        belief = details.get("belief")
        belief = belief if isinstance(belief, dict) else {}
        step_id = details.get("step_id")
        step = steps.get(step_id) if isinstance(step_id, str) else None
        ended = record.ended_at
        writer.writerow(
            [
                record.id,
                record.exercise,
                local_time(record.started_at, zone).isoformat(sep=" ", timespec="seconds"),
                local_time(ended, zone).isoformat(sep=" ", timespec="seconds") if ended else "",
                _cell(minutes_taken(record)),
                _cell(record.completed),
                _cell(details.get("tension_before")),
                _cell(details.get("tension_after")),
                _cell(details.get("breaths_done")),
                _cell(details.get("sentence")),
                _cell(details.get("for_whom")),
                _cell(belief.get("text")),
                _cell(belief.get("before")),
                _cell(belief.get("after")),
                _cell(step_id),
                step.what if step is not None else "",
                _cell(details.get(PART_OF)),
                json.dumps(details, ensure_ascii=False),
            ]
        )
    return buffer.getvalue()
