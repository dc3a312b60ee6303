"""One session as it runs: the plan, what became of each part, and the check-ins."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from durf.core.ids import new_id
from durf.core.session.parts import Part, PartKind, PartStatus, SessionPlan

if TYPE_CHECKING:
    from durf.core.state import SessionRecord


@dataclass
class PartResult:
    """What became of one part."""

    kind: PartKind
    status: PartStatus
    record_id: str | None = None
    """The exercise's own record of this part, when it keeps one."""
    step_id: str | None = None
    sentence_id: str | None = None
    outcome: str | None = None
    """For a step: what was decided (done, planned, smaller, moved, not_this_time);
    for a sentence: the answer (said, open, not_needed)."""

    def details(self) -> dict[str, Any]:
        """This part as written into the session's record."""
        written: dict[str, Any] = {"kind": self.kind, "status": self.status}
        for name in ("record_id", "step_id", "sentence_id", "outcome"):
            value = getattr(self, name)
            if value is not None:
                written[name] = value
        return written


@dataclass
class SessionRun:
    """One session in progress: the plan, what became of each part, and the check-ins."""

    plan: SessionPlan
    started_at: datetime
    id: str = field(default_factory=new_id)
    results: list[PartResult] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    tension_before: int | None = None
    tension_after: int | None = None
    question_key: str | None = None
    question_text: str = ""
    answer: str = ""
    """The answer to the reflection question, exactly as typed."""
    completed: bool = False
    """Set when the last part is over (done or passed by with ``n``); a session ended
    early (Esc, quitting, a closed terminal) stays not completed."""
    kept: bool = False
    """Whether the record is in the state file (then every later save updates it)."""

    @property
    def position(self) -> int:
        """The index of the part now due (equal to the number of parts when all are over)."""
        return len(self.results)

    @property
    def current(self) -> Part | None:
        """The part now due, or None when the session is over."""
        parts = self.plan.parts
        return parts[self.position] if self.position < len(parts) else None

    @property
    def worth_keeping(self) -> bool:
        """Whether anything was done: an empty session is not kept."""
        return (
            any(result.status != "skipped" for result in self.results)
            or self.tension_before is not None
            or bool(self.answer.strip())
        )

    def details(self) -> dict[str, Any]:
        """The session's details as written into the state file."""
        written: dict[str, Any] = {
            "minutes": self.plan.minutes,
            "planned": list(self.plan.kinds),
            "parts": [result.details() for result in self.results],
            "areas": list(self.areas),
            "tension_before": self.tension_before,
            "tension_after": self.tension_after,
        }
        if self.question_key is not None:
            written["question"] = {
                "key": self.question_key,
                "text": self.question_text,
                "answer": self.answer,
            }
        return written

    def record(self, ended: datetime) -> SessionRecord:
        """The session as one record, linking its parts."""
        from durf.core.state import SessionRecord

        return SessionRecord(
            id=self.id,
            exercise="session",
            started_at=self.started_at,
            ended_at=max(ended, self.started_at),
            completed=self.completed,
            details=self.details(),
        )


def skip_rest(run: SessionRun) -> None:
    """Mark every part not reached as skipped (a session ended early)."""
    run.results += [PartResult(part.kind, "skipped") for part in run.plan.parts[run.position :]]


def parts_done(run: SessionRun) -> tuple[int, int]:
    """How many parts were done (fully or in part), of how many planned."""
    return sum(1 for result in run.results if result.status != "skipped"), len(run.plan.parts)
