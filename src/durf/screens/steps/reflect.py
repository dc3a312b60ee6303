"""Looking back on a step: what happened, how the other reacted, what you learned, how scary."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from durf.core.i18n import t
from durf.core.text import one_line
from durf.screens.base import DurfScreen
from durf.screens.steps.fields import focus_again
from durf.widgets.scale import Scale
from durf.widgets.shown_fields import ShownTextArea

QUESTIONS = ("what_happened", "their_reaction", "learned")


class ReflectScreen(DurfScreen):
    """Every answer is optional; Ctrl+S marks the step done, Esc keeps the words for later."""

    TITLE_KEY = "steps.title"
    CSS_PATH = Path(__file__).with_name("steps.tcss")
    AUTO_FOCUS = ""
    """Focus is set in ``on_mount``: Textual's auto-focus would scroll the form before layout."""
    KEY_HINTS: ClassVar = [
        ("Tab", "keys.next_field"),
        ("Ctrl+S", "reflect.key_save"),
        ("Esc", "reflect.key_later"),
    ]
    BINDINGS: ClassVar = [Binding("ctrl+s", "save", show=False, priority=True)]

    def __init__(self, step_id: str) -> None:
        super().__init__()
        self.step_id = step_id
        self.opened_at = None
        self._focused_id: str | None = None
        self._typed: dict[str, object] | None = None
        """What the fields held before a rebuild in another language."""

    def compose_body(self) -> ComposeResult:
        """The step, three questions and the scale."""
        step = self.practice.steps.find(self.step_id)
        reflection = step.reflection
        typed = self._typed or {}
        with VerticalScroll(id="reflect", can_focus=False):
            yield Static(
                t("reflect.title", what=one_line(step.what, 60)), classes="page-title", markup=False
            )
            for question in QUESTIONS:
                key = f"reflect.{question}"
                if question == "their_reaction" and step.with_whom.strip():
                    label = t("reflect.their_reaction_named", person=one_line(step.with_whom, 30))
                else:
                    label = t(key)
                yield Static(label, classes="question", markup=False)
                yield ShownTextArea(
                    str(typed.get(question, getattr(reflection, question) if reflection else "")),
                    soft_wrap=True,
                    tab_behavior="focus",
                    show_line_numbers=False,
                    id=question.replace("_", "-"),
                    classes="short-answer",
                )
            expected = (
                t("reflect.expected", scariness=step.scariness)
                if step.scariness is not None
                else ""
            )
            yield Static(
                f"{t('reflect.scariness_after')} {expected}".strip(),
                classes="question",
                markup=False,
            )
            yield Scale(
                typed.get(  # type: ignore[arg-type]
                    "scariness_after", reflection.scariness_after if reflection else None
                ),
                "scale.scary_low",
                "scale.scary_high",
                id="scariness-after",
            )

    def on_mount(self) -> None:
        """Begin at the first question; in a look back written before, after its words."""
        super().on_mount()
        self.opened_at = self.durf.clock.now()
        # Tab into any answer carries on after what is already there, never in front of it.
        for answer in self.query(TextArea):
            answer.move_cursor(answer.document.end)
        self.query_one("#what-happened", TextArea).focus(scroll_visible=False)

    def remember(self) -> None:
        """Keep what the fields hold through a rebuild in another language."""
        if self.query("#what-happened"):
            self._typed = self._written().model_dump(include={*QUESTIONS, "scariness_after"})
            self._focused_id = self.focused.id if self.focused is not None else None

    def after_relocalize(self) -> None:
        """Back in the field that had the focus, with the cursor at the end of its words."""
        focus_again(self, self._focused_id or "what-happened")

    def _written(self):  # type: ignore[no-untyped-def]
        from durf.core.state import StepReflection

        values = {
            question: self.query_one(f"#{question.replace('_', '-')}", TextArea).text
            for question in QUESTIONS
        }
        return StepReflection(
            **values,
            scariness_after=self.query_one("#scariness-after", Scale).value,
            written_at=self.durf.clock.now(),
        )

    def _changed(self) -> bool:
        before = self.practice.steps.find(self.step_id).reflection
        now = self._written()
        if before is None:
            return (
                any(getattr(now, q).strip() for q in QUESTIONS) or now.scariness_after is not None
            )
        fields = (*QUESTIONS, "scariness_after")
        return any(getattr(now, name) != getattr(before, name) for name in fields)

    def keep_typed(self) -> None:
        """Keep what was written so far (the app calls this before it quits)."""
        if self.query("#what-happened") and self._changed():
            written = self._written()
            self.attempt(lambda: self.practice.steps.keep_reflection(self.step_id, written))

    def action_save(self) -> None:
        """Mark the step done with this reflection (or save changes to it)."""
        self._save_now()

    def _save_now(self) -> None:
        if self.app.screen is not self:
            return
        written = self._written()
        marked = self.attempt(
            lambda: self.practice.steps.finish(self.step_id, written, self.opened_at)
        )
        if marked is None:
            return
        if marked:
            self.app.notify(t("reflect.done"), timeout=6)
        self.app.pop_screen()

    def action_back(self) -> None:
        """Back to the board; what was written is kept, the step stays as it was."""
        if self._changed():
            written = self._written()
            kept = self.attempt(lambda: self.practice.steps.keep_reflection(self.step_id, written))
            if kept is None:
                return
            self.app.notify(t("reflect.kept"), timeout=5)
        self.app.pop_screen()
