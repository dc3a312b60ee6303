"""A practice session: the plan, shown before it starts, and the conductor of its parts.

This screen stays underneath while the session runs. Each part is the
exercise's own screen, pushed on top; when a part is over it says so here, and
the next one follows. The session keeps one record, brought up to date with
every save while it runs (see ``DurfApp.change_state``), so a session ended
early, or cut off by a closed terminal, is kept with what was done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from durf.core.i18n import get_language, t, tn
from durf.core.session import (
    DEFAULT_MINUTES,
    PartResult,
    SessionRun,
    clamp_minutes,
    part_record,
    parts_done,
    skip_rest,
)
from durf.core.text import one_line
from durf.screens.base import PHONE_WIDTH
from durf.screens.confirm import ConfirmScreen
from durf.screens.flow import FlowScreen

if TYPE_CHECKING:
    from datetime import datetime

    from durf.core.session import Part, SessionPlan
    from durf.core.state import State

EXERCISE_OF_PART = {
    "breathe": "breathe",
    "affirm": "affirm",
    "guide": "step",
    "step": "step",
    "quadrant": "quadrant",
}
"""The exercise whose own record a part keeps, by part kind."""


@dataclass
class SessionFlow:
    """The session as a flow, for the check-in and check-out screens it shares with breathing.

    Those screens read and write ``flow.session.areas``, ``tension_before`` and
    ``tension_after``; a ``SessionRun`` has the same fields.
    """

    session: Any
    saved: bool = False

    @property
    def worth_keeping(self) -> bool:
        """Whether the session holds anything done."""
        return self.session is not None and self.session.worth_keeping

    def record(self, state: State, ended: datetime, completed: bool) -> State:
        """The state as it is: every save during a session already keeps the session."""
        return state


def minutes_text(seconds: float) -> str:
    """Seconds as minutes to the nearest half, never less than half a minute."""
    halves = max(1, round(seconds / 30))
    whole, half = divmod(halves, 2)
    text = ("" if whole == 0 else str(whole)) + ("½" if half else "")
    return t("session.minutes_short", minutes=text)


class SessionScreen(FlowScreen):
    """The plan of a session; once started, the place each part comes back to."""

    TITLE_KEY = "session.title"
    CSS_PATH = "session.tcss"
    KEY_HINTS: ClassVar = [
        ("Enter", "keys.start"),
        ("← →", "session.key_minutes"),
        ("f", "keys.focus"),
        ("Esc", "keys.back"),
        ("?", "keys.help"),
    ]
    BINDINGS: ClassVar = [
        Binding("enter", "start", show=False, priority=True),
        Binding("left,minus", "minutes(-1)", show=False),
        Binding("right,plus,equals_sign", "minutes(1)", show=False),
    ]

    def __init__(self, minutes: int = DEFAULT_MINUTES) -> None:
        super().__init__(SessionFlow(None))
        self.minutes = clamp_minutes(minutes)
        self.plan: SessionPlan | None = None
        self.run: SessionRun | None = None
        self._moving_on = False

    def compose_body(self) -> ComposeResult:
        """The heading, the parts with their minutes, and how to steer."""
        yield Static(id="plan-heading", markup=False)
        yield Static(id="plan")
        yield Static(id="plan-total", markup=False)
        yield Static(t("session.how_to_steer"), id="plan-note", markup=False)

    def on_mount(self) -> None:
        """Plan as soon as the state is read (the first frame does not wait for it)."""
        self.watch(self.app, "state_revision", self._replan)
        self.watch(self.app, "focus_mode", self._fit_plan, init=False)

    def _fit(self, width: int, height: int) -> None:
        super()._fit(width, height)
        self._fit_plan()

    def _fit_plan(self, _focus: bool = False) -> None:
        """Lay the plan's lines out again for the room there is now."""
        if self.plan is not None and self.run is None and self.query("#plan"):
            self._show_plan()

    def _replan(self, _revision: int = 0) -> None:
        if self.run is not None or not self.query("#plan"):
            return
        if self.practice.state is None:
            self.query_one("#plan-heading", Static).update(t("session.planning"))
            return
        self.plan = self.practice.session.plan(self.minutes)
        self._show_plan()

    def after_relocalize(self) -> None:
        """The plan in the new language."""
        if self.run is None:
            self._replan()

    def _show_plan(self) -> None:
        plan = self.plan
        assert plan is not None
        self.query_one("#plan-heading", Static).update(t("session.heading", minutes=plan.minutes))
        rows = [(self.part_name(part), self.part_detail(part), part) for part in plan.parts]
        name_width = max(len(name) for name, _, _ in rows)
        # Number, name, detail and minutes on one line within the body's padding
        # (wider in focus mode).
        padding = 8 if self.durf.focus_mode else 4
        detail_width = max(10, min(self.app.size.width, 110) - padding - 15 - name_width)
        if self.app.size.width < PHONE_WIDTH:
            lines = self._stacked_plan(rows)
        else:
            lines = self._plan_lines(rows, name_width, detail_width)
        self.query_one("#plan", Static).update(Content("\n").join(lines))
        total = max(1, round(plan.seconds / 60))
        key = "session.total" if total >= plan.minutes - 1 else "session.total_shorter"
        self.query_one("#plan-total", Static).update(t(key, minutes=total))

    def _plan_lines(
        self, rows: list[tuple[str, str, Part]], name_width: int, detail_width: int
    ) -> list[Content]:
        """One line a part: number, name, detail and minutes side by side."""
        lines: list[Content] = []
        for number, (name, detail, part) in enumerate(rows, start=1):
            lines.append(
                Content.assemble(
                    (f"{number}  ", "$text-muted"),
                    (name.ljust(name_width), "bold"),
                    "   ",
                    (one_line(detail, detail_width).ljust(detail_width), "$text-muted"),
                    "  ",
                    (minutes_text(part.seconds).rjust(7), "$text-muted"),
                )
            )
        return lines

    def _stacked_plan(self, rows: list[tuple[str, str, Part]]) -> list[Content]:
        """A phone's width: the name and minutes on one line, the detail under it."""
        width = max(20, self.app.size.width - 2)
        lines: list[Content] = []
        for number, (name, detail, part) in enumerate(rows, start=1):
            minutes = minutes_text(part.seconds)
            name_room = max(8, width - 3 - len(minutes) - 1)
            lines.append(
                Content.assemble(
                    (f"{number}  ", "$text-muted"),
                    (one_line(name, name_room).ljust(name_room), "bold"),
                    " ",
                    (minutes, "$text-muted"),
                )
            )
            if detail:
                lines.append(Content.assemble("   ", (one_line(detail, width - 3), "$text-muted")))
        return lines

    # -- how each part is called -------------------------------------------------------

    def part_name(self, part: Part) -> str:
        """What a part is called in the plan and in the title bar."""
        if part.kind == "breathe":
            return tn("session.part.breathe", part.breaths)
        if part.kind == "affirm":
            return tn("session.part.affirm", len(part.affirmations))
        if part.kind == "guide" and part.resume:
            return t("session.part.guide_resume")
        return t(f"session.part.{part.kind}")

    def part_detail(self, part: Part) -> str:
        """A few words on what a part holds today (user text literally, on one line)."""
        state = self.practice.loaded_state
        if part.kind == "breathe":
            pattern = self.practice.breathing.pattern_by_id(part.pattern_id)
            return pattern.name.get(get_language()) if pattern is not None else ""
        if part.kind == "affirm":
            item = self.practice.affirmations.item(part.affirmations[0])
            return t("session.detail.affirm", text=one_line(item.text, 60)) if item else ""
        if part.kind == "step" and part.step_id is not None:
            from durf.core.steps import find_step

            return one_line(find_step(state, part.step_id).what, 80)
        if part.kind == "sentence":
            sentence = next((s for s in state.sentences if s.id == part.sentence_id), None)
            return (
                t("session.detail.sentence", text=one_line(sentence.text, 60)) if sentence else ""
            )
        if part.kind == "question" and part.prompt_key is not None:
            return self.practice.session.prompt_text(part.prompt_key)
        return t(f"session.detail.{part.kind}")

    # -- before it starts ----------------------------------------------------------------

    def action_minutes(self, delta: int) -> None:
        """A minute shorter or longer; the plan follows."""
        if self.run is not None:
            return
        minutes = clamp_minutes(self.minutes + delta)
        if minutes == self.minutes:
            return
        longer = self.practice.session.plan(minutes)
        if delta > 0 and self.plan is not None and longer.seconds <= self.plan.seconds:
            self.app.notify(t("session.longest"), timeout=5)  # nothing more to fill
            return
        self.minutes = minutes
        self.plan = longer
        self._show_plan()

    def action_start(self) -> None:
        """Begin with the first part."""
        if self.run is not None or self.plan is None:
            return
        self.run = SessionRun(self.plan, started_at=self.durf.clock.now())
        self.flow.session = self.run
        self.practice.session.begin(self.run)
        self._show_current()

    def action_back(self) -> None:
        """Before the start, back home; during the session, ask before ending it."""
        if self.run is None:
            self.app.pop_screen()
        else:
            self.ask_to_end(self)

    # -- while it runs -----------------------------------------------------------------

    def title_of(self, part: Part) -> str:
        """The title bar of a part: where in the session it is."""
        assert self.run is not None
        return t(
            "session.part_title",
            number=self.run.plan.parts.index(part) + 1,
            total=len(self.run.plan.parts),
            part=self.part_name(part),
        )

    def _show_current(self) -> None:
        from durf.screens.session_parts import screen_for

        run = self.run
        assert run is not None
        part = run.current
        if part is None:
            self._end(completed=True)
            return
        screen = screen_for(self, part)
        if screen is None:  # nothing to do for it today (its step was closed meanwhile)
            run.results.append(PartResult(part.kind, "skipped"))
            self._show_current()
            return
        self.app.push_screen(screen)

    def part_over(self, result: PartResult) -> None:
        """A part says it is over: keep what it did, and show the next one."""
        run = self.run
        if run is None or self._moving_on or run.current is None:
            return
        self._add_result(result)
        self._keep()
        self._moving_on = True
        self.app.call_later(self._next_part)

    def _add_result(self, result: PartResult) -> None:
        """Note what became of the part now due, linked to the record it kept, if any."""
        run = self.run
        assert run is not None
        exercise = EXERCISE_OF_PART.get(result.kind)
        if exercise is not None and result.record_id is None and result.status != "skipped":
            result.record_id = part_record(self.practice.loaded_state, run, exercise)
        run.results.append(result)

    async def _next_part(self) -> None:
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            await self.app.pop_screen()
        self._moving_on = False
        self._show_current()

    def _keep(self) -> bool:
        """Save the session as it is now (every save while it runs keeps it)."""
        return self.attempt(self.practice.session.keep) is not None

    def keep_now(self) -> None:
        """Save the session as it is, if it is still running (a timer's call)."""
        if self.run is not None and self.practice.session.run is self.run:
            self._keep()

    def ask_to_end(self, part_screen: Any) -> None:
        """Esc in a part: end the whole session, after asking; what was done is kept."""
        run = self.run
        if run is None:
            return

        def answered(end: bool | None) -> None:
            if end:
                self.end_early(part_screen)

        done, _ = parts_done(run)
        detail = t("session.end_detail") if done or run.worth_keeping else ""
        self.app.push_screen(ConfirmScreen(t("session.end_question"), detail), answered)

    def end_early(self, part_screen: Any) -> None:
        """Keep what the part on screen did (as not finished), and end the session."""
        run = self.run
        if run is None:
            return
        # Words in a screen the part opened (the look back on a step) are kept too.
        for screen in self.app.screen_stack[self.app.screen_stack.index(self) + 1 :]:
            keep_typed = getattr(screen, "keep_typed", None)
            if keep_typed is not None and not hasattr(screen, "keep_part"):
                keep_typed()
        if run.current is not None:
            keep = getattr(part_screen, "keep_part", None)
            result = keep(completed=False) if keep is not None else None
            self._add_result(result or PartResult(run.current.kind, "skipped"))
        skip_rest(run)
        self._end(completed=False)

    def _end(self, completed: bool) -> None:
        run = self.run
        assert run is not None
        run.completed = completed
        if (run.worth_keeping or run.kept) and not self._keep():
            run.completed = False
            return  # the user was told why; they stay where they are
        self.practice.session.end(self.run)
        self.run = None
        if completed:
            seconds = (self.durf.clock.now() - run.started_at).total_seconds()
            if seconds < 60:
                self.app.notify(t("session.kept_short"), timeout=8)
            else:
                self.app.notify(tn("session.kept", round(seconds / 60)), timeout=8)
        elif run.worth_keeping:
            done, total = parts_done(run)
            self.app.notify(t("session.kept_early", done=done, total=total), timeout=8)
        self.app.call_later(self._leave)

    async def _leave(self) -> None:
        while len(self.app.screen_stack) > 1 and self in self.app.screen_stack:
            await self.app.pop_screen()

    def part_on_screen(self) -> Any:
        """The part being practised: the top screen that is a part (a question, help or
        the look back on a step may lie over it), else this screen."""
        return next(
            (screen for screen in reversed(self.app.screen_stack) if hasattr(screen, "keep_part")),
            self,
        )

    def keep_typed(self) -> None:
        """Quitting, or the terminal closed: keep the session as it is, not completed."""
        run = self.run
        if run is None or run.current is None:
            return
        keep = getattr(self.part_on_screen(), "keep_part", None)
        result = keep(completed=False, quitting=True) if keep is not None else None
        self._add_result(result or PartResult(run.current.kind, "skipped"))
        skip_rest(run)
        if run.worth_keeping or run.kept:
            self._keep()
        self.practice.session.end(self.run)

    def on_unmount(self) -> None:
        """However this screen goes, a session in progress is not left running."""
        if self.practice.session.run is self.run:
            self.practice.session.end(self.run)
