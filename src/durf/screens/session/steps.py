"""This week's step as a part of a session: plan one with the guide, or decide on one planned.

Planning a step ends the part (the board can wait). A step planned earlier
comes back to be decided on: did it happen, not yet, smaller, next week, or not
this time; the look back and the smaller step are the steps' own screens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.i18n import t
from durf.core.session import PartResult
from durf.core.text import one_line, shown
from durf.screens.base import DurfScreen
from durf.screens.session.part_base import (
    END,
    NEXT_PART,
    NEXT_PART_TYPING,
    SESSION_KEYS,
    SessionPart,
    gone_elsewhere,
)
from durf.screens.steps.guide import GuideScreen

if TYPE_CHECKING:
    from durf.core.session import PartStatus


class SessionGuide(SessionPart, GuideScreen):
    """The five-step guide, to plan this week's step; the draft is kept whatever happens."""

    BINDINGS: ClassVar = SESSION_KEYS

    KEY_HINTS: ClassVar = [
        ("PgDn", "keys.next"),
        ("PgUp", "keys.previous"),
        NEXT_PART_TYPING,
        END,
    ]
    DETAILS_HINTS: ClassVar = [
        ("PgDn", "guide.key_plan"),
        ("PgUp", "keys.previous"),
        NEXT_PART_TYPING,
        END,
    ]

    def planned(self, step_id: str) -> None:
        """The step is planned: the part is over (the board can wait)."""
        self.hub.part_over(PartResult("guide", "done", step_id=step_id, outcome="planned"))

    def begin_again(self) -> None:
        """Empty pages, still within the session."""
        from durf.core.state import StepDraft

        now = self.durf.clock.now()
        fresh = self.durf.guide_screen(SessionGuide, StepDraft(started_at=now, updated_at=now))
        self.carry_on_as(fresh)

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """The draft is kept for next time; the part was begun if it holds words."""
        from durf.core.steps import draft_has_words

        if not quitting:
            self.keep_typed()
        status: PartStatus = "stopped" if draft_has_words(self.draft) else "skipped"
        return PartResult("guide", status)


class SessionStepScreen(SessionPart, DurfScreen):
    """This week's step: did it happen, not yet, smaller, next week, or not this time."""

    BINDINGS: ClassVar = SESSION_KEYS

    TITLE_KEY = "session.title"
    CSS_PATH = Path(__file__).with_name("session.tcss")
    KEY_HINTS: ClassVar = [("Enter", "keys.choose_this_one"), NEXT_PART, END]
    CHOICES: ClassVar = ("done", "not_yet", "smaller", "moved", "not_this_time")

    def __init__(self, step_id: str) -> None:
        super().__init__()
        self.step_id = step_id

    def compose_body(self) -> ComposeResult:
        """The step as planned, and what can become of it."""
        from durf.core.steps import StepError, move_target

        try:
            step = self.practice.steps.find(self.step_id)
        except StepError:
            yield from gone_elsewhere(self, PartResult("step", "skipped", step_id=self.step_id))
            return
        this_week = self.practice.steps.this_week
        heading = (
            t("session.step_heading")
            if step.week == str(this_week)
            else t("session.step_heading_earlier", number=int(step.week[-2:]))
        )
        with VerticalScroll(id="step-part", can_focus=False):
            yield Static(heading, classes="question", markup=False)
            yield Static(shown(step.what), id="step-what", markup=False)
            details = []
            if step.with_whom.strip():
                details.append(t("session.step_with", who=one_line(step.with_whom, 40)))
            if step.sentence.strip():
                details.append(t("session.step_sentence", sentence=one_line(step.sentence, 60)))
            if details:
                yield Static("\n".join(details), classes="muted", markup=False)
            target = move_target(step, this_week)
            words = {
                "done": t("session.step.done"),
                "not_yet": t("session.step.not_yet"),
                "smaller": t("session.step.smaller"),
                "moved": t("session.step.moved", number=target.number),
                "not_this_time": t("session.step.not_this_time"),
            }
            yield OptionList(
                *[Option(words[choice], id=choice) for choice in self.CHOICES], id="step-choices"
            )

    def on_mount(self) -> None:
        """The choices have the keys."""
        self.after_relocalize()

    def after_relocalize(self) -> None:
        """Rebuilt in another language: the choices have the keys again."""
        for choices in self.query("#step-choices").results(OptionList):
            choices.focus()

    @on(OptionList.OptionSelected, "#step-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from durf.screens.steps.form import StepFormScreen
        from durf.screens.steps.reflect import ReflectScreen

        choice = event.option.id
        if choice == "done":
            self.app.push_screen(ReflectScreen(self.step_id))
        elif choice == "smaller":
            self.app.push_screen(StepFormScreen(self.step_id, smaller=True))
        elif choice == "not_yet":
            self.hub.part_over(PartResult("step", "done", step_id=self.step_id, outcome="planned"))
        elif choice == "moved":
            week = self.attempt(lambda: self.practice.steps.move(self.step_id))
            if week is not None:
                self.app.notify(t("board.moved", number=week.number), timeout=6)
                self._decided()
        elif choice == "not_this_time" and self.attempt(
            lambda: self.practice.steps.let_go(self.step_id)
        ):
            self.app.notify(t("board.let_go"), timeout=6)
            self._decided()

    def on_screen_resume(self) -> None:
        """Back from the look back or the smaller step: over once the step was changed."""
        self._decided()

    def _status(self) -> str | None:
        from durf.core.steps import StepError

        try:
            return self.practice.steps.find(self.step_id).status
        except StepError:
            return None

    def _decided(self) -> None:
        status = self._status()
        if status is not None and status != "planned":
            self.hub.part_over(PartResult("step", "done", step_id=self.step_id, outcome=status))

    def keep_part(self, completed: bool, quitting: bool = False) -> PartResult:
        """Done if the step was decided on; a reflection written is kept by its own screen."""
        status = self._status()
        if status is not None and status != "planned":
            return PartResult("step", "done", step_id=self.step_id, outcome=status)
        return PartResult("step", "skipped", step_id=self.step_id)
