"""A practice session: the exercises strung together into a few calm minutes.

The session does no practice of its own. It plans which parts fit the minutes
asked for and what is open in the user's week, and it keeps one record that
links the parts. Each part is the exercise itself, saved by that exercise's own
functions with the session's id in its details.

Pure functions over plain data: the screens ask the app, the app asks these.

Where each part lives: ``timing`` (the minutes and the seconds each part takes),
``parts`` (what a plan is made of), ``plan`` (what fits today), ``beliefs`` and
``questions`` (which affirmations and which question), ``run`` (a session as it
runs) and ``record`` (its record in the history, with its parts tied to it).

Only ``timing`` is loaded with this package: the command line imports it for the
minutes a session may take before it has parsed its arguments, and ``--help``
must not wait for the rest (``ids`` alone brings in ``uuid``). Every other name
here is loaded from its module on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.lazy import loaded_on_use
from durf.core.session.timing import (
    BELIEF_SECONDS,
    BREATHING_SHARE,
    CHECK_IN_SECONDS,
    CHECK_OUT_SECONDS,
    DEFAULT_MINUTES,
    GUIDE_RESUME_SECONDS,
    GUIDE_SECONDS,
    MAX_AFFIRMATIONS,
    MAX_BREATHS,
    MAX_MINUTES,
    MIN_AFFIRMATIONS,
    MIN_BREATHS,
    MIN_MINUTES,
    QUADRANT_SECONDS,
    QUESTION_SECONDS,
    SENTENCE_SECONDS,
    STEP_SECONDS,
    clamp_minutes,
)

if TYPE_CHECKING:
    from durf.core.session.beliefs import latest_beliefs, practice_order
    from durf.core.session.parts import PART_OF, Part, PartKind, PartStatus, SessionPlan
    from durf.core.session.plan import plan_session, sentence_to_follow_up, step_to_mark
    from durf.core.session.questions import asked_question, last_answer, question_for_today
    from durf.core.session.record import (
        is_part,
        keep_session,
        part_record,
        practice_count,
        within_session,
    )
    from durf.core.session.run import PartResult, SessionRun, parts_done, skip_rest

_LOADED_ON_USE = {
    "beliefs": ("latest_beliefs", "practice_order"),
    "parts": ("PART_OF", "Part", "PartKind", "PartStatus", "SessionPlan"),
    "plan": ("plan_session", "sentence_to_follow_up", "step_to_mark"),
    "questions": ("asked_question", "last_answer", "question_for_today"),
    "record": ("is_part", "keep_session", "part_record", "practice_count", "within_session"),
    "run": ("PartResult", "SessionRun", "parts_done", "skip_rest"),
}
"""The modules loaded on first use, with the names each gives this package (as above)."""

_MODULE_OF = {name: module for module, names in _LOADED_ON_USE.items() for name in names}


__getattr__, __dir__ = loaded_on_use(__name__, _MODULE_OF, globals())


__all__ = [
    "BELIEF_SECONDS",
    "BREATHING_SHARE",
    "CHECK_IN_SECONDS",
    "CHECK_OUT_SECONDS",
    "DEFAULT_MINUTES",
    "GUIDE_RESUME_SECONDS",
    "GUIDE_SECONDS",
    "MAX_AFFIRMATIONS",
    "MAX_BREATHS",
    "MAX_MINUTES",
    "MIN_AFFIRMATIONS",
    "MIN_BREATHS",
    "MIN_MINUTES",
    "PART_OF",
    "QUADRANT_SECONDS",
    "QUESTION_SECONDS",
    "SENTENCE_SECONDS",
    "STEP_SECONDS",
    "Part",
    "PartKind",
    "PartResult",
    "PartStatus",
    "SessionPlan",
    "SessionRun",
    "asked_question",
    "clamp_minutes",
    "is_part",
    "keep_session",
    "last_answer",
    "latest_beliefs",
    "part_record",
    "parts_done",
    "plan_session",
    "practice_count",
    "practice_order",
    "question_for_today",
    "sentence_to_follow_up",
    "skip_rest",
    "step_to_mark",
    "within_session",
]
