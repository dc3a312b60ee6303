"""The plan of a practice session, shown before it starts, with ← → for its length.

``SessionPlanView`` is the base of ``SessionScreen`` (in ``session``), which
holds the keys and runs the parts once the plan is started. What each part is
called is here too: the plan shows it, and so do the title bar and the
check-out's summary while the session runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from durf.core.i18n import get_language, t, tn
from durf.core.session import clamp_minutes
from durf.core.text import one_line
from durf.screens.base import PHONE_WIDTH
from durf.screens.flow import FlowScreen

if TYPE_CHECKING:
    from durf.core.session import Part, SessionPlan, SessionRun


def minutes_text(seconds: float) -> str:
    """Seconds as minutes to the nearest half, never less than half a minute."""
    halves = max(1, round(seconds / 30))
    whole, half = divmod(halves, 2)
    text = ("" if whole == 0 else str(whole)) + ("½" if half else "")
    return t("session.minutes_short", minutes=text)


class SessionPlanView(FlowScreen):
    """The parts of the session with their minutes, planned again when its length changes."""

    minutes: int
    plan: SessionPlan | None
    run: SessionRun | None
    """Set once the session starts: from then on the plan is no longer shown."""

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
