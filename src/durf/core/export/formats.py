"""Choosing an export's format: by name, or by the suffix of the file asked for."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from durf.core.i18n import Language
    from durf.core.quadrant.exercise_file import Quadrant
    from durf.core.state import State

ExportFormat = Literal["json", "csv", "md"]
FORMATS: tuple[ExportFormat, ...] = ("json", "csv", "md")
SUFFIXES: dict[str, str] = {"json": ".json", "csv": ".csv", "md": ".md"}


def export_bytes(
    state: State,
    export_format: str,
    language: Language,
    *,
    today: date | None = None,
    zone: tzinfo | None = None,
    quadrants: Mapping[str, Quadrant] | None = None,
) -> bytes:
    """The export in one of the three ``FORMATS``, as UTF-8 bytes.

    ``quadrants`` (by id) lets the journal name the examples a core quadrant ticked.
    Each format's module is imported when asked for: the journal's brings in the
    quadrant's exercise files, which a JSON export of a long history should not wait for.
    """
    if export_format == "json":
        from durf.core.export.json_file import export_json

        return export_json(state)
    if export_format == "csv":
        from durf.core.export.sessions_csv import export_csv

        return export_csv(state, zone).encode("utf-8")
    if export_format == "md":
        from durf.core.export.journal import export_markdown

        journal = export_markdown(state, language, today=today, zone=zone, quadrants=quadrants)
        return journal.encode("utf-8")
    raise ValueError(f"not an export format: {export_format!r}")


def format_of(path: Path) -> ExportFormat | None:
    """The format a file name asks for by its suffix, if it names one."""
    suffix = path.suffix.lower()
    for export_format, known in SUFFIXES.items():
        if suffix == known:
            return export_format
    return "md" if suffix == ".markdown" else None
