"""A practice session: its keys, and the conductor of its parts once the plan is started.

The plan shown before the start is ``SessionPlanView`` (in ``session_plan``),
this screen's base. This screen stays underneath while the session runs. Each
part is the exercise's own screen, pushed on top; when a part is over it says
so here, and the next one follows. The session keeps one record, brought up to date with
every save while it runs (``durf.practice`` keeps it), so a session ended
early, or cut off by a closed terminal, is kept with what was done.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding

from durf.core.i18n import t, tn
from durf.core.session import (
    DEFAULT_MINUTES,
    PartResult,
    SessionRun,
    clamp_minutes,
    parts_done,
    skip_rest,
)
from durf.screens.confirm import ConfirmScreen
from durf.screens.session.plan import SessionPlanView

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


class SessionScreen(SessionPlanView):
    """The plan of a session; once started, the place each part comes back to."""

    TITLE_KEY = "session.title"
    CSS_PATH = Path(__file__).with_name("session.tcss")
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

    # -- starting and leaving -----------------------------------------------------------

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
        from durf.screens.session.parts import screen_for

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
            result.record_id = self.practice.session.record_of_part(run, exercise)
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
