"""Make a step smaller, or change a planned step: its words and details on one form."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, Static, TextArea

from durf.core.i18n import t
from durf.core.text import one_line
from durf.core.weeks import Week
from durf.screens.base import DurfScreen
from durf.screens.confirm import ConfirmScreen
from durf.screens.steps.fields import (
    StepFields,
    compose_step_fields,
    focus_again,
    read_step_fields,
    show_trust_question,
    take_earlier_sentence,
)
from durf.widgets.shown_fields import ShownTextArea


class StepFormScreen(DurfScreen):
    """With ``smaller``, the form starts empty below the big step; else it holds the step."""

    TITLE_KEY = "steps.title"
    CSS_PATH = Path(__file__).with_name("steps.tcss")
    AUTO_FOCUS = ""
    """Focus is set in ``on_mount``: Textual's auto-focus would scroll the form before layout."""
    KEY_HINTS: ClassVar = [
        ("Tab", "keys.next_field"),
        ("Ctrl+S", "stepform.key_save"),
        ("Esc", "keys.back"),
    ]
    BINDINGS: ClassVar = [Binding("ctrl+s", "save", show=False, priority=True)]

    def __init__(self, step_id: str, *, smaller: bool) -> None:
        super().__init__()
        self.step_id = step_id
        self.smaller = smaller
        self._earlier: list[str] = []
        self._start: tuple[str, StepFields] | None = None
        self._saved = False
        self._focused_id: str | None = None

    def compose_body(self) -> ComposeResult:
        """The big step (when making it smaller), the words, and the details."""
        from durf.core.breathing import earlier_sentences
        from durf.core.steps import find_step

        state = self.practice.loaded_state
        step = find_step(state, self.step_id)
        self._earlier = earlier_sentences(state, limit=8)
        if self._start is None:
            fields = StepFields.of(step)
            if self.smaller:
                fields.scariness = None
            self._start = ("" if self.smaller else step.what, fields)
        what, fields = self._start
        with VerticalScroll(id="step-form", can_focus=False):
            if self.smaller:
                yield Static(t("smaller.title"), classes="page-title", markup=False)
                yield Static(
                    Content.assemble(
                        (t("smaller.was"), "$text-muted"),
                        " ",
                        (one_line(step.what, 66), "$text-muted"),
                    )
                )
                yield Static(t("smaller.prompt"), classes="prompt", markup=False)
            else:
                yield Static(t("stepform.edit_title"), classes="page-title", markup=False)
            yield ShownTextArea(
                what,
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
                placeholder=t("smaller.placeholder") if self.smaller else "",
                id="what",
                classes="short-answer",
            )
            yield from compose_step_fields(fields, self._week(step.week), self._earlier)

    def _week(self, step_week: str) -> Week:
        """The week the form's days belong to: a smaller step is for now, never the past."""
        return (
            self.practice.steps.smaller_week(step_week) if self.smaller else Week.parse(step_week)
        )

    def on_mount(self) -> None:
        """Begin in the words."""
        super().on_mount()
        self.after_relocalize()

    def after_relocalize(self) -> None:
        """The trust question as it was, and the cursor in the words."""
        show_trust_question(self)
        focus_again(self, self._focused_id or "what")

    @on(Input.Changed, "#with-whom")
    def _person_changed(self) -> None:
        show_trust_question(self)

    @on(OptionList.OptionSelected, "#earlier-sentences")
    def _take_sentence(self, event: OptionList.OptionSelected) -> None:
        take_earlier_sentence(self, self._earlier, event.option_index)

    def on_choices_changed(self) -> None:
        """A doubtful answer about trust shows the gentle note."""
        show_trust_question(self)

    def remember(self) -> None:
        """What was typed survives a rebuild in another language."""
        if self.query("#what"):
            self._start = (self.query_one("#what", TextArea).text, read_step_fields(self))
            self._focused_id = self.focused.id if self.focused is not None else None

    def _typed(self) -> bool:

        if self._saved:
            return False
        what = self.query_one("#what", TextArea).text
        if self.smaller:
            return bool(what.strip())
        step = self.practice.steps.find(self.step_id)
        fields = read_step_fields(self)
        return (what, fields) != (
            step.what,
            StepFields.of(step),
        )

    def keep_typed(self) -> None:
        """On quit or a closed terminal, keep what was typed: the smaller step is planned,
        the changes are saved (the user can still change or let go of it on the board)."""
        if self.query("#what") and self._typed() and self.query_one("#what", TextArea).text.strip():
            self._save(leave=False)

    def action_save(self) -> None:
        """Save the smaller step (the big one is marked made smaller), or the changes."""
        self._save_now()

    def _save_now(self) -> None:
        if self.app.screen is self:
            self._save(leave=True)

    def _save(self, *, leave: bool) -> None:
        what = self.query_one("#what", TextArea).text
        if not what.strip():
            self.app.notify(t("guide.step_needs_words"), timeout=6)
            self.query_one("#what", TextArea).focus()
            return
        fields = read_step_fields(self)
        steps = self.practice.steps
        if self.smaller:
            made = self.attempt(lambda: steps.make_smaller(self.step_id, what, fields))
            if made is not None:
                self.app.notify(t("smaller.saved"), timeout=6)
                self.durf.show_on_board(*made)
            saved = made is not None
        else:
            saved = self.attempt(lambda: steps.edit(self.step_id, what, fields)) is not None
        if saved:
            self._saved = True
            if leave:
                self.app.pop_screen()

    def action_back(self) -> None:
        """Leave; if something was typed, ask first, because it would be gone."""
        if not self._typed():
            self.app.pop_screen()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmScreen(t("stepform.leave_question"), t("stepform.leave_detail")), answered
        )
