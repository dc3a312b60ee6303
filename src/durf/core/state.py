"""The models of durf's one state file.

The file is the user's: it must survive upgrades, hand edits and fields written
by a later durf. Every model therefore keeps fields it does not know
(``extra="allow"``) and writes them back unchanged.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from durf.core.i18n import Language

SCHEMA_VERSION = 1
"""The version this durf writes. Older files are migrated, newer ones refused."""

ExerciseKind = Literal["breathe", "affirm", "step", "session"]


class Record(BaseModel):
    """Base of everything kept in the file: unknown fields survive a round trip."""

    model_config = ConfigDict(extra="allow")


class Settings(Record):
    """The choices a user makes once and expects to find again."""

    language: Language | None = None
    """``nl`` or ``en``; ``None`` follows the system locale."""
    theme: str | None = None
    """A Textual theme name; ``None`` is durf's default. Checked against the themes at start."""
    reduced_motion: bool = False
    """Calm text and counts instead of animation."""
    sound_cue: bool = False
    """A terminal bell at each change of phase or affirmation."""


class SessionRecord(Record):
    """One practice session of any exercise, finished or stopped early."""

    id: str
    """A random hex id, unique across machines so that imports can merge by id."""
    exercise: ExerciseKind
    started_at: AwareDatetime
    ended_at: AwareDatetime | None = None
    completed: bool = False
    """False when the user stopped early; such sessions still count as practice."""
    details: dict[str, Any] = Field(default_factory=dict)
    """What the exercise recorded (check-ins, sentences, ratings), as typed."""


class State(Record):
    """The whole file. ``schema_version`` is written first so it can be read cheaply."""

    schema_version: int = SCHEMA_VERSION
    settings: Settings = Field(default_factory=Settings)
    history: list[SessionRecord] = Field(default_factory=list)
    """Every session, oldest first."""
