"""Exercise files: TOML in, validated models out, problems reported, never fatal.

Bundled files live in ``exercises/`` and ship inside the package; users add
their own in ``<home>/exercises/``. Every text has a Dutch and an English
version. A file that does not validate is skipped, and each problem names the
file, the field and the reason, so ``durf check`` and the app can say it plainly.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from durf.core.i18n import t
from durf.core.library_base import Id, Strict, Text
from durf.core.pacer import PHASE_LIMITS
from durf.core.quadrant.exercise_file import Quadrant
from durf.core.text import one_line

MAX_FILE_BYTES = 256 * 1024


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
_exercise_adapter: TypeAdapter[Exercise] = TypeAdapter(Exercise)


@dataclass(frozen=True)
class Problem:
    """Why one exercise file was skipped: which file, which field, what is wrong."""

    file: Path
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"


@dataclass
class Library:
    """Every exercise that loaded, by kind, plus the problems of those that did not."""

    breathing: list[BreathingPattern] = field(default_factory=list)
    openers: list[OpenerSet] = field(default_factory=list)
    affirmations: list[AffirmationSet] = field(default_factory=list)
    step_guides: list[StepGuide] = field(default_factory=list)
    prompts: list[PromptSet] = field(default_factory=list)
    quadrants: list[Quadrant] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    """Where each ``(kind, id)`` came from."""

    def add(self, exercise: Exercise, path: Path) -> Problem | None:
        """Add one loaded exercise, refusing an id its kind already has."""
        key = (exercise.kind, exercise.id)
        if key in self.files:
            return Problem(path, "id", t("library.reason.duplicate", other=str(self.files[key])))
        self.files[key] = path
        self._list_for(exercise.kind).append(exercise)
        return None

    def _list_for(self, kind: str) -> list:
        return {
            "breathing": self.breathing,
            "openers": self.openers,
            "affirmations": self.affirmations,
            "step_guide": self.step_guides,
            "prompts": self.prompts,
            "quadrant": self.quadrants,
        }[kind]


def _reason(error: dict) -> str:
    """A pydantic error in the user's language where we know its kind."""
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    key = f"library.reason.{kind}"
    try:
        return t(key, **{name: str(value) for name, value in context.items()})
    except (KeyError, IndexError):
        return error["msg"]


def _field(location: Sequence[int | str]) -> str:
    """A readable field path: ``phases[0].seconds``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in KINDS and not text:
            # The discriminated union adds the kind as the first step; it is noise here.
            continue
        else:
            # A misspelt field's name is whatever the file says: keep it short and
            # its control characters visible, as the file's own text would be.
            name = one_line(str(part))
            text += f".{name}" if text else name
    return text or "(file)"


def load_file(path: Path) -> tuple[Exercise | None, list[Problem]]:
    """Read and validate one exercise file; return it, or the reasons it failed."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(path, "(file)", t("library.reason.too_large", limit="256 KiB"))]
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(path, "(file)", error.strerror or str(error))]
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, [Problem(path, "(file)", t("library.reason.not_utf8"))]
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(path, "(toml)", str(error))]
    except RecursionError:
        # tomllib reads nested arrays and tables by recursion, without a limit of its own.
        return None, [Problem(path, "(toml)", t("library.reason.too_deep"))]
    if "kind" not in document:
        return None, [
            Problem(path, "kind", t("library.reason.kind_missing", kinds=", ".join(KINDS)))
        ]
    if document["kind"] not in KINDS:
        return None, [
            Problem(
                path,
                "kind",
                t(
                    "library.reason.kind_unknown",
                    kind=one_line(str(document["kind"])),
                    kinds=", ".join(KINDS),
                ),
            )
        ]
    try:
        return _exercise_adapter.validate_python(document), []
    except ValidationError as error:
        return None, [Problem(path, _field(item["loc"]), _reason(item)) for item in error.errors()]
    except RecursionError:
        return None, [Problem(path, "(toml)", t("library.reason.too_deep"))]


def exercise_files(folder: Path) -> list[Path]:
    """Every ``.toml`` file below ``folder``, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*.toml") if path.is_file())


def load_library(folders: Iterable[Path]) -> Library:
    """Load every exercise file in ``folders`` (bundled first, then the user's)."""
    library = Library()
    for folder in folders:
        for path in exercise_files(folder):
            exercise, problems = load_file(path)
            if exercise is not None:
                duplicate = library.add(exercise, path)
                if duplicate:
                    problems = [duplicate]
            library.problems.extend(problems)
    return library


def default_pattern(library: Library) -> BreathingPattern | None:
    """The pattern to offer first: the one marked default, else the first one."""
    for pattern in library.breathing:
        if pattern.default:
            return pattern
    return library.breathing[0] if library.breathing else None


def check_files(files: Iterable[Path], folders: Iterable[Path]) -> list[Problem]:
    """Validate ``files`` as if added to the exercises in ``folders``.

    Ids are checked against the other files too, so a new file that reuses a
    bundled id is reported before it is copied into place.
    """
    wanted = [Path(path) for path in files]
    resolved = {path.resolve() for path in wanted}
    library = Library()
    for folder in folders:
        for path in exercise_files(folder):
            if path.resolve() in resolved:
                continue
            exercise, _ = load_file(path)
            if exercise is not None:
                library.add(exercise, path)
    problems: list[Problem] = []
    for path in wanted:
        if not path.is_file():
            problems.append(Problem(path, "(file)", t("library.reason.no_such_file")))
            continue
        exercise, file_problems = load_file(path)
        if exercise is not None:
            duplicate = library.add(exercise, path)
            file_problems = [duplicate] if duplicate else []
        problems.extend(file_problems)
    return problems
