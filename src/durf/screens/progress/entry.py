"""One entry of the history, with everything it holds, exactly as it was typed."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from durf.core.clock import today
from durf.core.i18n import get_language, t
from durf.core.text import shown
from durf.core.weeks import Week
from durf.screens.base import DurfScreen
from durf.screens.progress.history_rows import Row, record_minutes, record_rows, step_rows
from durf.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from durf.core.history import Entry
    from durf.core.state import SessionRecord, Step

__all__ = ["EntryScreen", "compose_rows", "record_minutes", "record_rows", "step_rows"]

LABEL_WIDTH_MAX = 24


def label_width(rows: list[Row]) -> int:
    """The label column: as wide as the longest label, up to a limit."""
    return min(LABEL_WIDTH_MAX, max((len(label) for label, _ in rows), default=0) + 2)


def compose_rows(rows: list[Row], section: str) -> ComposeResult:
    """One line per row: the label, then the value wrapping in its own column."""
    width = label_width(rows)
    with Vertical(id=section, classes="rows"):
        for label, value in rows:
            with Horizontal(classes="row"):
                label_box = Static(label, classes="label", markup=False)
                label_box.styles.width = width
                yield label_box
                yield Static(Content(shown(value)), classes="value")


class EntryScreen(DurfScreen):
    """Everything one session or step holds."""

    TITLE_KEY = "entry.title"
    DEFAULT_CSS = """
    EntryScreen #entry > Static, EntryScreen .rows, EntryScreen .row {
        height: auto;
        max-width: 100;
    }
    EntryScreen .label {
        text-style: bold;
        color: $text-muted;
    }
    EntryScreen .value {
        width: 1fr;
        height: auto;
    }
    EntryScreen #entry > .entry-heading {
        margin: 1 0 0 0;
    }
    EntryScreen #entry > .entry-heading:first-child {
        margin: 0;
    }
    /* A phone's width: each label above its value, the value using the whole line. */
    EntryScreen.-phone .row {
        layout: vertical;
    }
    EntryScreen.-phone .value {
        width: 100%;
        padding: 0 0 0 2;
    }
    """
    KEY_HINTS: ClassVar = [("↑↓", "keys.scroll"), ("Esc", "keys.back"), ("?", "keys.help")]
    QUADRANT_HINTS: ClassVar = [
        ("Enter", "keys.open"),
        ("r", "quadrant.key_redo"),
        ("Esc", "keys.back"),
        ("?", "keys.help"),
    ]
    BINDINGS: ClassVar = [
        Binding("enter", "look_again", show=False),
        Binding("r", "redo", show=False),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def on_mount(self) -> None:
        """A quadrant can be looked at again as a quadrant, and done again."""
        super().on_mount()
        if self._quadrant_id() is not None:
            self.query_one(KeyBar).show_hints(self.QUADRANT_HINTS)

    def _quadrant_id(self) -> str | None:
        record = self.entry.record
        return record.id if record is not None and record.exercise == "quadrant" else None

    def action_look_again(self) -> None:
        """The quadrant of this entry, drawn as a quadrant."""
        from durf.screens.quadrant.summary import QuadrantSummaryScreen

        record_id = self._quadrant_id()
        if record_id is not None:
            self.app.push_screen(QuadrantSummaryScreen(record_id))

    def action_redo(self) -> None:
        """Walk through this entry's quadrant again, starting from what it chose."""
        record_id = self._quadrant_id()
        if record_id is not None:
            self.durf.redo_quadrant(record_id, replacing=None)

    def compose_body(self) -> ComposeResult:
        """A heading, the session's rows, and the step's rows when it is about one."""
        entry = self.entry
        with VerticalScroll(id="entry"):
            yield Static(
                Content.styled(t(f"history.kind_long.{entry.exercise}"), "bold $accent"),
                classes="entry-heading",
            )
            if entry.record is not None:
                quadrants = {q.id: q for q in self.practice.quadrants.all()}
                rows = record_rows(entry.record, self._pattern_names(), quadrants)
                yield from compose_rows(list(rows), "session-rows")
                if entry.exercise == "session" and self.practice.state is not None:
                    yield from self._compose_parts(entry.record)
            if entry.step is not None:
                yield Static(
                    Content.styled(t("entry.step_heading"), "bold $accent"),
                    classes="entry-heading",
                )
                this_week = Week.of(today(self.durf.clock))
                rows = step_rows(entry.step, this_week, self._desire(entry.step))
                yield from compose_rows(list(rows), "step-rows")

    def _compose_parts(self, session: SessionRecord) -> ComposeResult:
        """Each exercise the session held, with what it recorded."""
        from durf.core.history import session_parts

        for number, part in enumerate(session_parts(self.practice.loaded_state, session)):
            yield Static(
                Content.styled(t(f"history.kind_long.{part.exercise}"), "bold $accent"),
                classes="entry-heading",
            )
            rows = [row for row in record_rows(part, self._pattern_names())][1:]
            yield from compose_rows(rows, f"part-rows-{number}")

    def _pattern_names(self) -> dict[str, str]:
        library = self.practice.library_if_loaded
        if library is None:
            return {}
        language = get_language()
        return {pattern.id: pattern.name.get(language) for pattern in library.breathing}

    def _desire(self, step: Step) -> str:
        state = self.practice.state
        ladders = state.ladders if state is not None else []
        return next((ladder.desire for ladder in ladders if ladder.id == step.ladder_id), "")
