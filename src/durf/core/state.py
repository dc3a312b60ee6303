"""The models of durf's one state file.

The file is the user's: it must survive upgrades, hand edits and fields written
by a later durf. Every model therefore keeps fields it does not know
(``extra="allow"``) and writes them back unchanged.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from durf.core.i18n import Language
from durf.core.pacer import PACE_MAX, PACE_MIN
from durf.core.schema import SCHEMA_VERSION
from durf.core.weeks import Week

__all__ = [
    "SCHEMA_VERSION",
    "HonestSentence",
    "Ladder",
    "OwnAffirmation",
    "Record",
    "SessionRecord",
    "Settings",
    "State",
    "Step",
    "StepDraft",
    "StepReflection",
]

ExerciseKind = Literal["breathe", "affirm", "step", "session", "quadrant"]
"""``quadrant`` came with schema version 2: an older durf could not read it."""


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
    breath_pattern: str | None = None
    """The id of the breathing pattern chosen last; ``None`` is the bundled default."""
    breath_pace: float = Field(default=1.0, ge=PACE_MIN, le=PACE_MAX, allow_inf_nan=False)
    """A factor on every phase's seconds: above 1 is slower. Kept between runs."""
    breath_count: int = Field(default=6, ge=1, le=60)
    """How many breaths a session has, chosen last."""
    breath_minutes: int = Field(default=2, ge=1, le=30)
    """How many minutes a session lasts when counted in minutes, chosen last."""
    breath_unit: Literal["breaths", "minutes"] = "breaths"
    """Whether the last session was counted in breaths or in minutes."""
    affirm_seconds: int = Field(default=10, ge=3, le=120)
    """Seconds each affirmation is shown, chosen last."""
    affirm_rounds: int = Field(default=1, ge=1, le=20)
    """How many times the chosen affirmations come round, chosen last."""
    affirm_mode: Literal["read", "recall"] = "read"
    """Read it and say it aloud, or type it from memory."""
    focus_mode: bool = False
    """A calm full-screen layout: no title bar, only the keys needed now."""
    safety_seen: bool = False
    """Whether the safety line was shown at the start of a first breathing session."""
    changed_at: dict[str, AwareDatetime] = Field(default_factory=dict)
    """When each setting above was last changed, by its name. Kept so that, when a
    sync tool leaves a conflict copy, the later change of each setting wins. A
    setting missing here was last changed before durf kept these times (or never):
    it counts as older than any time. Older files simply lack the field."""


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


SentenceStatus = Literal["open", "said", "not_needed"]


class HonestSentence(Record):
    """A first honest sentence rehearsed in durf, followed up until it was said."""

    id: str
    text: str
    """Exactly as the user chose or typed it."""
    for_whom: str = ""
    """Optional: the person or conversation it is for, as typed."""
    created_at: AwareDatetime
    session_id: str | None = None
    """The breathing session it was rehearsed in."""
    status: SentenceStatus = "open"
    checked_at: AwareDatetime | None = None
    """When the user last answered "not yet" or closed it."""


class OwnAffirmation(Record):
    """An affirmation the user wrote, kept exactly as typed."""

    id: str
    text: str
    created_at: AwareDatetime
    archived: bool = False
    """Out of the practice lists, but kept (and its ratings with it)."""


StepStatus = Literal["planned", "done", "smaller", "not_this_time", "moved"]
"""``smaller`` and ``moved`` steps live on in a linked step; none of these is a failure."""
Trust = Literal["yes", "unsure", "no"]


def _real_week(text: str) -> str:
    Week.parse(text)  # "2025-W53" has the right shape but 2025 has 52 weeks
    return text


WeekText = Annotated[str, Field(pattern=r"^[0-9]{4}-W[0-9]{2}$"), AfterValidator(_real_week)]
"""An ISO week as ``2026-W47``."""
Scariness = Annotated[int, Field(ge=0, le=10)]


class Ladder(Record):
    """A desire, and the small steps that climb towards it."""

    id: str
    desire: str
    """As the user wrote it in the guide."""
    created_at: AwareDatetime


class StepReflection(Record):
    """Looking back on a step: written when it is done, kept even if left half way."""

    what_happened: str = ""
    their_reaction: str = ""
    learned: str = ""
    scariness_after: Scariness | None = None
    """How scary it was in the end, to set beside the scariness predicted."""
    written_at: AwareDatetime


class Step(Record):
    """One small, concrete step for one week."""

    id: str
    ladder_id: str
    week: WeekText
    what: str
    """As typed; may hold several lines."""
    with_whom: str = ""
    trusted: Trust | None = None
    """The answer to: has this person shown they can be trusted with this?"""
    day: int | None = Field(default=None, ge=1, le=7)
    """The planned ISO weekday (1 is Monday); ``None`` is any day that week."""
    scariness: Scariness | None = None
    """How scary it felt when planned."""
    sentence: str = ""
    """The first honest sentence for it, as typed or reused."""
    guide: dict[str, str] = Field(default_factory=dict)
    """The answers written in the guide on the way to this step, by guide-step id."""
    status: StepStatus = "planned"
    smaller_of: str | None = None
    """The step this one makes smaller."""
    moved_from: str | None = None
    """The step this one continues from an earlier week."""
    created_at: AwareDatetime
    changed_at: AwareDatetime | None = None
    reflection: StepReflection | None = None


class StepDraft(Record):
    """The guide as far as the user got: saved while typing, so nothing is lost."""

    started_at: AwareDatetime
    updated_at: AwareDatetime
    page: int = Field(default=0, ge=0)
    answers: dict[str, str] = Field(default_factory=dict)
    """The guide's answers so far, by guide-step id."""
    with_whom: str = ""
    trusted: Trust | None = None
    day: int | None = Field(default=None, ge=1, le=7)
    scariness: Scariness | None = None
    sentence: str = ""


class State(Record):
    """The whole file. ``schema_version`` is written first so it can be read cheaply."""

    schema_version: int = SCHEMA_VERSION
    settings: Settings = Field(default_factory=Settings)
    history: list[SessionRecord] = Field(default_factory=list)
    """Every session, oldest first."""
    own_affirmations: list[OwnAffirmation] = Field(default_factory=list)
    """The user's own affirmations, oldest first."""
    favourite_affirmations: list[str] = Field(default_factory=list)
    """Keys (``set/id`` or ``own/id``) of the affirmations marked as favourite."""
    sentences: list[HonestSentence] = Field(default_factory=list)
    """Every rehearsed honest sentence, oldest first; open ones are shown on the home screen."""
    steps: list[Step] = Field(default_factory=list)
    """Every small step, oldest first. Written before the history, so ``durf status``
    finds them without reading a long history."""
    ladders: list[Ladder] = Field(default_factory=list)
    """The desires that steps climb towards, oldest first."""
    step_draft: StepDraft | None = None
    """The guide in progress, if any."""
