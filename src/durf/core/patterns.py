"""Breathing patterns read straight from their TOML files, without pydantic.

``durf breathe --pattern ID`` must show its first breath at once. The full,
validated exercise library (``library.py``) needs pydantic and loads after the
first frame; this module finds one pattern's phases with the standard library
only, applying the same limits (``pacer.PHASE_LIMITS``) and asking for the same
fields, so a file the library would skip is not used here either.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from durf.core.pacer import PHASE_LIMITS, PhaseKind
from durf.core.text import has_control_characters

MAX_FILE_BYTES = 256 * 1024
"""The library's limit: a larger file is skipped there, so here too."""

PATTERN_KEYS = {"kind", "id", "name", "purpose", "phases", "default"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
"""The same rules as the library's ``BreathingPattern`` (a test keeps them in step)."""


@dataclass(frozen=True)
class QuickPhase:
    """One phase of a breath."""

    kind: PhaseKind
    seconds: float


@dataclass(frozen=True)
class QuickPattern:
    """Just what the breathing screen needs of a pattern."""

    id: str
    phases: tuple[QuickPhase, ...]
    default: bool = False

    @property
    def cycle_seconds(self) -> float:
        """Seconds one whole breath takes."""
        return sum(phase.seconds for phase in self.phases)


def _texts_present(document: dict, name: str) -> bool:
    # The library's ``Text`` rules: both languages, not blank, no control characters.
    table = document.get(name)
    return isinstance(table, dict) and all(
        isinstance(table.get(language), str)
        and table[language].strip()
        and not has_control_characters(table[language].replace("\n", " "))
        for language in ("nl", "en")
    )


def read_pattern(path: Path) -> QuickPattern | None:
    """The pattern in ``path``, or ``None`` if the file is not a usable breathing pattern."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    if document.get("kind") != "breathing" or not set(document) <= PATTERN_KEYS:
        return None
    # fullmatch: Python's ``$`` also matches before a final newline, which the
    # library's (Rust) pattern does not, so ``match`` took "calm\n" as an id.
    if not isinstance(document.get("id"), str) or not ID_PATTERN.fullmatch(document["id"]):
        return None
    if not isinstance(document.get("default", False), bool):
        return None
    if not all(
        set(document[name]) == {"nl", "en"}
        for name in ("name", "purpose")
        if isinstance(document.get(name), dict)
    ):
        return None
    if not (_texts_present(document, "name") and _texts_present(document, "purpose")):
        return None
    raw_phases = document.get("phases")
    if not isinstance(raw_phases, list) or not 2 <= len(raw_phases) <= 8:
        return None
    phases = []
    for raw in raw_phases:
        if not isinstance(raw, dict) or set(raw) != {"kind", "seconds"}:
            return None
        kind, seconds = raw["kind"], raw["seconds"]
        # A list or table as the kind cannot even be looked up: not a phase either.
        if not isinstance(kind, str) or kind not in PHASE_LIMITS or isinstance(seconds, bool):
            return None
        if not isinstance(seconds, int | float):
            return None
        low, high = PHASE_LIMITS[kind]
        if not low <= seconds <= high:
            return None
        phases.append(QuickPhase(kind, float(seconds)))
    if not {"in", "out"} <= {phase.kind for phase in phases}:
        return None
    return QuickPattern(document["id"], tuple(phases), document.get("default") is True)


def find_patterns(folders: Iterable[Path]) -> list[QuickPattern]:
    """Every usable pattern in ``folders``, bundled first; a repeated id keeps the first."""
    found: dict[str, QuickPattern] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.toml")):
            pattern = read_pattern(path)
            if pattern is not None and pattern.id not in found:
                found[pattern.id] = pattern
    return list(found.values())


def pattern_by_id(folders: Sequence[Path], wanted: str) -> QuickPattern | None:
    """The pattern ``find_patterns(folders)`` gives for the id ``wanted``, if any.

    A bundled pattern's file is named by its id (a test keeps it so), and bundled
    ids are unique, so the first folder's ``breathing/<id>.toml`` holding that id
    is the one the whole scan would find first: then it is the only file read.
    Anything else (a user's own pattern, an unknown id) is found by the scan.
    """
    if folders and ID_PATTERN.fullmatch(wanted):
        pattern = read_pattern(folders[0] / "breathing" / f"{wanted}.toml")
        if pattern is not None and pattern.id == wanted:
            return pattern
    return next((p for p in find_patterns(folders) if p.id == wanted), None)
