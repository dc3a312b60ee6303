"""Your data in three shapes: the state file's JSON, a CSV of sessions, a Markdown journal.

Everything here is a pure function of the state, plus one careful file writer.
The user's words are kept byte for byte in every format: JSON as the state file
writes them, CSV through the ``csv`` module (which quotes instead of changing),
and Markdown as written, with a text of several lines quoted line by line
(``> ``) so that it stays inside its list item. Nothing is escaped: a ``*`` or
a ``[b]`` the user typed is what the file holds.

Where each part lives: ``formats`` chooses by name or file suffix, ``json_file``,
``sessions_csv`` and ``journal`` (with ``journal_page``, ``journal_steps`` and
``journal_sessions``) make the three shapes, ``write`` puts one in a file.

The journal and the CSV are loaded on first use: the journal brings in the core
quadrant's exercise files, and ``durf export --format json`` needs neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.export.formats import FORMATS, SUFFIXES, ExportFormat, export_bytes, format_of
from durf.core.export.json_file import export_json
from durf.core.export.write import ExportError, ExportFileExists, write_export
from durf.core.lazy import loaded_on_use

if TYPE_CHECKING:
    from durf.core.export.journal import export_markdown
    from durf.core.export.sessions_csv import CSV_COLUMNS, export_csv

_MODULE_OF = {
    "export_markdown": "journal",
    "CSV_COLUMNS": "sessions_csv",
    "export_csv": "sessions_csv",
}


__getattr__, __dir__ = loaded_on_use(__name__, _MODULE_OF, globals())


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "SUFFIXES",
    "ExportError",
    "ExportFileExists",
    "ExportFormat",
    "export_bytes",
    "export_csv",
    "export_json",
    "export_markdown",
    "format_of",
    "write_export",
]
