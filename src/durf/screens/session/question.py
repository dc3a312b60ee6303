"""A reflection question as a part of a session, with room to write; kept as typed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from durf.core.i18n import t
from durf.core.session import PartResult
from durf.core.text import one_line, shown
from durf.screens.base import DurfScreen
from durf.screens.session.part_base import END, NEXT_PART_TYPING, SESSION_KEYS, SessionPart
from durf.widgets.shown_fields import ShownTextArea

if TYPE_CHECKING:
    from textual.timer import Timer

SAVE_AFTER_SECONDS = 1.0
"""A pause in writing the answer this long keeps it."""


class SessionQuestion(SessionPart, DurfScreen):
    """One reflection question, with room to write; the answer is kept as typed."""

    TITLE_KEY = "session.title"
    CSS_PATH = Path(__file__).with_name("session.tcss")
    AUTO_FOCUS = ""
    KEY_HINTS: ClassVar = [("Ctrl+S", "session.key_keep"), NEXT_PART_TYPING, END]
    BINDINGS: ClassVar = [*SESSION_KEYS, Binding("ctrl+s", "keep", show=False, priority=True)]

    def __init__(self, prompt_key: str) -> None:
        super().__init__()
        self.prompt_key = prompt_key

    def compose_body(self) -> ComposeResult:
        """The question, the last answer to it, and the writing room."""
        run = self.hub.run
        assert run is not None
        run.question_key = self.prompt_key
        run.question_text = self.practice.session.prompt_text(self.prompt_key)
        yield Static(shown(run.question_text), classes="question", id="question", markup=False)
        earlier = self.practice.session.last_answer(self.prompt_key)
        if earlier:
            yield Static(
                t("session.last_answer", answer=one_line(earlier, 70)),
                classes="muted",
                id="last-answer",
                markup=False,
            )
        yield ShownTextArea(
            run.answer,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            id="answer",
        )
        yield Static(t("session.question_note"), classes="note", markup=False)

    def on_mount(self) -> None:
        """Straight into writing."""
        self._save_timer: Timer | None = None
        self.after_relocalize()

    def after_relocalize(self) -> None:
        """Rebuilt in another language: back in the answer, at the end of its words."""
        area = self.query_one("#answer", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed, "#answer")
    def _typed(self, event: TextArea.Changed) -> None:
        run = self.hub.run
        if run is not None and run.answer != event.text_area.text:
            run.answer = event.text_area.text
            # Kept a moment after the typing stops, as the guide does: a crash or a
            # killed terminal loses at most the last few words.
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self.hub.keep_now)

    def action_keep(self) -> None:
        """Keep the answer and go on."""
        self.hub.part_over(self.keep_part(completed=True))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """The answer goes into the session's record (saved with it)."""
        run = self.hub.run
        if run is not None and self.query("#answer"):
            run.answer = self.query_one("#answer", TextArea).text
        answered = run is not None and bool(run.answer.strip())
        return PartResult("question", "done" if answered else "skipped")
