"""The export dialog: choose a format and a file, and durf writes everything there."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from durf.core.export import SUFFIXES
from durf.core.i18n import t
from durf.core.text import shown
from durf.screens.confirm import CarefulConfirmScreen
from durf.widgets.keybar import hints_content

if TYPE_CHECKING:
    from durf.practice import Practice
    from durf.shell.contract import Shell

FORMATS = ("md", "csv", "json")
"""The readable journal first: it is what most people export for themselves."""


def default_path(day: date, export_format: str) -> str:
    """``~/durf-2026-11-21.md``: in the home folder, named by the day it was made."""
    return f"~/durf-{day.isoformat()}{SUFFIXES[export_format]}"


def with_suffix(path_text: str, export_format: str) -> str:
    """The typed path with the format's suffix, if it ended in another format's suffix.

    A name the user gave another ending stays exactly as typed.
    """
    for suffix in SUFFIXES.values():
        if path_text.endswith(suffix):
            return path_text[: -len(suffix)] + SUFFIXES[export_format]
    return path_text


class ExportScreen(ModalScreen[None]):
    """Choose the format and the file; Enter writes it, asking before replacing a file."""

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
        background: $background 60%;
    }
    ExportScreen > Vertical {
        width: 68;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        padding: 1 2;
        border: round $accent;
        background: $surface;
    }
    ExportScreen #export-title {
        text-style: bold;
    }
    ExportScreen Label {
        margin-top: 1;
        text-style: bold;
    }
    ExportScreen RadioSet {
        width: 100%;
    }
    ExportScreen #export-note {
        color: $text-muted;
    }
    ExportScreen #export-note.-problem {
        color: $error;
    }
    ExportScreen #export-keys {
        margin-top: 1;
        color: $text-muted;
    }
    /* A low window: the dialog loses its air, the list and the field their frames,
       so the title stays on screen above the field being typed in. */
    ExportScreen.-low > Vertical, ExportScreen.-phone > Vertical {
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    ExportScreen.-low.-phone > Vertical {
        padding: 0;
    }
    ExportScreen.-low Label, ExportScreen.-low #export-keys {
        margin-top: 0;
    }
    ExportScreen.-low #export-format-label {
        display: none;
    }
    ExportScreen.-low RadioSet {
        border: none;
        padding: 0;
    }
    ExportScreen.-low Input {
        border: none;
        height: 1;
        padding: 0 1;
    }
    """
    # The dialog needs 22 rows with its frames: below 24 it goes compact (-low).
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-low"), (24, "-tall")]
    BINDINGS: ClassVar = [
        # Enter exports from every field; Space chooses a format in the list.
        Binding("enter", "export", show=False, priority=True),
        Binding("escape", "close", show=False),
    ]

    def __init__(self, day: date, export_format: str = "md") -> None:
        super().__init__()
        self.day = day
        self.export_format = export_format

    @property
    def practice(self) -> Practice:
        """The practice layer, which writes the export."""
        shell: Shell = self.app  # type: ignore[assignment]
        return shell.practice

    def compose(self) -> ComposeResult:
        """Title, a word on what it is, the formats, the file name, and the keys."""
        with Vertical():
            yield Static(t("export.title"), id="export-title", markup=False)
            yield Static(t("export.intro"), markup=False)
            yield Label(t("export.format"), id="export-format-label")
            with RadioSet(id="export-format"):
                for export_format in FORMATS:
                    yield RadioButton(
                        t(f"export.format.{export_format}"),
                        value=export_format == self.export_format,
                        name=export_format,
                    )
            yield Label(t("export.path"))
            yield Input(default_path(self.day, self.export_format), id="export-path")
            yield Static(t("export.private"), id="export-note", markup=False)
            yield Static(
                hints_content(
                    [
                        ("Enter", "export.key_export"),
                        ("keyname.space", "export.key_format"),
                        ("Tab", "keys.next_field"),
                        ("Esc", "keys.back"),
                    ]
                ),
                id="export-keys",
            )

    def on_mount(self) -> None:
        """Start on the path: the format is already chosen, the place is what to check."""
        path = self.query_one("#export-path", Input)
        # Not scrolled to: in a low window that would push the title out of sight,
        # and the field is in view anyway.
        path.focus(scroll_visible=False)
        path.cursor_position = len(path.value)

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = event.pressed.name
        if chosen is None or chosen == self.export_format:
            return
        self.export_format = chosen
        path = self.query_one("#export-path", Input)
        path.value = with_suffix(path.value, chosen)
        self._say("")

    def _say(self, problem: str) -> None:
        """Show what went wrong where the note on privacy was (or the note again)."""
        note = self.query_one("#export-note", Static)
        note.update(shown(problem) if problem else t("export.private"))
        note.set_class(bool(problem), "-problem")

    def action_export(self, overwrite: bool = False) -> None:
        """Write the file; ask first if one is already there; say plainly what went wrong."""
        from durf.core.export import ExportError, ExportFileExists

        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self._say(t("export.needs_path", example=default_path(self.day, self.export_format)))
            return
        path = Path(typed).expanduser()
        if not path.is_absolute():
            # The app's working folder is wherever it was started from: a bare name
            # goes to the home folder, like the name offered.
            path = Path.home() / path
        try:
            what = self.practice.data.export_to(path, self.export_format, overwrite=overwrite)
        except ExportFileExists:
            self.app.push_screen(
                CarefulConfirmScreen(
                    t("export.replace_question"), t("export.replace_detail", path=shown(str(path)))
                ),
                self._replace_answered,
            )
            return
        except ExportError as error:
            self._say(str(error))
            return
        message = t("export.written", path=str(path), what=what)
        self.app.notify(shown(message), timeout=10, markup=False)
        self.dismiss(None)

    def _replace_answered(self, replace: bool | None) -> None:
        if replace:
            self.action_export(overwrite=True)
        else:
            self.query_one("#export-path", Input).focus()

    def action_close(self) -> None:
        """Leave without exporting."""
        self.dismiss(None)
