"""The app's part of the core quadrant: which quadrants there are, and opening one.

A mixin of ``DurfApp``, apart so that ``app.py`` does not grow with every exercise.
The screens ask these methods; saving goes through ``DurfApp.save_flow`` as for
every exercise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen

    from durf.app import DurfApp
    from durf.core.quadrant import QuadrantAnswers
    from durf.core.quadrant_file import Quadrant
    from durf.core.state import SessionRecord


class QuadrantActions:
    """Open, look at again and redo a core quadrant."""

    def quadrants(self: DurfApp) -> list[Quadrant]:
        """Every quadrant in the library (bundled first, then the user's own)."""
        return list(self.ensure_library().quadrants)

    def quadrant_by_id(self: DurfApp, quadrant_id: str) -> Quadrant | None:
        """The quadrant with this id, if its file is (still) there."""
        return next((q for q in self.quadrants() if q.id == quadrant_id), None)

    def last_quadrant(self: DurfApp, quadrant_id: str | None = None) -> SessionRecord | None:
        """The latest walk through a quadrant (of ``quadrant_id`` if given), finished or not."""
        from durf.core.quadrant import last_quadrant

        return last_quadrant(self.store.state.history, quadrant_id)

    def quadrant_record(self: DurfApp, record_id: str) -> SessionRecord | None:
        """The history record with this id, if it is a quadrant."""
        return next(
            (r for r in self.store.state.history if r.id == record_id and r.exercise == "quadrant"),
            None,
        )

    def action_open_quadrant(self: DurfApp) -> None:
        """Open the core quadrant: the choice of quadrant when there are several."""
        from durf.screens.quadrant_summary import QuadrantChoiceScreen

        if self._open_flows():
            self._say_already_open()
            return
        quadrants = self.quadrants()
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
        from durf.screens.quadrant_summary import QuadrantSummaryScreen

        last = self.last_quadrant(quadrant_id)
        if last is not None and last.completed:
            self._show_quadrant_screen(QuadrantSummaryScreen(last.id), replacing)
        elif last is not None:
            self._walk_quadrant(quadrant_id, last, replacing, carrying_on=True)
        else:
            self._walk_quadrant(quadrant_id, None, replacing)

    def redo_quadrant(self: DurfApp, record_id: str, replacing: Screen[None] | None) -> None:
        """Walk through a quadrant again, starting from what this record chose."""
        record = self.quadrant_record(record_id)
        if record is None:
            return
        if any(screen is not replacing for screen in self._open_flows()):
            self._say_already_open()
            return
        self._walk_quadrant(str(record.details.get("quadrant", "")), record, replacing)

    def new_quadrant_answers(
        self: DurfApp, quadrant_id: str, start_from: SessionRecord | None = None
    ) -> QuadrantAnswers:
        """A new walk through a quadrant, empty or starting from a record's answers."""
        from durf.core.quadrant import QuadrantAnswers, answers_from

        now = self.clock.now()
        if start_from is None:
            return QuadrantAnswers(quadrant_id=quadrant_id, started_at=now)
        answers = answers_from(start_from, now)
        answers.quadrant_id = quadrant_id
        if start_from.completed:
            answers.page = 0  # redoing: from the first page, with last time's choices
        return answers

    def _walk_quadrant(
        self: DurfApp,
        quadrant_id: str,
        start_from: SessionRecord | None,
        replacing: Screen[None] | None,
        *,
        carrying_on: bool = False,
    ) -> None:
        from durf.screens.quadrant import QuadrantFlow, QuadrantScreen

        quadrant = self.quadrant_by_id(quadrant_id)
        if quadrant is None:
            self.notify(t("quadrant.missing"), timeout=8)
            return
        flow = QuadrantFlow(self.new_quadrant_answers(quadrant_id, start_from), quadrant)
        self._show_quadrant_screen(QuadrantScreen(flow), replacing)
        if carrying_on:
            self.notify(t("quadrant.carry_on"), timeout=5)

    def _show_quadrant_screen(
        self: DurfApp, screen: Screen[None], replacing: Screen[None] | None
    ) -> None:
        if replacing is not None and self.screen is replacing:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
