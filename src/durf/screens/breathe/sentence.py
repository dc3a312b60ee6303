"""Step 4: the first honest sentence: choose one, reuse your own, or write a new one."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from durf.core.breathing import earlier_sentences
from durf.core.i18n import get_language, t
from durf.core.text import shown
from durf.screens.flow import FlowScreen
from durf.widgets.shown_fields import ShownInput

MAX_SENTENCE = 280
MAX_FOR_WHOM = 120


class SentenceScreen(FlowScreen):
    """A suggestion list feeds an editable line; the user's words are kept as typed."""

    TITLE_KEY = "breathe.title"
    CSS_PATH = Path(__file__).with_name("breathe.tcss")
    KEY_HINTS: ClassVar = [
        ("↓", "keys.ideas"),
        ("Tab", "keys.next_field"),
        ("Ctrl+R", "keys.rehearse"),
        ("Esc", "keys.stop"),
    ]
    BINDINGS: ClassVar = [
        Binding("ctrl+r", "rehearse", show=False, priority=True),
        # The lines ignore Down; the ideas list takes it itself, so this acts only in a line.
        Binding("down", "to_ideas", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        """Your sentence, for whom, and suggestions."""
        yield Static(t("sentence.intro"), classes="intro", markup=False)
        yield ShownInput(
            value=self.flow.session.sentence,
            placeholder=t("sentence.placeholder"),
            max_length=MAX_SENTENCE,
            select_on_focus=False,
            id="sentence",
        )
        yield ShownInput(
            value=self.flow.session.for_whom,
            placeholder=t("sentence.for_whom_placeholder"),
            max_length=MAX_FOR_WHOM,
            select_on_focus=False,
            id="for-whom",
        )
        yield Static(t("sentence.suggestions"), classes="question", markup=False)
        yield OptionList(*self._suggestions(), id="suggestions")

    def _suggestions(self) -> list[Option]:
        language = get_language()
        options: list[Option] = []
        state = self.practice.state
        own = earlier_sentences(state) if state is not None else []
        for text in own:
            options.append(Option(Content.assemble(("★ ", "$accent"), shown(text))))
        self._texts = list(own)
        for opener_set in self.practice.breathing.openers():
            for sentence in opener_set.sentences:
                text = sentence.text.get(language)
                options.append(Option(Content(shown(text))))
                self._texts.append(text)
        return options

    def on_mount(self) -> None:
        """Start in the sentence line: what is typed first goes there (Tab reaches the ideas)."""
        super().on_mount()
        sentence = self.query_one("#sentence", Input)
        sentence.focus()
        sentence.cursor_position = len(sentence.value)

    def action_to_ideas(self) -> None:
        """Down from a line goes into the ideas, on the first one."""
        ideas = self.query_one("#suggestions", OptionList)
        if ideas.option_count:
            ideas.highlighted = 0
            ideas.focus()

    @on(OptionList.OptionSelected, "#suggestions")
    def _take_suggestion(self, event: OptionList.OptionSelected) -> None:
        sentence = self.query_one("#sentence", Input)
        sentence.value = self._texts[event.option_index]
        sentence.focus()
        sentence.cursor_position = len(sentence.value)

    @on(Input.Submitted, "#sentence")
    def _sentence_done(self) -> None:
        self.query_one("#for-whom", Input).focus()

    @on(Input.Submitted, "#for-whom")
    def _for_whom_done(self) -> None:
        self.action_rehearse()

    def remember(self) -> None:
        """What was typed goes into the session."""
        self._keep_typed()

    def _keep_typed(self) -> None:
        session = self.flow.session
        session.sentence = self.query_one("#sentence", Input).value
        session.for_whom = self.query_one("#for-whom", Input).value

    def action_back(self) -> None:
        """Stopping here keeps what was typed, with the rest of the session."""
        self._keep_typed()
        super().action_back()

    def action_rehearse(self) -> None:
        """Go on to rehearsing; with no sentence, go straight to the check-out."""
        self._keep_typed()
        session = self.flow.session
        if not session.sentence.strip() and session.for_whom.strip():
            # Words typed for someone but no sentence yet: don't skip past them.
            self.query_one("#sentence", Input).focus()
            self.app.notify(t("sentence.write_first"), timeout=6)
            return
        if session.sentence.strip():
            from durf.screens.breathe.rehearse import RehearseScreen

            self.go_to(RehearseScreen(self.flow))
        else:
            from durf.screens.breathe.checkout import CheckOutScreen

            self.go_to(CheckOutScreen(self.flow))
