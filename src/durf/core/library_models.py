"""The kinds of exercise file: one validated model each, with text in both languages.

Apart from the loader (``library``), which re-exports them: these say what a file
may hold, the loader how files are found, read and reported on.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from durf.core.i18n import t
from durf.core.library_base import Id, Strict, Text
from durf.core.pacer import PHASE_LIMITS
from durf.core.quadrant.exercise_file import Quadrant

# -- breathing ---------------------------------------------------------------


class Phase(Strict):
    """One part of a breath: in, hold or out, for a number of seconds."""

    kind: Literal["in", "hold", "out"]
    seconds: Annotated[float, Field(strict=True)]
    """A number, not text: "4" in quotes is a typo worth reporting."""

    @field_validator("seconds")
    @classmethod
    def _within_limits(cls, seconds: float, info: ValidationInfo) -> float:
        kind = info.data.get("kind")
        if kind in PHASE_LIMITS:
            low, high = PHASE_LIMITS[kind]
            if not low <= seconds <= high:
                raise ValueError(t(f"library.reason.phase_{kind}", low=low, high=high))
        return seconds


class BreathingPattern(Strict):
    """A named rhythm of phases, repeated for each breath."""

    kind: Literal["breathing"]
    id: Id
    name: Text
    purpose: Text
    phases: Annotated[list[Phase], Field(min_length=2, max_length=8)]
    default: bool = False
    """The pattern offered first; exactly one bundled pattern sets it."""

    @model_validator(mode="after")
    def _has_in_and_out(self) -> BreathingPattern:
        kinds = {phase.kind for phase in self.phases}
        if not {"in", "out"} <= kinds:
            raise ValueError(t("library.reason.in_and_out"))
        return self

    @property
    def cycle_seconds(self) -> float:
        """Seconds one whole breath takes."""
        return sum(phase.seconds for phase in self.phases)


# -- honest sentences ------------------------------------------------------------


class Sentence(Strict):
    """An opener: a simple, true first sentence."""

    id: Id
    text: Text


class OpenerSet(Strict):
    """A list of first honest sentences to choose from."""

    kind: Literal["openers"]
    id: Id
    name: Text
    sentences: Annotated[list[Sentence], Field(min_length=1)]


# -- affirmations ------------------------------------------------------------------


class Affirmation(Strict):
    """One affirmation, with an optional gentler version for when belief is low."""

    id: Id
    text: Text
    stepping_stone: Text | None = None


class AffirmationSet(Strict):
    """A themed set of affirmations."""

    kind: Literal["affirmations"]
    id: Id
    name: Text
    description: Text
    affirmations: Annotated[list[Affirmation], Field(min_length=1)]


# -- small steps -----------------------------------------------------------------


class GuideStep(Strict):
    """One screen of the small-step guide: a prompt and a short example."""

    id: Id
    title: Text
    prompt: Text
    example: Text


class StepGuide(Strict):
    """The five-step way from a thought to one small step this week."""

    kind: Literal["step_guide"]
    id: Id
    name: Text
    steps: Annotated[list[GuideStep], Field(min_length=5, max_length=5)]


# -- reflection prompts ----------------------------------------------------------


class Prompt(Strict):
    """One reflection question."""

    id: Id
    text: Text


class PromptSet(Strict):
    """Questions for check-ins, reviews and journaling."""

    kind: Literal["prompts"]
    id: Id
    name: Text
    prompts: Annotated[list[Prompt], Field(min_length=1)]


Exercise = Annotated[
    BreathingPattern | OpenerSet | AffirmationSet | StepGuide | PromptSet | Quadrant,
    Field(discriminator="kind"),
]
KINDS = ("breathing", "openers", "affirmations", "step_guide", "prompts", "quadrant")
