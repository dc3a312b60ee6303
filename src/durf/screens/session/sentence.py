"""An honest sentence rehearsed earlier, as a part of a session: did you say it?"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.i18n import t
from durf.core.session import PartResult
from durf.core.text import shown
from durf.screens.base import DurfScreen
from durf.screens.session.part_base import (
    END,
    NEXT_PART,
    SESSION_KEYS,
    SessionPart,
    gone_elsewhere,
)


class SessionSentence(SessionPart, DurfScreen):
    """An honest sentence rehearsed earlier: did you say it?"""

    BINDINGS: ClassVar = SESSION_KEYS

    TITLE_KEY = "session.title"
    CSS_PATH = Path(__file__).with_name("session.tcss")
    KEY_HINTS: ClassVar = [("Enter", "keys.choose_this_one"), NEXT_PART, END]
    ANSWERS: ClassVar = ("said", "open", "not_needed")

    def __init__(self, sentence_id: str) -> None:
        super().__init__()
        self.sentence_id = sentence_id

    def compose_body(self) -> ComposeResult:
        """The sentence exactly as written, for whom, and the three answers."""
        sentence = self.practice.session.sentence(self.sentence_id)
        if sentence is None:
            gone = PartResult("sentence", "skipped", sentence_id=self.sentence_id)
            yield from gone_elsewhere(self, gone)
            return
        yield Static(t("session.sentence_heading"), classes="question", markup=False)
        yield Static(shown(sentence.text), id="sentence-text", markup=False)
        if sentence.for_whom.strip():
            yield Static(
                t("rehearse.for_whom", who=shown(sentence.for_whom)), classes="muted", markup=False
            )
        yield OptionList(
            *[Option(t(f"session.sentence.{answer}"), id=answer) for answer in self.ANSWERS],
            id="sentence-answers",
        )

    def on_mount(self) -> None:
        """The answers have the keys."""
        self.after_relocalize()

    def after_relocalize(self) -> None:
        """Rebuilt in another language: the answers have the keys again."""
        for answers in self.query("#sentence-answers").results(OptionList):
            answers.focus()

    @on(OptionList.OptionSelected, "#sentence-answers")
    def _answered(self, event: OptionList.OptionSelected) -> None:
        answer = str(event.option.id)
        if self.attempt(lambda: self.practice.breathing.answer_sentence(self.sentence_id, answer)):
            self.app.notify(t(f"followup.answered_{answer}"), timeout=4)
            self.hub.part_over(
                PartResult("sentence", "done", sentence_id=self.sentence_id, outcome=answer)
            )
