"""Which screen opens when: every exercise (one at a time), the steps board and guide,
the core quadrant, the pages, and the way back home."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.app import App

from durf.core.clock import today
from durf.core.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen

    from durf.app import DurfApp
    from durf.core.library import BreathingPattern
    from durf.core.patterns import QuickPattern
    from durf.core.state import SessionRecord, StepDraft
    from durf.core.weeks import Week
    from durf.practice.flows import AffirmFlow
    from durf.screens.flow import FlowScreen
    from durf.screens.session.hub import SessionScreen
    from durf.screens.steps.guide import GuideScreen

Guide = TypeVar("Guide", bound="GuideScreen")


class Navigation(App[None]):
    """The app's part of moving between screens."""

    def open_flows(self) -> list[FlowScreen]:
        """The exercise screens open now, lowest first."""
        from durf.screens.flow import FlowScreen

        return [screen for screen in self.screen_stack if isinstance(screen, FlowScreen)]

    def session_hub(self) -> SessionScreen | None:
        """The practice session's plan screen, if one is open."""
        from durf.screens.session.hub import SessionScreen

        return next((s for s in self.screen_stack if isinstance(s, SessionScreen)), None)

    def say_already_open(self) -> None:
        """One exercise at a time: say which one is open."""
        key = "session.already_open" if self.session_hub() else "breathe.already_open"
        self.notify(t(key), timeout=5)

    def _one_at_a_time(self) -> bool:
        if self.open_flows():
            self.say_already_open()
            return False
        return True

    def _open(self, kind: type[Screen[None]]) -> None:
        if not isinstance(self.screen, kind):
            self.push_screen(kind())

    # -- the exercises -----------------------------------------------------------------

    def action_start_session(self, minutes: int | None = None) -> None:
        """Open a practice session: its plan first, then the parts one after another."""
        from durf.core.session import DEFAULT_MINUTES
        from durf.screens.session.hub import SessionScreen

        if self._one_at_a_time():
            self.push_screen(SessionScreen(minutes or DEFAULT_MINUTES))

    def action_start_breathing(self: DurfApp) -> None:
        """Open the breathing-before-speaking exercise at its check-in."""
        from durf.screens.breathe.checkin import CheckInScreen

        if self._one_at_a_time():
            self.push_screen(CheckInScreen(self.practice.breathing.new_flow()))

    def start_breathing_now(
        self: DurfApp, pattern: BreathingPattern | QuickPattern, breaths: int
    ) -> None:
        """Skip the check-in and setup: breathe at once, over what is open."""
        self.push_screen(self.breathing_screen(pattern, breaths))

    def breathing_screen(
        self: DurfApp, pattern: BreathingPattern | QuickPattern, breaths: int
    ) -> Screen[None]:
        """The breathing itself, without check-in and setup (``durf breathe --pattern``)."""
        from durf.screens.breathe.breathing import BreatheScreen

        return BreatheScreen(self.practice.breathing.flow_now(pattern, breaths))

    def action_start_affirmations(self) -> None:
        """Open the affirmations: choose what to practise, or manage your own."""
        from durf.screens.affirm.choose import AffirmScreen

        if self._one_at_a_time():
            self.push_screen(AffirmScreen())

    def start_affirmations_now(
        self: DurfApp, flow: AffirmFlow, rounds: int | None, minutes: int | None
    ) -> None:
        """Skip the choices: practise at once (``durf affirm --set``)."""
        from durf.screens.affirm.practise import AffirmSessionScreen

        self.push_screen(
            AffirmSessionScreen(self.practice.affirmations.plan(flow, rounds, minutes))
        )

    # -- small steps -------------------------------------------------------------------

    def action_open_steps(self: DurfApp) -> None:
        """Open the weekly board of small steps (not during a session: it has its own step)."""
        from durf.screens.steps.board import StepBoardScreen

        if self.practice.session.run is not None:
            self.say_already_open()
            return
        self._open(StepBoardScreen)

    def action_new_step(self: DurfApp) -> None:
        """Open the five-step guide, carrying on with its draft if one was left."""
        from durf.screens.steps.guide import GuideScreen

        if any(isinstance(screen, GuideScreen) for screen in self.screen_stack):
            self.notify(t("guide.already_open"), timeout=5)
            return
        if self.practice.session.run is not None:
            self.say_already_open()
            return
        self.push_screen(self.guide_screen(GuideScreen))

    def guide_screen(self: DurfApp, kind: type[Guide], draft: StepDraft | None = None) -> Guide:
        """A guide screen of ``kind`` on ``draft``, or on the saved draft, or on a new one."""
        start = self.practice.steps.guide_start(draft)
        return kind(start.draft, start.guide, resumed=start.resumed)

    def show_step_board(self: DurfApp, step_id: str | None, *, replacing: Screen[None]) -> None:
        """Close ``replacing`` and show the board at this week, the given step highlighted."""
        from durf.screens.steps.board import StepBoardScreen

        def swap() -> None:
            if self.screen is replacing:
                self.pop_screen()
            if isinstance(self.screen, StepBoardScreen):
                self.show_on_board(step_id, self.practice.steps.this_week)
            else:
                self.push_screen(StepBoardScreen(focus_step=step_id))

        self.call_later(swap)

    def show_on_board(self: DurfApp, step_id: str | None, week: Week) -> None:
        """Have the board underneath show ``week`` with ``step_id`` highlighted."""
        from durf.screens.steps.board import StepBoardScreen

        for screen in self.screen_stack:
            if isinstance(screen, StepBoardScreen):
                screen.week = week
                screen.focus_step = step_id
        self.state_revision += 1

    # -- the core quadrant -------------------------------------------------------------

    def action_open_quadrant(self: DurfApp) -> None:
        """Open the core quadrant: the choice of quadrant when there are several."""
        from durf.screens.quadrant.summary import QuadrantChoiceScreen

        if not self._one_at_a_time():
            return
        quadrants = self.practice.quadrants.all()
        if not quadrants:
            self.notify(t("quadrant.missing"), timeout=8)
        elif len(quadrants) == 1:
            self.open_quadrant(quadrants[0].id)
        else:
            self.push_screen(QuadrantChoiceScreen())

    def open_quadrant(
        self: DurfApp, quadrant_id: str, replacing: Screen[None] | None = None
    ) -> None:
        """The last quadrant of this kind to look at, the one left half way, or a new one."""
        from durf.screens.quadrant.summary import QuadrantSummaryScreen

        last = self.practice.quadrants.last_walk(quadrant_id)
        if last is not None and last.completed:
            self._show_quadrant_screen(QuadrantSummaryScreen(last.id), replacing)
        elif last is not None:
            self._walk_quadrant(quadrant_id, last, replacing, carrying_on=True)
        else:
            self._walk_quadrant(quadrant_id, None, replacing)

    def redo_quadrant(self: DurfApp, record_id: str, replacing: Screen[None] | None) -> None:
        """Walk through a quadrant again, starting from what this record chose."""
        record = self.practice.quadrants.walk(record_id)
        if record is None:
            return
        if any(screen is not replacing for screen in self.open_flows()):
            self.say_already_open()
            return
        self._walk_quadrant(str(record.details.get("quadrant", "")), record, replacing)

    def _walk_quadrant(
        self: DurfApp,
        quadrant_id: str,
        start_from: SessionRecord | None,
        replacing: Screen[None] | None,
        *,
        carrying_on: bool = False,
    ) -> None:
        from durf.practice.flows import QuadrantFlow
        from durf.screens.quadrant.walk import QuadrantScreen

        quadrant = self.practice.quadrants.by_id(quadrant_id)
        if quadrant is None:
            self.notify(t("quadrant.missing"), timeout=8)
            return
        answers = self.practice.quadrants.new_answers(quadrant_id, start_from)
        self._show_quadrant_screen(QuadrantScreen(QuadrantFlow(answers, quadrant)), replacing)
        if carrying_on:
            self.notify(t("quadrant.carry_on"), timeout=5)

    def _show_quadrant_screen(self, screen: Screen[None], replacing: Screen[None] | None) -> None:
        if replacing is not None and self.screen is replacing:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- the pages -------------------------------------------------------------------

    def action_export(self: DurfApp) -> None:
        """Open the export dialog: a format, a file, Enter."""
        from durf.screens.data.export import ExportScreen

        if not isinstance(self.screen, ExportScreen):
            self.push_screen(ExportScreen(today(self.practice.clock)))

    def action_open_settings(self) -> None:
        """Open the settings."""
        from durf.screens.data.settings import SettingsScreen

        self._open(SettingsScreen)

    def action_open_progress(self) -> None:
        """Open the progress dashboard."""
        from durf.screens.progress.dashboard import DashboardScreen

        self._open(DashboardScreen)

    def action_open_history(self) -> None:
        """Open the history of every session and step."""
        from durf.screens.progress.history import HistoryScreen

        self._open(HistoryScreen)

    def action_open_about(self) -> None:
        """Open the about page."""
        from durf.screens.about import AboutScreen

        self._open(AboutScreen)

    def action_open_help(self) -> None:
        """Open the help page."""
        from durf.screens.help import HelpScreen

        self._open(HelpScreen)

    async def action_go_home(self) -> None:
        """Close every screen above home; an exercise is stopped the usual way (it asks)."""
        hub = self.session_hub()
        if hub is not None and hub.run is not None:
            hub.ask_to_end(hub.part_on_screen())  # it closes everything once it has ended
            return
        flows = self.open_flows()
        if flows:
            while self.screen is not flows[-1]:
                await self.pop_screen()
            flows[-1].action_back()
            return
        while len(self.screen_stack) > 1:
            await self.pop_screen()
