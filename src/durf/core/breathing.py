"""The breathing-before-speaking exercise as pure functions over the state.

The state models are imported inside the functions that build records: the
breathing screen must be able to start, and paint its first breath, before
pydantic is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from durf.core.ids import new_id

if TYPE_CHECKING:
    from durf.core.state import HonestSentence, SentenceStatus, State

BODY_AREAS = (
    "breath",
    "throat",
    "chest",
    "shoulders",
    "belly",
    "heartbeat",
    "elsewhere",
    "nowhere",
)
"""Where tension can sit, in the order the check-in offers them."""

NO_TENSION = "nowhere"
"""The one answer that cannot go with any area: it says the tension sits nowhere."""


def areas_after_ticking(ticked: list[str], just_ticked: str) -> list[str]:
    """What stays ticked after ``just_ticked``: "nowhere" and an area exclude each other."""
    if just_ticked not in ticked:
        return ticked
    if just_ticked == NO_TENSION:
        return [NO_TENSION]
    return [area for area in ticked if area != NO_TENSION]


DEFAULT_BREATHS = 6


@dataclass
class BreathingSession:
    """What one run of the exercise has gathered so far, before it is saved."""

    started_at: datetime
    pattern_id: str = ""
    pace: float = 1.0
    breaths_planned: int = DEFAULT_BREATHS
    breaths_done: int = 0
    breathing_seconds: float = 0.0
    areas: list[str] = field(default_factory=list)
    tension_before: int | None = None
    tension_after: int | None = None
    sentence: str = ""
    for_whom: str = ""
    rehearsed: bool = False
    """Only a rehearsed sentence waits on the home screen to be followed up."""
    completed: bool = False

    def details(self) -> dict[str, object]:
        """The session's details as written into the state file."""
        return {
            "pattern": self.pattern_id,
            "pace": self.pace,
            "breaths_planned": self.breaths_planned,
            "breaths_done": self.breaths_done,
            "breathing_seconds": round(self.breathing_seconds, 1),
            "areas": list(self.areas),
            "tension_before": self.tension_before,
            "tension_after": self.tension_after,
            "sentence": self.sentence,
            "for_whom": self.for_whom,
        }


def record_session(state: State, session: BreathingSession, ended_at: datetime) -> State:
    """Add a finished or stopped session, and its sentence to follow up, to the state."""
    from durf.core.state import HonestSentence, SessionRecord

    record = SessionRecord(
        id=new_id(),
        exercise="breathe",
        started_at=session.started_at,
        ended_at=ended_at,
        completed=session.completed,
        details=session.details(),
    )
    sentences = list(state.sentences)
    if session.rehearsed and session.sentence.strip():
        sentences.append(
            HonestSentence(
                id=new_id(),
                text=session.sentence,
                for_whom=session.for_whom,
                created_at=ended_at,
                session_id=record.id,
            )
        )
    return state.model_copy(update={"history": [*state.history, record], "sentences": sentences})


def open_sentences(state: State) -> list[HonestSentence]:
    """Sentences not yet said nor let go, newest first."""
    return [s for s in reversed(state.sentences) if s.status == "open"]


def earlier_sentences(state: State, limit: int = 20) -> list[str]:
    """The user's own earlier sentences, newest first, each text once."""
    seen: set[str] = set()
    texts: list[str] = []
    for sentence in reversed(state.sentences):
        if sentence.text not in seen:
            seen.add(sentence.text)
            texts.append(sentence.text)
    return texts[:limit]


def follow_up(state: State, sentence_id: str, answer: SentenceStatus, when: datetime) -> State:
    """Record the user's answer about a sentence: said it, not yet, or no longer needed.

    ``said`` and ``not_needed`` close it; ``open`` is "not yet" and keeps it on the list.
    """
    sentences = [
        s.model_copy(update={"status": answer, "checked_at": when}) if s.id == sentence_id else s
        for s in state.sentences
    ]
    return state.model_copy(update={"sentences": sentences})
