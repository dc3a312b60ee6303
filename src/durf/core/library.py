"""Exercise files: TOML in, validated models out, problems reported, never fatal.

Bundled files live in ``exercises/`` and ship inside the package; users add
their own in ``<home>/exercises/``. Every text has a Dutch and an English
version. A file that does not validate is skipped, and each problem names the
file, the field and the reason, so ``durf check`` and the app can say it plainly.
The models of each kind are in ``library_models``; they are imported from here.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from durf.core.i18n import t
from durf.core.library_models import (
    KINDS,
    Affirmation,
    AffirmationSet,
    BreathingPattern,
    Exercise,
    GuideStep,
    OpenerSet,
    Phase,
    Prompt,
    PromptSet,
    Sentence,
    StepGuide,
)
from durf.core.quadrant.exercise_file import Quadrant
from durf.core.text import one_line

__all__ = [
    "KINDS",
    "MAX_FILE_BYTES",
    "Affirmation",
    "AffirmationSet",
    "BreathingPattern",
    "Exercise",
    "GuideStep",
    "Library",
    "OpenerSet",
    "Phase",
    "Problem",
    "Prompt",
    "PromptSet",
    "Sentence",
    "StepGuide",
    "check_files",
    "default_pattern",
    "exercise_files",
    "load_file",
    "load_library",
]

MAX_FILE_BYTES = 256 * 1024


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
