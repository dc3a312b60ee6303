"""The weekly board: this week's small steps, what became of them, and the ladder they climb."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from durf.core.clock import today
from durf.core.dates import week_heading
from durf.core.i18n import t, tn
from durf.core.text import one_line
from durf.core.weeks import Week
from durf.screens.base import PHONE_WIDTH, DurfScreen
from durf.screens.steps.lines import ladder_lines, step_line
from durf.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from durf.core.state import State, Step


class StepBoardScreen(DurfScreen):
    """One week at a time; the keys act on the highlighted step."""

    TITLE_KEY = "steps.title"
    CSS_PATH = Path(__file__).with_name("steps.tcss")
    KEY_HINTS: ClassVar = [
        ("Enter", "board.key_done"),
        ("s", "board.key_smaller"),
        ("m", "board.key_move"),
        ("x", "board.key_let_go"),
        ("n", "board.key_new"),
        ("←→", "board.key_weeks"),
    ]
    """Esc (back) is left out: the Dutch hints would not fit 80 columns, and Esc works
    the same everywhere (help lists it)."""
    EMPTY_HINTS: ClassVar = [("n", "board.key_new"), ("←→", "board.key_weeks"), ("?", "keys.help")]
    """A week without steps: a new step, or another week, are all there is to do."""
    BINDINGS: ClassVar = [
        Binding("left", "week(-1)", show=False),
        Binding("right", "week(1)", show=False),
        Binding("t", "this_week", show=False),
        Binding("d", "done", show=False),
        Binding("s", "smaller", show=False),
        Binding("m", "move", show=False),
        Binding("x", "let_go", show=False),
        Binding("u", "reopen", show=False),
        Binding("e", "edit", show=False),
        Binding("n", "new", show=False),
    ]

    def __init__(self, week: Week | None = None, focus_step: str | None = None) -> None:
        super().__init__()
        self.week = week
        self.focus_step = focus_step
        self._steps: list[Step] = []
        self._wrapped_for_phone = False

    def compose_body(self) -> ComposeResult:
        """The week's heading, its steps, and the highlighted step's ladder."""
        yield Static("", id="week-heading", markup=False)
        yield Static("", id="week-empty", markup=False)
        yield OptionList(id="week-steps")
        yield Static("", id="step-detail")
        yield Static("", id="earlier-note", markup=False)
        yield Static("", id="draft-note", markup=False)

    def on_mount(self) -> None:
        """Show the week as soon as the state is there, and again whenever it changes."""
        super().on_mount()
        if self.week is None:
            self.week = self.this_week
        self.watch(self.app, "state_revision", self._refresh)

    @property
    def this_week(self) -> Week:
        """The week that today falls in, by the app's clock."""
        return Week.of(today(self.durf.clock))

    def after_relocalize(self) -> None:
        """The rebuilt screen shows the week again."""
        self._refresh()

    def _fit(self, width: int, height: int) -> None:
        super()._fit(width, height)
        phone = width < PHONE_WIDTH
        if phone or phone != self._wrapped_for_phone:
            self._refresh()  # the step lines wrap to the window's width
        self._wrapped_for_phone = phone

    def _refresh(self, _revision: int = 0) -> None:
        state = self.practice.state
        if state is None or not self.query("#week-steps") or self.week is None:
            return
        from durf.core.steps import steps_in_week

        listing = self.query_one("#week-steps", OptionList)
        highlighted_id = self.focus_step or self._highlighted_id()
        self.focus_step = None
        self._steps = steps_in_week(state, self.week)
        self.query_one("#week-heading", Static).update(week_heading(self.week, self.this_week))
        listing.clear_options()
        width = self.app.size.width - 4 if self.app.size.width < PHONE_WIDTH else None
        listing.add_options([Option(step_line(step, self.week, width)) for step in self._steps])
        has_steps = bool(self._steps)
        listing.display = has_steps
        self.query_one(KeyBar).show_hints(self.KEY_HINTS if has_steps else self.EMPTY_HINTS)
        empty = self.query_one("#week-empty", Static)
        empty.display = not has_steps
        empty.update(t("board.empty_this_week" if self.week >= self.this_week else "board.empty"))
        if has_steps:
            ids = [step.id for step in self._steps]
            listing.highlighted = ids.index(highlighted_id) if highlighted_id in ids else 0
            listing.focus()
        self._show_detail(state)
        earlier = self.query_one("#earlier-note", Static)
        still_open = (
            sum(
                1
                for step in state.steps
                if step.status == "planned" and Week.parse(step.week) < self.this_week
            )
            if self.week == self.this_week
            else 0
        )
        earlier.display = still_open > 0
        if still_open:
            earlier.update(tn("board.earlier_open", still_open))
        note = self.query_one("#draft-note", Static)
        note.display = state.step_draft is not None
        note.update(t("board.draft_waiting"))

    def _highlighted_id(self) -> str | None:
        step = self.highlighted_step
        return step.id if step is not None else None

    @property
    def highlighted_step(self) -> Step | None:
        """The step the keys act on."""
        listing = self.query("#week-steps")
        if not listing or not self._steps:
            return None
        index = listing.first(OptionList).highlighted
        return self._steps[index] if index is not None and index < len(self._steps) else None

    def _show_detail(self, state: State) -> None:
        from durf.core.steps import ladder_view, rung_of

        detail = self.query_one("#step-detail", Static)
        step = self.highlighted_step
        view = ladder_view(state, step.ladder_id) if step is not None else None
        detail.display = step is not None
        if step is None:
            return
        parts: list[str | tuple[str, str]] = []
        if step.sentence.strip():
            parts += [
                (t("board.sentence"), "bold"),
                " ",
                f"“{one_line(step.sentence, 66)}”",
                "\n",
            ]
        if step.trusted in ("unsure", "no"):
            parts += [(t("board.trust_doubt"), "italic $text-muted"), "\n"]
        content = Content.assemble(*parts)
        if view is not None:
            content = content + ladder_lines(view, rung_of(state, step.id))
        detail.update(content)

    @on(OptionList.OptionHighlighted, "#week-steps")
    def _highlighted(self) -> None:
        state = self.practice.state
        if state is not None:
            self._show_detail(state)

    @on(OptionList.OptionSelected, "#week-steps")
    def _selected(self) -> None:
        self.action_done()

    # -- weeks ---------------------------------------------------------------------------

    def action_week(self, delta: int) -> None:
        """Browse to an earlier or later week (from the first step's week to next week)."""
        from durf.core.steps import weeks_with_steps

        state = self.practice.state
        if state is None or self.week is None:
            return
        known = weeks_with_steps(state)
        earliest = min([*known, self.this_week])
        latest = max([*known, self.this_week.shifted(1)])
        target = self.week.shifted(delta)
        if earliest <= target <= latest:
            self.week = target
            self._refresh()
        else:
            self.app.bell()

    def action_this_week(self) -> None:
        """Back to this week."""
        self.week = self.this_week
        self._refresh()

    # -- acting on a step ------------------------------------------------------------------

    def _current_step(self) -> Step | None:
        """The highlighted step as it is on disk now: another window may have changed it."""
        if self.durf.refresh_state():
            self._refresh()
        return self.highlighted_step

    def _planned_step(self) -> Step | None:
        step = self._current_step()
        if step is None:
            return None
        if step.status != "planned":
            self.app.notify(t(f"board.not_planned.{step.status}"), timeout=5)
            return None
        return step

    def action_done(self) -> None:
        """Mark the step done with a short reflection (or read and change the reflection)."""
        from durf.screens.steps.reflect import ReflectScreen

        step = self._current_step()
        if step is None:
            return
        if step.status not in ("planned", "done"):
            self.app.notify(t(f"board.not_planned.{step.status}"), timeout=5)
            return
        self.app.push_screen(ReflectScreen(step.id))

    def action_smaller(self) -> None:
        """Write a smaller step in its place; the big one stays, marked "made smaller"."""
        from durf.screens.steps.form import StepFormScreen

        step = self._planned_step()
        if step is not None:
            self.app.push_screen(StepFormScreen(step.id, smaller=True))

    def action_edit(self) -> None:
        """Change the words, person, day, scariness or sentence of a planned step."""
        from durf.screens.steps.form import StepFormScreen

        step = self._planned_step()
        if step is not None:
            self.app.push_screen(StepFormScreen(step.id, smaller=False))

    def action_move(self) -> None:
        """Carry the step on to next week, with one key."""
        step = self._planned_step()
        if step is None:
            return
        week = self.attempt(lambda: self.practice.steps.move(step.id))
        if week is not None:
            self.app.notify(t("board.moved", number=week.number), timeout=6)

    def action_let_go(self) -> None:
        """Not this time: closed, without judgement."""
        step = self._planned_step()
        if step is not None and self.attempt(lambda: self.practice.steps.let_go(step.id)):
            self.app.notify(t("board.let_go"), timeout=6)

    def action_reopen(self) -> None:
        """Undo done or not this time."""
        step = self._current_step()
        if step is None:
            return
        if step.status not in ("done", "not_this_time"):
            self.app.notify(t("board.cannot_reopen"), timeout=5)
            return
        if self.attempt(lambda: self.practice.steps.reopen(step.id)):
            self.app.notify(t("board.reopened"), timeout=4)

    def action_new(self) -> None:
        """Start the guide (or carry on with its draft)."""
        self.durf.action_new_step()
