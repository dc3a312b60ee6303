"""Progress: the home card's figures and the dashboard, from a walk over the history
that is kept until the history or the day changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from durf.core.clock import today

if TYPE_CHECKING:
    from durf.core.progress import Dashboard, HomeSummary, Practice
    from durf.core.state import SessionRecord
    from durf.practice.keeper import StateKeeper


class ProgressPractice:
    """What home and the dashboard ask of the practice layer."""

    def __init__(self, keeper: StateKeeper) -> None:
        self._keeper = keeper
        self._kept: tuple[list[SessionRecord], Practice] | None = None

    def walk(self) -> Practice | None:
        """The walk over the history, or None while the state is still loading.

        Most changes (a draft saved, a step marked) leave the history list itself
        untouched, so the one part of the figures that grows with years of practice
        is computed once per new session, not once per key.
        """
        state = self._keeper.state_if_loaded
        if state is None:
            return None
        from durf.core.progress import practice_of

        day = today(self._keeper.clock)
        kept = self._kept
        if kept is not None and kept[0] is state.history and kept[1].today == day:
            return kept[1]
        practice = practice_of(state.history, day)
        self._kept = (state.history, practice)
        return practice

    def walk_ahead(self, history: list[SessionRecord]) -> None:
        """Walk over a history just loaded (off the interface thread), so that the home
        card appears without a pause."""
        from durf.core.progress import practice_of

        self._kept = (history, practice_of(history, today(self._keeper.clock)))

    def summary(self) -> HomeSummary | None:
        """The figures for the home screen's progress line."""
        practice = self.walk()
        return None if practice is None else practice.summary()

    def dashboard(self) -> Dashboard | None:
        """Every progress figure, or None while the state is still loading."""
        practice = self.walk()
        state = self._keeper.state_if_loaded
        if practice is None or state is None:
            return None
        from durf.core.progress import dashboard

        return dashboard(state, practice.today, practice=practice)
